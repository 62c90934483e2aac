//! Live refresh on PostgreSQL: another agent's write shows within a second.
//! Every write notifies (`NOTIFY frontdesk_changes`, delivered at commit);
//! a store's `data_version` grows when notifications arrived, as SQLite's
//! `PRAGMA data_version` does when another connection committed.

use crate::pg_server::TestDb;
use chrono::Utc;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers, presence, tickets};
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
    // My own write is not another agent's change (as SQLite's
    // `data_version` leaves out the connection's own commits), but the
    // change stamp, which keeps cached results honest, counts it.
    let seen = mine.data_version().unwrap();
    let stamp = mine.change_stamp().unwrap();
    add(&mut mine, "吴九");
    assert!(!changes_within_a_second(&mut mine, seen), "my own write is not theirs");
    assert_ne!(mine.change_stamp().unwrap(), stamp, "my own write moves the stamp");
    let stamp = mine.change_stamp().unwrap();
    assert_eq!(mine.change_stamp().unwrap(), stamp, "unchanged without writes");
}

fn ctx(agent: &str, seconds: i64) -> Ctx {
    Ctx::new(agent, Utc::now() + chrono::Duration::seconds(seconds))
}

/// Presence on a server: two agents, each on a connection of their own,
/// see each other on a ticket until one leaves; a beat within ten seconds
/// of the last writes nothing, so it wakes nobody's screen.
#[test]
fn agents_on_a_server_see_each_other_on_a_ticket_and_frequent_beats_wake_nobody() {
    let Some(db) = TestDb::fresh() else { return };
    let (mut li, mut wang) = (db.store(), db.store());
    let customer = CustomerInput {
        name: Some("张三".into()),
        ..Default::default()
    };
    let c = customers::add(&mut li, &ctx("li.na", 0), &customer).unwrap();
    let ticket = tickets::TicketInput {
        customer: c.id.to_string(),
        kind: "inquiry".into(),
        subject: "price".into(),
        ..Default::default()
    };
    let id = tickets::add(&mut li, &ctx("li.na", 0), &ticket).unwrap().ticket.id;
    presence::beat(&mut li, &ctx("li.na", 0), id).unwrap();
    let seen = wang.data_version().unwrap();
    for second in 1..5 {
        presence::beat(&mut li, &ctx("li.na", second), id).unwrap();
    }
    assert!(!changes_within_a_second(&mut wang, seen), "a beat within 10 s wrote");
    presence::beat(&mut wang, &ctx("wang.wu", 5), id).unwrap();
    assert_eq!(presence::others_on(&mut li, &ctx("li.na", 6), id).unwrap(), ["wang.wu"]);
    assert_eq!(
        presence::others_on(&mut wang, &ctx("wang.wu", 6), id).unwrap(),
        ["li.na"]
    );
    // li.na stopped beating 31 s ago.
    assert!(
        presence::others_on(&mut wang, &ctx("wang.wu", 31), id)
            .unwrap()
            .is_empty()
    );
    presence::leave(&mut wang, &ctx("wang.wu", 7), id).unwrap();
    assert!(presence::others_on(&mut li, &ctx("li.na", 8), id).unwrap().is_empty());
}
