//! What `doctor` looks at: SQLite's own checks and facts about the file.

use super::{Store, StoreError};
use serde::Serialize;

/// A row whose foreign key points at nothing (`PRAGMA foreign_key_check`).
#[derive(Debug, Clone, Serialize)]
pub struct ForeignKeyProblem {
    pub table: String,
    pub rowid: Option<i64>,
    pub parent: String,
}

/// The raw findings; `service::care` judges them.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    /// `PRAGMA integrity_check`: `["ok"]` when the file is sound.
    pub integrity: Vec<String>,
    /// `PRAGMA foreign_key_check`; `None` when it could not run.
    pub foreign_keys: Option<Vec<ForeignKeyProblem>>,
    /// The pragmas below are `None` where SQLite could not read them (a
    /// damaged file); `errors` says why.
    pub schema_version: Option<i64>,
    pub application_id: Option<i64>,
    pub journal_mode: Option<String>,
    pub page_size: Option<i64>,
    pub page_count: Option<i64>,
    pub freelist_count: Option<i64>,
    /// Rows per table, by table name.
    pub counts: Vec<(String, i64)>,
    /// Checks that could not run, with SQLite's reason.
    pub errors: Vec<String>,
}

/// How many problems `integrity_check` lists at most.
const INTEGRITY_LIMIT: i64 = 100;

impl Store {
    /// Runs every check. A check that cannot even run on a damaged file
    /// (SQLite reports "malformed") is recorded in `errors`, and the others
    /// still run, so `doctor` can say what it found instead of only failing.
    pub fn health(&mut self) -> Result<Health, StoreError> {
        let conn = self.sqlite()?;
        let mut errors = Vec::new();
        // Each note names the statement that failed, in SQLite's words,
        // beside SQLite's message: technical detail the edge shows as it is
        // in every language, with nothing of frontdesk's English in it.
        let mut note = |what: &str, e: rusqlite::Error| errors.push(format!("{what}: {e}"));
        let integrity = query_strings(conn, &format!("PRAGMA integrity_check({INTEGRITY_LIMIT})"))
            .unwrap_or_else(|e| vec![format!("PRAGMA integrity_check: {e}")]);
        let foreign_keys = foreign_key_problems(conn)
            .map_err(|e| note("PRAGMA foreign_key_check", e))
            .ok();
        let mut pragma = |name: &str| -> Option<i64> {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .map_err(|e| note(&format!("PRAGMA {name}"), e))
                .ok()
        };
        let schema_version = pragma("user_version");
        let application_id = pragma("application_id");
        let page_size = pragma("page_size");
        let page_count = pragma("page_count");
        let freelist_count = pragma("freelist_count");
        let journal_mode = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
            .map(|mode| mode.to_ascii_lowercase())
            .map_err(|e| note("PRAGMA journal_mode", e))
            .ok();
        let mut counts = Vec::new();
        match query_strings(
            conn,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        ) {
            Ok(tables) => {
                for table in tables {
                    // The name comes from sqlite_master, quoted as an identifier.
                    let sql = format!("SELECT count(*) FROM \"{}\"", table.replace('"', "\"\""));
                    match conn.query_row(&sql, [], |r| r.get(0)) {
                        Ok(n) => counts.push((table, n)),
                        Err(e) => note(&format!("SELECT count(*) FROM {table}"), e),
                    }
                }
            }
            Err(e) => note("SELECT name FROM sqlite_master", e),
        }
        Ok(Health {
            integrity,
            foreign_keys,
            schema_version,
            application_id,
            journal_mode,
            page_size,
            page_count,
            freelist_count,
            counts,
            errors,
        })
    }
}

fn query_strings(conn: &rusqlite::Connection, sql: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

fn foreign_key_problems(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<ForeignKeyProblem>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        Ok(ForeignKeyProblem {
            table: r.get(0)?,
            rowid: r.get(1)?,
            parent: r.get(2)?,
        })
    })?;
    rows.collect()
}
