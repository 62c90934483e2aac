//! The triage mark on a ticket: who last decided on it, and when.

use super::sql::params;
use super::{StoreError, Tx};
use chrono::{DateTime, Utc};

impl Tx<'_> {
    /// Sets (or with `None` clears) the mark. It is written beside a
    /// decision, inside its transaction, and does not count as a change of
    /// its own: the decision's version check already guards the ticket, and
    /// an undo that restores the previous mark must not be refused by it.
    pub fn set_triaged(&self, id: i64, mark: Option<(&str, DateTime<Utc>)>) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE tickets SET triaged_by = ?2, triaged_at = ?3 WHERE id = ?1",
            params![id, mark.map(|m| m.0), mark.map(|m| m.1.timestamp())],
        )?;
        Ok(())
    }
}
