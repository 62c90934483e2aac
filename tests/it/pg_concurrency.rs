//! Many agents writing one ticket and one counter at once on PostgreSQL:
//! the server fails colliding SERIALIZABLE transactions and the store runs
//! them again, so every write lands and no error reaches an agent — as on
//! a shared SQLite file (tests/it/concurrency.rs). A stale edit is still a
//! conflict.

use crate::pg_server::TestDb;
use chrono::{TimeZone, Utc};
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, Error, customers, tickets};

const WRITERS: usize = 8;
const ROUNDS: usize = 25;

fn ctx(agent: &str) -> Ctx {
    Ctx::new(agent, Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap())
}

#[test]
fn eight_agents_noting_one_ticket_and_numbering_customers_lose_nothing() {
    let Some(db) = TestDb::fresh() else { return };
    let mut store = db.store();
    let input = CustomerInput {
        name: Some("赵六".into()),
        ..Default::default()
    };
    let customer = customers::add(&mut store, &ctx("owner"), &input).unwrap();
    let ticket = TicketInput {
        customer: customer.code.clone(),
        kind: "complaint".into(),
        subject: "退款未到账".into(),
        ..Default::default()
    };
    let ticket = tickets::add(&mut store, &ctx("owner"), &ticket).unwrap().ticket.id;
    std::thread::scope(|scope| {
        for writer in 0..WRITERS {
            let (db, code) = (&db, &customer.code);
            scope.spawn(move || {
                let mut store = db.store();
                let me = ctx(&format!("agent{writer}"));
                for round in 0..ROUNDS {
                    tickets::note(&mut store, &me, ticket, &format!("w{writer} r{round}")).unwrap();
                    // A read-modify-write of one shared counter: the next
                    // customer code comes from a sequence kept in `meta`.
                    let input = CustomerInput {
                        name: Some(format!("{code} w{writer} r{round}")),
                        ..Default::default()
                    };
                    customers::add(&mut store, &me, &input).unwrap();
                }
            });
        }
    });
    let detail = tickets::detail(&mut store, &ctx("owner"), ticket).unwrap();
    assert_eq!(detail.interactions.len(), WRITERS * ROUNDS, "every note landed once");
    let counts = db
        .admin()
        .query_one("SELECT count(*), count(DISTINCT code) FROM customers", &[])
        .unwrap();
    let (rows, codes): (i64, i64) = (counts.get(0), counts.get(1));
    let want = 1 + (WRITERS * ROUNDS) as i64;
    assert_eq!((rows, codes), (want, want), "every customer added, each its own code");
}

#[test]
fn a_stale_edit_on_postgresql_is_a_conflict_and_changes_nothing() {
    let Some(db) = TestDb::fresh() else { return };
    let mut store = db.store();
    let input = CustomerInput {
        name: Some("孙七".into()),
        ..Default::default()
    };
    let c = customers::add(&mut store, &ctx("owner"), &input).unwrap();
    let phone = |p: &str| CustomerInput {
        phone: Some(p.into()),
        ..Default::default()
    };
    customers::edit(
        &mut db.store(),
        &ctx("a"),
        &c.code,
        &phone("13800000001"),
        Some(c.version),
    )
    .unwrap();
    let stale = customers::edit(&mut store, &ctx("b"), &c.code, &phone("13800000002"), Some(c.version));
    assert!(matches!(stale, Err(Error::Conflict { .. })), "{stale:?}");
    assert_eq!(customers::get(&mut store, &c.code).unwrap().phone, "13800000001");
}
