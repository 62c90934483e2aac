//! What a bulk load writes: the rows its callers hand the writer, and the
//! tables it inserts many rows into with the columns each row gives (the
//! same order for SQLite's statements and PostgreSQL's COPY).

use crate::domain::enums::{Channel, Direction, Role};
use chrono::{DateTime, Utc};

pub struct NewAgent<'s> {
    pub name: &'s str,
    pub display: &'s str,
    pub department: &'s str,
    pub role: Role,
    pub created_at: DateTime<Utc>,
}

pub struct NewOrder<'s> {
    pub customer_id: i64,
    pub at: DateTime<Utc>,
    pub amount_cents: i64,
    pub product: &'s str,
    pub created_by: &'s str,
}

pub struct NewInteraction<'s> {
    pub customer_id: i64,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub channel: Channel,
    pub direction: Direction,
    pub agent: &'s str,
    pub summary: &'s str,
}

pub struct NewSurvey<'s> {
    pub customer_id: i64,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    /// Product quality, service response, communication; each 1–5.
    pub scores: [u8; 3],
    pub comment: &'s str,
    pub agent: &'s str,
}

pub struct NewReminder<'s> {
    pub customer_id: Option<i64>,
    pub ticket_id: Option<i64>,
    pub due_at: DateTime<Utc>,
    /// One of `cadence callback manual birthday anniversary`.
    pub reason: &'s str,
    pub note: &'s str,
    pub done_at: Option<DateTime<Utc>>,
    pub created_by: &'s str,
    pub created_at: DateTime<Utc>,
}

/// One audit row; `entity` is `customer` or `ticket`.
pub struct NewAudit<'s> {
    pub at: DateTime<Utc>,
    pub agent: &'s str,
    pub entity: &'s str,
    pub entity_id: i64,
    pub field: &'s str,
    pub old_value: Option<&'s str>,
    pub new_value: Option<&'s str>,
}

/// The tables a writer inserts many rows into, in the order of their
/// foreign keys (a batch of gathered rows is sent parents first), with
/// the columns a row gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Loaded {
    Customers,
    Orders,
    Tickets,
    TicketEvents,
    Interactions,
    Surveys,
    Reminders,
    Audit,
}

impl Loaded {
    pub(super) const ALL: [Loaded; 8] = [
        Loaded::Customers,
        Loaded::Orders,
        Loaded::Tickets,
        Loaded::TicketEvents,
        Loaded::Interactions,
        Loaded::Surveys,
        Loaded::Reminders,
        Loaded::Audit,
    ];

    pub(super) fn table(self) -> &'static str {
        match self {
            Loaded::Customers => "customers",
            Loaded::Orders => "orders",
            Loaded::Tickets => "tickets",
            Loaded::TicketEvents => "ticket_events",
            Loaded::Interactions => "interactions",
            Loaded::Surveys => "surveys",
            Loaded::Reminders => "reminders",
            Loaded::Audit => "audit",
        }
    }

    /// The columns a row gives, in the order the writer binds them (the
    /// id, where the store numbers it, is not among them).
    pub(super) fn columns(self) -> &'static [&'static str] {
        match self {
            Loaded::Customers => &[
                "code",
                "name",
                "kind",
                "contact",
                "phone",
                "email",
                "address",
                "industry",
                "since",
                "lifetime_value_cents",
                "tier",
                "tier_pinned",
                "lifecycle",
                "tags",
                "channel",
                "owner",
                "notes",
                "birthday",
                "archived",
                "created_at",
                "updated_at",
                "last_activity_at",
                "version",
            ],
            Loaded::Orders => &["customer_id", "at", "amount_cents", "product", "created_by"],
            Loaded::Tickets => &[
                "customer_id",
                "kind",
                "category",
                "priority",
                "channel",
                "subject",
                "description",
                "status",
                "department",
                "assignee",
                "opened_at",
                "first_response_at",
                "resolved_at",
                "closed_at",
                "reopen_count",
                "callback_at",
                "callback_outcome",
                "first_response_due",
                "resolution_due",
                "callback_due",
                "next_due",
                "created_at",
                "updated_at",
                "version",
                "external_id",
                "tags",
            ],
            Loaded::TicketEvents => &["ticket_id", "at", "event", "agent"],
            Loaded::Interactions => &[
                "customer_id",
                "ticket_id",
                "at",
                "channel",
                "direction",
                "agent",
                "summary",
            ],
            Loaded::Surveys => &[
                "customer_id",
                "ticket_id",
                "at",
                "quality",
                "response",
                "communication",
                "comment",
                "agent",
            ],
            Loaded::Reminders => &[
                "customer_id",
                "ticket_id",
                "due_at",
                "reason",
                "note",
                "done_at",
                "created_by",
                "created_at",
            ],
            Loaded::Audit => &["at", "agent", "entity", "entity_id", "field", "old_value", "new_value"],
        }
    }

    /// Whether the writer hands back the new row's id.
    pub(super) fn numbered(self) -> bool {
        matches!(self, Loaded::Customers | Loaded::Tickets | Loaded::Interactions)
    }

    pub(super) fn insert_sql(self) -> String {
        let columns = self.columns();
        let slots: Vec<String> = (1..=columns.len()).map(|n| format!("?{n}")).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.table(),
            columns.join(", "),
            slots.join(", ")
        )
    }
}
