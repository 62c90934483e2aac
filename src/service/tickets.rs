//! Ticket use cases: open, answer, change, resolve, reopen, and the queue.

use super::{Ctx, Error, sla};
use crate::domain::audit::AuditEntry;
use crate::domain::customer::Customer;
use crate::domain::enums::{CallbackOutcome, Channel, Direction, Priority, TicketKind, TicketStatus};
use crate::domain::error::Invalid;
use crate::domain::interaction::Interaction;
use crate::domain::sla::{SlaView, TicketEvent};
use crate::domain::ticket::{Ticket, transition};
use crate::domain::urgency::{Band, Urgency, long_overdue_cutoff};
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::store::{Store, Tx};

/// `ticket set`: its changes, their checks and how they are applied.
pub(super) use super::ticket_changes::apply_changes;
pub use super::ticket_changes::{TicketChanges, ValidChanges, set};
/// Which tickets a listing asks for.
pub use crate::store::TicketQuery;

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
        Some(t) => ctx.parse_time("opened-at", t)?,
        None => ctx.now,
    };
    if opened_at > ctx.now {
        return Err(Invalid::new(
            "opened-at",
            input.opened_at.clone().unwrap_or_default(),
            crate::domain::error::Reason::InFuture { today: None },
        )
        .into());
    }
    let ticket = NewTicket {
        kind,
        category,
        priority,
        channel,
        subject,
        description,
        opened_at,
    };
    store.write(|tx| {
        let customer = tx.customer_by_key(&input.customer)?;
        let id = open_in(tx, ctx, &customer, &ticket)?;
        view_in(tx, ctx, id)
    })
}

/// A new ticket's validated fields.
#[derive(Debug, Clone)]
pub(super) struct NewTicket {
    pub kind: TicketKind,
    pub category: String,
    pub priority: Priority,
    pub channel: Channel,
    pub subject: String,
    pub description: String,
    pub opened_at: chrono::DateTime<chrono::Utc>,
}

/// Opens a ticket for `customer` inside an open transaction: routed by the
/// routing rules, its opening recorded and audited, its clocks set. `ticket
/// add` and mail that opens a ticket both come here. Returns the new id.
pub(super) fn open_in(tx: &Tx, ctx: &Ctx, customer: &Customer, new: &NewTicket) -> Result<i64, Error> {
    let opened_at = new.opened_at;
    let mut t = Ticket {
        id: 0,
        external_id: None,
        customer_id: customer.id,
        customer_code: customer.code.clone(),
        customer_name: customer.name.clone(),
        customer_tier: customer.tier,
        kind: new.kind,
        category: new.category.clone(),
        priority: new.priority,
        channel: new.channel,
        subject: new.subject.clone(),
        description: new.description.clone(),
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
        triaged_by: None,
        triaged_at: None,
        tags: Vec::new(),
    };
    sla::route(tx, ctx, &mut t)?;
    // A routing rule written before the team was listed may name a stranger.
    super::roles::check_assignee(tx, "assignee", &t.assignee)?;
    t.id = tx.insert_ticket(&t)?;
    tx.add_ticket_event(t.id, opened_at, TicketEvent::Opened, &ctx.agent)?;
    ctx.audit(tx, "ticket", t.id, "created", None, Some(t.subject.clone()))?;
    if !t.department.is_empty() {
        ctx.audit(tx, "ticket", t.id, "department", None, Some(t.department.clone()))?;
    }
    tx.touch_customer(customer.id, opened_at)?;
    super::segments::recompute(tx, ctx, customer.id)?;
    // The due times go into the indexed columns at once, so the queue
    // (which reads them through its index) sees the new ticket.
    sla::refresh(tx, ctx, t.id)?;
    Ok(t.id)
}

/// An outbound reply to the customer: meets the first-response target.
pub fn reply(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    summary: &str,
    channel: Option<&str>,
) -> Result<Interaction, Error> {
    reply_with(store, ctx, id, Some(summary), channel, None)
}

/// A reply whose text is the summary, a knowledge-base article (counted as
/// used), or the summary followed by the article.
pub fn reply_with(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    summary: Option<&str>,
    channel: Option<&str>,
    article: Option<i64>,
) -> Result<Interaction, Error> {
    let summary = reply_summary(summary, article)?;
    let channel: Option<Channel> = channel.map(str::parse).transpose()?;
    store.write(|tx| reply_in(tx, ctx, id, summary.as_deref(), channel, article))
}

/// A reply's own text, checked before anything is written: a summary, an
/// article, or both.
pub(super) fn reply_summary(summary: Option<&str>, article: Option<i64>) -> Result<Option<String>, Error> {
    let summary = summary
        .map(|s| validate::required("summary", s, TEXT_MAX))
        .transpose()?;
    if summary.is_none() && article.is_none() {
        return Err(Invalid::new(
            "summary",
            "",
            crate::domain::error::Reason::GiveEither {
                first: "--summary".into(),
                second: "--kb".into(),
            },
        )
        .into());
    }
    Ok(summary)
}

/// [`reply_with`]'s transaction: the reply recorded inside `tx`, so a caller
/// can write more in the same transaction (the e-mail that carries it).
pub(super) fn reply_in(
    tx: &Tx,
    ctx: &Ctx,
    id: i64,
    summary: Option<&str>,
    channel: Option<Channel>,
    article: Option<i64>,
) -> Result<Interaction, Error> {
    let t = tx.ticket(id)?;
    let mut text = summary.unwrap_or_default().to_string();
    if let Some(article) = article {
        let a = tx.article(article)?;
        tx.use_article(a.id)?;
        text = if text.is_empty() {
            a.body
        } else {
            format!("{text}\n\n{}", a.body)
        };
    }
    let text = validate::required("summary", &text, TEXT_MAX)?;
    record_contact(
        tx,
        ctx,
        &t,
        channel.unwrap_or(t.channel),
        Direction::Outbound,
        &text,
        ctx.now,
    )
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
    record_contact_with_body(tx, ctx, t, channel, direction, summary, "", at)
}

/// [`record_contact`] with a body beside the summary (an e-mail's text
/// beside its subject line).
#[allow(clippy::too_many_arguments)]
pub(super) fn record_contact_with_body(
    tx: &Tx,
    ctx: &Ctx,
    t: &Ticket,
    channel: Channel,
    direction: Direction,
    summary: &str,
    body: &str,
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
        body: body.to_string(),
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
        // Contacts feed the churn warnings and the "churned" stage.
        super::segments::recompute(tx, ctx, t.customer_id)?;
    }
    sla::refresh(tx, ctx, t.id)?;
    Ok(i)
}

/// Moves a ticket to `to`, recording the clock events and the audit entry,
/// and recomputes the customer's tier and stage (a resolution is an input).
pub(super) fn set_status(
    tx: &Tx,
    ctx: &Ctx,
    t: &mut Ticket,
    to: TicketStatus,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), Error> {
    let from = t.status;
    for event in transition(from, to)? {
        tx.add_ticket_event(t.id, at, event, &ctx.agent)?;
        t.record(event, at);
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
        super::segments::recompute(tx, ctx, t.customer_id)?;
    }
    Ok(())
}

/// Resolves a ticket; an optional summary is kept as an internal note.
pub fn resolve(store: &mut Store, ctx: &Ctx, id: i64, summary: Option<&str>) -> Result<TicketView, Error> {
    change_status(store, ctx, id, TicketStatus::Resolved, summary)
}

/// Reopens a resolved or closed ticket: the resolution clock restarts now.
pub fn reopen(store: &mut Store, ctx: &Ctx, id: i64, summary: Option<&str>) -> Result<TicketView, Error> {
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
        // Checked inside the transaction: another agent may reopen it first.
        if to == TicketStatus::Open && t.status.is_open() {
            return Err(Invalid::new("status", t.status.key(), crate::domain::error::Reason::NotReopenable).into());
        }
        move_to(tx, ctx, &mut t, to)?;
        if let Some(summary) = &summary {
            record_contact(tx, ctx, &t, Channel::Other, Direction::Note, summary, ctx.now)?;
        }
        sla::refresh(tx, ctx, id)?;
        view_in(tx, ctx, id)
    })
}

/// Moves ticket `t` to `to` now and saves it (its version too): `ticket
/// resolve|reopen`, and a customer's mail on a resolved ticket (a reopening
/// with its Reopened event and audit entry; the resolution clock restarts).
pub(super) fn move_to(tx: &Tx, ctx: &Ctx, t: &mut Ticket, to: TicketStatus) -> Result<(), Error> {
    let before = t.clone();
    set_status(tx, ctx, t, to, ctx.now)?;
    if *t != before {
        t.updated_at = ctx.now;
        t.version = tx.update_ticket(t)?;
    }
    Ok(())
}

pub fn get(store: &mut Store, ctx: &Ctx, id: i64) -> Result<TicketView, Error> {
    store.read(|tx| view_in(tx, ctx, id))
}

pub fn detail(store: &mut Store, ctx: &Ctx, id: i64) -> Result<TicketDetail, Error> {
    store.read(|tx| detail_in(tx, ctx, id))
}

/// [`detail`] inside a read that reads more beside it (the ticket page's mail).
pub(super) fn detail_in(tx: &Tx, ctx: &Ctx, id: i64) -> Result<TicketDetail, Error> {
    Ok(TicketDetail {
        view: view_in(tx, ctx, id)?,
        interactions: tx.ticket_interactions(id)?,
        audit: tx.audit_for("ticket", id)?,
    })
}

/// Ticket `id`, which must belong to `customer` (a contact or reminder on
/// another customer's ticket is refused).
pub(super) fn ticket_of(tx: &Tx, customer: &Customer, id: i64) -> Result<Ticket, Error> {
    let ticket = tx.ticket(id)?;
    if ticket.customer_id != customer.id {
        return Err(Invalid::new(
            "ticket",
            id.to_string(),
            crate::domain::error::Reason::OtherCustomer {
                owner: ticket.customer_code.clone(),
                given: customer.code.clone(),
            },
        )
        .into());
    }
    Ok(ticket)
}

pub(super) fn view_in(tx: &Tx, ctx: &Ctx, id: i64) -> Result<TicketView, Error> {
    let ticket = tx.ticket(id)?;
    sla::view_of(tx, ctx, ticket)
}

/// All tickets, newest first.
pub fn list(store: &mut Store, ctx: &Ctx, query: &TicketQuery) -> Result<Vec<TicketView>, Error> {
    let mut views = Vec::new();
    each(store, ctx, query, &mut |v| {
        views.push(v);
        Ok(())
    })?;
    Ok(views)
}

/// [`list`], each ticket handed to `each` as it is read, from one snapshot
/// and none collected, so a long list starts printing at once and takes the
/// memory of one ticket. The SLA rules are loaded once for all of them.
pub fn each(
    store: &mut Store,
    ctx: &Ctx,
    query: &TicketQuery,
    each: super::export::Each<TicketView>,
) -> Result<(), Error> {
    super::export::streamed(store, |tx, sent| {
        let rules = sla::Rules::load(tx)?;
        tx.each_ticket(query, |t| {
            each(rules.view(tx, ctx, t)?)?;
            *sent = true;
            Ok(())
        })
    })
}

/// Active tickets in triage order, most urgent first.
pub fn queue(store: &mut Store, ctx: &Ctx, limit: Option<usize>) -> Result<Vec<TicketView>, Error> {
    store.read(|tx| sla::queue(tx, ctx, limit))
}

/// A page of the queue and the size of its long-overdue band.
pub struct QueuePage {
    /// The queue narrowed by the status, assignee and customer of the query ("my queue"),
    /// in triage order, at most its limit of them.
    pub views: Vec<TicketView>,
    /// How many tickets of the queue `query` narrows to are in the long-overdue band,
    /// whatever its limit.
    pub long_overdue: usize,
}

/// The queue as `query` narrows and cuts it, and the size of its long-overdue band, from
/// one read: the note under `ticket list --queue` is counted in the snapshot of its rows.
/// The whole queue's band is counted on the queue index when the page is full (the stored
/// next due at or before the cutoff, the edge the score uses): working out the clocks of
/// every active ticket for one number took most of `ticket list --queue`'s time. A narrowed
/// queue is read whole anyway, so its band is counted from it before the page is cut.
pub fn queue_page(store: &mut Store, ctx: &Ctx, query: &TicketQuery) -> Result<QueuePage, Error> {
    let in_band = |views: &[TicketView]| views.iter().filter(|v| v.urgency.band == Band::LongOverdue).count();
    let narrowed = query.status.is_some() || query.assignee.is_some() || query.customer_id.is_some() || query.untriaged;
    store.read(|tx| {
        if !narrowed {
            let views = sla::queue(tx, ctx, query.limit)?;
            let long_overdue = match query.limit {
                // A page shorter than its limit holds the whole queue.
                Some(limit) if views.len() >= limit => tx.count_long_overdue(long_overdue_cutoff(ctx.now))?,
                _ => in_band(&views),
            };
            return Ok(QueuePage { views, long_overdue });
        }
        let mut views = sla::whole_queue(tx, ctx, tx.count_active(ctx.now)?.0)?;
        views.retain(|v| {
            let t = &v.ticket;
            query.status.as_deref().is_none_or(|s| t.status.key() == s)
                && query.assignee.as_deref().is_none_or(|a| t.assignee == a)
                && query.customer_id.is_none_or(|c| t.customer_id == c)
                && (!query.untriaged || t.triaged_at.is_none())
        });
        let long_overdue = in_band(&views);
        if let Some(limit) = query.limit {
            views.truncate(limit);
        }
        Ok(QueuePage { views, long_overdue })
    })
}

/// Records the post-resolution callback (回访) and its outcome. The call is an
/// outbound phone contact; a follow-up outcome keeps the ticket in the queue.
pub fn callback(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    outcome: &str,
    summary: Option<&str>,
) -> Result<TicketView, Error> {
    let outcome: CallbackOutcome = outcome.parse()?;
    let summary = summary
        .map(|s| validate::required("summary", s, TEXT_MAX))
        .transpose()?;
    store.write(|tx| {
        let mut t = tx.ticket(id)?;
        if t.resolved_at.is_none() || t.status.is_open() {
            return Err(Invalid::new(
                "status",
                t.status.key(),
                crate::domain::error::Reason::CallbackBeforeResolution,
            )
            .into());
        }
        let old = t.callback_outcome.map(|o| o.key().to_string());
        if t.callback_at.is_none() {
            tx.add_ticket_event(id, ctx.now, TicketEvent::CallbackDone, &ctx.agent)?;
            t.callback_at = Some(ctx.now);
        }
        t.callback_outcome = Some(outcome);
        t.updated_at = ctx.now;
        t.version = tx.update_ticket(&t)?;
        ctx.audit(tx, "ticket", id, "callback", old, Some(outcome.key().into()))?;
        if outcome == CallbackOutcome::FollowUp {
            let due = ctx.now + chrono::Duration::days(1);
            tx.insert_reminder(
                Some(t.customer_id),
                Some(id),
                due,
                "callback",
                "follow up after callback",
                &ctx.agent,
                ctx.now,
            )?;
        }
        let text = summary
            .clone()
            .unwrap_or_else(|| format!("callback: {}", outcome.key()));
        record_contact(tx, ctx, &t, Channel::Phone, Direction::Outbound, &text, ctx.now)?;
        view_in(tx, ctx, id)
    })
}
