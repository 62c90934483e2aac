//! The report stamp (migration 0015) moves with every write that can change a month's
//! figures — a ticket resolved, a reply, a survey, a kind changed, an SLA policy added, an
//! import, a merge — and stays with writes that cannot (a knowledge-base article, a
//! presence heartbeat, a read). Figures kept with a stamp are shown again only while it is
//! unchanged, so each of these is a case a kept month must (or need not) be read anew for.

use crate::common::Desk;
use frontdesk::service::{Ctx, presence};
use frontdesk::store::ReportStamp;

const NOW: &str = "2026-10-05T09:00:00Z";

fn run(desk: &Desk, args: &[&str]) {
    desk.cmd_at(NOW).args(args).assert().success();
}

fn stamp(desk: &Desk) -> ReportStamp {
    let mut store = desk.store();
    store.read(|tx| tx.report_stamp()).unwrap()
}

/// Runs `args` and tells whether the stamp moved.
fn moves(desk: &Desk, args: &[&str]) -> bool {
    let before = stamp(desk);
    run(desk, args);
    stamp(desk) != before
}

/// A desk with two customers and a ticket (id 1) of the first.
fn desk() -> Desk {
    let desk = Desk::new();
    run(&desk, &["customer", "add", "--name", "张三", "--code", "C1"]);
    run(&desk, &["customer", "add", "--name", "张三丰", "--code", "C2"]);
    run(
        &desk,
        &[
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            "complaint",
            "--subject",
            "屏幕碎了",
        ],
    );
    desk
}

#[test]
fn writes_that_can_change_a_months_figures_move_the_stamp() {
    let desk = desk();
    let import = desk.dir().join("t.csv");
    std::fs::write(
        &import,
        "external_id,customer_code,kind,priority,status,subject,opened_at,resolved_at\n\
         T1,C2,inquiry,normal,resolved,发票问题,2026-08-01T08:00:00Z,2026-08-02T08:00:00Z\n",
    )
    .unwrap();
    let import = import.display().to_string();
    let cases: [(&str, Vec<&str>); 8] = [
        ("a reply", vec!["ticket", "reply", "1", "--summary", "已安排换屏"]),
        ("a priority change", vec!["ticket", "set", "1", "--priority", "urgent"]),
        ("a kind change", vec!["ticket", "set", "1", "--kind", "repair"]),
        ("a resolution", vec!["ticket", "resolve", "1", "--summary", "已换屏"]),
        (
            "a survey",
            vec![
                "survey",
                "add",
                "--customer",
                "C1",
                "--quality",
                "5",
                "--response",
                "4",
                "--communication",
                "5",
            ],
        ),
        (
            "an SLA policy",
            vec![
                "sla",
                "policy",
                "add",
                "--name",
                "急单",
                "--priority",
                "urgent",
                "--first-response",
                "30m",
            ],
        ),
        ("an import of old tickets", vec!["import", "tickets", &import]),
        ("a merge", vec!["customer", "merge", "C1", "C2"]),
    ];
    for (what, args) in cases {
        assert!(moves(&desk, &args), "{what} must move the stamp");
    }
}

#[test]
fn writes_that_cannot_change_them_leave_the_stamp() {
    let desk = desk();
    let cases: [(&str, Vec<&str>); 2] = [
        (
            "a knowledge-base article",
            vec!["kb", "add", "--title", "换屏流程", "--body", "先登记，再寄修"],
        ),
        ("a read", vec!["report", "--month", "2026-10"]),
    ];
    for (what, args) in cases {
        assert!(!moves(&desk, &args), "{what} must leave the stamp");
    }
    // Another agent's TUI announcing itself on the ticket.
    let before = stamp(&desk);
    let mut store = desk.store();
    let ctx = Ctx::new("wang", NOW.parse().unwrap());
    presence::beat(&mut store, &ctx, 1).unwrap();
    assert_eq!(stamp(&desk), before, "a presence heartbeat must leave the stamp");
}

#[test]
fn the_stamp_reads_only_indexes_and_single_rows() {
    if crate::common::file_only("SQLite's query plan") {
        return;
    }
    let desk = Desk::new();
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    let sql = format!("EXPLAIN QUERY PLAN {}", frontdesk::store::report_stamp_sql());
    let mut stmt = conn.prepare(&sql).unwrap();
    let plan: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Every part is a primary-key lookup or the last row of a table, never a scan.
    assert!(
        plan.iter()
            .all(|step| step == "SCAN CONSTANT ROW" || !step.starts_with("SCAN")),
        "{plan:#?}"
    );
}
