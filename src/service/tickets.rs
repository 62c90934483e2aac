//! Ticket use cases: open, answer, change, resolve, reopen, and the queue.

use super::{Ctx, Error, sla};
use crate::domain::audit::AuditEntry;
use crate::domain::enums::{Channel, Direction, Priority, TicketKind, TicketStatus};
use crate::domain::error::Invalid;
use crate::domain::interaction::Interaction;
use crate::domain::sla::{SlaView, TicketEvent};
use crate::domain::ticket::{Ticket, transition};
use crate::domain::time::parse_instant;
use crate::domain::urgency::Urgency;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::store::{Store, StoreError, TicketQuery, Tx};

/// Raw input for a new ticket, as typed or imported.
#[derive(Debug, Clone, Default)]
pub struct TicketInput {
    pub customer: String,
    pub kind: String,
    pub subject: String,
    pub priority: Option<String>,
    pub channel: Option<String>,
    pub category: Option<String>,
    pub body: Option<String>,
    pub opened_at: Option<String>,
}

/// Field changes of `ticket set`; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct TicketChanges {
    pub priority: Option<String>,
    pub status: Option<String>,
    pub assignee: Option<String>,
    pub department: Option<String>,
    pub category: Option<String>,
}

/// A ticket with its SLA clocks and urgency evaluated at `ctx.now`.
#[derive(Debug, Clone)]
pub struct TicketView {
    pub ticket: Ticket,
    pub sla: SlaView,
    pub urgency: Urgency,
}

/// Everything `ticket show` and the ticket screen display.
#[derive(Debug, Clone)]
pub struct TicketDetail {
    pub view: TicketView,
    pub interactions: Vec<Interaction>,
    pub audit: Vec<AuditEntry>,
}

pub fn add(store: &mut Store, ctx: &Ctx, input: &TicketInput) -> Result<TicketView, Error> {
    let kind: TicketKind = input.kind.parse()?;
    let subject = validate::required("subject", &input.subject, LINE_MAX)?;
    let priority: Priority = input.priority.as_deref().map_or(Ok(Priority::Normal), str::parse)?;
    let channel: Channel = input.channel.as_deref().map_or(Ok(Channel::Other), str::parse)?;
    let category = validate::text("category", input.category.as_deref().unwrap_or(""), 64)?;
    let description = validate::text("body", input.body.as_deref().unwrap_or(""), TEXT_MAX)?;
    let opened_at = match &input.opened_at {
        Some(t) => parse_instant("opened-at", t)?,
        None => ctx.now,
    };
    if opened_at > ctx.now {
        return Err(Invalid::new(
            "opened-at",
            input.opened_at.clone().unwrap_or_default(),
            "is in the future",
        )
        .into());
    }
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        let mut t = Ticket {
            id: 0,
            external_id: None,
            customer_id: customer.id,
            customer_code: customer.code.clone(),
            customer_name: customer.name.clone(),
            customer_tier: customer.tier,
            kind,
            category: category.clone(),
            priority,
            channel,
            subject: subject.clone(),
            description: description.clone(),
            status: TicketStatus::New,
            department: String::new(),
            assignee: String::new(),
            opened_at,
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            reopen_count: 0,
            callback_at: None,
            callback_outcome: None,
            updated_at: ctx.now,
            version: 1,
        };
        sla::route(tx, ctx, &mut t)?;
        t.id = tx.insert_ticket(&t)?;
        tx.add_ticket_event(t.id, opened_at, TicketEvent::Opened, &ctx.agent)?;
        ctx.audit(tx, "ticket", t.id, "created", None, Some(t.subject.clone()))?;
        if !t.department.is_empty() {
            ctx.audit(tx, "ticket", t.id, "department", None, Some(t.department.clone()))?;
        }
        tx.touch_customer(customer.id, opened_at)?;
        view_in(tx, ctx, t.id)
    })
}

/// An outbound reply to the customer: meets the first-response target.
pub fn reply(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    summary: &str,
    channel: Option<&str>,
) -> Result<Interaction, Error> {
    let summary = validate::required("summary", summary, TEXT_MAX)?;
    let channel: Option<Channel> = channel.map(str::parse).transpose()?;
    store.write(|tx| {
        let t = tx.ticket(id)?;
        record_contact(
            tx,
            ctx,
            &t,
            channel.unwrap_or(t.channel),
            Direction::Outbound,
            &summary,
            ctx.now,
        )
    })
}

/// An internal note: never counts as a response.
pub fn note(store: &mut Store, ctx: &Ctx, id: i64, summary: &str) -> Result<Interaction, Error> {
    let summary = validate::required("summary", summary, TEXT_MAX)?;
    store.write(|tx| {
        let t = tx.ticket(id)?;
        record_contact(tx, ctx, &t, Channel::Other, Direction::Note, &summary, ctx.now)
    })
}

/// Adds an interaction on a ticket and applies what it means for the ticket:
/// an outbound contact is the first response (and opens a new ticket); an
/// inbound one on a pending ticket means the customer answered.
pub(super) fn record_contact(
    tx: &Tx,
    ctx: &Ctx,
    t: &Ticket,
    channel: Channel,
    direction: Direction,
    summary: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Interaction, Error> {
    let mut i = Interaction {
        id: 0,
        customer_id: t.customer_id,
        ticket_id: Some(t.id),
        at,
        channel,
        direction,
        agent: ctx.agent.clone(),
        summary: summary.to_string(),
        body: String::new(),
    };
    i.id = tx.insert_interaction(&i, None)?;
    let mut changed = t.clone();
    if direction == Direction::Outbound {
        if changed.first_response_at.is_none() {
            changed.first_response_at = Some(at);
            tx.add_ticket_event(t.id, at, TicketEvent::Responded, &ctx.agent)?;
        }
        if changed.status == TicketStatus::New {
            set_status(tx, ctx, &mut changed, TicketStatus::Open, at)?;
        }
    } else if direction == Direction::Inbound && changed.status == TicketStatus::Pending {
        set_status(tx, ctx, &mut changed, TicketStatus::Open, at)?;
    }
    if changed != *t {
        changed.updated_at = ctx.now;
        tx.update_ticket(&changed)?;
    }
    if direction != Direction::Note {
        tx.touch_customer(t.customer_id, at)?;
    }
    sla::refresh(tx, ctx, t.id)?;
    Ok(i)
}

/// Moves a ticket to `to`, recording the clock events and the audit entry.
fn set_status(
    tx: &Tx,
    ctx: &Ctx,
    t: &mut Ticket,
    to: TicketStatus,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), Error> {
    let from = t.status;
    for event in transition(from, to)? {
        tx.add_ticket_event(t.id, at, event, &ctx.agent)?;
        match event {
            TicketEvent::Resolved => t.resolved_at = Some(at),
            TicketEvent::Closed => {
                t.closed_at = Some(at);
                t.resolved_at.get_or_insert(at);
            }
            TicketEvent::Reopened => {
                t.reopen_count += 1;
                t.resolved_at = None;
                t.closed_at = None;
                t.callback_at = None;
                t.callback_outcome = None;
            }
            _ => {}
        }
    }
    if from != to {
        t.status = to;
        ctx.audit(
            tx,
            "ticket",
            t.id,
            "status",
            Some(from.key().into()),
            Some(to.key().into()),
        )?;
    }
    Ok(())
}

pub fn set(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    changes: &TicketChanges,
    if_version: Option<i64>,
) -> Result<TicketView, Error> {
    let priority: Option<Priority> = changes.priority.as_deref().map(str::parse).transpose()?;
    let status: Option<TicketStatus> = changes.status.as_deref().map(str::parse).transpose()?;
    let assignee = changes
        .assignee
        .as_deref()
        .map(|a| validate::text("assignee", a, 64))
        .transpose()?;
    let department = changes
        .department
        .as_deref()
        .map(|d| validate::text("department", d, 64))
        .transpose()?;
    let category = changes
        .category
        .as_deref()
        .map(|c| validate::text("category", c, 64))
        .transpose()?;
    store.write(|tx| {
        let mut t = tx.ticket(id)?;
        if let Some(expected) = if_version
            && expected != t.version
        {
            return Err(StoreError::Conflict {
                entity: "ticket",
                id,
                expected,
                actual: t.version,
            }
            .into());
        }
        let before = t.clone();
        let text_change = |field: &str, slot: &mut String, new: &Option<String>| -> Result<(), Error> {
            if let Some(new) = new
                && slot != new
            {
                ctx.audit(tx, "ticket", id, field, Some(slot.clone()), Some(new.clone()))?;
                *slot = new.clone();
            }
            Ok(())
        };
        text_change("assignee", &mut t.assignee, &assignee)?;
        text_change("department", &mut t.department, &department)?;
        text_change("category", &mut t.category, &category)?;
        if let Some(p) = priority
            && p != t.priority
        {
            ctx.audit(
                tx,
                "ticket",
                id,
                "priority",
                Some(t.priority.key().into()),
                Some(p.key().into()),
            )?;
            t.priority = p;
        }
        if let Some(s) = status {
            set_status(tx, ctx, &mut t, s, ctx.now)?;
        }
        if t != before {
            t.updated_at = ctx.now;
            tx.update_ticket(&t)?;
            sla::refresh(tx, ctx, id)?;
        }
        view_in(tx, ctx, id)
    })
}

/// Resolves a ticket; an optional summary is kept as an internal note.
pub fn resolve(store: &mut Store, ctx: &Ctx, id: i64, summary: Option<&str>) -> Result<TicketView, Error> {
    change_status(store, ctx, id, TicketStatus::Resolved, summary)
}

/// Reopens a resolved or closed ticket: the resolution clock restarts now.
pub fn reopen(store: &mut Store, ctx: &Ctx, id: i64, summary: Option<&str>) -> Result<TicketView, Error> {
    store.read(|tx| {
        let t = tx.ticket(id)?;
        if t.status.is_open() {
            return Err(Error::Invalid(Invalid::new(
                "status",
                t.status.key(),
                "only a resolved or closed ticket can be reopened",
            )));
        }
        Ok(())
    })?;
    change_status(store, ctx, id, TicketStatus::Open, summary)
}

fn change_status(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    to: TicketStatus,
    summary: Option<&str>,
) -> Result<TicketView, Error> {
    let summary = summary
        .map(|s| validate::required("summary", s, TEXT_MAX))
        .transpose()?;
    store.write(|tx| {
        let mut t = tx.ticket(id)?;
        let before = t.clone();
        set_status(tx, ctx, &mut t, to, ctx.now)?;
        if t != before {
            t.updated_at = ctx.now;
            tx.update_ticket(&t)?;
        }
        if let Some(summary) = &summary {
            record_contact(tx, ctx, &t, Channel::Other, Direction::Note, summary, ctx.now)?;
        }
        sla::refresh(tx, ctx, id)?;
        view_in(tx, ctx, id)
    })
}

pub fn get(store: &mut Store, ctx: &Ctx, id: i64) -> Result<TicketView, Error> {
    store.read(|tx| view_in(tx, ctx, id))
}

pub fn detail(store: &mut Store, ctx: &Ctx, id: i64) -> Result<TicketDetail, Error> {
    store.read(|tx| {
        Ok(TicketDetail {
            view: view_in(tx, ctx, id)?,
            interactions: tx.ticket_interactions(id)?,
            audit: tx.audit_for("ticket", id)?,
        })
    })
}

pub(super) fn view_in(tx: &Tx, ctx: &Ctx, id: i64) -> Result<TicketView, Error> {
    let ticket = tx.ticket(id)?;
    sla::view_of(tx, ctx, ticket)
}

/// All tickets, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, query: &TicketQuery) -> Result<Vec<TicketView>, Error> {
    store.read(|tx| {
        tx.list_tickets(query)?
            .into_iter()
            .map(|t| sla::view_of(tx, ctx, t))
            .collect()
    })
}

/// Active tickets in triage order, most urgent first.
pub fn queue(store: &mut Store, ctx: &Ctx, limit: Option<usize>) -> Result<Vec<TicketView>, Error> {
    store.read(|tx| sla::queue(tx, ctx, limit))
}
