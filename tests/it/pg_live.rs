//! Live refresh on PostgreSQL: another agent's write shows within a second.
//! Every write notifies (`NOTIFY frontdesk_changes`, delivered at commit);
//! a store's `data_version` grows when notifications arrived, as SQLite's
//! `PRAGMA data_version` does when another connection committed.

use crate::pg_server::TestDb;
use chrono::Utc;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers};
use frontdesk::store::Store;
use std::time::{Duration, Instant};

fn add(store: &mut Store, name: &str) {
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(store, &Ctx::new("a", Utc::now()), &input).unwrap();
}

/// Polls `store` until its data version differs from `seen`, for at most a second.
fn changes_within_a_second(store: &mut Store, seen: i64) -> bool {
    let deadline = Instant::now() + Duration::from_secs(1);
    while Instant::now() < deadline {
        if store.data_version().unwrap() != seen {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}

#[test]
fn another_agents_write_changes_the_data_version_within_a_second_and_nothing_else_does() {
    let Some(db) = TestDb::fresh() else { return };
    let (mut mine, mut theirs) = (db.store(), db.store());
    let seen = mine.data_version().unwrap();
    customers::list(&mut theirs, &Default::default(), None).ok();
    assert_eq!(mine.data_version().unwrap(), seen, "a read changes nothing");
    add(&mut theirs, "周八");
    assert!(changes_within_a_second(&mut mine, seen), "their write was seen");
    let seen = mine.data_version().unwrap();
    add(&mut mine, "吴九");
    assert!(changes_within_a_second(&mut mine, seen), "my own write counts too");
    let stamp = mine.change_stamp().unwrap();
    assert_eq!(mine.change_stamp().unwrap(), stamp, "unchanged without writes");
}
