//! Triage mode: entering and leaving it, single-key decisions on the card
//! on screen, skip and undo, and the results coming back.

use crate::app::action::Action;
use crate::app::forms::Failure;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::screens::Screen;
use crate::app::triage::Triage;
use crate::domain::enums::{Priority, TicketStatus};
use crate::i18n::fill;
use crate::service::tickets::TicketChanges;

/// `t`: the full-screen triage of the most urgent ticket.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    model.screens.enter(Screen::Triage(Triage {
        loading: true,
        ..Triage::default()
    }));
    vec![Effect::LoadTriage(Vec::new())]
}

/// Esc or `q`: back to the panes, read again as triage changed them.
pub fn leave(model: &mut Model) -> Vec<Effect> {
    model.screens.leave_screen();
    super::reload(model)
}

/// Lines of the triage card and the height it is shown in.
pub fn doc_size(model: &Model) -> (usize, usize) {
    let body = model.screen().body;
    let (width, height) = crate::app::layout::inner_size(body);
    let lines = model
        .screens
        .triage()
        .and_then(|t| t.card.as_ref())
        .map_or(0, |card| crate::app::triage::triage_doc(model, card, width).lines.len());
    (lines, height)
}

/// The next card, skipping what was skipped.
pub fn load(model: &mut Model) -> Vec<Effect> {
    match model.screens.triage_mut() {
        Some(triage) => {
            triage.loading = true;
            vec![Effect::LoadTriage(triage.skipped.clone())]
        }
        None => Vec::new(),
    }
}

pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    let Some(triage) = model.screens.triage_mut() else {
        let label = s.action(action.name());
        model.warn(fill(s.msg_not_in_this_view, &[("action", label)]));
        return Vec::new();
    };
    if action == Action::Undo {
        return match triage.undo.take() {
            Some(undo) => vec![Effect::TriageUndo(undo)],
            None => {
                model.warn(s.triage.nothing_to_undo.to_string());
                Vec::new()
            }
        };
    }
    // A decision needs a card that has arrived.
    let Some(seen) = triage.seen().filter(|_| !triage.loading) else {
        return Vec::new();
    };
    let id = seen.id;
    let mut changes = TicketChanges::default();
    match action {
        Action::Skip => {
            triage.skipped.push(id);
            return load(model);
        }
        Action::PriorityUrgent => changes.priority = Some(Priority::Urgent.key().to_string()),
        Action::PriorityHigh => changes.priority = Some(Priority::High.key().to_string()),
        Action::PriorityNormal => changes.priority = Some(Priority::Normal.key().to_string()),
        Action::PriorityLow => changes.priority = Some(Priority::Low.key().to_string()),
        Action::SetPending => changes.status = Some(TicketStatus::Pending.key().to_string()),
        Action::Resolve => changes.status = Some(TicketStatus::Resolved.key().to_string()),
        _ => return Vec::new(),
    }
    triage.loading = true;
    let text = fill(
        s.triage.decided,
        &[("ticket", &id.to_string()), ("decision", s.action(action.name()))],
    );
    vec![Effect::TriageChange(vec![seen], Box::new(changes), text)]
}

/// `x` and `X` in the queue.
pub fn mark(model: &mut Model, action: Action) -> Vec<Effect> {
    if model.focus != crate::app::panes::PaneId::Queue || model.screens.detail().is_some() {
        return Vec::new();
    }
    if action == Action::Mark {
        model.queue.toggle_mark();
    } else {
        model.queue.mark_shown();
    }
    model.say(fill(
        model.strings.triage.marked,
        &[("count", &model.queue.marked.len().to_string())],
    ));
    Vec::new()
}

/// A bulk change from the queue's marks came back: the marks go.
fn bulk_result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    match msg {
        Msg::TriageChanged(Ok((_, text))) => {
            model.screens.take_form();
            model.queue.marked.clear();
            model.say(text);
            super::reload(model)
        }
        Msg::TriageChanged(Err(failure)) => {
            model.screens.take_form();
            model.warn(fill(s.triage.failed, &[("reason", &failure.describe(s))]));
            // The marks stay; the queue shows what the other agent did.
            if matches!(failure, Failure::Conflict(_)) {
                super::reload(model)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Results of the triage effects.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    if model.bulk.take().is_some() {
        return bulk_result(model, msg);
    }
    let Some(triage) = model.screens.triage_mut() else {
        return Vec::new();
    };
    match msg {
        Msg::TriageCard(card) => {
            // The same ticket read again (another agent wrote, perhaps only
            // a heartbeat) keeps its place; a new one starts at the top.
            let same = card.as_ref().map(|c| c.view.ticket.id) == triage.ticket_id();
            triage.card = card;
            triage.loading = false;
            if !same {
                triage.scroll = Default::default();
            }
            Vec::new()
        }
        Msg::TriageChanged(Ok((undo, text))) => {
            // Decided: it does not come up again this session, even if it
            // still waits (a new priority is a decision too).
            triage.skipped.extend(undo.iter().map(|u| u.ticket_id));
            triage.undo = Some(undo);
            model.screens.take_form();
            model.say(text);
            load(model)
        }
        Msg::TriageChanged(Err(failure)) => {
            triage.loading = false;
            let text = fill(s.triage.failed, &[("reason", &failure.describe(s))]);
            if let Failure::Conflict(_) = failure {
                // Decided on stale facts: nothing was written; the footer
                // names the ticket and the card shows it as it is now.
                triage.loading = true;
                let reread = match triage.ticket_id() {
                    Some(id) => Effect::ReloadTriage(id, triage.skipped.clone()),
                    None => Effect::LoadTriage(triage.skipped.clone()),
                };
                model.screens.take_form();
                model.warn(text);
                return vec![reread];
            }
            match model.screens.form_mut() {
                Some(form) => form.message = Some(text),
                None => model.warn(text),
            }
            Vec::new()
        }
        Msg::TriageUndone(Ok(id)) => {
            // The ticket undone may need a decision again.
            triage.skipped.retain(|skipped| *skipped != id);
            model.say(fill(s.triage.undone, &[("ticket", &id.to_string())]));
            load(model)
        }
        Msg::TriageUndone(Err(why)) => {
            model.warn(fill(s.triage.undo_refused, &[("reason", &why)]));

            Vec::new()
        }
        _ => Vec::new(),
    }
}
