//! TEMPORARY interface copy; replaced wholesale.
use super::enums::{Priority, TicketKind, Tier};
use super::sla::SlaView;
use chrono::{DateTime, Utc};
pub struct UrgencyInput<'a> {
    pub sla: &'a SlaView,
    pub priority: Priority,
    pub tier: Tier,
    pub kind: TicketKind,
    pub now: DateTime<Utc>,
}
#[derive(Debug, Clone, PartialEq)]
pub struct Urgency {
    pub score: i64,
    pub breached: bool,
    pub parts: Vec<UrgencyPart>,
}
#[derive(Debug, Clone, PartialEq)]
pub struct UrgencyPart {
    pub factor: UrgencyFactor,
    pub detail: String,
    pub points: i64,
}
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UrgencyFactor {
    Overdue,
    TimeLeft,
    TargetUsed,
    Priority,
    Tier,
    Complaint,
    CallbackDue,
}
pub fn urgency(_i: &UrgencyInput) -> Urgency {
    Urgency {
        score: 0,
        breached: false,
        parts: vec![],
    }
}
