//! Reads for measuring the file and its hot queries (the scale benchmark):
//! the raw queue query without the service layer on top, the busiest
//! ticket and customer, and a WAL checkpoint so the main file's size tells the truth.

use super::sql::params;
use super::tickets::QUEUE_SQL;
use super::{Store, StoreError, Tx};
use crate::domain::urgency::long_overdue_cutoff;
use chrono::{DateTime, Utc};

impl Tx<'_> {
    /// The ids [`QUEUE_SQL`] returns at `now`, exactly as the queue runs it.
    pub fn queue_ids(&self, now: DateTime<Utc>, limit: usize) -> Result<Vec<i64>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut stmt = self.db.prepare(QUEUE_SQL)?;
        let rows = stmt.query_map([limit, long_overdue_cutoff(now).timestamp()], |r| r.get(0))?;
        Ok(rows)
    }

    /// The ticket with the most interactions, if any ticket has one.
    pub fn busiest_ticket(&self) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT ticket_id FROM interactions WHERE ticket_id IS NOT NULL
             GROUP BY ticket_id ORDER BY count(*) DESC, ticket_id LIMIT 1",
        )?;
        stmt.query_opt(params![], |r| r.get(0))
    }

    /// The customer with the most interactions, if there are any.
    pub fn busiest_customer(&self) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT customer_id FROM interactions GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1",
        )?;
        stmt.query_opt(params![], |r| r.get(0))
    }
}

impl Store {
    /// Copies the write-ahead log into the main file and truncates it.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.sqlite()?
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
