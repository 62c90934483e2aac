//! The CSV rows of `export`: the import columns of each kind, so that a
//! file exported here imports into another database unchanged. Records made
//! here have no external id; they export their own number as one (prefixed
//! by kind where numbers alone would clash), so the records that refer to
//! them (an interaction's ticket, a survey's ticket) can be linked again.

use crate::domain::customer::Customer;
use crate::domain::ticket::Ticket;
use crate::domain::time::rfc3339;
use crate::service::export::{
    ExportedCorrection, ExportedInteraction, ExportedOrder, ExportedReminder, ExportedSurvey,
};
use chrono::{DateTime, Utc};

fn time(t: Option<DateTime<Utc>>) -> String {
    t.map(rfc3339).unwrap_or_default()
}

fn flag(b: bool) -> String {
    b.to_string()
}

/// A ticket's key in exports: its external id, or its number.
fn ticket_key(external: Option<&String>, id: Option<i64>) -> String {
    external.cloned().or(id.map(|t| t.to_string())).unwrap_or_default()
}

pub fn customer(c: &Customer) -> Vec<String> {
    vec![
        c.code.clone(),
        c.name.clone(),
        c.kind.key().into(),
        c.contact.clone(),
        c.phone.clone(),
        c.email.clone(),
        c.address.clone(),
        c.industry.clone(),
        c.since.map(|d| d.to_string()).unwrap_or_default(),
        c.tier.key().into(),
        c.tags.join(","),
        c.channel.map(|ch| ch.key()).unwrap_or_default().into(),
        c.owner.clone(),
        c.notes.clone(),
        c.birthday.map(|d| d.to_string()).unwrap_or_default(),
        flag(c.tier_pinned),
        flag(c.archived),
        c.lifecycle.clone(),
        rfc3339(c.created_at),
    ]
}

pub fn ticket(t: &Ticket) -> Vec<String> {
    vec![
        ticket_key(t.external_id.as_ref(), Some(t.id)),
        t.customer_code.clone(),
        t.customer_name.clone(),
        t.kind.key().into(),
        t.category.clone(),
        t.priority.key().into(),
        t.channel.key().into(),
        t.status.key().into(),
        t.subject.clone(),
        t.description.clone(),
        t.department.clone(),
        t.assignee.clone(),
        rfc3339(t.opened_at),
        time(t.first_response_at),
        time(t.resolved_at),
        time(t.closed_at),
        time(t.callback_at),
        t.callback_outcome.map(|o| o.key()).unwrap_or_default().into(),
        t.reopen_count.to_string(),
        t.triaged_by.clone().unwrap_or_default(),
        time(t.triaged_at),
        t.tags.join(","),
    ]
}

pub fn interaction(e: &ExportedInteraction) -> Vec<String> {
    let i = &e.interaction;
    vec![
        e.external_id.clone().unwrap_or_else(|| format!("i{}", i.id)),
        e.customer_code.clone(),
        e.customer_name.clone(),
        ticket_key(e.ticket_external_id.as_ref(), i.ticket_id),
        rfc3339(i.at),
        i.channel.key().into(),
        i.direction.key().into(),
        i.agent.clone(),
        i.summary.clone(),
        i.body.clone(),
    ]
}

/// An order's key in exports: its external id, or its number prefixed `o`.
fn order_key(external: Option<&String>, id: i64) -> String {
    external.cloned().unwrap_or_else(|| format!("o{id}"))
}

pub fn order(e: &ExportedOrder) -> Vec<String> {
    let o = &e.order;
    vec![
        order_key(e.external_id.as_ref(), o.id),
        e.customer_code.clone(),
        rfc3339(o.at),
        crate::domain::order::format_cents(o.amount_cents),
        o.product.clone(),
        o.note.clone(),
        o.created_by.clone(),
    ]
}

/// A correction keyed to its order as the order's own row keys it.
pub fn correction(e: &ExportedCorrection) -> Vec<String> {
    let c = &e.correction;
    vec![
        e.external_id.clone().unwrap_or_else(|| format!("x{}", c.id)),
        order_key(e.order_external_id.as_ref(), c.order_id),
        rfc3339(c.at),
        c.kind.key().into(),
        crate::domain::order::format_cents(c.amount_cents),
        c.note.clone(),
        c.created_by.clone(),
    ]
}

pub fn survey(e: &ExportedSurvey) -> Vec<String> {
    let s = &e.survey;
    vec![
        e.external_id.clone().unwrap_or_else(|| format!("s{}", s.id)),
        s.customer_code.clone(),
        ticket_key(e.ticket_external_id.as_ref(), s.ticket_id),
        rfc3339(s.at),
        s.scores.quality.to_string(),
        s.scores.response.to_string(),
        s.scores.communication.to_string(),
        s.comment.clone(),
        s.agent.clone(),
    ]
}

pub fn reminder(r: &ExportedReminder) -> Vec<String> {
    vec![
        r.external_id.clone().unwrap_or_else(|| format!("r{}", r.id)),
        r.customer_code.clone().unwrap_or_default(),
        ticket_key(r.ticket_external_id.as_ref(), r.ticket_id),
        rfc3339(r.due_at),
        r.reason.key().into(),
        r.note.clone(),
        time(r.done_at),
        r.created_by.clone(),
        rfc3339(r.created_at),
    ]
}

/// The audit trail's columns: who, when, which record, which field, from, to.
pub const AUDIT_COLUMNS: &[&str] = &["at", "agent", "entity", "entity_id", "field", "old_value", "new_value"];

pub fn audit(e: &crate::domain::audit::AuditEntry) -> Vec<String> {
    vec![
        rfc3339(e.at),
        e.agent.clone(),
        e.entity.clone(),
        e.entity_id.to_string(),
        e.field.clone(),
        e.old_value.clone().unwrap_or_default(),
        e.new_value.clone().unwrap_or_default(),
    ]
}
