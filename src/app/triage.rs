//! Triage mode: one ticket at a time, most urgent first, with what is
//! needed to decide on it; every decision moves on to the next.

use super::doc::{Doc, piece};
use super::format::{self, local_short};
use super::model::Model;
use crate::app::theme::Role;
use crate::domain::text::{fit, sanitize_line};
use crate::i18n::fill;
use crate::service::triage::{TriageCard, Undo};

const LABEL: usize = 16;

#[derive(Debug, Default)]
pub struct Triage {
    /// `None` until the first card arrives, and when nothing is left.
    pub card: Option<Box<TriageCard>>,
    /// The card has been asked for and not yet come.
    pub loading: bool,
    /// Tickets skipped or decided in this session: not shown again.
    pub skipped: Vec<i64>,
    /// How to take back the last change made here.
    pub undo: Option<Vec<Undo>>,
    pub scroll: super::panes::cursor::Scroll,
}

impl Triage {
    pub fn ticket_id(&self) -> Option<i64> {
        self.card.as_ref().map(|c| c.view.ticket.id)
    }

    /// The ticket on the card at the version shown: a decision on it is
    /// refused if anyone changed it since.
    pub fn seen(&self) -> Option<crate::service::triage::Seen> {
        self.card.as_ref().map(|c| crate::service::triage::Seen {
            id: c.view.ticket.id,
            version: c.view.ticket.version,
        })
    }
}

/// The card as a document: the ticket, its clocks and urgency, the
/// customer, their other open tickets and recent activity.
pub fn triage_doc(model: &Model, card: &TriageCard, width: usize) -> Doc {
    let (s, tz, now) = (model.strings, model.session.timezone, model.now);
    let t = &card.view.ticket;
    let mut doc = Doc::new(width);
    super::presence::banner(&mut doc, model, t.id);
    let kind = if t.category.is_empty() {
        s.kind(t.kind).to_string()
    } else {
        format!("{} · {}", s.kind(t.kind), s.category(&t.category))
    };
    doc.field(s.field("kind"), &kind, LABEL);
    doc.field(s.field("priority"), s.priority(t.priority), LABEL);
    doc.field(s.field("status"), s.status(t.status), LABEL);
    doc.field(s.field("channel"), s.channel(t.channel), LABEL);
    doc.field(s.ticket_department, or_dash(&t.department, s.dash), LABEL);
    doc.field(s.field("assignee"), or_dash(&t.assignee, s.unassigned), LABEL);
    doc.field(s.ticket_opened, &local_short(t.opened_at, now, tz), LABEL);
    super::detail::sla_section(&mut doc, model, &card.view);
    if !t.description.trim().is_empty() {
        doc.heading(s.ticket_description);
        doc.paragraph(&t.description, Role::Text, 2);
    }
    let c = &card.customer;
    doc.heading(s.triage.customer);
    // Enter opens the customer's card: the line shows as selected.
    doc.field_link(
        s.field("customer"),
        &format!("{} {}", c.code, c.name),
        LABEL,
        super::navigation::Link::Customer(c.id),
    );
    doc.select_link(0);
    doc.field(s.field("tier"), s.tier(c.tier), LABEL);
    doc.field(s.field("phone"), or_dash(&c.phone, s.dash), LABEL);
    doc.field(s.field("email"), or_dash(&c.email, s.dash), LABEL);
    if !card.other_open.is_empty() {
        doc.heading(s.triage.other_open);
        for o in &card.other_open {
            doc.push(vec![
                piece(format!("  #{:<5} ", o.id), Role::Muted),
                piece(fit(s.status(o.status), 9), Role::Text),
                piece(fit(s.priority(o.priority), 7), format::priority_role(o.priority)),
                piece(sanitize_line(&o.subject), Role::Text),
            ]);
        }
    }
    if !card.timeline.is_empty() {
        doc.heading(s.triage.recent);
        for e in &card.timeline {
            let ticket = e.ticket_id.map(|id| format!("#{id} ")).unwrap_or_default();
            doc.push(vec![
                piece(format!("  {} ", local_short(e.at, now, tz)), Role::Muted),
                piece(
                    e.direction.map_or(" ", |d| s.direction_mark(d)),
                    format::direction_role(e.direction),
                ),
                piece(format!(" {}", fit(&ticket, 7)), Role::Muted),
                piece(sanitize_line(&e.summary), Role::Text),
            ]);
        }
    }
    doc
}

/// The title of the triage screen.
pub fn title(model: &Model, card: &TriageCard) -> String {
    let s = model.strings;
    let t = &card.view.ticket;
    let head = fill(
        s.triage.title,
        &[("ticket", &t.id.to_string()), ("subject", &t.subject)],
    );
    let more = fill(s.triage.remaining, &[("count", &card.remaining.to_string())]);

    format!("{head}  ·  {more}")
}

fn or_dash<'a>(text: &'a str, dash: &'a str) -> &'a str {
    if text.trim().is_empty() { dash } else { text }
}
