//! Backups, daily rotation, doctor, journal modes and file permissions.

mod care_support;

use care_support::{Desk, file_names, stderr, success};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// A file created by frontdesk: at most 0o660.
fn no_access_for_others(path: &Path) {
    let m = mode(path);
    assert_eq!(m & !0o660, 0, "{} has mode {m:o}", path.display());
}

/// A folder created by frontdesk: nothing for others.
fn folder_closed_to_others(path: &Path) {
    let m = mode(path);
    assert_eq!(m & 0o007, 0, "{} has mode {m:o}", path.display());
}

#[test]
fn backup_is_private_whole_and_sound() {
    let desk = Desk::new();
    desk.ticket();
    let dest = desk.path("copies/today.db");
    let out = desk.ok(&["backup", dest.to_str().unwrap()]);
    assert!(out.contains("today.db"), "{out}");
    no_access_for_others(&dest);
    folder_closed_to_others(dest.parent().unwrap());
    // One self-contained file: no WAL beside it, no temporary left over.
    assert_eq!(file_names(dest.parent().unwrap()), ["today.db"]);
    let report = desk.json(&["--db", dest.to_str().unwrap(), "doctor"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["counts"]["tickets"], 1);
    assert_eq!(report["counts"]["customers"], 1);
}

#[test]
fn backup_replaces_an_older_backup_but_never_a_foreign_file() {
    let desk = Desk::new();
    let dest = desk.path("b.db");
    let dest_s = dest.to_str().unwrap();
    desk.ok(&["backup", dest_s]);
    desk.ticket();
    desk.ok(&["backup", dest_s]);
    assert_eq!(desk.counts_of(&dest)["tickets"], 1);

    let foreign = desk.path("thesis.txt");
    std::fs::write(&foreign, "my only copy").unwrap();
    let before = desk.counts();
    for target in [
        foreign.to_str().unwrap(),
        desk.dir().to_str().unwrap(),
        desk.db.to_str().unwrap(),
    ] {
        let out = desk.run(&["backup", target]);
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(stderr(&out).contains("destination"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "my only copy");
    assert_eq!(desk.counts(), before);

    // Another program's SQLite file is refused as well.
    let other = desk.path("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE notes (x TEXT)").unwrap();
    drop(conn);
    let out = desk.run(&["backup", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// Writes `[backup] dir = DIR`, `keep = KEEP` into the desk's config.
fn daily_backups_into(desk: &Desk, dir: &Path, keep: usize) {
    std::fs::write(
        desk.path("config.toml"),
        format!("[backup]\ndir = {:?}\nkeep = {keep}\n", dir.to_str().unwrap()),
    )
    .unwrap();
}

/// Runs `customer list` on the real clock (no `--now`); the real UTC dates
/// before and after, which differ only when the run straddles midnight.
fn real_clock_run(desk: &Desk) -> [chrono::NaiveDate; 2] {
    let before = chrono::Utc::now().date_naive();
    success(
        desk.cmd()
            .env_remove("FRONTDESK_NOW")
            .args(["customer", "list"])
            .output()
            .unwrap(),
    );
    [before, chrono::Utc::now().date_naive()]
}

fn daily_name(day: chrono::NaiveDate) -> String {
    format!("frontdesk-{}.db", day.format("%Y-%m-%d"))
}

#[test]
fn the_first_command_of_a_day_writes_the_daily_backup_and_old_ones_rotate_out() {
    let desk = Desk::new();
    let dir = desk.path("daily");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("keep-me.txt"), "not a backup").unwrap();
    daily_backups_into(&desk, &dir, 2);
    let today = chrono::Utc::now().date_naive();
    for back in 1..=3 {
        std::fs::write(dir.join(daily_name(today - chrono::Days::new(back))), "old").unwrap();
    }
    let [_, later] = real_clock_run(&desk);
    let day = today;
    if later != today {
        eprintln!("skipped: the run straddled midnight");
        return;
    }
    let yesterday = daily_name(day - chrono::Days::new(1));
    assert_eq!(
        file_names(&dir),
        [yesterday.as_str(), daily_name(day).as_str(), "keep-me.txt"]
    );
    let written = dir.join(daily_name(day));
    no_access_for_others(&written);
    // Later the same day: today's backup is not taken again.
    let first = std::fs::metadata(&written).unwrap().modified().unwrap();
    desk.ticket();
    real_clock_run(&desk);
    let again = std::fs::metadata(&written).unwrap().modified().unwrap();
    assert_eq!(first, again);
    assert_eq!(desk.counts_of(&written)["tickets"], 0);
}

/// Two "what if" runs in 2030 used to write future-dated backups, and the
/// next real run deleted every real backup, the one just written included.
#[test]
fn a_what_if_run_writes_and_deletes_no_backup_and_future_files_push_nothing_out() {
    let desk = Desk::new();
    let dir = desk.path("daily");
    std::fs::create_dir(&dir).unwrap();
    daily_backups_into(&desk, &dir, 2);
    let yesterday = daily_name(chrono::Utc::now().date_naive() - chrono::Days::new(1));
    std::fs::write(dir.join(&yesterday), "real").unwrap();
    for day in ["2030-01-01", "2030-01-02"] {
        success(
            desk.cmd()
                .args(["--now", &format!("{day}T08:00:00Z"), "customer", "list"])
                .output()
                .unwrap(),
        );
    }
    assert_eq!(
        file_names(&dir),
        [yesterday.as_str()],
        "a --now run touched the backups"
    );

    // Files an older frontdesk left from such runs: left alone, not counted.
    for stale in ["frontdesk-2030-01-01.db", "frontdesk-2030-01-02.db"] {
        std::fs::write(dir.join(stale), "from a what-if run").unwrap();
    }
    let before = chrono::Utc::now().date_naive();
    let out = desk
        .cmd()
        .env_remove("FRONTDESK_NOW")
        .args(["customer", "list"])
        .output()
        .unwrap();
    let err = stderr(&out);
    success(out);
    assert!(
        err.contains("frontdesk-2030-01-01.db") && err.contains("dated after today"),
        "{err}"
    );
    let names = file_names(&dir);
    let written = [before, chrono::Utc::now().date_naive()].map(daily_name);
    assert!(
        written.iter().any(|w| names.contains(w)),
        "today's backup was deleted: {names:?}"
    );
    assert!(names.contains(&yesterday), "a real backup was pushed out: {names:?}");
    assert!(names.contains(&"frontdesk-2030-01-02.db".to_string()), "{names:?}");
}

#[test]
fn a_failing_daily_backup_warns_but_the_command_still_runs() {
    let desk = Desk::new();
    let blocker = desk.path("file-not-folder");
    std::fs::write(&blocker, "x").unwrap();
    std::fs::write(
        desk.path("config.toml"),
        format!("[backup]\ndir = {:?}\n", blocker.to_str().unwrap()),
    )
    .unwrap();
    let out = desk
        .cmd()
        .env_remove("FRONTDESK_NOW")
        .args(["customer", "add", "--name", "李四"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("daily backup"), "{}", stderr(&out));
}

#[test]
fn doctor_reports_a_sound_file_in_human_and_json_form() {
    let desk = Desk::new();
    desk.ticket();
    let human = desk.ok(&["doctor"]);
    for expected in [
        "Integrity:     ok",
        "Foreign keys:  ok",
        "Schema:        version",
        "Journal mode:  wal",
        "no problems found",
    ] {
        assert!(human.contains(expected), "{expected}\n{human}");
    }
    let report = desk.json(&["doctor"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["integrity"][0], "ok");
    assert_eq!(report["application_id"], "0x4644534b");
    assert_eq!(report["schema_version"], report["latest_schema_version"]);
    assert!(report["wal_bytes"].is_u64());
    assert_eq!(report["counts"]["tickets"], 1);
}

#[test]
fn doctor_exits_1_on_a_broken_foreign_key() {
    let desk = Desk::new();
    desk.ticket();
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; UPDATE tickets SET customer_id = 999;")
        .unwrap();
    drop(conn);
    let out = desk.run(&["--json", "doctor"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["foreign_key_problems"][0]["table"], "tickets");
    let human = desk.run(&["doctor"]);
    assert_eq!(human.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&human.stdout).contains("problem: foreign key"));
}

#[test]
fn doctor_exits_1_on_a_damaged_file() {
    let desk = Desk::new();
    for i in 0..200 {
        desk.ok(&[
            "customer",
            "add",
            "--name",
            &format!("customer {i}"),
            "--notes",
            &"x".repeat(500),
        ]);
    }
    // Overwrite two pages near the end: table pages, written after the schema.
    let mut bytes = std::fs::read(&desk.db).unwrap();
    let start = bytes.len() - 3 * 4096;
    for b in &mut bytes[start..start + 8192] {
        *b = 0x5a;
    }
    std::fs::write(&desk.db, bytes).unwrap();
    let out = desk.run(&["doctor"]);
    let shown = String::from_utf8_lossy(&out.stdout);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{shown}{err}");
    assert!(!err.contains("panicked"), "{err}");
    if shown.is_empty() {
        // The damage hit the schema itself: the file cannot even be opened.
        assert!(err.contains("malformed") || err.contains("not a database"), "{err}");
    } else {
        // The checks that could run still report, and the damage is named.
        assert!(shown.contains("Integrity:     PROBLEM"), "{shown}");
        assert!(shown.contains("problem: "), "{shown}");
        assert!(err.contains("doctor found"), "{err}");
    }
}

#[test]
fn delete_journal_mode_opens_the_file_with_the_rollback_journal() {
    let desk = Desk::new();
    desk.ticket();
    std::fs::write(desk.path("config.toml"), "[database]\njournal_mode = \"delete\"\n").unwrap();
    // The existing WAL file is switched over on open...
    assert_eq!(desk.json(&["doctor"])["journal_mode"], "delete");
    // ...and a fresh file starts in that mode.
    let fresh = desk.path("fresh.db");
    let fresh = fresh.to_str().unwrap();
    desk.ok(&["--db", fresh, "init"]);
    let report = desk.json(&["--db", fresh, "doctor"]);
    assert_eq!(report["journal_mode"], "delete");
    assert_eq!(report["ok"], true);
    let conn = rusqlite::Connection::open(fresh).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
}

#[test]
fn the_database_and_its_wal_and_shm_files_are_closed_to_others() {
    let desk = Desk::new();
    // Hold the file open so SQLite keeps its -wal and -shm files.
    let options = frontdesk::store::OpenOptions::default();
    let _held = frontdesk::store::Store::open(&desk.db, &options).unwrap();
    desk.ticket();
    for suffix in ["", "-wal", "-shm"] {
        let path = frontdesk::store::sidecar(&desk.db, suffix);
        assert!(path.exists(), "{}", path.display());
        no_access_for_others(&path);
    }
    let nested = desk.path("a/b/fd.db");
    desk.ok(&["--db", nested.to_str().unwrap(), "init"]);
    folder_closed_to_others(&desk.path("a"));
    folder_closed_to_others(&desk.path("a/b"));
    no_access_for_others(&nested);
}
