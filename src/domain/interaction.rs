//! Interaction records (互动记录): every contact with a customer, and internal notes.

use super::enums::{Channel, Direction};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interaction {
    pub id: i64,
    pub customer_id: i64,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub direction: Direction,
    pub agent: String,
    pub summary: String,
    pub body: String,
}

impl Interaction {
    /// An outbound contact on a ticket answers the customer; a note never does.
    pub fn counts_as_response(&self) -> bool {
        self.direction == Direction::Outbound
    }
}

/// One line of a customer's timeline: an interaction or a ticket event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The interaction's id, or the ticket event's, by `source`: what
    /// `interaction edit` takes.
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `interaction` or `ticket`
    pub source: &'static str,
    pub ticket_id: Option<i64>,
    pub channel: Option<Channel>,
    pub direction: Option<Direction>,
    pub agent: String,
    pub summary: String,
}
