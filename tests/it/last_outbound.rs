//! The stored last outbound contact per customer (migration 0016, read by
//! the cadence, occasion and low-survey reminders) after every kind of
//! write: a contact logged, a reply, a merge, an import, and edits and
//! deletes from the database's own shell (sqlite3, psql). After each it must equal what the
//! interactions themselves say — never a value from before the write.

use crate::common::Desk;

/// customer id → at, as stored.
fn stored(desk: &Desk) -> Vec<(i64, i64)> {
    rows(
        desk,
        "SELECT customer_id, at FROM customer_last_outbound ORDER BY customer_id",
    )
}

/// customer id → at, computed from the interactions.
fn computed(desk: &Desk) -> Vec<(i64, i64)> {
    rows(
        desk,
        "SELECT customer_id, max(at) FROM interactions WHERE direction = 'out'
          GROUP BY customer_id ORDER BY customer_id",
    )
}

fn rows(desk: &Desk, sql: &str) -> Vec<(i64, i64)> {
    let number = |cell: &Option<String>| cell.as_deref().unwrap().parse::<i64>().unwrap();
    desk.rows(sql).iter().map(|r| (number(&r[0]), number(&r[1]))).collect()
}

fn assert_exact(desk: &Desk, after: &str) {
    let want = computed(desk);
    assert!(!want.is_empty(), "after {after}: no outbound contact to compare");
    assert_eq!(stored(desk), want, "after {after}");
}

/// Logs a contact at `at`, with the clock after every `at` of these tests
/// (a contact cannot be logged in the future).
fn log(desk: &Desk, customer: &str, direction: &str, at: &str) {
    desk.ok_at(
        "2026-06-01T00:00:00Z",
        &[
            "log",
            "--customer",
            customer,
            "--channel",
            "phone",
            "--direction",
            direction,
            "--summary",
            "回访",
            "--at",
            at,
        ],
    );
}

/// Runs `sql` as the database's shell would: no frontdesk code involved.
fn shell(desk: &Desk, sql: &str) {
    assert!(desk.rows(sql).is_empty(), "{sql} returns no rows");
}

#[test]
fn stored_last_outbound_follows_every_write() {
    let desk = Desk::new();
    desk.customer("王芳", &["--code", "C1"]);
    desk.customer("李雷", &["--code", "C2"]);

    log(&desk, "C1", "out", "2026-02-10T09:00:00Z");
    assert_exact(&desk, "a first outbound contact");
    // An earlier one does not move it back; an inbound or a note not at all.
    log(&desk, "C1", "out", "2026-01-05T09:00:00Z");
    log(&desk, "C1", "in", "2026-02-20T09:00:00Z");
    log(&desk, "C1", "note", "2026-02-21T09:00:00Z");
    assert_exact(&desk, "earlier, inbound and note contacts");

    // A reply to a ticket is an outbound contact too.
    let ticket = desk.ticket("C2", "complaint", "屏幕碎了", &[]);
    let id = ticket["id"].as_i64().unwrap().to_string();
    desk.ok(&["ticket", "reply", &id, "--summary", "已回电"]);
    assert_exact(&desk, "a ticket reply");

    // Edits from the shell: the last one moved earlier, an inbound one
    // turned outbound, one moved to another customer, the last one deleted.
    let shell_edits = [
        (
            "UPDATE interactions SET at = at - 86400 * 60
              WHERE id = (SELECT id FROM interactions WHERE direction = 'out' ORDER BY at DESC LIMIT 1)",
            "the last contact moved earlier",
        ),
        (
            "UPDATE interactions SET direction = 'out' WHERE direction = 'in'",
            "an inbound contact turned outbound",
        ),
        (
            "UPDATE interactions SET customer_id = (SELECT id FROM customers WHERE code = 'C2')
              WHERE id = (SELECT min(id) FROM interactions WHERE direction = 'out')",
            "a contact moved to another customer",
        ),
        (
            "DELETE FROM interactions
              WHERE id = (SELECT id FROM interactions WHERE direction = 'out' ORDER BY at DESC LIMIT 1)",
            "the last contact deleted",
        ),
        (
            "DELETE FROM interactions WHERE customer_id = (SELECT id FROM customers WHERE code = 'C2')",
            "all of one customer's contacts deleted",
        ),
    ];
    for (sql, after) in shell_edits {
        shell(&desk, sql);
        assert_exact(&desk, after);
    }
    let c2: i64 = desk.rows("SELECT id FROM customers WHERE code = 'C2'")[0][0]
        .as_deref()
        .unwrap()
        .parse()
        .unwrap();
    assert!(stored(&desk).iter().all(|(id, _)| *id != c2), "C2 has no contact left");

    // A merge moves the duplicate's contacts to the one kept.
    log(&desk, "C2", "out", "2026-02-25T09:00:00Z");
    desk.ok(&["customer", "merge", "C1", "C2"]);
    assert_exact(&desk, "a merge");

    // An import adds outbound contacts in one transaction.
    let file = desk.dir().join("i.csv");
    std::fs::write(
        &file,
        "external_id,customer_code,at,channel,direction,summary\n\
         I1,C1,2026-02-28T08:10:00Z,phone,out,已回访\n\
         I2,C1,2026-03-01T08:20:00Z,phone,note,备注\n",
    )
    .unwrap();
    desk.ok(&["import", "interactions", &file.display().to_string()]);
    assert_exact(&desk, "an import");

    // The demo's load suspends the insert trigger and works the rows out
    // once at its end: into a file holding these customers' contacts, and
    // as it drops the indexes of a file smaller than what it adds.
    let demo = ["demo", "--customers", "30", "--tickets", "40", "--interactions", "300"];
    desk.ok(&[&demo[..], &["--force"]].concat());
    assert_exact(&desk, "a demo beside held contacts");
    log(&desk, "C1", "out", "2026-03-02T09:00:00Z");
    assert_exact(&desk, "a contact after the demo (the trigger is back)");
    let fresh = Desk::new();
    fresh.ok(&demo);
    assert_exact(&fresh, "a demo into a new file");
}

/// The stored contact is the last of all time; a clock set before it
/// (`--now`) must still see the last contact up to that instant, as the
/// cadence and the low-survey follow-up did before it was stored.
#[test]
fn a_clock_before_the_stored_contact_sees_the_contacts_up_to_it() {
    let desk = Desk::new();
    desk.customer("周杰", &["--code", "C1", "--tier", "high-value"]);
    desk.ok_at(
        "2026-03-20T09:00:00Z",
        &[
            "survey",
            "add",
            "--customer",
            "C1",
            "--quality",
            "2",
            "--response",
            "3",
            "--communication",
            "3",
        ],
    );
    log(&desk, "C1", "out", "2026-03-10T10:00:00Z");
    log(&desk, "C1", "out", "2026-05-01T10:00:00Z");
    let then = desk.json_at("2026-04-15T00:00:00Z", &["reminder", "list", "--when", "overdue"]);
    let mut reasons: Vec<&str> = then
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    reasons.sort_unstable();
    assert_eq!(reasons, ["cadence", "survey"], "{then}");
    let cadence = then
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reason"] == "cadence")
        .unwrap();
    // 30 days after 10 March, not after 1 May.
    assert_eq!(cadence["due_at"], "2026-04-09T10:00:00Z");
    // Now, both are answered by the contact of 1 May.
    let now = desk.json_at("2026-05-02T00:00:00Z", &["reminder", "list", "--when", "overdue"]);
    assert_eq!(now.as_array().unwrap().len(), 0, "{now}");
}

/// The backlog of callbacks owed is counted from the owed-callback index
/// alone (migration 0016): an archived customer's tickets stay out of it.
#[test]
fn the_callback_backlog_count_leaves_out_archived_customers() {
    let desk = Desk::new();
    for code in ["C1", "C2"] {
        desk.customer(code, &["--code", code]);
        let ticket = desk.ticket(code, "complaint", "屏幕碎了", &[]);
        let id = ticket["id"].as_i64().unwrap().to_string();
        desk.ok(&["ticket", "resolve", &id, "--summary", "已更换"]);
    }
    let later = "2026-03-20T08:00:00Z";
    let backlog = || desk.ok_at(later, &["reminder", "list"]);
    assert!(backlog().contains("Overdue · 2"), "{}", backlog());
    desk.ok_at(later, &["customer", "archive", "C2"]);
    assert!(backlog().contains("Overdue · 1"), "{}", backlog());
}
