//! What the mail tests share: a store on a temp file, the fixtures, and a
//! count of rows by SQL.

use chrono::{DateTime, TimeZone, Utc};
use frontdesk::config::{Config, MailConfig};
use frontdesk::service::Ctx;
use frontdesk::service::mail::{Ingested, ingest};
use frontdesk::store::{OpenOptions, Store};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct MailDesk {
    pub dir: TempDir,
    pub path: PathBuf,
    pub store: Store,
    pub config: MailConfig,
}

impl MailDesk {
    pub fn new() -> MailDesk {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mail.db");
        let store = Store::create(&path, &OpenOptions::default()).unwrap();
        let mut config = Config::defaults().mail;
        config.address = "support@acme.test".into();
        MailDesk {
            dir,
            path,
            store,
            config,
        }
    }

    pub fn take(&mut self, raw: &[u8]) -> Ingested {
        ingest(&mut self.store, &ctx(), &self.config, raw, "test").unwrap()
    }

    pub fn take_fixture(&mut self, name: &str) -> Ingested {
        self.take(&fixture(name))
    }

    /// One number a query gives.
    pub fn count(&self, sql: &str) -> i64 {
        let conn = rusqlite::Connection::open(&self.path).unwrap();
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }
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
