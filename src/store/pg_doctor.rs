//! `doctor` on a PostgreSQL database: what a server can be asked about a
//! frontdesk schema. The server enforces foreign keys and checks on every
//! write, so rows can break them only where a constraint was added NOT
//! VALID (or triggers were switched off while loading): every constraint
//! of the schema must be validated. Beside that: the schema version, and
//! every table present with its row count.

use super::sql::params;
use super::{REBUILT, Store, StoreError, TABLES};

/// What `doctor` found on a server.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ServerHealth {
    pub schema_version: i64,
    /// Every table of the schema and its rows.
    pub counts: Vec<(String, u64)>,
    /// Tables of the schema the database lacks.
    pub missing_tables: Vec<String>,
    /// Constraints (foreign keys, checks, unique) not validated: `(table, constraint)`.
    pub unvalidated: Vec<(String, String)>,
}

impl ServerHealth {
    pub fn problems(&self) -> usize {
        self.missing_tables.len() + self.unvalidated.len()
    }
}

impl Store {
    /// The checks of `doctor` on a PostgreSQL database, in one snapshot.
    pub fn server_health(&mut self) -> Result<ServerHealth, StoreError> {
        let schema_version = self.schema_version()?;
        self.read(|tx| {
            let db = tx.db;
            let present: Vec<String> = db.query_map(
                "SELECT table_name::text FROM information_schema.tables
                  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
                params![],
                |r| r.get(0),
            )?;
            let mut counts = Vec::new();
            let mut missing_tables = Vec::new();
            for name in TABLES.iter().map(|t| t.name).chain(REBUILT.iter().copied()) {
                if !present.iter().any(|p| p == name) {
                    missing_tables.push(name.to_string());
                    continue;
                }
                let rows = db.query_row(&format!("SELECT count(*) FROM {name}"), params![], |r| r.get(0))?;
                counts.push((name.to_string(), rows));
            }
            let unvalidated = db.query_map(
                "SELECT conrelid::regclass::text, conname::text FROM pg_constraint
                  WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
                    AND NOT convalidated
                  ORDER BY 1, 2",
                params![],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(ServerHealth {
                schema_version,
                counts,
                missing_tables,
                unvalidated,
            })
        })
    }
}
