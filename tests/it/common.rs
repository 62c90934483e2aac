//! Shared helpers of the integration tests: a throwaway database, the
//! `frontdesk` binary bound to it with a fixed clock and agent, checks of the
//! JSON shapes of ../shared/CLI.md, and a dump of every table so a test can
//! prove that a refused command wrote nothing.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The clock of every command unless a test says otherwise.
pub const NOW: &str = "2026-03-02T08:00:00Z";
/// Who acts unless a test says otherwise.
pub const AGENT: &str = "王五";

/// A temporary directory holding one database file — or, when the tests
/// run on PostgreSQL ([`on_postgres`]), a fresh database on the test server.
///
/// Only `init`, `demo` and the TUI's first start create a database, so
/// [`Desk::new`] makes the file as `init` would; [`Desk::empty`] leaves it
/// missing for the tests of creation itself.
pub struct Desk {
    dir: TempDir,
    /// The file of the SQLite run (missing on PostgreSQL).
    pub db: PathBuf,
    /// The database on the server, in the PostgreSQL run.
    server: Option<crate::pg_server::TestDb>,
}

/// Whether this run puts the CLI tests' databases on the PostgreSQL test
/// server (`FRONTDESK_TEST_ENGINE=postgres`, with `FRONTDESK_TEST_PG`):
/// `.ci/run` runs the CLI suite once on files and once so.
pub fn on_postgres() -> bool {
    std::env::var("FRONTDESK_TEST_ENGINE").as_deref() == Ok("postgres")
}

/// `true` (after saying so) when a test about the SQLite file itself —
/// its path, journal, pragmas, bytes — runs in the PostgreSQL run, where
/// it has nothing to test.
pub fn file_only(why: &str) -> bool {
    if on_postgres() {
        eprintln!("skipped on PostgreSQL: {why}");
    }
    on_postgres()
}

impl Default for Desk {
    fn default() -> Self {
        Self::new()
    }
}

impl Desk {
    /// A folder with a new, empty database.
    pub fn new() -> Self {
        if on_postgres() {
            let dir = tempfile::tempdir().expect("temp dir");
            let db = dir.path().join("frontdesk.db");
            let server = Some(crate::pg_server::TestDb::migrated());
            return Desk { dir, db, server };
        }
        let desk = Self::empty();
        drop(desk.store());
        desk
    }

    /// A new database in a file whichever engine the run is on, for tests
    /// that move data between a file and a server.
    pub fn on_file() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("frontdesk.db");
        let desk = Desk { dir, db, server: None };
        drop(desk.store());
        desk
    }

    /// A folder where the database file does not exist yet (on PostgreSQL:
    /// an empty database, no schema).
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("frontdesk.db");
        let server = on_postgres().then(|| crate::pg_server::TestDb::fresh().expect("FRONTDESK_TEST_PG is set"));
        Desk { dir, db, server }
    }

    /// What `--db` names: the file, or the database's URL on the server.
    pub fn target(&self) -> std::ffi::OsString {
        match &self.server {
            Some(server) => server.url.clone().into(),
            None => self.db.clone().into(),
        }
    }

    /// The database on the server, in the PostgreSQL run.
    pub fn server(&self) -> Option<&crate::pg_server::TestDb> {
        self.server.as_ref()
    }

    /// The store itself, on either engine (created or migrated), for a test
    /// that sets up or checks what the CLI cannot.
    pub fn store(&self) -> frontdesk::store::Store {
        let options = frontdesk::store::OpenOptions::default();
        match &self.server {
            Some(server) => server.store(),
            None => frontdesk::store::Store::create(&self.db, &options).expect("create the database"),
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with no global option set and an environment that cannot
    /// reach the machine's files: no `FRONTDESK_*` variable but a config path
    /// that does not exist, and home and XDG directories inside the temp dir.
    pub fn bare(&self) -> Command {
        let mut cmd = Command::cargo_bin("frontdesk").expect("frontdesk binary");
        for var in [
            "FRONTDESK_DB",
            "FRONTDESK_AGENT",
            "FRONTDESK_NOW",
            "NO_COLOR",
            "LC_ALL",
            "LC_MESSAGES",
        ] {
            cmd.env_remove(var);
        }
        // English whatever the machine's locale: the tests read English
        // output; a test of another language sets `LANG` again.
        cmd.env("LANG", "C");
        let home = self.dir().join("home");
        cmd.env("FRONTDESK_CONFIG", self.dir().join("no-such-config.toml"))
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("USER", "login-user");
        cmd
    }

    /// The binary on this database at [`NOW`] as [`AGENT`].
    pub fn cmd(&self) -> Command {
        self.cmd_at(NOW)
    }

    /// The binary on this database with the clock at `now`.
    pub fn cmd_at(&self, now: &str) -> Command {
        self.cmd_as(AGENT, now)
    }

    /// The binary on this database, acting as `agent` at `now`.
    pub fn cmd_as(&self, agent: &str, now: &str) -> Command {
        let mut cmd = self.bare();
        cmd.arg("--db")
            .arg(self.target())
            .args(["--now", now, "--agent", agent]);
        cmd
    }

    /// Runs a command that must succeed; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_at(NOW, args)
    }

    pub fn ok_at(&self, now: &str, args: &[&str]) -> String {
        stdout(self.cmd_at(now).args(args))
    }

    /// A low survey (quality 1, response 2, communication 1) of `customer` at `now`.
    pub fn low_survey_at(&self, now: &str, customer: &str) -> String {
        let scores = ["--quality", "1", "--response", "2", "--communication", "1"];
        self.ok_at(
            now,
            &[&["survey", "add", "--customer", customer][..], &scores[..]].concat(),
        )
    }

    /// Runs a command with `--json` that must succeed; returns the parsed output.
    pub fn json(&self, args: &[&str]) -> Value {
        self.json_at(NOW, args)
    }

    pub fn json_at(&self, now: &str, args: &[&str]) -> Value {
        self.json_as(AGENT, now, args)
    }

    /// Runs a command with `--json` as `agent` at `now`; returns the parsed output.
    pub fn json_as(&self, agent: &str, now: &str, args: &[&str]) -> Value {
        parse_json(&stdout(self.cmd_as(agent, now).arg("--json").args(args)))
    }

    /// Runs a command that must fail with `code`, print nothing on standard
    /// output, and explain itself on standard error; returns that message.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let out = self.cmd().args(args).assert().code(code).get_output().clone();
        assert!(out.stdout.is_empty(), "{args:?} printed data on failure");
        let err = String::from_utf8(out.stderr).expect("UTF-8 message");
        assert!(!err.trim().is_empty(), "{args:?} failed without a message");
        err
    }

    /// Like [`Desk::refused_unchanged`] with exit 2, and the message names
    /// the field and the value.
    pub fn invalid(&self, args: &[&str], field: &str, value: &str) -> String {
        let err = self.refused_unchanged(2, args);
        assert!(err.contains(field), "{args:?}: message does not name {field:?}: {err}");
        assert!(err.contains(value), "{args:?}: message does not name {value:?}: {err}");
        err
    }

    /// [`Desk::invalid`] for each case: `prefix` followed by the case's
    /// arguments, and the field and value its message must name.
    pub fn invalid_each(&self, prefix: &[&str], cases: &[(&[&str], &str, &str)]) {
        for (fields, field, value) in cases {
            self.invalid(&[prefix, fields].concat(), field, value);
        }
    }

    /// Asserts that running `args` fails with `code` and leaves every table as it was.
    pub fn refused_unchanged(&self, code: i32, args: &[&str]) -> String {
        let before = self.dump();
        let err = self.fails(code, args);
        assert_eq!(before, self.dump(), "{args:?} changed the database");
        err
    }

    /// Every row of every table, and the schema version, as text.
    pub fn dump(&self) -> String {
        match &self.server {
            Some(server) => server.dump(),
            None => dump(&self.db),
        }
    }

    /// The rows of `sql` (SQL both engines read alike), each cell as text
    /// (`None` for null), on either engine, as the database's superuser
    /// or file owner: for a test that checks stored values no command
    /// shows, or changes them as the engine's own shell would (a statement
    /// returning no rows runs and gives none).
    pub fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        if let Some(server) = &self.server {
            let messages = server.admin().simple_query(sql).expect("query the test database");
            return messages
                .iter()
                .filter_map(|m| match m {
                    postgres::SimpleQueryMessage::Row(row) => {
                        Some((0..row.len()).map(|i| row.get(i).map(str::to_string)).collect())
                    }
                    _ => None,
                })
                .collect();
        }
        let conn = rusqlite::Connection::open(&self.db).expect("open the database");
        let mut stmt = conn.prepare(sql).expect("prepare the query");
        let columns = stmt.column_count();
        stmt.query_map([], |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Null => None,
                        rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
                        rusqlite::types::ValueRef::Real(f) => Some(f.to_string()),
                        rusqlite::types::ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                        rusqlite::types::ValueRef::Blob(b) => Some(format!("{b:?}")),
                    })
                })
                .collect()
        })
        .expect("run the query")
        .collect::<Result<_, _>>()
        .expect("read the rows")
    }

    /// Adds a customer named `name` with extra `customer add` options; returns it.
    pub fn customer(&self, name: &str, extra: &[&str]) -> Value {
        self.customer_at(NOW, name, extra)
    }

    pub fn customer_at(&self, now: &str, name: &str, extra: &[&str]) -> Value {
        let mut args = vec!["customer", "add", "--name", name];
        args.extend_from_slice(extra);
        self.json_at(now, &args)
    }

    /// Opens a ticket for `customer` (id or code); returns it.
    pub fn ticket(&self, customer: &str, kind: &str, subject: &str, extra: &[&str]) -> Value {
        self.ticket_at(NOW, customer, kind, subject, extra)
    }

    pub fn ticket_at(&self, now: &str, customer: &str, kind: &str, subject: &str, extra: &[&str]) -> Value {
        let mut args = vec![
            "ticket",
            "add",
            "--customer",
            customer,
            "--kind",
            kind,
            "--subject",
            subject,
        ];
        args.extend_from_slice(extra);
        self.json_at(now, &args)
    }

    /// `ticket show ID --json`.
    pub fn show_ticket(&self, id: i64) -> Value {
        self.json(&["ticket", "show", &id.to_string()])
    }

    /// `customer show KEY --json`.
    pub fn show_customer(&self, key: &str) -> Value {
        self.json(&["customer", "show", key])
    }
}

/// Asserts that line `index` of a printed table (0 = the header) holds every part.
pub fn assert_line(text: &str, index: usize, parts: &[&str]) {
    let line = text
        .lines()
        .nth(index)
        .unwrap_or_else(|| panic!("no line {index}:\n{text}"));
    for part in parts {
        assert!(line.contains(part), "line {index} lacks {part:?}:\n{text}");
    }
}

/// Runs a prepared command that must succeed; returns its standard output.
pub fn stdout(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().clone();
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn parse_json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Every row of every table of the file at `path`, and its schema version.
pub fn dump(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("open database for dump");
    let mut out = String::new();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    out.push_str(&format!("user_version {version}\n"));
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in tables {
        out.push_str(&format!("[{table}]\n"));
        // Sorted as text: not every table has a rowid (full-text index shadow tables).
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
            lines.push(cells.join(" | "));
        }
        lines.sort();
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The JSON type a contract key must have.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Int,
    Str,
    OptStr,
    OptInt,
    Array,
    /// An RFC 3339 instant in UTC with a trailing `Z`.
    Instant,
    OptInstant,
}

/// Asserts that `value` is an object holding every key with its type.
pub fn assert_shape(value: &Value, keys: &[(&str, Kind)]) {
    let object = value.as_object().unwrap_or_else(|| panic!("not an object: {value}"));
    for (key, kind) in keys {
        let v = object
            .get(*key)
            .unwrap_or_else(|| panic!("key {key:?} missing in {value}"));
        let ok = match kind {
            Kind::Int => v.is_i64(),
            Kind::Str => v.is_string(),
            Kind::OptStr => v.is_null() || v.is_string(),
            Kind::OptInt => v.is_null() || v.is_i64(),
            Kind::Array => v.is_array(),
            Kind::Instant => v.as_str().is_some_and(is_utc_instant),
            Kind::OptInstant => v.is_null() || v.as_str().is_some_and(is_utc_instant),
        };
        assert!(ok, "key {key:?} should be {kind:?}, is {v}");
    }
}

/// RFC 3339, in UTC, written with a trailing `Z`.
pub fn is_utc_instant(text: &str) -> bool {
    text.ends_with('Z') && chrono::DateTime::parse_from_rfc3339(text).is_ok_and(|t| t.offset().local_minus_utc() == 0)
}

pub const CUSTOMER_KEYS: &[(&str, Kind)] = &[
    ("id", Kind::Int),
    ("code", Kind::Str),
    ("name", Kind::Str),
    ("kind", Kind::Str),
    ("phone", Kind::Str),
    ("email", Kind::Str),
    ("industry", Kind::Str),
    ("tier", Kind::Str),
    ("tags", Kind::Array),
    ("owner", Kind::Str),
    ("created_at", Kind::Instant),
    ("version", Kind::Int),
];

pub const TICKET_KEYS: &[(&str, Kind)] = &[
    ("id", Kind::Int),
    ("customer_id", Kind::Int),
    ("customer_code", Kind::Str),
    ("kind", Kind::Str),
    ("category", Kind::Str),
    ("priority", Kind::Str),
    ("channel", Kind::Str),
    ("status", Kind::Str),
    ("subject", Kind::Str),
    ("department", Kind::Str),
    ("assignee", Kind::Str),
    ("opened_at", Kind::Instant),
    ("first_response_at", Kind::OptInstant),
    ("resolved_at", Kind::OptInstant),
    ("closed_at", Kind::OptInstant),
    ("version", Kind::Int),
    ("urgency", Kind::Int),
];

pub const INTERACTION_KEYS: &[(&str, Kind)] = &[
    ("id", Kind::Int),
    ("customer_id", Kind::Int),
    ("ticket_id", Kind::OptInt),
    ("at", Kind::Instant),
    ("channel", Kind::Str),
    ("direction", Kind::Str),
    ("agent", Kind::Str),
    ("summary", Kind::Str),
];

pub const SLA_STATES: &[&str] = &["running", "at_risk", "breached", "paused", "met", "missed"];

pub fn assert_customer(value: &Value) {
    assert_shape(value, CUSTOMER_KEYS);
    assert!(
        value["tags"].as_array().unwrap().iter().all(Value::is_string),
        "{value}"
    );
}

pub fn assert_interaction(value: &Value) {
    assert_shape(value, INTERACTION_KEYS);
    let direction = value["direction"].as_str().unwrap();
    assert!(["in", "out", "note"].contains(&direction), "direction {direction:?}");
}

/// A ticket of the contract, SLA clocks included (their values are the SLA
/// engine's business; only the shape is checked here).
pub fn assert_ticket(value: &Value) {
    assert_shape(value, TICKET_KEYS);
    let sla = &value["sla"];
    for clock in ["first_response", "resolution", "callback"] {
        let c = &sla[clock];
        assert_shape(c, &[("due", Kind::OptInstant)]);
        let state = c
            .get("state")
            .unwrap_or_else(|| panic!("sla.{clock}.state missing in {sla}"));
        assert!(
            state.is_null() || state.as_str().is_some_and(|s| SLA_STATES.contains(&s)),
            "sla.{clock}.state is {state}"
        );
    }
    let outcome = sla["callback"]
        .get("outcome")
        .unwrap_or_else(|| panic!("sla.callback.outcome missing in {sla}"));
    assert!(
        outcome.is_null()
            || outcome
                .as_str()
                .is_some_and(|o| ["satisfied", "resolved", "follow-up"].contains(&o)),
        "sla.callback.outcome is {outcome}"
    );
}

/// The `id` of a JSON record.
pub fn id(value: &Value) -> i64 {
    value["id"].as_i64().unwrap_or_else(|| panic!("no id in {value}"))
}

/// The `id`s of a JSON array of records, in order.
pub fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap_or_else(|| panic!("not an array: {list}"))
        .iter()
        .map(id)
        .collect()
}

/// A string field of a JSON record.
pub fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key:?} is not a string in {value}"))
}
