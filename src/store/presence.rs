//! Presence rows: which agent has which record open, by heartbeat.

use super::sql::params;
use super::{StoreError, Tx};
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};

impl Tx<'_> {
    /// When `agent` last beat on the record, if a row is left.
    pub fn presence_beat(&self, entity: &str, id: i64, agent: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = self.db.query_opt(
            "SELECT beat_at FROM presence WHERE entity = ?1 AND entity_id = ?2 AND agent = ?3",
            params![entity, id, agent],
            |r| r.get(0),
        )?;
        Ok(at.map(from_unix))
    }

    pub fn put_presence(&self, entity: &str, id: i64, agent: &str, at: DateTime<Utc>) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT INTO presence (entity, entity_id, agent, beat_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (entity, entity_id, agent) DO UPDATE SET beat_at = excluded.beat_at",
            params![entity, id, agent, at.timestamp()],
        )?;
        Ok(())
    }

    pub fn remove_presence(&self, entity: &str, id: i64, agent: &str) -> Result<(), StoreError> {
        self.db.execute(
            "DELETE FROM presence WHERE entity = ?1 AND entity_id = ?2 AND agent = ?3",
            params![entity, id, agent],
        )?;
        Ok(())
    }

    /// Agents whose last heartbeat on the record is at or after `since`, by name.
    pub fn present_since(&self, entity: &str, id: i64, since: DateTime<Utc>) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT agent FROM presence WHERE entity = ?1 AND entity_id = ?2 AND beat_at >= ?3 ORDER BY agent",
        )?;
        let rows = stmt.query_map(params![entity, id, since.timestamp()], |r| r.get(0))?;
        Ok(rows)
    }

    /// Deletes heartbeats older than `before` (agents that closed a record
    /// without leaving, e.g. a killed terminal).
    pub fn prune_presence(&self, before: DateTime<Utc>) -> Result<(), StoreError> {
        self.db
            .execute("DELETE FROM presence WHERE beat_at < ?1", [before.timestamp()])?;
        Ok(())
    }
}
