//! Interaction rows and the customer timeline.

use super::rows::{self, INTERACTION_COLUMNS};
use super::sql::params;
use super::{StoreError, Tx};
use crate::domain::interaction::{Interaction, TimelineEntry};
use crate::domain::time::from_unix;

/// A customer's interactions and ticket events, newest first; a constant so
/// its plan can be checked by a test.
pub const TIMELINE_SQL: &str = "SELECT at, 'interaction', ticket_id, channel, direction, agent, summary, id
     FROM interactions WHERE customer_id = ?1
   UNION ALL
   SELECT e.at, 'ticket', e.ticket_id, NULL, NULL, e.agent,
          e.event || ' #' || e.ticket_id || ' ' || t.subject, e.id
     FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
     WHERE t.customer_id = ?1
   ORDER BY 1 DESC, 8 DESC LIMIT ?2";

impl Tx<'_> {
    pub fn insert_interaction(&self, i: &Interaction, external_id: Option<&str>) -> Result<i64, StoreError> {
        self.db.insert(
            "INSERT INTO interactions (external_id, customer_id, ticket_id, at, channel, direction,
                   agent, summary, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                external_id,
                i.customer_id,
                i.ticket_id,
                i.at.timestamp(),
                i.channel.key(),
                i.direction.key(),
                i.agent,
                i.summary,
                i.body,
            ],
        )
    }

    pub fn interaction(&self, id: i64) -> Result<Interaction, StoreError> {
        self.db
            .query_opt(
                &format!("SELECT {INTERACTION_COLUMNS} FROM interactions i WHERE i.id = ?1"),
                [id],
                rows::interaction,
            )?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Interaction,
                key: id.to_string(),
            })
    }

    /// Rewrites an interaction's text; when, how and who stay as recorded.
    pub fn update_interaction_text(&self, id: i64, summary: &str, body: &str) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE interactions SET summary = ?2, body = ?3 WHERE id = ?1",
            params![id, summary, body],
        )?;
        Ok(())
    }

    pub fn ticket_interactions(&self, ticket_id: i64) -> Result<Vec<Interaction>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {INTERACTION_COLUMNS} FROM interactions i WHERE i.ticket_id = ?1 ORDER BY i.at, i.id"
        ))?;
        let rows = stmt.query_map([ticket_id], rows::interaction)?;
        Ok(rows)
    }

    /// A customer's interactions and ticket events, newest first.
    pub fn timeline(&self, customer_id: i64, limit: usize) -> Result<Vec<TimelineEntry>, StoreError> {
        let mut stmt = self.db.prepare(TIMELINE_SQL)?;
        let rows = stmt.query_map(params![customer_id, i64::try_from(limit).unwrap_or(-1)], |r| {
            let source: String = r.get(1)?;
            let parse_opt = |i: usize| -> Result<Option<String>, StoreError> { r.get(i) };
            Ok(TimelineEntry {
                id: r.get(7)?,
                at: from_unix(r.get(0)?),
                source: if source == "ticket" { "ticket" } else { "interaction" },
                ticket_id: r.get(2)?,
                channel: parse_opt(3)?.and_then(|c| c.parse().ok()),
                direction: parse_opt(4)?.and_then(|d| d.parse().ok()),
                agent: r.get(5)?,
                summary: r.get(6)?,
            })
        })?;
        Ok(rows)
    }
}

impl Tx<'_> {
    pub fn interaction_exists(&self, external_id: &str) -> Result<bool, StoreError> {
        self.db
            .prepare("SELECT 1 FROM interactions WHERE external_id = ?1")?
            .exists([external_id])
    }
}

/// An interaction with what an export names it by.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExportedInteraction {
    #[serde(flatten)]
    pub interaction: Interaction,
    pub external_id: Option<String>,
    pub customer_code: String,
    pub customer_name: String,
    pub ticket_external_id: Option<String>,
}
