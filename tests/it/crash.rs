//! Crash safety: the real binary killed with SIGKILL in the middle of a large
//! write leaves a database that opens, passes `doctor`, holds everything
//! committed before, and none of the interrupted write.

use crate::care_support;

use care_support::Desk;
use std::path::Path;
use std::time::{Duration, Instant};

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Starts `args` and kills it with SIGKILL as soon as `journal` holds more
/// than `threshold` bytes, i.e. while the transaction is being written. Returns false when the command finished
/// before it could be caught mid-write.
fn kill_mid_write(desk: &Desk, args: &[&str], journal: &Path, threshold: u64) -> bool {
    let mut child = desk.cmd().args(args).spawn().expect("start frontdesk");
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if size(journal) > threshold {
            child.kill().expect("SIGKILL");
            let status = child.wait().unwrap();
            assert!(!status.success(), "killed, yet it exited successfully");
            return true;
        }
        if child.try_wait().unwrap().is_some() || Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return false;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn big_customer_file(desk: &Desk, rows: usize) -> String {
    let mut csv = String::from("code,name,phone,email,notes\n");
    for i in 0..rows {
        csv.push_str(&format!(
            "K{i:06},客户{i},138{i:08},c{i}@example.com,{}\n",
            "备注".repeat(60)
        ));
    }
    let path = desk.path("big.csv");
    std::fs::write(&path, csv).unwrap();
    path.display().to_string()
}

/// `watch`: the file that grows while the transaction is written — the -wal
/// file in WAL mode; in rollback-journal mode the database itself, which
/// takes the new pages once the cache spills (the -journal file then holds
/// the originals, and the next open rolls them back).
/// `leftover`: the file the killed writer leaves for recovery.
fn survives_a_kill_during_import(desk: &Desk, watch_suffix: &str, leftover: &str) {
    let ticket = desk.ticket();
    for i in 0..10 {
        desk.ok(&["ticket", "note", &ticket, "--summary", &format!("committed {i}")]);
    }
    let before = desk.counts();
    let file = big_customer_file(desk, 30_000);
    let watched = frontdesk::store::sidecar(&desk.db, watch_suffix);
    let threshold = size(&watched) + (2 << 20);
    assert!(
        kill_mid_write(desk, &["import", "customers", &file], &watched, threshold),
        "the import finished before it could be killed"
    );
    let leftover = frontdesk::store::sidecar(&desk.db, leftover);
    assert!(size(&leftover) > 0, "no {} left to recover from", leftover.display());

    // The file opens and is sound; the interrupted import left nothing.
    let report = desk.json(&["doctor"]);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["counts"], before);
    let shown = desk.json(&["ticket", "show", &ticket]);
    let notes = shown["interactions"].as_array().unwrap().len();
    assert_eq!(notes, 10);
    // And work goes on: the same import now goes through whole.
    desk.ok(&["import", "customers", &file]);
    let report = desk.json(&["doctor"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["counts"]["customers"], 30_001);
}

#[test]
fn kill_9_during_a_large_write_in_wal_mode() {
    if crate::common::file_only("the WAL file of a killed writer (on a server: tests/it/pg_crash.rs)") {
        return;
    }
    let desk = Desk::new();
    survives_a_kill_during_import(&desk, "-wal", "-wal");
}

#[test]
fn kill_9_during_a_large_write_in_rollback_journal_mode() {
    if crate::common::file_only("the rollback journal of a killed writer (on a server: tests/it/pg_crash.rs)") {
        return;
    }
    let desk = Desk::new();
    std::fs::write(desk.path("config.toml"), "[database]\njournal_mode = \"delete\"\n").unwrap();
    survives_a_kill_during_import(&desk, "", "-journal");
}

/// A demo into an empty file writes through the rollback journal
/// (`Store::write_filling`): killed in the middle, it leaves a sound, empty
/// file that the next open sets back to WAL, and the demo then goes through.
#[test]
fn kill_9_during_a_demo_into_an_empty_file() {
    if crate::common::file_only("the rollback journal of a demo into a new file") {
        return;
    }
    let desk = Desk::new();
    let journal = frontdesk::store::sidecar(&desk.db, "-journal");
    let sizes = ["--customers", "20000", "--tickets", "40000", "--interactions", "200000"];
    assert!(
        kill_mid_write(&desk, &[&["demo"][..], &sizes].concat(), &journal, 0),
        "the demo finished without writing through the rollback journal"
    );

    let report = desk.json(&["doctor"]);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["counts"]["customers"], 0);
    assert_eq!(report["counts"]["tickets"], 0);
    desk.ok(&["customer", "list"]);
    assert_eq!(frontdesk::store::header::journal_mode(&desk.db).unwrap(), Some("wal"));
    desk.ok(&["demo"]);
    assert_eq!(desk.counts()["customers"], 200);
}
