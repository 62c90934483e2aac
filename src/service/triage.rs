//! Keyboard triage: the most urgent ticket that needs a decision, shown with
//! its customer's context; changes to many tickets at once, each leaving a
//! "triaged by, at" mark; and undo of any such change.

use super::tickets::{TicketChanges, TicketView, ValidChanges, apply_changes};
use super::{Ctx, Error, sla};
use crate::domain::customer::Customer;
use crate::domain::enums::TicketStatus;
use crate::domain::interaction::TimelineEntry;
use crate::domain::ticket::Ticket;
use crate::store::{Store, TicketQuery};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// How much of the customer's history the triage screen shows.
const TIMELINE_ENTRIES: usize = 8;

/// One ticket to decide on, with what the agent needs to decide.
#[derive(Debug, Clone)]
pub struct TriageCard {
    pub view: TicketView,
    pub customer: Customer,
    /// The customer's latest interactions and ticket events, newest first.
    pub timeline: Vec<TimelineEntry>,
    /// The customer's other open tickets.
    pub other_open: Vec<Ticket>,
    /// Tickets still waiting for a decision after this one.
    pub remaining: usize,
    /// The card that comes once this one is decided or skipped, read in the
    /// same transaction: the screen shows it at once while the decision is
    /// written and the cards are read again in the background. Its own
    /// `next` is `None` (one card ahead is enough to hide a read).
    pub next: Option<Box<TriageCard>>,
}

/// A ticket waits for a decision unless it is pending (waiting on the
/// customer) or settled with nothing left to do.
fn needs_decision(v: &TicketView) -> bool {
    match v.ticket.status {
        TicketStatus::New | TicketStatus::Open => true,
        TicketStatus::Pending | TicketStatus::Closed => false,
        TicketStatus::Resolved => v.sla.callback.is_live(),
    }
}

/// The most urgent ticket needing a decision that is not in `skipped`.
pub fn next(store: &mut Store, ctx: &Ctx, skipped: &HashSet<i64>) -> Result<Option<TriageCard>, Error> {
    card(store, ctx, skipped, None)
}

/// The card of ticket `id` read again (another agent wrote, if only a
/// heartbeat): the agent keeps the ticket in front of them even if the
/// ranking moved. Once it needs no decision any more, the next one comes.
pub fn again(store: &mut Store, ctx: &Ctx, id: i64, skipped: &HashSet<i64>) -> Result<Option<TriageCard>, Error> {
    card(store, ctx, skipped, Some(id))
}

fn card(store: &mut Store, ctx: &Ctx, skipped: &HashSet<i64>, keep: Option<i64>) -> Result<Option<TriageCard>, Error> {
    store.read(|tx| {
        let queue = sla::queue(tx, ctx, None)?;
        let mut waiting: Vec<TicketView> = queue
            .into_iter()
            .filter(|v| needs_decision(v) && !skipped.contains(&v.ticket.id))
            .collect();
        let at = keep
            .and_then(|id| waiting.iter().position(|v| v.ticket.id == id))
            .unwrap_or(0);
        if at >= waiting.len() {
            return Ok(None);
        }
        let view = waiting.remove(at);
        let next = match waiting.first() {
            Some(next) => Some(Box::new(assemble(tx, next.clone(), waiting.len() - 1, None)?)),
            None => None,
        };
        Ok(Some(assemble(tx, view, waiting.len(), next)?))
    })
}

/// The card of `view`: its customer, their history and other open tickets.
fn assemble(
    tx: &crate::store::Tx,
    view: TicketView,
    remaining: usize,
    next: Option<Box<TriageCard>>,
) -> Result<TriageCard, Error> {
    let customer = tx.customer(view.ticket.customer_id)?;
    let query = TicketQuery {
        customer_id: Some(customer.id),
        ..Default::default()
    };
    let other_open = tx
        .list_tickets(&query)?
        .into_iter()
        .filter(|t| t.id != view.ticket.id && t.status.is_open())
        .collect();
    Ok(TriageCard {
        timeline: tx.timeline(customer.id, TIMELINE_ENTRIES)?,
        customer,
        other_open,
        remaining,
        view,
        next,
    })
}

/// What restores a ticket to how it was before a change, if nobody changed
/// it since.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    pub ticket_id: i64,
    /// The version the change was made on.
    pub from: i64,
    /// The version the change produced; undo is refused on any other.
    pub version: i64,
    pub restore: ValidChanges,
    /// The triage mark the ticket had before: undo puts it back.
    pub triaged: Option<(String, DateTime<Utc>)>,
}

/// The values of the fields `changes` touches, as `t` has them now. A ticket
/// never goes back to new, so a new one is restored to open.
fn snapshot(t: &Ticket, changes: &ValidChanges) -> ValidChanges {
    let status = match t.status {
        TicketStatus::New => TicketStatus::Open,
        other => other,
    };
    ValidChanges {
        priority: changes.priority.map(|_| t.priority),
        status: changes.status.map(|_| status),
        assignee: changes.assignee.as_ref().map(|_| t.assignee.clone()),
        department: changes.department.as_ref().map(|_| t.department.clone()),
        category: changes.category.as_ref().map(|_| t.category.clone()),
        // The list as it was, in its order: a tag taken off comes back
        // where it stood, not at the end.
        add_tags: Vec::new(),
        remove_tags: Vec::new(),
        tags: (!changes.add_tags.is_empty() || !changes.remove_tags.is_empty()).then(|| t.tags.clone()),
        subject: changes.subject.as_ref().map(|_| t.subject.clone()),
        kind: changes.kind.map(|_| t.kind),
        description: changes.description.as_ref().map(|_| t.description.clone()),
        resolution: None,
    }
}

/// A ticket as the agent saw it when deciding: the change is refused if
/// anyone changed the ticket since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub id: i64,
    pub version: i64,
}

/// Applies the same changes to every ticket in one transaction (all or
/// none), marking each as triaged by this agent now, and returns the
/// tickets as changed and how to undo it. A ticket changed since it was
/// seen is a conflict, and then nothing is changed: a decision made on
/// stale facts is never written.
pub fn change(
    store: &mut Store,
    ctx: &Ctx,
    seen: &[Seen],
    changes: &TicketChanges,
) -> Result<(Vec<TicketView>, Vec<Undo>), Error> {
    let changes = changes.validate()?;
    store.write(|tx| {
        let mut views = Vec::with_capacity(seen.len());
        let mut undo = Vec::with_capacity(seen.len());
        for ticket in seen {
            let old = tx.ticket(ticket.id)?;
            let mut view = apply_changes(tx, ctx, ticket.id, &changes, Some(ticket.version))?;
            tx.set_triaged(ticket.id, Some((&ctx.agent, ctx.now)))?;
            view.ticket.triaged_by = Some(ctx.agent.clone());
            view.ticket.triaged_at = Some(ctx.now);
            undo.push(Undo {
                ticket_id: ticket.id,
                from: ticket.version,
                version: view.ticket.version,
                restore: snapshot(&old, &changes),
                triaged: old.triaged_by.zip(old.triaged_at),
            });
            views.push(view);
        }
        Ok((views, undo))
    })
}

/// Puts the tickets back as they were before a change, their triage marks
/// included. A ticket changed by anyone since is a conflict, and then
/// nothing is restored. Restoring a resolved ticket to open reopens it; a
/// new one comes back open.
pub fn undo(store: &mut Store, ctx: &Ctx, undo: &[Undo]) -> Result<Vec<TicketView>, Error> {
    store.write(|tx| {
        undo.iter()
            .map(|u| {
                let view = apply_changes(tx, ctx, u.ticket_id, &u.restore, Some(u.version))?;
                let mark = u.triaged.as_ref().map(|(by, at)| (by.as_str(), *at));
                tx.set_triaged(u.ticket_id, mark)?;
                Ok(view)
            })
            .collect()
    })
}
