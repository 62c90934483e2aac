//! Triage mode: one ticket at a time, most urgent first, with what is
//! needed to decide on it; every decision moves on to the next.

use super::action::Action;
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
    pub scroll: super::panes::cursor::Scroll,
    /// Decisions sent to the writer and not yet answered, oldest first (it
    /// answers in order): `Some(ticket)` for a single-key decision, after
    /// which the screen already moved on; `None` for one saved from a form,
    /// which stays open until its answer.
    pub deciding: std::collections::VecDeque<Option<i64>>,
}

/// A triage run: from entering triage until nothing is left. It outlives
/// the screen, so leaving triage for a moment and coming back goes on where
/// the agent was instead of starting again at the same ticket.
#[derive(Debug, Default)]
pub struct Run {
    /// Tickets decided or skipped in this run: not shown again in it.
    pub passed: Vec<i64>,
    pub decided: usize,
    pub skipped: usize,
    /// Nothing was left: the next entry starts a new run.
    pub ended: bool,
}

impl Run {
    pub fn pass(&mut self, id: i64, decided: bool) {
        if !self.passed.contains(&id) {
            self.passed.push(id);
        }
        if decided {
            self.decided += 1;
        } else {
            self.skipped += 1;
        }
    }

    /// An undone decision on `id`: the ticket may need a decision again.
    pub fn unpass(&mut self, id: i64) {
        if let Some(at) = self.passed.iter().position(|p| *p == id) {
            self.passed.remove(at);
            self.decided = self.decided.saturating_sub(1);
        }
    }
}

/// One change the session can take back: a triage decision or a bulk
/// change from the queue's marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub undo: Vec<Undo>,
    /// Made in triage: undoing it gives the ticket back to the run.
    pub in_triage: bool,
}

/// Every change of the session, newest last: `u` takes them back one at a
/// time. A step whose undo is refused because a ticket changed since is
/// dropped (it can never succeed: the version it expects is gone), so the
/// next `u` reaches the one before; one refused for any other reason (a
/// busy file) is kept to be tried again.
#[derive(Debug, Default)]
pub struct History {
    pub steps: Vec<Step>,
    /// The step being undone, until its result comes back.
    pub undoing: Option<Step>,
}

impl History {
    pub fn push(&mut self, undo: Vec<Undo>, in_triage: bool) {
        if !undo.is_empty() {
            self.steps.push(Step { undo, in_triage });
        }
    }

    /// The newest step, now in flight; `None` with nothing to undo or an
    /// undo already under way.
    pub fn start_undo(&mut self) -> Option<Vec<Undo>> {
        if self.undoing.is_some() {
            return None;
        }
        let step = self.steps.pop()?;
        let undo = step.undo.clone();
        self.undoing = Some(step);
        Some(undo)
    }

    /// The undo in flight came back: done or refused with a conflict, the
    /// step is gone; refused otherwise, it goes back on top.
    pub fn finish_undo(&mut self, keep: bool) -> Option<Step> {
        let step = self.undoing.take()?;
        if keep {
            self.steps.push(step.clone());
        }
        Some(step)
    }

    /// The undo of `step` wrote these tickets at these versions: an earlier
    /// step on the same ticket, made on exactly what `step` took back,
    /// expects that state under its new version. (Undo of a ticket decided
    /// twice goes back through both; a change by anyone else in between
    /// still refuses.)
    pub fn rebase(&mut self, step: &Step, restored: &[(i64, i64)]) {
        for undone in &step.undo {
            let Some(&(_, now)) = restored.iter().find(|(id, _)| *id == undone.ticket_id) else {
                continue;
            };
            let earlier = self.steps.iter_mut().flat_map(|s| s.undo.iter_mut());
            for u in earlier.filter(|u| u.ticket_id == undone.ticket_id && u.version == undone.from) {
                u.version = now;
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.steps.is_empty() && self.undoing.is_none()
    }
}

impl Triage {
    pub fn ticket_id(&self) -> Option<i64> {
        self.card.as_ref().map(|c| c.view.ticket.id)
    }

    /// Whether a triage key fits the card on screen: no Resolve on a
    /// resolved ticket, no Pending on a pending one, a callback only when
    /// its clock is live. The footer offers only these; the keys refuse
    /// the others.
    pub fn offers(&self, action: Action) -> bool {
        use crate::domain::enums::TicketStatus::*;
        let Some(card) = &self.card else {
            return false;
        };
        let status = card.view.ticket.status;
        match action {
            Action::Resolve => !matches!(status, Resolved | Closed),
            Action::SetPending => !matches!(status, Pending | Resolved | Closed),
            Action::Callback => card.view.sla.callback.is_live(),
            _ => true,
        }
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
    triaged_field(&mut doc, model, t, LABEL);
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

/// "Triaged: by li.na, 12-06 15:40" on a ticket someone decided on in
/// triage; nothing on one nobody has.
pub fn triaged_field(doc: &mut Doc, model: &Model, t: &crate::domain::ticket::Ticket, label: usize) {
    let (Some(by), Some(at)) = (&t.triaged_by, t.triaged_at) else {
        return;
    };
    let s = model.strings;
    let at = local_short(at, model.now, model.session.timezone);
    let value = fill(s.triage.triaged_value, &[("agent", by), ("at", &at)]);
    doc.field(s.triage.triaged_label, &value, label);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::tickets::ValidChanges;

    fn undo(ticket_id: i64, from: i64, version: i64) -> Vec<Undo> {
        vec![Undo {
            ticket_id,
            from,
            version,
            restore: ValidChanges::default(),
            triaged: None,
        }]
    }

    #[test]
    fn undo_goes_back_through_a_ticket_changed_twice_and_keeps_a_step_that_failed_for_now() {
        let mut history = History::default();
        history.push(undo(7, 1, 2), true);
        history.push(undo(7, 2, 3), false);
        history.push(Vec::new(), true);
        assert_eq!(history.steps.len(), 2, "a change of nothing is no step");
        // A busy file: the step stays to be tried again; none meanwhile.
        assert_eq!(history.start_undo(), Some(undo(7, 2, 3)));
        assert_eq!(history.start_undo(), None);
        history.finish_undo(true);
        // Done, at version 4: the first change now expects version 4.
        let step = history
            .start_undo()
            .map(|_| history.finish_undo(false).unwrap())
            .unwrap();
        assert!(!step.in_triage);
        history.rebase(&step, &[(7, 4)]);
        assert_eq!(history.start_undo(), Some(undo(7, 1, 4)));
        history.finish_undo(false);
        assert!(!history.can_undo());
    }
}
