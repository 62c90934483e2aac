//! Reminder rows (提醒): contact cadence, callbacks, manual.

use super::{StoreError, Tx};
use chrono::{DateTime, Utc};
use rusqlite::params;

impl Tx<'_> {
    #[allow(clippy::too_many_arguments)]
    pub fn insert_reminder(
        &self,
        customer_id: Option<i64>,
        ticket_id: Option<i64>,
        due_at: DateTime<Utc>,
        reason: &str,
        note: &str,
        created_by: &str,
        created_at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO reminders (customer_id, ticket_id, due_at, reason, note, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                customer_id,
                ticket_id,
                due_at.timestamp(),
                reason,
                note,
                created_by,
                created_at.timestamp()
            ])?;
        Ok(self.conn.last_insert_rowid())
    }
}
