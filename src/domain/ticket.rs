//! Tickets (工单): the record, validated input, and the status machine
//! new → open → pending → resolved → closed, with reopening.

use super::enums::{CallbackOutcome, Channel, Priority, TicketKind, TicketStatus, Tier};
use super::error::{Invalid, Reason, Step};
use super::sla::TicketEvent;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ticket {
    pub id: i64,
    pub external_id: Option<String>,
    pub customer_id: i64,
    pub customer_code: String,
    pub customer_name: String,
    pub customer_tier: Tier,
    pub kind: TicketKind,
    pub category: String,
    pub priority: Priority,
    pub channel: Channel,
    pub subject: String,
    pub description: String,
    pub status: TicketStatus,
    pub department: String,
    pub assignee: String,
    pub opened_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reopen_count: i64,
    pub callback_at: Option<DateTime<Utc>>,
    pub callback_outcome: Option<CallbackOutcome>,
    pub updated_at: DateTime<Utc>,
    pub version: i64,
    /// The agent who last decided on the ticket in triage (or by a bulk
    /// change), and when; `None` until someone does.
    pub triaged_by: Option<String>,
    pub triaged_at: Option<DateTime<Utc>>,
    /// Normalized labels (`domain::ticket_tags`), in the order they were added.
    pub tags: Vec<String>,
}

/// Complaint categories named in the source documents; free text is allowed
/// too, these are offered first.
pub const CATEGORIES: &[&str] = &[
    "product-quality",
    "service-attitude",
    "delivery",
    "billing",
    "technical",
    "other",
];

/// The clock events a status change records, or why it is not allowed.
pub fn transition(from: TicketStatus, to: TicketStatus) -> Result<Vec<TicketEvent>, Invalid> {
    use TicketStatus::*;
    let refuse = |why: Step| {
        Err(Invalid::new(
            "status",
            to.key(),
            Reason::Transition {
                from: from.key(),
                to: to.key(),
                why,
            },
        ))
    };
    let resume = if from == Pending {
        vec![TicketEvent::Resumed]
    } else {
        vec![]
    };
    match (from, to) {
        _ if from == to => Ok(vec![]),
        (_, New) => refuse(Step::NeverBackToNew),
        (New | Open, Open) => Ok(vec![]),
        (New | Open, Pending) => Ok(vec![TicketEvent::Paused]),
        (Pending, Open) => Ok(resume),
        (New | Open | Pending, Resolved) => Ok([resume, vec![TicketEvent::Resolved]].concat()),
        (New | Open | Pending, Closed) => Ok([resume, vec![TicketEvent::Closed]].concat()),
        (Resolved, Closed) => Ok(vec![TicketEvent::Closed]),
        (Resolved | Closed, Open) => Ok(vec![TicketEvent::Reopened]),
        (Resolved | Closed, Pending) => refuse(Step::ReopenFirst),
        (Closed, Resolved) => refuse(Step::AlreadyClosed),
        _ => refuse(Step::NotAStep),
    }
}

impl Ticket {
    /// What a clock event at `at` does to the ticket's own times: resolving
    /// and closing stamp them, reopening clears them and the callback.
    pub fn record(&mut self, event: TicketEvent, at: DateTime<Utc>) {
        match event {
            TicketEvent::Resolved => self.resolved_at = Some(at),
            TicketEvent::Closed => {
                self.closed_at = Some(at);
                self.resolved_at.get_or_insert(at);
            }
            TicketEvent::Reopened => {
                self.reopen_count += 1;
                self.resolved_at = None;
                self.closed_at = None;
                self.callback_at = None;
                self.callback_outcome = None;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketEvent as E;
    use TicketStatus::*;

    #[test]
    fn status_machine() {
        let cases: &[(TicketStatus, TicketStatus, Option<&[TicketEvent]>)] = &[
            (New, Open, Some(&[])),
            (Open, Open, Some(&[])),
            (Open, Pending, Some(&[E::Paused])),
            (Pending, Open, Some(&[E::Resumed])),
            (Pending, Resolved, Some(&[E::Resumed, E::Resolved])),
            (New, Resolved, Some(&[E::Resolved])),
            (Open, Closed, Some(&[E::Closed])),
            (Resolved, Closed, Some(&[E::Closed])),
            (Resolved, Open, Some(&[E::Reopened])),
            (Closed, Open, Some(&[E::Reopened])),
            (Open, New, None),
            (Closed, Pending, None),
            (Closed, Resolved, None),
        ];
        for (from, to, want) in cases {
            let got = transition(*from, *to).ok();
            assert_eq!(got.as_deref(), *want, "{from} -> {to}");
        }
        assert_eq!(transition(Closed, Resolved).unwrap_err().field, "status");
    }
}
