//! `frontdesk demo` through the library API, on temporary databases: the
//! data is deterministic, covers every value, and is what the services
//! would have written.

use crate::common;
use frontdesk::service::progress::Quiet;

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::domain::enums::{Channel, Direction, Priority, TicketKind, TicketStatus};
use frontdesk::domain::error::Reason;
use frontdesk::domain::ticket::CATEGORIES;
use frontdesk::service::demo::{self, Existing, Sizes};
use frontdesk::service::{Ctx, Error, roles, setup, tickets};
use frontdesk::store::{OpenOptions, Store, TicketQuery};
use rusqlite::Connection;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

const SMALL: Sizes = Sizes {
    customers: 60,
    tickets: 150,
    interactions: 600,
};

fn now() -> DateTime<Utc> {
    "2026-06-15T10:00:00Z".parse().unwrap()
}

fn ctx() -> Ctx {
    Ctx::new("tester", now())
}

/// A fresh database with the default policies, as `init` leaves it.
fn open(path: &Path) -> Store {
    let mut store = Store::create(path, &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx(), &Config::defaults()).unwrap();
    store
}

fn generate(dir: &Path, name: &str, sizes: Sizes, seed: u64) -> (Store, PathBuf) {
    let path = dir.join(name);
    let mut store = open(&path);
    demo::generate(&mut store, &ctx(), &Config::defaults(), sizes, seed).unwrap();
    (store, path)
}

fn strings(path: &Path, sql: &str) -> BTreeSet<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn same_seed_gives_identical_data_and_another_seed_different_data() {
    let dir = tempfile::tempdir().unwrap();
    let (_, a) = generate(dir.path(), "a.db", SMALL, 7);
    let (_, b) = generate(dir.path(), "b.db", SMALL, 7);
    let (_, c) = generate(dir.path(), "c.db", SMALL, 8);
    let (a, b, c) = (common::dump(&a), common::dump(&b), common::dump(&c));
    assert!(a.lines().count() > 3000, "{}", a.lines().count());
    assert_eq!(a, b);
    assert_ne!(a, c);
}

/// The keys of a closed vocabulary, as a set.
fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> BTreeSet<String> {
    all.iter().map(|v| key(*v).to_string()).collect()
}

#[test]
fn every_kind_priority_channel_status_and_direction_is_present() {
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = generate(dir.path(), "d.db", SMALL, 3);
    let channels = keys(Channel::ALL, Channel::key);
    let directions = keys(Direction::ALL, Direction::key);
    let cases = [
        ("SELECT kind FROM tickets", keys(TicketKind::ALL, TicketKind::key)),
        ("SELECT priority FROM tickets", keys(Priority::ALL, Priority::key)),
        ("SELECT channel FROM tickets", channels.clone()),
        ("SELECT status FROM tickets", keys(TicketStatus::ALL, TicketStatus::key)),
        ("SELECT channel FROM interactions", channels),
        (
            "SELECT direction FROM interactions WHERE ticket_id IS NOT NULL",
            directions.clone(),
        ),
        ("SELECT direction FROM interactions WHERE ticket_id IS NULL", directions),
        (
            "SELECT category FROM tickets WHERE kind = 'complaint'",
            keys(CATEGORIES, |c| c),
        ),
        (
            "SELECT callback_outcome FROM tickets WHERE callback_outcome IS NOT NULL",
            keys(&["satisfied", "resolved", "follow-up"], |o| o),
        ),
        ("SELECT kind FROM customers", keys(&["person", "company"], |k| k)),
    ];
    for (sql, want) in cases {
        assert_eq!(strings(&path, sql), want, "{sql}");
    }
    for sql in [
        "SELECT count(*) FROM tickets WHERE reopen_count > 0",
        "SELECT count(*) FROM surveys",
        "SELECT count(*) FROM orders",
        "SELECT count(*) FROM agents",
        "SELECT count(*) FROM departments",
        "SELECT count(*) FROM ticket_events WHERE event = 'paused'",
    ] {
        assert!(count(&path, sql) > 0, "{sql}");
    }
}

/// Replays each ticket's events through the status machine and checks the
/// status fields they imply against the row.
#[test]
fn event_history_matches_every_ticket() {
    use TicketStatus::*;
    let dir = tempfile::tempdir().unwrap();
    let (_, path) = generate(dir.path(), "e.db", SMALL, 11);
    let conn = Connection::open(&path).unwrap();
    let mut events: HashMap<i64, Vec<(i64, String)>> = HashMap::new();
    let mut stmt = conn
        .prepare("SELECT ticket_id, at, event FROM ticket_events ORDER BY ticket_id, at, id")
        .unwrap();
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap() {
        let (id, at, event): (i64, i64, String) = row.unwrap();
        events.entry(id).or_default().push((at, event));
    }
    type Row = (
        i64,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        i64,
        Option<i64>,
        i64,
    );
    let mut stmt = conn
        .prepare(
            "SELECT id, status, first_response_at, resolved_at, closed_at, reopen_count, callback_at, opened_at
             FROM tickets",
        )
        .unwrap();
    let rows: Vec<Row> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), SMALL.tickets);
    for (id, status, first_response, resolved, closed, reopens, callback, opened) in rows {
        let history = events.get(&id).cloned().unwrap_or_default();
        assert_eq!(history.first(), Some(&(opened, "opened".to_string())), "ticket {id}");
        let mut s = New;
        let (mut fr, mut res, mut clo, mut reo, mut cb) = (None, None, None, 0, None);
        for (at, event) in history.iter().skip(1) {
            let ok = match event.as_str() {
                "responded" if fr.is_none() => {
                    fr = Some(*at);
                    if s == New {
                        s = Open;
                    }
                    true
                }
                "paused" if matches!(s, New | Open) => {
                    s = Pending;
                    true
                }
                "resumed" if s == Pending => {
                    s = Open;
                    true
                }
                "resolved" if s.is_open() => {
                    s = Resolved;
                    res = Some(*at);
                    true
                }
                "closed" if s != Closed => {
                    s = Closed;
                    clo = Some(*at);
                    res.get_or_insert(*at);
                    true
                }
                "reopened" if matches!(s, Resolved | Closed) => {
                    s = Open;
                    reo += 1;
                    (res, clo, cb) = (None, None, None);
                    true
                }
                "callback" if matches!(s, Resolved | Closed) => {
                    cb = Some(*at);
                    true
                }
                _ => false,
            };
            assert!(ok, "ticket {id}: {event} in {s} ({history:?})");
            assert!(*at < now().timestamp(), "ticket {id}: {event} in the future");
        }
        assert_eq!(s.key(), status, "ticket {id} {history:?}");
        assert_eq!(
            (fr, res, clo, reo, cb),
            (first_response, resolved, closed, reopens, callback),
            "ticket {id} {history:?}"
        );
    }
    // The first response is an outbound interaction on the ticket.
    let unanswered = count(
        &path,
        "SELECT count(*) FROM tickets t WHERE first_response_at IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM interactions i WHERE i.ticket_id = t.id AND i.direction = 'out'
              AND i.at = t.first_response_at)",
    );
    assert_eq!(unanswered, 0);
}

#[test]
fn due_columns_match_what_the_service_computes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = generate(dir.path(), "f.db", SMALL, 5);
    let conn = Connection::open(&path).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, first_response_due, resolution_due, callback_due, next_due FROM tickets WHERE id % 3 = 0")
        .unwrap();
    let rows: Vec<(i64, [Option<i64>; 4])> = stmt
        .query_map([], |r| Ok((r.get(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?])))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(rows.len() >= 40);
    for (id, stored) in rows {
        let view = tickets::get(&mut store, &ctx(), id).unwrap();
        let want = [
            view.sla.first_response.due,
            view.sla.resolution.due,
            view.sla.callback.due,
            view.sla.next_due(),
        ]
        .map(|t| t.map(|t| t.timestamp()));
        assert_eq!(stored, want, "ticket {id}");
    }
}

/// The SLA engine, asked about the generated tickets at `now`, finds every
/// state: clocks met and missed in the past, and running, at risk, breached
/// and paused ones in the queue.
#[test]
fn every_sla_state_is_present() {
    use frontdesk::domain::sla::SlaState::{self, *};
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = generate(dir.path(), "s.db", SMALL, 2);
    let views = tickets::list(&mut store, &ctx(), &TicketQuery::default()).unwrap();
    assert_eq!(views.len(), SMALL.tickets);
    let states = |clock: fn(&tickets::TicketView) -> Option<SlaState>| -> BTreeSet<String> {
        views.iter().filter_map(clock).map(|s| format!("{s:?}")).collect()
    };
    let first_response = states(|v| v.sla.first_response.state);
    let resolution = states(|v| v.sla.resolution.state);
    let callback = states(|v| v.sla.callback.state);
    for state in [Running, AtRisk, Breached, Met, Missed] {
        let state = format!("{state:?}");
        for (clock, seen) in [
            ("first response", &first_response),
            ("resolution", &resolution),
            ("callback", &callback),
        ] {
            assert!(seen.contains(&state), "{clock} {state}: {seen:?}");
        }
    }
    assert!(resolution.contains("Paused"), "{resolution:?}");
}

#[test]
fn names_are_english_and_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let sizes = Sizes {
        customers: 400,
        tickets: 10,
        interactions: 10,
    };
    let (_, path) = generate(dir.path(), "g.db", sizes, 1);
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let names = strings(
        &path,
        "SELECT name FROM customers UNION ALL SELECT contact FROM customers",
    );
    let chinese = names.iter().filter(|n| has_cjk(n)).count();
    let english = names.iter().filter(|n| !n.is_empty() && !has_cjk(n)).count();
    assert!(chinese > 100 && english > 100, "{chinese} {english}");
    for surname in ["曾", "单", "张"] {
        assert!(names.iter().any(|n| n.starts_with(surname)), "{surname}");
    }
    assert!(names.iter().any(|n| n.ends_with("有限公司")));
    assert!(names.iter().any(|n| n.ends_with(" Ltd")));
}

#[test]
fn audit_activity_and_order_value_are_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = generate(dir.path(), "h.db", SMALL, 9);
    let created = |entity: &str| {
        count(
            &path,
            &format!(
                "SELECT count(DISTINCT entity_id) FROM audit WHERE entity = '{entity}' AND field = 'created' AND agent = 'tester'"
            ),
        )
    };
    assert_eq!(created("customer"), SMALL.customers as i64);
    assert_eq!(created("ticket"), SMALL.tickets as i64);
    let checks = [
        // Last contact: the latest non-note interaction or ticket opening.
        "SELECT count(*) FROM customers c WHERE last_activity_at IS NOT (SELECT max(at) FROM (
             SELECT at FROM interactions WHERE customer_id = c.id AND direction <> 'note'
             UNION ALL SELECT opened_at FROM tickets WHERE customer_id = c.id))",
        "SELECT count(*) FROM customers c WHERE lifetime_value_cents <>
             (SELECT coalesce(sum(amount_cents), 0) FROM orders WHERE customer_id = c.id)",
        // Interactions, surveys and orders fall inside the customer's life, before now.
        "SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id
             WHERE i.at < c.created_at OR i.at >= unixepoch('2026-06-15T10:00:00Z')",
        "SELECT count(*) FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.opened_at < c.created_at",
        "SELECT count(*) FROM surveys s JOIN tickets t ON t.id = s.ticket_id
             WHERE t.resolved_at IS NULL OR s.customer_id <> t.customer_id",
        "SELECT count(*) FROM interactions i JOIN tickets t ON t.id = i.ticket_id WHERE i.customer_id <> t.customer_id",
        "SELECT count(*) FROM customers WHERE code NOT GLOB 'C20[0-9][0-9][0-9][0-9][0-9]*'",
    ];
    for sql in checks {
        assert_eq!(count(&path, sql), 0, "{sql}");
    }
    // Each follow-up callback left its reminder, as `ticket callback` does.
    assert_eq!(
        count(
            &path,
            "SELECT count(*) FROM audit WHERE field = 'callback' AND new_value = 'follow-up'"
        ),
        count(&path, "SELECT count(*) FROM reminders WHERE reason = 'callback'"),
    );
    // The report counts what is in the file.
    let again = demo::generate_with(
        &mut store,
        &ctx(),
        &Config::defaults(),
        SMALL,
        10,
        Existing::AddTo,
        &Quiet,
    )
    .unwrap();
    assert_eq!(
        count(&path, "SELECT count(*) FROM customers"),
        2 * SMALL.customers as i64
    );
    assert_eq!(count(&path, "SELECT count(*) FROM tickets"), 2 * SMALL.tickets as i64);
    let interactions = count(&path, "SELECT count(*) FROM interactions");
    assert!(again.interactions >= SMALL.interactions && interactions >= 2 * SMALL.interactions as i64);
    assert_eq!(
        count(&path, "SELECT count(DISTINCT code) FROM customers"),
        2 * SMALL.customers as i64
    );
    assert_eq!(
        strings(&path, "PRAGMA integrity_check"),
        BTreeSet::from(["ok".to_string()])
    );
}

#[test]
fn sizes_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("i.db"));
    let sizes = Sizes {
        customers: 0,
        tickets: 5,
        interactions: 0,
    };
    let err = demo::generate(&mut store, &ctx(), &Config::defaults(), sizes, 1).unwrap_err();
    assert!(matches!(&err, Error::Invalid(i) if i.field == "customers"), "{err}");
    let none = Sizes {
        customers: 0,
        tickets: 0,
        interactions: 0,
    };
    let report = demo::generate(&mut store, &ctx(), &Config::defaults(), none, 1).unwrap();
    assert_eq!(report.customers + report.tickets + report.interactions, 0);
}

#[test]
fn a_database_with_data_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, path) = generate(dir.path(), "j.db", SMALL, 1);
    let before = common::dump(&path);
    let err = demo::generate(&mut store, &ctx(), &Config::defaults(), SMALL, 2).unwrap_err();
    assert!(
        matches!(&err, Error::Invalid(i) if i.field == "database"
            && i.reason == Reason::DemoNotEmpty { customers: 60, tickets: 150 }),
        "{err}"
    );
    let told = frontdesk::i18n::describe(&err, frontdesk::i18n::Lang::En.strings());
    assert!(told.contains("--force"), "{told}");
    assert_eq!(common::dump(&path), before, "nothing written");
    demo::generate_with(
        &mut store,
        &ctx(),
        &Config::defaults(),
        SMALL,
        2,
        Existing::AddTo,
        &Quiet,
    )
    .unwrap();
    assert_eq!(
        count(&path, "SELECT count(*) FROM customers"),
        2 * SMALL.customers as i64
    );
}

#[test]
fn a_real_teams_agents_are_kept_and_the_sample_agents_get_no_rights() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.db");
    let mut store = open(&path);
    let boss = Ctx::new("boss", now());
    roles::add_agent(&mut store, &boss, "boss", "admin", None).unwrap();
    // A real colleague who shares a name with a sample admin.
    roles::add_agent(&mut store, &boss, "amelia.scott", "agent", Some("billing")).unwrap();
    demo::generate(&mut store, &boss, &Config::defaults(), SMALL, 1).unwrap();
    let role_of = |name: &str| {
        strings(
            &path,
            &format!("SELECT role || '/' || coalesce(department, '') FROM agents WHERE name = '{name}'"),
        )
    };
    assert_eq!(role_of("amelia.scott"), BTreeSet::from(["agent/billing".to_string()]));
    assert_eq!(role_of("boss"), BTreeSet::from(["admin/".to_string()]));
    assert_eq!(
        strings(&path, "SELECT name FROM agents WHERE role <> 'agent'"),
        BTreeSet::from(["boss".to_string()]),
        "no sample agent is admin or supervisor"
    );
    assert!(
        count(&path, "SELECT count(*) FROM agents") > 10,
        "the sample agents were added"
    );

    // On a file without agents the sample team comes with its roles.
    let (_, fresh) = generate(dir.path(), "l.db", SMALL, 1);
    assert_eq!(
        strings(&fresh, "SELECT role FROM agents WHERE name = 'amelia.scott'"),
        BTreeSet::from(["admin".to_string()])
    );
}

#[test]
fn the_demo_command_refuses_a_second_run_with_exit_2() {
    let desk = common::Desk::new();
    desk.ok(&["init"]);
    let small = ["demo", "--customers", "20", "--tickets", "30", "--interactions", "100"];
    desk.ok(&small);
    let before = desk.dump();
    let message = desk.fails(2, &small);
    assert!(message.contains("database") && message.contains("--force"), "{message}");
    assert_eq!(desk.dump(), before);
    desk.ok(&[&small[..], &["--force"]].concat());
    assert_eq!(
        desk.json(&["customer", "list", "--limit", "0"])
            .as_array()
            .unwrap()
            .len(),
        40
    );
}

/// `demo` creates the database, so its sizes are checked before the file
/// is opened: invalid input creates nothing, not even an empty database.
#[test]
fn a_demo_refused_for_its_sizes_creates_no_database() {
    let desk = common::Desk::empty();
    let db = desk.dir().join("new/demo.db");
    for sizes in [
        &["--customers", "99999999999"][..],
        &["--customers", "0", "--tickets", "5"],
    ] {
        let out = desk
            .bare()
            .arg("--db")
            .arg(&db)
            .arg("demo")
            .args(sizes)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{sizes:?}: {err}");
        assert!(err.contains("customers"), "{err}");
        assert!(!desk.dir().join("new").exists(), "{sizes:?} created {}", db.display());
    }
}
