//! A trigger set aside for a bulk load: dropped inside the load's
//! transaction with its SQL kept, so the load's end can create it again and
//! a rollback brings it back by itself.

use super::StoreError;
use rusqlite::{Connection, OptionalExtension};

/// Drops trigger `name`, returning its SQL to restore it with; `None` when
/// the file has no such trigger. Names come from the store's constants,
/// never from input.
pub(super) fn drop_keeping_sql(conn: &Connection, name: &str) -> Result<Option<String>, StoreError> {
    let sql: Option<String> = conn
        .prepare_cached("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if sql.is_some() {
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
    }
    Ok(sql)
}
