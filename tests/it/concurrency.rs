//! One database, many agents: real processes of the binary writing to the
//! same ticket at once, stale edits refused as conflicts, and backups taken
//! while others write. The first two run on either engine (a shared file,
//! or in the PostgreSQL run a database on the test server: `common::Desk`);
//! the others are about the SQLite file itself.

use crate::{care_support, common};

use care_support::{Desk, stderr, success};
use std::process::Output;
use std::thread;

const PRIORITIES: [&str; 4] = ["urgent", "high", "normal", "low"];

/// Runs `writers` threads, each running `rounds` iterations of `step`
/// sequentially, so `writers` processes are alive at any moment.
fn in_parallel<D: Sync>(
    desk: &D,
    writers: usize,
    rounds: usize,
    step: impl Fn(&D, usize, usize) -> Vec<Output> + Sync,
) -> Vec<Output> {
    thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let step = &step;
                scope.spawn(move || (0..rounds).flat_map(|i| step(desk, w, i)).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("writer thread"))
            .collect()
    })
}

fn notes_on(desk: &Desk, ticket: &str) -> Vec<String> {
    notes_in(desk, &desk.db.display().to_string(), ticket)
}

/// The note summaries of a ticket in the database file `db`.
fn notes_in(desk: &Desk, db: &str, ticket: &str) -> Vec<String> {
    let shown = desk.json(&["--db", db, "ticket", "show", ticket]);
    shown["interactions"]
        .as_array()
        .expect("interactions")
        .iter()
        .filter(|i| i["direction"] == "note")
        .map(|i| i["summary"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn note_and_set(desk: &Desk, ticket: &str, writer: usize, round: usize) -> Vec<Output> {
    let summary = format!("writer {writer} note {round}");
    let priority = PRIORITIES[(writer + round) % PRIORITIES.len()];
    vec![
        desk.run(&["ticket", "note", ticket, "--summary", &summary]),
        desk.run(&["ticket", "set", ticket, "--priority", priority]),
    ]
}

/// `args` on a desk of either engine; the whole output, whatever the exit.
fn run_on(desk: &common::Desk, agent: &str, args: &[&str]) -> Output {
    desk.cmd_as(agent, common::NOW)
        .args(args)
        .output()
        .expect("run frontdesk")
}

/// A customer and a complaint of theirs on a desk of either engine; the
/// ticket's id.
fn ticket_on(desk: &common::Desk) -> String {
    let customer = desk.customer("张三", &["--phone", "13812345678"]);
    let code = common::text(&customer, "code");
    common::id(&desk.ticket(code, "complaint", "洗衣机漏水", &[])).to_string()
}

fn note_and_set_on(desk: &common::Desk, ticket: &str, writer: usize, round: usize) -> Vec<Output> {
    let summary = format!("writer {writer} note {round}");
    let priority = PRIORITIES[(writer + round) % PRIORITIES.len()];
    vec![
        run_on(desk, common::AGENT, &["ticket", "note", ticket, "--summary", &summary]),
        run_on(desk, common::AGENT, &["ticket", "set", ticket, "--priority", priority]),
    ]
}

#[test]
fn four_processes_note_and_edit_one_ticket_without_losing_anything() {
    const WRITERS: usize = 4;
    const ROUNDS: usize = 50;
    let desk = common::Desk::new();
    let ticket = ticket_on(&desk);
    let outputs = in_parallel(&desk, WRITERS, ROUNDS, |d, w, i| note_and_set_on(d, &ticket, w, i));

    assert_eq!(outputs.len(), WRITERS * ROUNDS * 2);
    for out in &outputs {
        let err = stderr(out);
        assert!(!err.contains("locked") && !err.contains("busy"), "{err}");
        assert_eq!(out.status.code(), Some(0), "{err}");
    }
    let shown = desk.show_ticket(ticket.parse().unwrap());
    let mut notes: Vec<String> = shown["interactions"]
        .as_array()
        .expect("interactions")
        .iter()
        .filter(|i| i["direction"] == "note")
        .map(|i| i["summary"].as_str().unwrap_or_default().to_string())
        .collect();
    notes.sort();
    let mut expected: Vec<String> = (0..WRITERS)
        .flat_map(|w| (0..ROUNDS).map(move |i| format!("writer {w} note {i}")))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
    // Every priority change bumped the version once, none was lost.
    let changes = shown["audit"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["field"] == "priority")
        .count() as i64;
    assert_eq!(shown["version"].as_i64().unwrap(), 1 + changes);
    desk.ok(&["doctor"]);
}

#[test]
fn agents_opening_a_fresh_file_at_once_all_succeed() {
    if common::file_only("`init` of one new SQLite file by four agents at once") {
        return;
    }
    let desk = Desk::new();
    let fresh = desk.path("new/fresh.db");
    let fresh = fresh.to_str().unwrap();
    let outputs = in_parallel(&desk, 4, 1, |d, _, _| vec![d.run(&["--db", fresh, "init"])]);
    for out in outputs {
        success(out);
    }
    let report = desk.json(&["--db", fresh, "doctor"]);
    assert_eq!(report["ok"], true);
    // The default policies were seeded once, not once per agent.
    assert_eq!(report["counts"]["sla_policies"], 6);
}

/// `show --json` byte for byte.
fn shown(desk: &common::Desk, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = run_on(desk, common::AGENT, &all);
    assert!(out.status.success(), "{}", stderr(&out));
    out.stdout
}

#[test]
fn a_stale_if_version_exits_3_and_changes_nothing() {
    let desk = common::Desk::new();
    let ticket = ticket_on(&desk);
    desk.ok(&["ticket", "set", &ticket, "--priority", "high"]);

    let before = desk.dump();
    let shown_before = shown(&desk, &["ticket", "show", &ticket]);
    let stale = run_on(
        &desk,
        common::AGENT,
        &["ticket", "set", &ticket, "--priority", "low", "--if-version", "1"],
    );
    assert_eq!(stale.status.code(), Some(3), "{}", stderr(&stale));
    assert!(stderr(&stale).contains("changed by someone else"), "{}", stderr(&stale));
    assert_eq!(shown(&desk, &["ticket", "show", &ticket]), shown_before);
    assert_eq!(desk.dump(), before, "the stale edit wrote nothing");

    let before = shown(&desk, &["customer", "show", "1"]);
    desk.ok(&["customer", "edit", "1", "--name", "张三丰", "--if-version", "1"]);
    let after_first = shown(&desk, &["customer", "show", "1"]);
    assert_ne!(after_first, before);
    // A second agent still holding version 1 loses, and nothing changes.
    let stale = run_on(
        &desk,
        "wang.wu",
        &["customer", "edit", "1", "--name", "张四", "--if-version", "1"],
    );
    assert_eq!(stale.status.code(), Some(3), "{}", stderr(&stale));
    assert_eq!(shown(&desk, &["customer", "show", "1"]), after_first);
    // The current version goes through.
    desk.ok(&["customer", "edit", "1", "--name", "张四", "--if-version", "2"]);
}

#[test]
fn a_backup_taken_while_others_write_is_sound_and_holds_the_data() {
    if common::file_only("a backup copies the SQLite file") {
        return;
    }
    let desk = Desk::new();
    let ticket = desk.ticket();
    for i in 0..20 {
        desk.ok(&["ticket", "note", &ticket, "--summary", &format!("before {i}")]);
    }
    let backups: Vec<String> = (0..3)
        .map(|i| desk.path(&format!("backup-{i}.db")).display().to_string())
        .collect();
    let outputs = in_parallel(&desk, 3, 20, |d, w, i| {
        if w == 0 {
            // One agent takes a backup now and then while two others write.
            match backups.get(i / 7).filter(|_| i % 7 == 3) {
                Some(dest) => vec![d.run(&["backup", dest])],
                None => vec![d.run(&["ticket", "list"])],
            }
        } else {
            note_and_set(d, &ticket, w, i)
        }
    });
    for out in outputs {
        success(out);
    }
    assert_eq!(notes_on(&desk, &ticket).len(), 20 + 2 * 20);
    for backup in &backups {
        let report = desk.json(&["--db", backup, "doctor"]);
        assert_eq!(report["ok"], true, "{report}");
        let notes = notes_in(&desk, backup, &ticket);
        // Everything written before the backup began is in it.
        for i in 0..20 {
            assert!(notes.contains(&format!("before {i}")), "{backup} lacks note {i}");
        }
        assert!(notes.len() <= 60);
    }
}

#[test]
fn with_a_1_ms_busy_timeout_in_rollback_journal_mode_everyone_still_waits() {
    if common::file_only("SQLite's busy timeout and journal mode") {
        return;
    }
    // The hardest case for locking: readers block a committing writer and
    // the writer blocks readers, and SQLite's own wait gives up at once, so
    // every busy is handled by the retry of whole transactions (and opens).
    let desk = Desk::new();
    std::fs::write(
        desk.path("config.toml"),
        "[database]\njournal_mode = \"delete\"\nbusy_timeout_ms = 1\n",
    )
    .unwrap();
    let ticket = desk.ticket();
    let outputs = in_parallel(&desk, 4, 25, |d, w, i| {
        vec![
            d.run(&["ticket", "note", &ticket, "--summary", &format!("writer {w} note {i}")]),
            d.run(&["ticket", "show", &ticket]),
        ]
    });
    for out in outputs {
        success(out);
    }
    assert_eq!(notes_on(&desk, &ticket).len(), 100);
    assert_eq!(desk.json(&["doctor"])["journal_mode"], "delete");
}
