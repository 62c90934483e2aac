//! Backups, daily rotation, doctor, journal modes and file permissions.

use crate::care_support;
use crate::skip;

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
        std::fs::copy(&desk.db, dir.join(daily_name(today - chrono::Days::new(back)))).unwrap();
    }
    // Someone's own file that only looks like an old backup: never deleted.
    let lookalike = daily_name(today - chrono::Days::new(10));
    std::fs::write(dir.join(&lookalike), "my notes, not a backup").unwrap();
    let [_, later] = real_clock_run(&desk);
    let day = today;
    if later != today {
        eprintln!("skipped: the run straddled midnight");
        return;
    }
    let yesterday = daily_name(day - chrono::Days::new(1));
    assert_eq!(
        file_names(&dir),
        [
            lookalike.as_str(),
            yesterday.as_str(),
            daily_name(day).as_str(),
            "keep-me.txt"
        ]
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
        std::fs::copy(&desk.db, dir.join(stale)).unwrap();
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
    // The existing WAL file is switched over on open (doctor itself writes nothing)...
    desk.ok(&["customer", "list"]);
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

// ---- a missing file is never created by accident ----

#[test]
fn only_init_demo_and_the_tui_create_a_database() {
    let desk = Desk::new();
    let typo = desk.path("typo/folder/fd.db");
    let csv = desk.path("customers.csv");
    std::fs::write(&csv, "name\n张三\n").unwrap();
    let dest = desk.path("copy.db");
    let commands: &[&[&str]] = &[
        &["customer", "list"],
        &["customer", "add", "--name", "张三"],
        &["ticket", "list"],
        &["doctor"],
        &["--json", "doctor"],
        &["backup", dest.to_str().unwrap()],
        &["import", "customers", csv.to_str().unwrap()],
        &["export", "customers"],
        &["agent", "list"],
    ];
    for args in commands {
        let out = desk.cmd().arg("--db").arg(&typo).args(*args).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {err}");
        assert!(
            err.contains(typo.to_str().unwrap()) && err.contains("frontdesk init"),
            "{args:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!desk.path("typo").exists(), "{args:?} created folders");
        assert!(!dest.exists(), "{args:?} wrote a backup");
    }
    // The terminal UI creates it too, but only where it can run: without a
    // terminal (a script that left out the command) it creates nothing.
    let out = desk.cmd().arg("--db").arg(&typo).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("invalid terminal \"standard output\": is not a terminal"),
        "{err}"
    );
    assert!(!desk.path("typo").exists(), "the TUI's refusal created folders");
    // init and demo create it, folders and all.
    desk.ok(&["--db", typo.to_str().unwrap(), "init"]);
    assert!(typo.exists());
    let demo = desk.path("other/demo.db");
    let demo = demo.to_str().unwrap();
    let small = ["--customers", "5", "--tickets", "5", "--interactions", "5"];
    desk.ok(&[&["--db", demo, "demo"][..], &small].concat());
    assert_eq!(desk.counts_of(Path::new(demo))["customers"], 5);
}

/// An empty file (a copy that failed on a full disk, a `touch`) is no
/// database: SQLite would take it for a new one, and a command other than
/// `init` would quietly make it an empty database.
#[test]
fn an_empty_file_is_no_database_until_init() {
    let desk = Desk::new();
    let empty = desk.path("empty.db");
    std::fs::write(&empty, "").unwrap();
    for args in [&["customer", "list"][..], &["doctor"], &["--json", "doctor"]] {
        let (code, shown, err) = run_on(&desk, &empty, args);
        assert_eq!(code, Some(4), "{args:?}: {shown}{err}");
        assert!(
            err.contains("is an empty file") && err.contains(empty.to_str().unwrap()) && err.contains("frontdesk init"),
            "{args:?}: {err}"
        );
        assert!(shown.is_empty(), "{args:?}: {shown}");
        assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0, "{args:?} wrote to it");
    }
    assert_eq!(
        file_names(desk.dir()).iter().filter(|n| n.starts_with("empty")).count(),
        1
    );
    let (code, _, err) = run_on(&desk, &empty, &["init"]);
    assert_eq!(code, Some(0), "{err}");
    desk.ok(&["--db", empty.to_str().unwrap(), "customer", "list"]);
}

// ---- a damaged file says what is wrong with it ----

/// A small demo database, closed (no -wal beside it), and its bytes.
fn demo_file(desk: &Desk) -> (std::path::PathBuf, Vec<u8>) {
    let db = desk.path("demo.db");
    let args = ["--customers", "40", "--tickets", "80", "--interactions", "200"];
    desk.ok(&[&["--db", db.to_str().unwrap(), "demo"][..], &args].concat());
    let bytes = std::fs::read(&db).unwrap();
    (db, bytes)
}

/// Runs `args` on `db`; the exit code, standard output and standard error.
fn run_on(desk: &Desk, db: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = desk.cmd().arg("--db").arg(db).args(args).output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code(), shown, stderr(&out))
}

/// Every command refuses the file with exit 1 and a message naming it and
/// `says`; doctor lists `doctor_says` among its problems and exits 1; the
/// file and its folder are left exactly as they were.
fn reported_as(desk: &Desk, db: &Path, says: &str, doctor_says: &str) {
    let bytes = std::fs::read(db).unwrap();
    let files = file_names(db.parent().unwrap());
    for args in [&["customer", "list"][..], &["customer", "add", "--name", "张三"]] {
        let (code, shown, err) = run_on(desk, db, args);
        assert_eq!(code, Some(1), "{args:?}: {err}");
        assert!(shown.is_empty(), "{args:?}: {shown}");
        assert!(
            err.contains(says) && err.contains(db.to_str().unwrap()),
            "{args:?}: {err}"
        );
        assert!(!err.contains("not a frontdesk database"), "{args:?}: {err}");
    }
    let (code, shown, err) = run_on(desk, db, &["doctor"]);
    assert_eq!(code, Some(1), "{shown}{err}");
    assert!(shown.contains(&format!("problem: {doctor_says}")), "{shown}");
    assert!(err.contains("doctor found"), "{err}");
    let (code, shown, _) = run_on(desk, db, &["--json", "doctor"]);
    assert_eq!(code, Some(1));
    let report: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(bytes, std::fs::read(db).unwrap(), "{} was changed", db.display());
    assert_eq!(files, file_names(db.parent().unwrap()), "files appeared beside it");
}

#[test]
fn a_truncated_file_is_reported_as_truncated() {
    let desk = Desk::new();
    let (db, bytes) = demo_file(&desk);
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    reported_as(&desk, &db, "is truncated", "truncated: the file has");
}

/// What SQLite cannot read from a damaged file is said so, never shown as
/// a made-up number (-1 pages, application id 0xffffffffffffffff).
#[test]
fn doctor_says_which_facts_a_damaged_file_hides() {
    let desk = Desk::new();
    let (db, bytes) = demo_file(&desk);
    std::fs::write(&db, &bytes[..bytes.len() / 2]).unwrap();
    let (code, shown, err) = run_on(&desk, &db, &["doctor"]);
    assert_eq!(code, Some(1), "{shown}{err}");
    for made_up in [
        "-1",
        "0xffff",
        "Journal mode:\n",
        "Rows:\n",
        "Journal mode:  \n",
        "Rows:          \n",
    ] {
        assert!(!shown.contains(made_up), "{made_up:?} in {shown}");
    }
    assert!(shown.contains("Schema:        could not be read"), "{shown}");
    let (_, json, _) = run_on(&desk, &db, &["--json", "doctor"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["schema_version"], serde_json::Value::Null, "{json}");
    assert_eq!(report["page_count"], serde_json::Value::Null, "{json}");
}

#[test]
fn a_damaged_header_is_reported_as_such() {
    let desk = Desk::new();
    let (db, bytes) = demo_file(&desk);
    // The page size field (bytes 16-17), then the signature partly overwritten.
    let mut page_size = bytes.clone();
    page_size[16..18].copy_from_slice(&[0x12, 0x34]);
    std::fs::write(&db, &page_size).unwrap();
    reported_as(
        &desk,
        &db,
        "damaged header",
        "header: damaged: the page size field holds 4660",
    );
    let mut signature = bytes.clone();
    signature[..6].copy_from_slice(b"XXLite");
    std::fs::write(&db, &signature).unwrap();
    reported_as(&desk, &db, "damaged header", "header: damaged: the signature");
    // A file that is not SQLite at all keeps its own message.
    std::fs::write(&db, "name,phone\n张三,13812345678\n".repeat(10)).unwrap();
    let (code, _, err) = run_on(&desk, &db, &["customer", "list"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("not a frontdesk database (not an SQLite database)"),
        "{err}"
    );
    let (code, shown, _) = run_on(&desk, &db, &["doctor"]);
    assert_eq!(code, Some(1));
    assert!(shown.contains("problem: header: not an SQLite file"), "{shown}");
}

/// Runs `args` on `db` as a user to whom file permissions apply: this one,
/// or, when the tests run as root (who writes read-only files anyway),
/// `nobody` through util-linux's `setpriv`. `None` when neither can be done.
fn run_restricted(desk: &Desk, db: &Path, args: &[&str]) -> Option<(Option<i32>, String, String)> {
    let probe = desk.path("probe");
    std::fs::write(&probe, "").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&probe).is_err() {
        return Some(run_on(desk, db, args));
    }
    let template = desk.cmd();
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_frontdesk"),
    ])
    .arg("--db")
    .arg(db)
    .args(args);
    for (key, value) in template.get_envs() {
        if let Some(value) = value {
            cmd.env(key, value);
        }
    }
    let out = cmd.output().ok()?;
    let err = stderr(&out);
    if err.starts_with("setpriv:") {
        return None;
    }
    Some((
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
    ))
}

#[test]
fn a_read_only_file_or_folder_is_reported_as_such() {
    let desk = Desk::new();
    desk.ticket();
    let folder = desk.path("shelf");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("fd.db");
    std::fs::copy(&desk.db, &db).unwrap();
    // Open to everyone but the file: only the file's permission stands in the way.
    std::fs::set_permissions(desk.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let Some((code, _, err)) = run_restricted(&desk, &db, &["customer", "list"]) else {
        skip::skip("running as root without setpriv, so no user here is bound by permissions");
        return;
    };
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("cannot be written") && err.contains(db.to_str().unwrap()),
        "{err}"
    );
    // doctor still examines it, and leaves nothing beside it. Opened
    // immutable, SQLite calls every file's mode "delete"; doctor reads the
    // WAL file's own header instead of warning of a mismatch.
    let (code, shown, err) = run_restricted(&desk, &db, &["doctor"]).unwrap();
    assert_eq!(code, Some(0), "{shown}{err}");
    assert!(shown.contains("Journal mode:  wal"), "{shown}");
    assert!(!shown.contains("warning: the file was in journal mode"), "{shown}");
    assert_eq!(file_names(&folder), ["fd.db"]);
    // A writable file in a folder no one may write to.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let (code, _, err) = run_restricted(&desk, &db, &["customer", "list"]).unwrap();
    let (doctor_code, shown, doctor_err) = run_restricted(&desk, &db, &["doctor"]).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o770)).unwrap();
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cannot be written") && err.contains("folder"), "{err}");
    assert_eq!(doctor_code, Some(0), "{shown}{doctor_err}");
    assert_eq!(file_names(&folder), ["fd.db"]);
}

/// A small file system of its own (tmpfs), unmounted when dropped. Mounting
/// needs root with CAP_SYS_ADMIN, which a container may withhold.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount(bytes: u64) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then_some(SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(self.0.path()).status();
    }
}

/// On a disk with no room left, a write is refused as a full disk (exit 1),
/// not as "disk I/O error", and the data already there is intact.
#[test]
fn a_full_disk_is_reported_as_full() {
    // Room for a new file and the log its migrations write (half a megabyte each).
    let Some(disk) = SmallDisk::mount(2 << 20) else {
        // Not a missing tool: a machine that may not mount file systems.
        eprintln!("skipped: cannot mount a small tmpfs here (needs root with CAP_SYS_ADMIN)");
        return;
    };
    let desk = Desk::new();
    let db = disk.0.path().join("fd.db");
    let (code, _, err) = run_on(&desk, &db, &["init"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = run_on(&desk, &db, &["customer", "add", "--name", "王芳"]);
    assert_eq!(code, Some(0), "{err}");
    // Fill what is left (dd stops with "no space left", as intended).
    let _ = std::process::Command::new("dd")
        .args(["if=/dev/zero", "bs=4096"])
        .arg(format!("of={}", disk.0.path().join("filler").display()))
        .output();
    let notes = "x".repeat(8000);
    let (code, _, err) = run_on(&desk, &db, &["customer", "add", "--name", "李雷", "--notes", &notes]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is full") && err.contains(db.to_str().unwrap()), "{err}");
    std::fs::remove_file(disk.0.path().join("filler")).unwrap();
    let list = desk
        .cmd()
        .arg("--db")
        .arg(&db)
        .args(["--json", "customer", "list"])
        .output()
        .unwrap();
    let names: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(names.len(), 1, "only the first customer: {names:?}");
}

/// A backup into a folder the user may not write to names that folder, as
/// a permission problem, not the hidden temporary file frontdesk made up.
#[test]
fn a_backup_into_a_read_only_folder_names_the_folder() {
    let desk = Desk::new();
    desk.ticket();
    let folder = desk.path("work");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("fd.db");
    std::fs::copy(&desk.db, &db).unwrap();
    let shelf = desk.path("shelf");
    std::fs::create_dir(&shelf).unwrap();
    std::fs::set_permissions(desk.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o666)).unwrap();
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o555)).unwrap();
    let dest = shelf.join("copy.db");
    let Some((code, _, err)) = run_restricted(&desk, &db, &["backup", dest.to_str().unwrap()]) else {
        println!("skipped: running as root without setpriv, so no user here is bound by permissions");
        return;
    };
    std::fs::set_permissions(&shelf, std::fs::Permissions::from_mode(0o770)).unwrap();
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&format!("{} cannot be written", shelf.display())), "{err}");
    assert!(!err.contains("frontdesk-tmp"), "{err}");
}
