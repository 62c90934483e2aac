//! `config path | show | check` and the key-by-key settings of issue #10:
//! a bad value costs only its own key, and the commands need no database.

use crate::care_support;

use care_support::stderr;
use std::path::Path;
use std::process::{Command, Output};

/// The binary with `config` as its settings file and `db` as its database.
fn run(config: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env_remove("FRONTDESK_MASKED")
        .env("FRONTDESK_CONFIG", config)
        .env("FRONTDESK_DB", db)
        .env("FRONTDESK_AGENT", "li.na")
        .args(args)
        .output()
        .expect("run frontdesk")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn config_commands_work_without_a_database_and_create_none() {
    let dir = tempfile::tempdir().unwrap();
    let (config, db) = (dir.path().join("config.toml"), dir.path().join("sub/fd.db"));
    let path = run(&config, &db, &["config", "path"]);
    assert_eq!(path.status.code(), Some(0), "{}", stderr(&path));
    let shown = stdout(&path);
    assert!(
        shown.contains(config.to_str().unwrap()) && shown.contains("does not exist"),
        "{shown}"
    );
    let check = run(&config, &db, &["config", "check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).contains("no problems"));
    let show = run(&config, &db, &["config", "show"]);
    assert_eq!(show.status.code(), Some(0), "{}", stderr(&show));
    let effective: toml::Table = toml::from_str(&stdout(&show)).unwrap();
    assert_eq!(effective["database"]["journal_mode"].as_str(), Some("wal"));
    std::fs::write(&config, "[ui]\nmasked = true\n").unwrap();
    let path = run(&config, &db, &["config", "path"]);
    assert_eq!(stdout(&path).trim(), config.to_str().unwrap());
    assert!(
        !db.exists() && !dir.path().join("sub").exists(),
        "a config command created the database"
    );
}

#[test]
fn a_bad_time_zone_no_longer_costs_the_journal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (config, db) = (dir.path().join("config.toml"), dir.path().join("fd.db"));
    std::fs::write(
        &config,
        "[database]\njournal_mode = \"delete\"\n\n[sla]\ntimezone = \"Mars/Olympus\"\n[databse]\nbusy_timeout_ms = 1\n",
    )
    .unwrap();
    let init = run(&config, &db, &["init"]);
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    let warned = stderr(&init);
    assert!(
        warned.contains("config.toml:5: sla.timezone = \"Mars/Olympus\""),
        "{warned}"
    );
    let doctor = run(&config, &db, &["--json", "doctor"]);
    let report: serde_json::Value = serde_json::from_slice(&doctor.stdout).unwrap();
    assert_eq!(report["journal_mode"], "delete", "{}", stderr(&doctor));

    let check = run(&config, &db, &["config", "check"]);
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    let listed = stdout(&check);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(lines[0].contains("config.toml:5: sla.timezone"), "{listed}");
    assert!(lines[1].contains("config.toml:6: unknown table [databse]"), "{listed}");
    assert!(lines[1].contains("did you mean `database`?"), "{listed}");
    assert!(stderr(&check).contains("2 problems, listed above"));

    let show = run(&config, &db, &["config", "show"]);
    let effective: toml::Table = toml::from_str(&stdout(&show)).unwrap();
    assert_eq!(effective["database"]["journal_mode"].as_str(), Some("delete"));
    assert_eq!(effective["sla"]["timezone"].as_str(), Some("Asia/Shanghai"));
    assert!(
        stderr(&show).contains("config.toml:5:"),
        "show reports the problems too"
    );
}

/// `doctor` examines the file as it is, so the mode it finds is another
/// agent's setting; the next ordinary command switches to the configured one.
#[test]
fn doctor_reports_a_file_left_in_another_journal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let (wal, delete, db) = (
        dir.path().join("wal.toml"),
        dir.path().join("delete.toml"),
        dir.path().join("fd.db"),
    );
    std::fs::write(&delete, "[database]\njournal_mode = \"delete\"\n").unwrap();
    assert_eq!(run(&wal, &db, &["init"]).status.code(), Some(0));
    let doctor = run(&delete, &db, &["--json", "doctor"]);
    let report: serde_json::Value = serde_json::from_slice(&doctor.stdout).unwrap();
    assert_eq!(report["journal_mode_found"], "wal", "{}", stderr(&doctor));
    let warnings = report["warnings"].to_string();
    assert!(
        warnings.contains("journal mode wal but the config asks for delete"),
        "{warnings}"
    );
    // Any other command opens it with the configured mode; then nothing to report.
    assert_eq!(run(&delete, &db, &["customer", "list"]).status.code(), Some(0));
    let again = run(&delete, &db, &["--json", "doctor"]);
    let report: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(!report["warnings"].to_string().contains("journal mode"), "{report}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
}

/// Problems are told in plain words (never Rust's type names or escapes),
/// quote a short excerpt of a long value, and a relative backup folder is
/// refused rather than created wherever the command happens to run.
#[test]
fn config_problems_read_plainly_and_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let (config, db) = (dir.path().join("config.toml"), dir.path().join("fd.db"));
    let long = "A".repeat(5000);
    let text = format!(
        "[backup]\nkeep = -3\ndir = \"backups\"\n[sla]\nbell = \"yes\"\nat_risk_share = \"x\"\n\
         timezone = \"Mars/{long}\"\n{long} = 1\n[segments]\nrecent_days = 1.5\n"
    );
    std::fs::write(&config, text).unwrap();
    let check = run(&config, &db, &["config", "check"]);
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    let listed = stdout(&check);
    for expected in [
        "config.toml:2: backup.keep = -3 is not a whole number (0 or more); using the default 7",
        "config.toml:3: backup.dir = \"backups\" is not an absolute path",
        "config.toml:5: sla.bell = \"yes\" is not true or false",
        "config.toml:6: sla.at_risk_share = \"x\" is not a number",
        "config.toml:7: sla.timezone = \"Mars/AAAA",
        "config.toml:10: segments.recent_days = 1.5 is not a whole number",
    ] {
        assert!(listed.contains(expected), "expected {expected:?} in {listed}");
    }
    for rust in ["usize", "i64", "f64", "\\u{", "invalid type"] {
        assert!(!listed.contains(rust), "{rust:?} in {listed}");
    }
    for line in listed.lines() {
        assert!(
            line.chars().count() < 400,
            "{} characters: {line}",
            line.chars().count()
        );
    }
    // The command still runs, without a backup folder beside wherever it ran.
    let init = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .current_dir(dir.path())
        .env("FRONTDESK_CONFIG", &config)
        .env("FRONTDESK_DB", &db)
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert!(!dir.path().join("backups").exists());
}

/// `config path` says when the file there is not one it reads (a FIFO).
#[test]
fn config_path_tells_a_file_it_will_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let (fifo, db) = (dir.path().join("config.toml"), dir.path().join("fd.db"));
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let path = run(&fifo, &db, &["config", "path"]);
    assert_eq!(path.status.code(), Some(0), "{}", stderr(&path));
    let shown = stdout(&path);
    assert!(
        shown.contains("is a FIFO") && shown.contains("the defaults are in force"),
        "{shown}"
    );
}

#[test]
fn a_config_named_explicitly_but_missing_is_warned_about_and_the_default_location_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let (missing, db) = (dir.path().join("tema.toml"), dir.path().join("fd.db"));
    let warning = format!("no config file at {}; using the default settings", missing.display());
    // By FRONTDESK_CONFIG, for a database command and for `config show|check`.
    for args in [
        &["init"][..],
        &["customer", "list"],
        &["config", "show"],
        &["config", "check"],
    ] {
        let out = run(&missing, &db, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(&warning), "{args:?}: {}", stderr(&out));
    }
    // By --config.
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env_remove("FRONTDESK_CONFIG")
        .env("FRONTDESK_DB", &db)
        .arg("--config")
        .arg(&missing)
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains(&warning), "{}", stderr(&out));
    // The default location, absent as for most users: no warning.
    let home = dir.path().join("home");
    let out = Command::new(env!("CARGO_BIN_EXE_frontdesk"))
        .env_remove("FRONTDESK_CONFIG")
        .env("FRONTDESK_DB", &db)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("no config file"), "{}", stderr(&out));
}
