//! Moving a customer's history to another customer (merging duplicates).

use super::sql::params;
use super::{StoreError, Tx};
use chrono::{DateTime, Utc};

use serde::Serialize;

/// How many records of each kind moved.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub tickets: usize,
    pub interactions: usize,
    pub orders: usize,
    pub surveys: usize,
    pub reminders: usize,
}

impl Tx<'_> {
    /// Re-points every ticket, interaction, order, survey, reminder and
    /// e-mail address (and the messages) of `from` to `to`. Moved tickets get a new version, so an edit made on a
    /// stale copy cannot move one back.
    pub fn move_history(&self, from: i64, to: i64, now: DateTime<Utc>) -> Result<Moved, StoreError> {
        let run = |sql: &str| -> Result<usize, StoreError> { self.db.execute(sql, params![from, to]) };
        let tickets = self.db.execute(
            "UPDATE tickets SET customer_id = ?2, version = version + 1, updated_at = ?3
                 WHERE customer_id = ?1",
            params![from, to, now.timestamp()],
        )?;
        // The merged customer's e-mail addresses stay theirs under the kept
        // record, so their next message finds it (issue #15).
        run("UPDATE mail_addresses SET customer_id = ?2 WHERE customer_id = ?1")?;
        run("UPDATE mail_messages SET customer_id = ?2 WHERE customer_id = ?1")?;
        Ok(Moved {
            tickets,
            interactions: run("UPDATE interactions SET customer_id = ?2 WHERE customer_id = ?1")?,
            orders: run("UPDATE orders SET customer_id = ?2 WHERE customer_id = ?1")?,
            surveys: run("UPDATE surveys SET customer_id = ?2 WHERE customer_id = ?1")?,
            reminders: run("UPDATE reminders SET customer_id = ?2 WHERE customer_id = ?1")?,
        })
    }
}

impl Tx<'_> {
    /// How many tickets, interactions, orders, surveys and reminders
    /// `customer` has: what a merge would move from it.
    pub fn history_counts(&self, customer: i64) -> Result<Moved, StoreError> {
        let count = |sql: &str| -> Result<usize, StoreError> {
            let n: i64 = self.db.query_row(sql, [customer], |r| r.get(0))?;
            Ok(usize::try_from(n).unwrap_or(0))
        };
        Ok(Moved {
            tickets: count("SELECT count(*) FROM tickets WHERE customer_id = ?1")?,
            interactions: count("SELECT count(*) FROM interactions WHERE customer_id = ?1")?,
            orders: count("SELECT count(*) FROM orders WHERE customer_id = ?1")?,
            surveys: count("SELECT count(*) FROM surveys WHERE customer_id = ?1")?,
            reminders: count("SELECT count(*) FROM reminders WHERE customer_id = ?1")?,
        })
    }
}
