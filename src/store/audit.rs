//! The audit trail: append-only.

use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::audit::AuditEntry;
use crate::domain::time::from_unix;

impl Tx<'_> {
    pub fn insert_audit(&self, e: &AuditEntry) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT INTO audit (at, agent, entity, entity_id, field, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                e.at.timestamp(),
                e.agent,
                e.entity,
                e.entity_id,
                e.field,
                e.old_value,
                e.new_value
            ],
        )?;
        Ok(())
    }

    /// A record's history, oldest first.
    pub fn audit_for(&self, entity: &str, id: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT at, agent, entity, entity_id, field, old_value, new_value FROM audit
             WHERE entity = ?1 AND entity_id = ?2 ORDER BY at, id",
        )?;
        let rows = stmt.query_map(params![entity, id], audit_entry)?;
        Ok(rows)
    }
}

/// An entry from `SELECT at, agent, entity, entity_id, field, old_value, new_value`.
pub(super) fn audit_entry(r: &Row) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at: from_unix(r.get(0)?),
        agent: r.get(1)?,
        entity: r.get(2)?,
        entity_id: r.get(3)?,
        field: r.get(4)?,
        old_value: r.get(5)?,
        new_value: r.get(6)?,
    })
}
