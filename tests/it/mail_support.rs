//! What the mail tests share: a store on a temp file (or, in the
//! PostgreSQL run, a database on the test server), the fixtures, and plain
//! SQL on either engine.

use chrono::{DateTime, TimeZone, Utc};
use frontdesk::config::{Config, MailConfig};
use frontdesk::service::Ctx;
use frontdesk::service::mail::{Ingested, ingest};
use frontdesk::store::{OpenOptions, Store};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct MailDesk {
    pub dir: TempDir,
    pub store: Store,
    pub config: MailConfig,
    /// The file (SQLite run) or the database's URL (PostgreSQL run).
    target: std::ffi::OsString,
    /// The database on the server, dropped with the desk.
    _server: Option<crate::pg_server::TestDb>,
}

impl MailDesk {
    pub fn new() -> MailDesk {
        let dir = tempfile::tempdir().unwrap();
        let (store, target, server) = if crate::common::on_postgres() {
            let server = crate::pg_server::TestDb::migrated();
            (server.store(), server.url.clone().into(), Some(server))
        } else {
            let path = dir.path().join("mail.db");
            let store = Store::create(&path, &OpenOptions::default()).unwrap();
            (store, path.into(), None)
        };
        let mut config = Config::defaults().mail;
        config.address = "support@acme.test".into();
        MailDesk {
            dir,
            store,
            config,
            target,
            _server: server,
        }
    }

    /// A plain connection to this desk's database.
    pub fn raw(&self) -> Raw {
        Raw::open(&self.target)
    }

    pub fn take(&mut self, raw: &[u8]) -> Ingested {
        ingest(&mut self.store, &ctx(), &self.config, raw, "test").unwrap()
    }

    pub fn take_fixture(&mut self, name: &str) -> Ingested {
        self.take(&fixture(name))
    }

    /// One number a query gives.
    pub fn count(&self, sql: &str) -> i64 {
        self.raw().number(sql)
    }
}

/// A plain connection to a desk's database on either engine — the file, or
/// the server's database by its URL (what `--db` names) — for what a test
/// sets up or checks beyond the CLI: a header with a line break in it as a
/// mail source might store it, a claim left by a sender that died.
pub enum Raw {
    File(rusqlite::Connection),
    Server(postgres::Client),
}

impl Raw {
    pub fn open(target: impl AsRef<OsStr>) -> Raw {
        let target = target.as_ref().to_str().expect("a UTF-8 target");
        if target.starts_with("postgres://") || target.starts_with("postgresql://") {
            Raw::Server(postgres::Client::connect(target, postgres::NoTls).expect("connect to the test database"))
        } else {
            Raw::File(rusqlite::Connection::open(target).expect("open the database file"))
        }
    }

    /// Runs `sql`, written with `?1`, `?2`… for the texts of `params`
    /// (PostgreSQL's `$N` put in for it); how many rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[&str]) -> u64 {
        match self {
            Raw::File(conn) => conn
                .execute(sql, rusqlite::params_from_iter(params))
                .unwrap_or_else(|e| panic!("{sql}: {e}")) as u64,
            Raw::Server(client) => {
                let values: Vec<&(dyn postgres::types::ToSql + Sync)> = params
                    .iter()
                    .map(|p| p as &(dyn postgres::types::ToSql + Sync))
                    .collect();
                client
                    .execute(&dollars(sql), &values)
                    .unwrap_or_else(|e| panic!("{sql}: {e}"))
            }
        }
    }

    /// Statements without parameters, `;`-separated, in one go.
    pub fn batch(&mut self, sql: &str) {
        match self {
            Raw::File(conn) => conn.execute_batch(sql).unwrap_or_else(|e| panic!("{sql}: {e}")),
            Raw::Server(client) => client.batch_execute(sql).unwrap_or_else(|e| panic!("{sql}: {e}")),
        }
    }

    /// The one integer a query gives (a PostgreSQL `bigint`: cast a
    /// narrower column with `::bigint`… or count it).
    pub fn number(&mut self, sql: &str) -> i64 {
        self.one(sql)
    }

    /// The one text a query gives.
    pub fn text(&mut self, sql: &str) -> String {
        self.one(sql)
    }

    /// The one value a query gives, on either engine.
    fn one<T>(&mut self, sql: &str) -> T
    where
        T: rusqlite::types::FromSql + for<'a> postgres::types::FromSql<'a>,
    {
        match self {
            Raw::File(conn) => conn.query_row(sql, [], |r| r.get(0)),
            Raw::Server(client) => {
                return client
                    .query_one(sql, &[])
                    .unwrap_or_else(|e| panic!("{sql}: {e}"))
                    .get(0);
            }
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }
}

/// `?N` parameters as PostgreSQL writes them, `$N`.
fn dollars(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '?' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

pub fn ctx() -> Ctx {
    Ctx::new("mailer", now())
}

pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mail")
        .join(name)
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

/// An mbox file of these messages, each after its `From ` line (a body
/// line starting with "From " is quoted as `>From `).
pub fn mbox(messages: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From sender@example.test Mon Nov 30 09:00:00 2026\n");
        for line in m.split_inclusive(|b| *b == b'\n') {
            if line.starts_with(b"From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line);
        }
        if !m.ends_with(b"\n") {
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    out
}

/// Message `n` of a customer of seven (by `n % 7`) asking about order `n`.
pub fn numbered_mail(n: usize, from_name: &str) -> Vec<u8> {
    format!(
        "From: {from_name} <c{}@x.test>\nMessage-ID: <n{n}@x.test>\nSubject: order {n}\n\nwhere is order {n}?\n",
        n % 7
    )
    .into_bytes()
}

/// A Maildir with these messages in new/.
pub fn maildir(root: &Path, messages: &[Vec<u8>]) -> PathBuf {
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
    }
    for (n, m) in messages.iter().enumerate() {
        std::fs::write(root.join("new").join(format!("17650000{n:02}.M{n}P1.host")), m).unwrap();
    }
    root.to_path_buf()
}
