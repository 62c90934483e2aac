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
    pub foreign_keys: Vec<ForeignKeyProblem>,
    pub schema_version: i64,
    pub application_id: i64,
    pub journal_mode: String,
    pub page_size: i64,
    pub page_count: i64,
    pub freelist_count: i64,
    /// Rows per table, by table name.
    pub counts: Vec<(String, i64)>,
}

/// How many problems `integrity_check` lists at most.
const INTEGRITY_LIMIT: i64 = 100;

impl Store {
    pub fn health(&mut self) -> Result<Health, StoreError> {
        let pragma_i64 = |conn: &rusqlite::Connection, name: &str| -> Result<i64, StoreError> {
            Ok(conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))?)
        };
        let conn = &self.conn;
        let integrity = {
            let mut stmt = conn.prepare(&format!("PRAGMA integrity_check({INTEGRITY_LIMIT})"))?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        let foreign_keys = {
            let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
            let rows = stmt.query_map([], |r| {
                Ok(ForeignKeyProblem {
                    table: r.get(0)?,
                    rowid: r.get(1)?,
                    parent: r.get(2)?,
                })
            })?;
            rows.collect::<Result<Vec<_>, _>>()?
        };
        let journal_mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let health = Health {
            integrity,
            foreign_keys,
            schema_version: pragma_i64(conn, "user_version")?,
            application_id: pragma_i64(conn, "application_id")?,
            journal_mode,
            page_size: pragma_i64(conn, "page_size")?,
            page_count: pragma_i64(conn, "page_count")?,
            freelist_count: pragma_i64(conn, "freelist_count")?,
            counts: Vec::new(),
        };
        let counts = self.read(|tx| {
            let tables: Vec<String> = {
                let mut stmt = tx.conn.prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
                )?;
                let rows = stmt.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut counts = Vec::with_capacity(tables.len());
            for table in tables {
                // The name comes from sqlite_master, quoted as an identifier.
                let quoted = table.replace('"', "\"\"");
                let n: i64 = tx
                    .conn
                    .query_row(&format!("SELECT count(*) FROM \"{quoted}\""), [], |r| r.get(0))?;
                counts.push((table, n));
            }
            Ok::<_, StoreError>(counts)
        })?;
        Ok(Health { counts, ..health })
    }
}
