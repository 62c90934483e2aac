//! Reminder rows (提醒): contact cadence, callbacks, manual.

use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::enums::ReminderReason;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};
use std::collections::HashSet;

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
        self.db.insert(
            "INSERT INTO reminders (customer_id, ticket_id, due_at, reason, note, created_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                customer_id,
                ticket_id,
                due_at.timestamp(),
                reason,
                note,
                created_by,
                created_at.timestamp()
            ],
        )
    }
}

/// ?1 the time before which, ?2 the assignee or NULL for all: a range of
/// `tickets_callback_owed`, which holds each ticket's status, assignee and
/// customer (migration 0016), less the archived customers' tickets (a small
/// set from `customers_archived`): no ticket or customer row is read.
pub(super) const CALLBACKS_BEFORE_COUNT_SQL: &str = "SELECT count(*) FROM tickets t
  WHERE t.callback_at IS NULL AND t.callback_due IS NOT NULL AND t.callback_due < ?1
    AND t.status IN ('resolved', 'closed')
    AND t.customer_id NOT IN (SELECT id FROM customers WHERE archived)
    AND (?2 IS NULL OR t.assignee = ?2)";

/// A stored reminder with the names a list shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ReminderRow {
    pub id: i64,
    pub customer_id: Option<i64>,
    pub customer_code: String,
    pub customer_name: String,
    pub ticket_id: Option<i64>,
    pub due_at: DateTime<Utc>,
    pub reason: ReminderReason,
    pub note: String,
    pub done_at: Option<DateTime<Utc>>,
    /// The agent who added it: its owner in the agenda's filter.
    pub created_by: String,
}

const REMINDER_SQL: &str = "SELECT r.id, r.customer_id, coalesce(c.code, ''), coalesce(c.name, ''),
       r.ticket_id, r.due_at, r.reason, r.note, r.done_at, r.created_by
  FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id";

fn reminder_row(r: &Row) -> Result<ReminderRow, StoreError> {
    let reason: String = r.get(6)?;
    Ok(ReminderRow {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_code: r.get(2)?,
        customer_name: r.get(3)?,
        ticket_id: r.get(4)?,
        due_at: from_unix(r.get(5)?),
        // The schema's CHECK allows only known reasons.
        reason: reason.parse().unwrap_or(ReminderReason::Manual),
        note: r.get(7)?,
        done_at: r.get::<Option<i64>>(8)?.map(from_unix),
        created_by: r.get(9)?,
    })
}

impl Tx<'_> {
    pub fn reminder(&self, id: i64) -> Result<ReminderRow, StoreError> {
        self.db
            .query_opt(&format!("{REMINDER_SQL} WHERE r.id = ?1"), [id], reminder_row)?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Reminder,
                key: id.to_string(),
            })
    }

    /// Reminders not done yet, of live customers (or of none), by due time.
    pub fn open_reminders(&self) -> Result<Vec<ReminderRow>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            // FALSE, not 0: PostgreSQL's flag is a boolean (SQLite reads FALSE as 0).
            "{REMINDER_SQL} WHERE r.done_at IS NULL AND NOT coalesce(c.archived, FALSE) ORDER BY r.due_at, r.id"
        ))?;
        let rows = stmt.query_map(params![], reminder_row)?;
        Ok(rows)
    }

    /// The live customers `agent` owns: whose computed reminders (cadence,
    /// birthday, anniversary, survey) are theirs.
    pub fn customers_owned_by(&self, agent: &str) -> Result<HashSet<i64>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT id FROM customers WHERE owner = ?1 AND NOT archived")?;
        let ids = stmt.query_map([agent], |r| r.get(0))?;
        Ok(ids.into_iter().collect())
    }

    /// How many callbacks owed (as [`Tx::callbacks_owed`]) fell due before
    /// `before`, of `assignee`'s tickets when given: counted in SQL, no row read out.
    pub fn count_callbacks_owed_before(
        &self,
        before: DateTime<Utc>,
        assignee: Option<&str>,
    ) -> Result<usize, StoreError> {
        let n: i64 = self
            .db
            .query_row(CALLBACKS_BEFORE_COUNT_SQL, params![before.timestamp(), assignee], |r| {
                r.get(0)
            })?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    pub fn set_reminder_done(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE reminders SET done_at = ?2 WHERE id = ?1",
            params![id, at.timestamp()],
        )?;
        Ok(())
    }
}
