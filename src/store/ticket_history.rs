//! Each ticket's history in one row (`ticket_history`, migration 0021: its
//! last event time, its events, its first two outbound contacts), kept exact
//! by triggers and read by the monthly review. A load of many new tickets
//! (the demo, an import) suspends the insert triggers and works the rows of
//! its tickets out once at the end: an upsert per event, in random order,
//! doubled an import's writes to the file.

use super::{StoreError, Tx};
use rusqlite::Connection;

/// The triggers a load suspends (the edit and delete ones never fire on
/// its inserts).
const INSERT_TRIGGERS: &[&str] = &["ticket_events_history_ai", "interactions_history_ai"];

/// The rows of the tickets after id ?1 worked out again from their events
/// and contacts: the statements that fill the table in
/// `0021_ticket_history.sql`, for the tickets a load added.
const REBUILD_AFTER: [&str; 4] = [
    "DELETE FROM ticket_history WHERE ticket_id > ?1",
    "INSERT INTO ticket_history (ticket_id, last_at, events)
         SELECT ticket_id, max(at), group_concat(at || ':' || id || ':' || event, ',')
           FROM ticket_events WHERE ticket_id > ?1 GROUP BY ticket_id",
    "INSERT OR IGNORE INTO ticket_history (ticket_id)
         SELECT DISTINCT ticket_id FROM interactions
          WHERE direction = 'out' AND ticket_id > ?1",
    "UPDATE ticket_history SET
         first_out = (SELECT at FROM interactions i
                       WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                       ORDER BY at LIMIT 1),
         second_out = (SELECT at FROM interactions i
                        WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                        ORDER BY at LIMIT 1 OFFSET 1)
      WHERE ticket_id > ?1",
];

/// The insert triggers suspended while a load writes its tickets' events and
/// contacts. Call [`DeferredHistory::finish`] before the commit; on an error the
/// transaction's rollback restores the triggers.
pub struct DeferredHistory<'a> {
    conn: &'a Connection,
    triggers: Vec<String>,
    /// The largest ticket id before the load: the load's tickets come after.
    after: i64,
}

impl<'a> Tx<'a> {
    /// Suspends the history's insert triggers for a load that adds tickets
    /// and writes events and outbound contacts only for those: `None` on
    /// PostgreSQL, where they stay on.
    pub(super) fn defer_ticket_history(&self) -> Result<Option<DeferredHistory<'a>>, StoreError> {
        let Some(conn) = self.conn else { return Ok(None) };
        let after: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM tickets", [], |r| r.get(0))?;
        let mut triggers = Vec::new();
        for name in INSERT_TRIGGERS {
            if let Some(sql) = super::suspended_trigger::drop_keeping_sql(conn, name)? {
                triggers.push(sql);
            }
        }
        Ok(Some(DeferredHistory { conn, triggers, after }))
    }
}

impl DeferredHistory<'_> {
    /// Works out the rows of the load's tickets and restores the triggers.
    pub fn finish(self) -> Result<(), StoreError> {
        for sql in REBUILD_AFTER {
            self.conn.execute(sql, [self.after])?;
        }
        for sql in &self.triggers {
            self.conn.execute_batch(sql)?;
        }
        Ok(())
    }
}
