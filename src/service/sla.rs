//! Where the SLA engine meets storage: which policy applies to a ticket, its
//! clocks evaluated from the stored event history, routing on creation, and
//! the queue in triage order.

use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::calendar::Calendar;
use crate::domain::enums::{Channel, Priority, TicketKind, Tier};
use crate::domain::policy::{RoutingRule, SlaPolicy, TargetSpec, first_policy, first_rule};
use crate::domain::sla::{self, SlaView, Target, Targets, TicketEvent};
use crate::domain::ticket::Ticket;
use crate::domain::urgency::{UrgencyInput, long_overdue_cutoff, score_ceiling, urgency};
use crate::store::{TicketDues, Tx};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// Policies and calendars, loaded once per use case.
pub struct Rules {
    pub policies: Vec<SlaPolicy>,
    pub calendars: HashMap<String, Calendar>,
    /// The e-mail reply target (24×7): the first-response target of every
    /// e-mail ticket, whatever its kind's policy says, while the kind's
    /// resolution and callback targets still apply. `None` when switched off.
    pub email_reply: Option<TargetSpec>,
}

/// Where the e-mail reply target is kept (minutes; "off" switches it off).
pub const EMAIL_REPLY_KEY: &str = "email_reply_minutes";

impl Rules {
    /// The settings as the store finds them: in a read, one statement while
    /// the calendars and policies are as the store's last read found them.
    pub fn load(tx: &Tx) -> Result<Rules, Error> {
        let (settings, email_reply) = tx.sla_settings(EMAIL_REPLY_KEY)?;
        let mut calendars = HashMap::new();
        for spec in &settings.calendars {
            calendars.insert(spec.name.clone(), spec.build()?);
        }
        let email_reply = email_reply
            .and_then(|minutes| minutes.parse::<i64>().ok())
            .filter(|minutes| *minutes > 0)
            .map(|minutes| TargetSpec {
                minutes,
                calendar: None,
            });
        Ok(Rules {
            policies: settings.policies.clone(),
            calendars,
            email_reply,
        })
    }

    fn target(&self, spec: &Option<TargetSpec>) -> Option<Target<'_>> {
        let spec = spec.as_ref()?;
        // A policy naming a calendar that no longer exists counts 24×7
        // rather than losing its target.
        Some(match spec.calendar.as_ref().and_then(|name| self.calendars.get(name)) {
            Some(calendar) => Target::business(spec.minutes, calendar),
            None => Target::always(spec.minutes),
        })
    }

    /// The targets of the first matching policy (none when nothing matches).
    pub fn targets_for(&self, t: &Ticket) -> Targets<'_> {
        self.targets_matching(t.kind, t.priority, t.channel, t.customer_tier)
    }

    /// [`Rules::targets_for`] from the four fields a policy matches on.
    pub fn targets_matching(&self, kind: TicketKind, priority: Priority, channel: Channel, tier: Tier) -> Targets<'_> {
        let email_reply = if channel == Channel::Email {
            self.target(&self.email_reply)
        } else {
            None
        };
        match first_policy(&self.policies, kind, priority, channel, tier) {
            Some(p) => Targets {
                first_response: email_reply.or_else(|| self.target(&p.first_response)),
                resolution: self.target(&p.resolution),
                callback: self.target(&p.callback),
            },
            None => Targets {
                first_response: email_reply,
                resolution: None,
                callback: None,
            },
        }
    }

    /// The ticket's clocks and urgency at `ctx.now`, from its event history.
    pub fn view(&self, tx: &Tx, ctx: &Ctx, ticket: Ticket) -> Result<TicketView, Error> {
        let events = tx.ticket_events(ticket.id)?;
        Ok(self.view_with(ctx, ticket, events))
    }

    /// Views of `tickets` (emptied) appended to `views`, their events read
    /// by one statement.
    fn view_batch(
        &self,
        tx: &Tx,
        ctx: &Ctx,
        tickets: &mut Vec<Ticket>,
        views: &mut Vec<TicketView>,
    ) -> Result<(), Error> {
        if tickets.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
        let mut events = tx.events_of(&ids)?;
        for ticket in tickets.drain(..) {
            let history = events.remove(&ticket.id).unwrap_or_default();
            views.push(self.view_with(ctx, ticket, history));
        }
        Ok(())
    }

    /// [`Rules::view`] from the ticket's events (in order) already read, for
    /// a caller reading the events of many tickets at once.
    pub fn view_with(&self, ctx: &Ctx, ticket: Ticket, events: Vec<(DateTime<Utc>, TicketEvent)>) -> TicketView {
        let targets = self.targets_for(&ticket);
        let view = clocks(events, &targets, ctx.now, ctx.settings.at_risk_share);
        let urgency = urgency(&UrgencyInput {
            sla: &view,
            priority: ticket.priority,
            tier: ticket.customer_tier,
            kind: ticket.kind,
            now: ctx.now,
        });
        TicketView {
            ticket,
            sla: view,
            urgency,
        }
    }
}

/// A ticket's clocks at `now` from its stored events (in order), for callers that load the
/// events of many tickets at once.
pub fn clocks(
    events: Vec<(DateTime<Utc>, TicketEvent)>,
    targets: &Targets,
    now: DateTime<Utc>,
    at_risk_share: f64,
) -> SlaView {
    sla::evaluate(&with_implied_response(events), targets, now, at_risk_share)
}

/// A ticket resolved or closed without any reply still ends its wait for a
/// first response at that moment (met or missed then), instead of breaching
/// forever after it was settled.
fn with_implied_response(mut events: Vec<(DateTime<Utc>, TicketEvent)>) -> Vec<(DateTime<Utc>, TicketEvent)> {
    let responded = events.iter().any(|(_, e)| *e == TicketEvent::Responded);
    let settled = events
        .iter()
        .find(|(_, e)| matches!(e, TicketEvent::Resolved | TicketEvent::Closed))
        .map(|(at, _)| *at);
    if let (false, Some(at)) = (responded, settled) {
        let index = events.iter().position(|(t, _)| *t > at).unwrap_or(events.len());
        events.insert(index, (at, TicketEvent::Responded));
    }
    events
}

pub fn view_of(tx: &Tx, ctx: &Ctx, ticket: Ticket) -> Result<TicketView, Error> {
    Rules::load(tx)?.view(tx, ctx, ticket)
}

/// [`view_of`] of each ticket, in their order, the rules and the events
/// read once for all.
pub fn views_of(tx: &Tx, ctx: &Ctx, mut tickets: Vec<Ticket>) -> Result<Vec<TicketView>, Error> {
    let mut views = Vec::with_capacity(tickets.len());
    Rules::load(tx)?.view_batch(tx, ctx, &mut tickets, &mut views)?;
    Ok(views)
}

/// Re-derives the ticket's due times and stores them in the indexed columns.
pub fn refresh(tx: &Tx, ctx: &Ctx, id: i64) -> Result<(), Error> {
    Rules::load(tx)?.refresh(tx, ctx, id)
}

impl Rules {
    /// [`refresh`] with rules already loaded (for many tickets at once).
    pub fn refresh(&self, tx: &Tx, ctx: &Ctx, id: i64) -> Result<(), Error> {
        let dues = self.dues(ctx, &tx.ticket(id)?, tx.ticket_events(id)?);
        tx.set_ticket_dues(id, &dues)?;
        Ok(())
    }

    /// The due times of a ticket's clocks at `ctx.now` from its events (in
    /// order), for a caller that has them at hand (an import writing them).
    pub fn dues(&self, ctx: &Ctx, t: &Ticket, events: Vec<(DateTime<Utc>, TicketEvent)>) -> TicketDues {
        let sla = clocks(events, &self.targets_for(t), ctx.now, ctx.settings.at_risk_share);
        TicketDues {
            first_response: sla.first_response.due,
            resolution: sla.resolution.due,
            callback: sla.callback.due,
            next: sla.next_due(),
        }
    }
}

/// Sets department and assignee from the first matching routing rule.
pub fn route(tx: &Tx, _ctx: &Ctx, t: &mut Ticket) -> Result<Option<RoutingRule>, Error> {
    Ok(route_by(&tx.routing_rules()?, t))
}

/// [`route`] with the rules already loaded (an import routes many tickets).
pub fn route_by(rules: &[RoutingRule], t: &mut Ticket) -> Option<RoutingRule> {
    let rule = first_rule(rules, t.kind, &t.category, t.channel, &t.subject)?;
    t.department = rule.department.clone();
    if let Some(assignee) = &rule.assignee {
        t.assignee = assignee.clone();
    }
    Some(rule.clone())
}

/// How many candidates beyond the limit are scored, so ties at the boundary
/// and tie-breakers (priority, tier) can still reorder them.
pub(super) const QUEUE_SLACK: usize = 200;

/// Active tickets, most urgent first. Candidates come from the queue index in
/// band and due order, in which no ticket can score above the ceiling of the
/// one before it (`urgency::score_ceiling`); once a page of `limit` is full,
/// reading stops at the first candidate whose ceiling is below the page's
/// lowest score, since neither it nor any after it can enter the page. The
/// urgency score then orders the page exactly.
pub fn queue(tx: &Tx, ctx: &Ctx, limit: Option<usize>) -> Result<Vec<TicketView>, Error> {
    match limit {
        Some(_) => queue_into(tx, ctx, limit, Vec::new()),
        None => whole_queue(tx, ctx, tx.count_active(ctx.now)?.0),
    }
}

/// Every active ticket, most urgent first, `active` of them expected (the
/// count of active tickets, a hint): sized up front, as grown by doubling
/// the queue held up to twice its size while it was copied (5 MB of the
/// TUI's peak on the demo).
pub fn whole_queue(tx: &Tx, ctx: &Ctx, active: i64) -> Result<Vec<TicketView>, Error> {
    let views = Vec::with_capacity(usize::try_from(active).unwrap_or(0));
    queue_into(tx, ctx, None, views)
}

fn queue_into(tx: &Tx, ctx: &Ctx, limit: Option<usize>, mut views: Vec<TicketView>) -> Result<Vec<TicketView>, Error> {
    let rules = Rules::load(tx)?;
    let cutoff = long_overdue_cutoff(ctx.now);
    // The lowest score of the first `limit` candidates: the page's floor can
    // only rise from there, so stopping below it never drops a ticket.
    let mut floor: Option<i64> = None;
    tx.each_active_ticket(cutoff, |ticket, next_due, history| {
        if let Some(floor) = floor
            && score_ceiling(next_due, ctx.now) < floor
        {
            return Ok::<_, Error>(ControlFlow::Break(()));
        }
        views.push(rules.view_with(ctx, ticket, history));
        if limit == Some(views.len()) {
            floor = views.iter().map(|v| v.urgency.score).min();
        }
        Ok(ControlFlow::Continue(()))
    })?;
    most_urgent_first(&mut views);
    if let Some(limit) = limit {
        views.truncate(limit);
    }
    Ok(views)
}

/// The triage order: highest urgency score first, the older ticket first on a tie.
pub(super) fn most_urgent_first(views: &mut [TicketView]) {
    views.sort_by(|a, b| {
        b.urgency
            .score
            .cmp(&a.urgency.score)
            .then(a.ticket.id.cmp(&b.ticket.id))
    });
}
