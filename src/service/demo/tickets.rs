//! Sample tickets: kind, priority, channel and subject drawn per customer,
//! routed by the routing rules, played through a script (see `plans`), and
//! written with their clock events, audit trail, contacts, due times from
//! the SLA engine and, for some, a satisfaction survey.

use super::Gen;
use super::customers::{Cust, pick_busy};
use super::life::{Actor, Life};
use super::plans::{Script, Showcase, Spans, natural};
use super::rng::Rng;
use super::surveys;
use super::when::{DAY, HOUR, instant, sometime};
use super::words::Lang;
use crate::domain::enums::{Channel, Direction, Priority, TicketKind, TicketStatus};
use crate::domain::policy::{RoutingRule, first_rule};
use crate::domain::sla;
use crate::domain::ticket::{CATEGORIES, Ticket};
use crate::service::Error;
use crate::service::sla::Rules;
use crate::store::{BulkWriter, NewAudit, NewInteraction, NewReminder, TicketDues};
use std::sync::mpsc::sync_channel;

/// What the first pass draws for each ticket: enough to sort the tickets by
/// opening time, so ticket numbers grow with time as they do in use.
struct Head {
    customer: usize,
    kind: TicketKind,
    category: &'static str,
    priority: Priority,
    channel: Channel,
    showcase: Option<Showcase>,
    opened: i64,
    /// The ticket's stream, where the first pass left it.
    rng: Rng,
}

/// Totals the report needs.
#[derive(Default)]
pub struct Written {
    pub tickets: usize,
    pub contacts: usize,
    pub surveys: usize,
}

pub struct Tickets<'a> {
    pub g: &'a Gen<'a>,
    pub rules: &'a Rules,
    pub routing: &'a [RoutingRule],
    pub customers: &'a [Cust],
    /// Chance of each optional contact; see `Script`.
    pub extra: f64,
}

/// The first tickets are showcases, one scenario after another, with kinds,
/// complaint categories, priorities and channels cycling so that every value
/// appears (three rounds of scenarios give every category a complaint).
const SHOWCASES: usize = 3 * 14;

/// A showcase needs a customer who has been with us a while.
const SHOWCASE_MIN_TENURE: i64 = 40 * DAY;

impl<'a> Tickets<'a> {
    pub fn generate(&self, w: &mut BulkWriter, count: usize, activity: &mut [i64]) -> Result<Written, Error> {
        let mut heads: Vec<Head> = (0..count).filter_map(|i| self.head(i)).collect();
        heads.sort_by_key(|h| h.opened);
        let mut written = Written::default();
        // Playing a ticket's life is computation, writing it is SQLite's:
        // a helper plans the tickets in order while this thread writes them.
        // Each ticket draws from its own stream, so the data is the same.
        std::thread::scope(|scope| {
            let (send, planned) = sync_channel(PLANNED_AHEAD);
            scope.spawn(move || {
                for head in heads {
                    // Closed when the writer stopped on an error.
                    if send.send(self.plan(head)).is_err() {
                        break;
                    }
                }
            });
            for plan in planned.into_iter().flatten() {
                self.write(w, plan, activity, &mut written)?;
            }
            Ok(written)
        })
    }

    fn blank(&self, cust: &Cust, h: &Head) -> Ticket {
        Ticket {
            id: 0,
            external_id: None,
            customer_id: cust.id,
            customer_code: String::new(),
            customer_name: String::new(),
            customer_tier: cust.tier,
            kind: h.kind,
            category: h.category.to_string(),
            priority: h.priority,
            channel: h.channel,
            subject: String::new(),
            description: String::new(),
            status: TicketStatus::New,
            department: String::new(),
            assignee: String::new(),
            opened_at: instant(h.opened),
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            reopen_count: 0,
            callback_at: None,
            callback_outcome: None,
            updated_at: instant(h.opened),
            version: 1,
            triaged_by: None,
            triaged_at: None,
            tags: Vec::new(),
        }
    }

    /// `None` only when there are no customers to give tickets to.
    fn head(&self, index: usize) -> Option<Head> {
        let g = self.g;
        let mut rng = Rng::for_item(g.seed, super::PHASE_TICKETS, index as u64);
        let n = self.customers.len();
        let mut customer = pick_busy(&mut rng, n);
        let mut showcase = (index < SHOWCASES).then(|| Showcase::ALL[index % Showcase::ALL.len()]);
        if showcase.is_some() {
            let settled = (0..20).map(|_| pick_busy(&mut rng, n)).find(|&c| {
                self.customers
                    .get(c)
                    .is_some_and(|c| g.now - c.created > SHOWCASE_MIN_TENURE)
            });
            match settled {
                Some(c) => customer = c,
                None => showcase = None,
            }
        }
        let cust = self.customers.get(customer)?;
        let cycle = |all: usize| index % all;
        let kind = match showcase {
            Some(_) => TicketKind::ALL[cycle(TicketKind::ALL.len())],
            None => TicketKind::ALL[rng.weighted(&[22, 30, 12, 14, 15, 7])],
        };
        let category = match (showcase, kind) {
            (_, kind) if kind != TicketKind::Complaint => "",
            (Some(_), _) => CATEGORIES[(index / TicketKind::ALL.len()) % CATEGORIES.len()],
            (None, _) => CATEGORIES
                .get(rng.weighted(&[30, 15, 20, 15, 12, 8]))
                .copied()
                .unwrap_or("other"),
        };
        let priority = match (showcase, kind) {
            (Some(_), _) => Priority::ALL[cycle(Priority::ALL.len())],
            (None, TicketKind::Complaint) => Priority::ALL[rng.weighted(&[10, 30, 50, 10])],
            (None, _) => Priority::ALL[rng.weighted(&[4, 14, 60, 22])],
        };
        let channel = match (showcase, cust.channel) {
            (Some(_), _) => Channel::ALL[cycle(Channel::ALL.len())],
            (None, Some(preferred)) if rng.chance(0.4) => preferred,
            (None, _) => origin_channel(&mut rng, cust.lang),
        };
        let mut head = Head {
            customer,
            kind,
            category,
            priority,
            channel,
            showcase,
            opened: 0,
            rng,
        };
        head.opened = match showcase {
            Some(s) => {
                let spans = Spans {
                    targets: self.rules.targets_for(&self.blank(cust, &head)),
                };
                s.opened(&spans, g.now)
            }
            None => {
                let start = (g.now - 365 * DAY).max(cust.created + HOUR);
                sometime(&mut head.rng, g.tz, start, g.now, true)
            }
        };
        Some(head)
    }

    /// Everything about the ticket of `head` but its id: its life played
    /// through its script, its due times, its contacts' texts and the
    /// survey answer, if any. `None` for a customer that is not there.
    fn plan(&self, mut h: Head) -> Option<Plan<'a>> {
        let g = self.g;
        let customers: &'a [Cust] = self.customers;
        let cust = customers.get(h.customer)?;
        let mut ticket = self.blank(cust, &h);
        let rng = &mut h.rng;
        let product = g.words.products.get(cust.product).map_or("", |p| p.name.get(cust.lang));
        let subject_key = match h.kind {
            TicketKind::Complaint => format!("subject-complaint-{}", h.category),
            kind => format!("subject-{kind}"),
        };
        ticket.subject = g.render(rng, cust.lang, &subject_key, product, "");
        ticket.description = g.render(rng, cust.lang, "detail", product, "");
        // Routing as `ticket add` does it; where no rule matches, the
        // dispatcher picks the department that usually handles such tickets.
        let rule = first_rule(self.routing, h.kind, &ticket.category, h.channel, &ticket.subject);
        let department = rule.map_or_else(|| usual_department(h.kind, h.category), |r| r.department.as_str());
        let assignee = match rule.and_then(|r| r.assignee.as_deref()) {
            Some(a) => a.to_string(),
            None => g.team.pick_in(rng, department).to_string(),
        };
        if let Some(rule) = rule {
            ticket.department = rule.department.clone();
            ticket.assignee = rule.assignee.clone().unwrap_or_default();
        }
        let needs_assign = ticket.assignee.is_empty();
        let spans = Spans {
            targets: self.rules.targets_for(&ticket),
        };
        let mut script = Script::new(h.opened, &spans, h.channel, self.extra);
        match h.showcase {
            Some(s) => s.script(rng, &mut script, h.opened, g.now),
            None => natural(rng, &mut script, h.opened, needs_assign),
        }
        let mut life = Life::open(ticket);
        life.play(&script.steps, g.ctx.now, (department, &assignee));

        let events: Vec<_> = life.events.iter().map(|(at, e, _)| (*at, *e)).collect();
        let view = sla::evaluate(&events, &spans.targets, g.ctx.now, g.ctx.settings.at_risk_share);
        let dues = TicketDues {
            first_response: view.first_response.due,
            resolution: view.resolution.due,
            callback: view.callback.due,
            next: view.next_due(),
        };
        let summaries = life
            .contacts
            .iter()
            .map(|c| g.render(rng, cust.lang, c.text, product, &life.ticket.subject))
            .collect();
        let survey = surveys::answer(g, rng, cust, &life.ticket, &view);
        Some(Plan {
            customer: h.customer,
            cust,
            life,
            assignee,
            dues,
            summaries,
            survey,
        })
    }

    fn write(&self, w: &mut BulkWriter, plan: Plan, activity: &mut [i64], out: &mut Written) -> Result<(), Error> {
        let g = self.g;
        let (cust, life) = (plan.cust, &plan.life);
        let id = w.ticket(&life.ticket, &plan.dues)?;
        let name = |by: Actor| match by {
            Actor::Desk => g.ctx.agent.as_str(),
            Actor::Assignee => plan.assignee.as_str(),
            Actor::Owner => cust.owner,
        };
        for (at, event, by) in &life.events {
            w.event(id, *at, *event, name(*by))?;
        }
        for c in &life.changes {
            w.audit(&NewAudit {
                at: c.at,
                agent: name(c.by),
                entity: "ticket",
                entity_id: id,
                field: c.field,
                old_value: c.old.as_deref(),
                new_value: c.new.as_deref(),
            })?;
        }
        for r in &life.reminders {
            // What `ticket callback --outcome follow-up` leaves: a reminder for the next day.
            w.reminder(&NewReminder {
                customer_id: Some(cust.id),
                ticket_id: Some(id),
                due_at: r.created + chrono::Duration::days(1),
                reason: "callback",
                note: "follow up after callback",
                done_at: r.done,
                created_by: cust.owner,
                created_at: r.created,
            })?;
        }
        let mut seen = life.ticket.opened_at.timestamp();
        for (c, summary) in life.contacts.iter().zip(&plan.summaries) {
            w.interaction(&NewInteraction {
                customer_id: cust.id,
                ticket_id: Some(id),
                at: c.at,
                channel: c.channel,
                direction: c.direction,
                agent: name(c.by),
                summary,
            })?;
            if c.direction != Direction::Note {
                seen = seen.max(c.at.timestamp());
            }
        }
        if let Some(last) = activity.get_mut(plan.customer) {
            *last = (*last).max(seen);
        }
        out.tickets += 1;
        self.g.done(out.tickets);
        out.contacts += life.contacts.len();
        if let Some(answer) = &plan.survey {
            surveys::write(w, cust, id, answer)?;
            out.surveys += 1;
        }
        Ok(())
    }
}

/// A ticket planned, to be written (see [`Tickets::plan`]).
struct Plan<'a> {
    customer: usize,
    cust: &'a Cust,
    life: Life,
    assignee: String,
    dues: TicketDues,
    summaries: Vec<String>,
    survey: Option<surveys::Answer>,
}

/// Tickets planned ahead of the writer at most: enough to keep both threads
/// busy, few enough to hold little memory.
const PLANNED_AHEAD: usize = 256;

/// How customers reach us about a new problem.
fn origin_channel(rng: &mut Rng, lang: Lang) -> Channel {
    let weights: &[u32] = match lang {
        Lang::Zh => &[30, 8, 5, 30, 12, 6, 3, 6],
        Lang::En => &[25, 40, 3, 15, 5, 4, 4, 4],
    };
    Channel::ALL
        .get(rng.weighted(weights))
        .copied()
        .unwrap_or(Channel::Other)
}

/// The department that handles a ticket no routing rule claims.
fn usual_department(kind: TicketKind, category: &str) -> &'static str {
    match (kind, category) {
        (TicketKind::Complaint, "product-quality") | (TicketKind::Request, _) => "product",
        (TicketKind::Complaint, "delivery") => "logistics",
        (TicketKind::Complaint, "billing") => "finance",
        (TicketKind::Complaint, "technical") | (TicketKind::Repair, _) => "technical",
        _ => "service",
    }
}
