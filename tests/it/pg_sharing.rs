//! One database on a PostgreSQL server shared by agents, each with a login
//! of their own, through the real binary (the server's twin of
//! tests/it/sharing.rs, where Unix users share a file): writers at once
//! lose nothing, each write is recorded as its login's, each agent sees the
//! other's work, and a stale edit is a conflict (exit 3) that writes nothing.

use crate::pg_server::TestDb;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const PASSWORD: &str = "frontdesk-sharing-pw";
const ROUNDS: usize = 15;

/// Logins of the whole server, so named after this test's database, and
/// dropped after it.
struct Logins {
    names: Vec<String>,
    server: String,
}

impl Logins {
    /// Agent logins `suffixes` may work in `db` (`frontdesk_agent`), as a
    /// database administrator sets up agents (README).
    fn new(db: &TestDb, suffixes: &[&str]) -> Logins {
        let names: Vec<String> = suffixes.iter().map(|s| format!("{}_{s}", db.name)).collect();
        let mut admin = db.admin();
        for name in &names {
            admin
                .batch_execute(&format!(
                    "DROP ROLE IF EXISTS {name}; CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}' IN ROLE frontdesk_agent"
                ))
                .expect("create a login");
        }
        Logins {
            names,
            server: db.url.clone(),
        }
    }
}

impl Drop for Logins {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.server, postgres::NoTls) {
            for name in &self.names {
                let _ = admin.batch_execute(&format!("DROP ROLE IF EXISTS {name}"));
            }
        }
    }
}

/// The binary on `url` (no config file, English), with the login's password.
fn frontdesk(url: &str, dir: &Path) -> Command {
    let mut cmd = crate::pg_server::frontdesk_on(url, dir);
    cmd.env("PGPASSWORD", PASSWORD);
    cmd
}

fn run(url: &str, dir: &Path, args: &[&str]) -> Output {
    frontdesk(url, dir).args(args).output().expect("run frontdesk")
}

fn told(out: &Output) -> String {
    format!(
        "exit {:?}\n{}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn json(url: &str, dir: &Path, args: &[&str]) -> Value {
    let out = run(url, dir, &[&["--json"], args].concat());
    assert!(out.status.success(), "{args:?}: {}", told(&out));
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

#[test]
fn two_logins_write_one_database_at_once_and_each_sees_the_others_work() {
    let Some(db) = TestDb::fresh() else { return };
    drop(db.store()); // migrated, as `init` would
    let dir = tempfile::tempdir().unwrap();
    let owner = |args: &[&str]| json(&db.url, dir.path(), &[&["--agent", "王五"], args].concat());
    let logins = Logins::new(&db, &["ann", "bo"]);
    let urls: Vec<String> = logins.names.iter().map(|n| db.url_as(n)).collect();
    let customer = owner(&["customer", "add", "--name", "张三", "--phone", "13812345678"]);
    let code = customer["code"].as_str().unwrap().to_string();
    let ticket = owner(&[
        "ticket",
        "add",
        "--customer",
        &code,
        "--kind",
        "complaint",
        "--subject",
        "洗衣机漏水",
    ]);
    let ticket = ticket["id"].to_string();

    // Both agents note the one ticket at once, each from its own login.
    std::thread::scope(|scope| {
        for url in &urls {
            let (ticket, dir) = (&ticket, dir.path());
            scope.spawn(move || {
                for round in 0..ROUNDS {
                    let out = run(
                        url,
                        dir,
                        &["ticket", "note", ticket, "--summary", &format!("note {round}")],
                    );
                    assert!(out.status.success(), "{}", told(&out));
                }
            });
        }
    });
    // Every note landed once, recorded as its writer's login; each agent
    // reads the same ticket.
    let shown = json(&urls[0], dir.path(), &["ticket", "show", &ticket]);
    assert_eq!(shown, json(&urls[1], dir.path(), &["ticket", "show", &ticket]));
    let mut notes: Vec<String> = shown["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["direction"] == "note")
        .map(|i| format!("{} {}", i["agent"].as_str().unwrap(), i["summary"].as_str().unwrap()))
        .collect();
    notes.sort();
    let mut want: Vec<String> = logins
        .names
        .iter()
        .flat_map(|login| (0..ROUNDS).map(move |round| format!("{login} note {round}")))
        .collect();
    want.sort();
    assert_eq!(notes, want);

    // Both hold version 1 of the customer; the first edit wins, the second
    // is a conflict that writes nothing, and the loser sees the winner's name.
    let version = customer["version"].to_string();
    let edit = |url: &str, name: &str| {
        run(
            url,
            dir.path(),
            &["customer", "edit", &code, "--name", name, "--if-version", &version],
        )
    };
    let won = edit(&urls[1], "张三丰");
    assert!(won.status.success(), "{}", told(&won));
    let before = db.dump();
    let lost = edit(&urls[0], "张四");
    assert_eq!(lost.status.code(), Some(3), "{}", told(&lost));
    assert!(
        String::from_utf8_lossy(&lost.stderr).contains("changed by someone else"),
        "{}",
        told(&lost)
    );
    assert_eq!(db.dump(), before, "the stale edit wrote nothing");
    assert_eq!(
        json(&urls[0], dir.path(), &["customer", "show", &code])["name"],
        "张三丰"
    );
}
