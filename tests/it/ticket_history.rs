//! Each ticket's stored history (migration 0021, read by the monthly review
//! and the dashboard) after every kind of write: tickets opened, answered,
//! resolved and reopened, contacts logged on a ticket, imports (the ticket
//! import works its tickets' rows out once at the end; an interaction
//! import's answers replace a first response), a merge, and edits and
//! deletes from the database's own shell (sqlite3, psql). After each it
//! must say what the events and interactions themselves say — never a value
//! from before the write.

use crate::common::Desk;
use std::collections::BTreeMap;

/// A ticket's last event time, its events as (at, id, event) in order, and
/// its first two outbound contacts.
type Summary = (Option<i64>, Vec<(i64, i64, String)>, Vec<i64>);

fn number(cell: &Option<String>) -> i64 {
    cell.as_deref().unwrap().parse().unwrap()
}

/// As stored, events in order; a row that says nothing is no row.
fn stored(desk: &Desk) -> BTreeMap<i64, Summary> {
    let mut out = BTreeMap::new();
    for r in desk.rows("SELECT ticket_id, last_at, events, first_out, second_out FROM ticket_history") {
        let mut events: Vec<(i64, i64, String)> = r[2]
            .as_deref()
            .unwrap()
            .split(',')
            .filter(|item| !item.is_empty())
            .map(|item| {
                let parts: Vec<&str> = item.splitn(3, ':').collect();
                (
                    parts[0].parse().unwrap(),
                    parts[1].parse().unwrap(),
                    parts[2].to_string(),
                )
            })
            .collect();
        events.sort();
        let outbound: Vec<i64> = [&r[3], &r[4]]
            .into_iter()
            .flatten()
            .map(|v| v.parse().unwrap())
            .collect();
        let last = r[1].as_ref().map(|v| v.parse().unwrap());
        if last.is_some() || !outbound.is_empty() {
            out.insert(number(&r[0]), (last, events, outbound));
        }
    }
    out
}

/// Worked out from the events and interactions.
fn computed(desk: &Desk) -> BTreeMap<i64, Summary> {
    let mut out: BTreeMap<i64, Summary> = BTreeMap::new();
    for r in desk.rows("SELECT ticket_id, at, id, event FROM ticket_events ORDER BY ticket_id, at, id") {
        let entry = out.entry(number(&r[0])).or_default();
        entry.0 = Some(number(&r[1]));
        entry.1.push((number(&r[1]), number(&r[2]), r[3].clone().unwrap()));
    }
    let outbound = "SELECT ticket_id, at FROM interactions
                     WHERE direction = 'out' AND ticket_id IS NOT NULL ORDER BY ticket_id, at";
    for r in desk.rows(outbound) {
        let entry = out.entry(number(&r[0])).or_default();
        if entry.2.len() < 2 {
            entry.2.push(number(&r[1]));
        }
    }
    out
}

fn assert_exact(desk: &Desk, after: &str) {
    let want = computed(desk);
    assert!(!want.is_empty(), "after {after}: no ticket to compare");
    assert_eq!(stored(desk), want, "after {after}");
}

/// Runs `sql` as the database's shell would: no frontdesk code involved.
fn shell(desk: &Desk, sql: &str) {
    assert!(desk.rows(sql).is_empty(), "{sql} returns no rows");
}

fn log_on(desk: &Desk, customer: &str, ticket: &str, direction: &str, at: &str) {
    let args = [
        "log",
        "--customer",
        customer,
        "--ticket",
        ticket,
        "--channel",
        "phone",
        "--direction",
        direction,
        "--summary",
        "回访",
        "--at",
        at,
    ];
    desk.ok(&args);
}

#[test]
fn stored_histories_follow_every_write() {
    let desk = Desk::new();
    desk.customer("王芳", &["--code", "C1"]);
    desk.customer("李雷", &["--code", "C2"]);
    let id = |t: serde_json::Value| t["id"].as_i64().unwrap().to_string();
    let first = id(desk.ticket_at("2026-02-01T08:00:00Z", "C1", "complaint", "屏幕碎了", &[]));
    let second = id(desk.ticket_at("2026-02-02T08:00:00Z", "C2", "inquiry", "发票", &[]));
    assert_exact(&desk, "two tickets opened");

    desk.ok_at(
        "2026-02-01T09:00:00Z",
        &["ticket", "reply", &first, "--summary", "已回电"],
    );
    desk.ok_at("2026-02-01T10:00:00Z", &["ticket", "resolve", &first]);
    desk.ok_at("2026-02-03T10:00:00Z", &["ticket", "reopen", &first]);
    assert_exact(&desk, "a reply, a resolution and a reopen");

    // Contacts on a ticket: later, earlier and in between the first two;
    // inbound ones and notes are no outbound contact.
    log_on(&desk, "C1", &first, "out", "2026-02-04T09:00:00Z");
    log_on(&desk, "C1", &first, "out", "2026-02-01T08:30:00Z");
    log_on(&desk, "C1", &first, "out", "2026-02-01T08:45:00Z");
    log_on(&desk, "C1", &first, "in", "2026-02-01T08:10:00Z");
    log_on(&desk, "C1", &first, "note", "2026-02-01T08:05:00Z");
    assert_exact(&desk, "contacts logged on a ticket");

    // An import of tickets, and of an answer that replaces a first response.
    let tickets = desk.dir().join("t.csv");
    std::fs::write(
        &tickets,
        "external_id,customer_code,kind,status,subject,opened_at,first_response_at,resolved_at\n\
         T1,C1,complaint,resolved,退款,2026-02-05T08:00:00Z,2026-02-05T08:30:00Z,2026-02-05T20:00:00Z\n\
         T2,C2,inquiry,open,发票问题,2026-02-06T07:00:00Z,,\n",
    )
    .unwrap();
    desk.ok(&["import", "tickets", &tickets.display().to_string()]);
    let contacts = desk.dir().join("i.csv");
    std::fs::write(
        &contacts,
        "external_id,customer_code,ticket_external_id,at,channel,direction,summary\n\
         I1,C1,T1,2026-02-05T08:10:00Z,phone,out,已回访\n\
         I2,C2,T2,2026-02-06T07:30:00Z,phone,out,已回电\n",
    )
    .unwrap();
    desk.ok(&["import", "interactions", &contacts.display().to_string()]);
    assert_exact(&desk, "imports");
    // The ticket import suspends the insert triggers while it loads: they are back.
    desk.ok(&["ticket", "reply", &second, "--summary", "已回电"]);
    assert_exact(&desk, "a reply after the imports");

    desk.ok(&["customer", "merge", "C1", "C2"]);
    assert_exact(&desk, "a merge");

    let delete_second = format!("DELETE FROM ticket_events WHERE ticket_id = {second}");
    let shell_edits = [
        (
            "UPDATE ticket_events SET at = at - 86400 * 30 WHERE event = 'opened'",
            "events moved earlier",
        ),
        (
            "UPDATE ticket_events SET ticket_id = (SELECT min(id) FROM tickets)
              WHERE id = (SELECT max(id) FROM ticket_events)",
            "an event moved to another ticket",
        ),
        (
            "UPDATE ticket_events SET event = 'closed' WHERE event = 'resolved'",
            "an event changed",
        ),
        (
            "DELETE FROM ticket_events WHERE id = (SELECT max(id) FROM ticket_events WHERE event = 'reopened')",
            "an event deleted",
        ),
        (
            "UPDATE interactions SET at = at + 86400 * 10
              WHERE id = (SELECT id FROM interactions WHERE direction = 'out' AND ticket_id IS NOT NULL
                           ORDER BY at LIMIT 1)",
            "the first outbound contact moved later",
        ),
        (
            "UPDATE interactions SET direction = 'out' WHERE direction = 'in'",
            "an inbound contact turned outbound",
        ),
        (
            "UPDATE interactions SET ticket_id = NULL
              WHERE id = (SELECT min(id) FROM interactions WHERE direction = 'out' AND ticket_id IS NOT NULL)",
            "a contact taken off its ticket",
        ),
        (
            "UPDATE interactions SET ticket_id = (SELECT max(id) FROM tickets)
              WHERE id = (SELECT max(id) FROM interactions WHERE direction = 'out')",
            "a contact moved to another ticket",
        ),
        (
            "DELETE FROM interactions WHERE direction = 'out' AND ticket_id = (SELECT min(id) FROM tickets)",
            "a ticket's outbound contacts deleted",
        ),
        (delete_second.as_str(), "all of one ticket's events deleted"),
    ];
    for (sql, after) in shell_edits {
        shell(&desk, sql);
        assert_exact(&desk, after);
    }
}

/// The demo loads with the history triggers suspended and works the table
/// out once at the end; after it, the triggers are back.
#[test]
fn a_demo_load_leaves_every_history_exact() {
    let desk = Desk::new();
    desk.ok(&["demo", "--customers", "40", "--tickets", "120", "--interactions", "400"]);
    assert_exact(&desk, "the demo");
    let ticket = &desk.rows("SELECT max(id) FROM tickets")[0][0];
    let ticket = ticket.as_deref().unwrap();
    let customer = &desk.rows(&format!(
        "SELECT c.code FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = {ticket}"
    ))[0][0];
    log_on(
        &desk,
        customer.as_deref().unwrap(),
        ticket,
        "out",
        "2026-01-01T09:00:00Z",
    );
    desk.ok(&["ticket", "reply", ticket, "--summary", "已回电"]);
    assert_exact(&desk, "a contact and a reply after the demo");
}
