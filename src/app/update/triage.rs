//! Triage mode: entering and leaving it, single-key decisions on the card
//! on screen, skip, the session's undo (of decisions and of bulk changes
//! from the queue), and the results coming back.

use crate::app::action::Action;
use crate::app::forms::Failure;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::screens::Screen;
use crate::app::triage::{Run, Triage};
use crate::domain::enums::{Priority, TicketStatus};
use crate::i18n::fill;
use crate::service::tickets::TicketChanges;

/// `t`: the full-screen triage of the most urgent ticket, going on with
/// the run in progress; after a run that ended, a new one.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    if model.triage_run.ended {
        model.triage_run = Run::default();
    }
    model.screens.enter(Screen::Triage(Triage {
        loading: true,
        ..Triage::default()
    }));
    vec![Effect::LoadTriage(model.triage_run.passed.clone())]
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

/// The next card, passing over what this run decided or skipped.
pub fn load(model: &mut Model) -> Vec<Effect> {
    match model.screens.triage_mut() {
        Some(triage) => {
            triage.loading = true;
            vec![Effect::LoadTriage(model.triage_run.passed.clone())]
        }
        None => Vec::new(),
    }
}

pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    if action == Action::Undo {
        return undo(model);
    }
    let Some(triage) = model.screens.triage_mut() else {
        let label = s.action(action.name());
        model.warn(fill(s.msg_not_in_this_view, &[("action", label)]));
        return Vec::new();
    };
    // A decision needs a card that has arrived.
    let Some(seen) = triage.seen().filter(|_| !triage.loading) else {
        return Vec::new();
    };
    let id = seen.id;
    if !triage.offers(action) {
        let status = triage.card.as_ref().map_or("", |c| s.status(c.view.ticket.status));
        model.warn(fill(
            s.triage.not_for_card,
            &[
                ("action", s.action(action.name())),
                ("ticket", &id.to_string()),
                ("status", status),
            ],
        ));
        return Vec::new();
    }
    let mut changes = TicketChanges::default();
    match action {
        Action::Skip => {
            model.triage_run.pass(id, false);
            return move_on(model);
        }
        Action::PriorityUrgent => changes.priority = Some(Priority::Urgent.key().to_string()),
        Action::PriorityHigh => changes.priority = Some(Priority::High.key().to_string()),
        Action::PriorityNormal => changes.priority = Some(Priority::Normal.key().to_string()),
        Action::PriorityLow => changes.priority = Some(Priority::Low.key().to_string()),
        Action::SetPending => changes.status = Some(TicketStatus::Pending.key().to_string()),
        // Resolving asks how, as every form that sets resolved does: the
        // form's save is the decision (see `records::submit`); Esc leaves
        // the card as it is.
        Action::Resolve => {
            let form = match triage.card.as_ref() {
                Some(card) => crate::app::forms::ticket::resolve(s, &card.view.ticket),
                None => return Vec::new(),
            };
            super::records::open_form(model, form);
            return Vec::new();
        }
        _ => return Vec::new(),
    }
    // The next card shows at once while the writer writes this decision:
    // the ticket counts as passed now, and comes back if the write fails.
    triage.deciding.push_back(Some(id));
    model.triage_run.pass(id, true);
    let text = fill(
        s.triage.decided,
        &[("ticket", &id.to_string()), ("decision", s.action(action.name()))],
    );
    let mut effects = vec![Effect::TriageChange(vec![seen], Box::new(changes), text)];
    effects.extend(move_on(model));
    effects
}

/// A decision from a form on the triage card was sent: its answer closes
/// the form (or shows why not there).
pub fn sent_from_form(model: &mut Model) {
    if let Some(triage) = model.screens.triage_mut() {
        triage.deciding.push_back(None);
    }
}

/// The card on screen was decided or skipped: the card read with it shows
/// at once. The cards are read again in the background (for the card after
/// it, and what changed meanwhile) once no decision is being written, so
/// the read sees them.
fn move_on(model: &mut Model) -> Vec<Effect> {
    let passed = &model.triage_run.passed;
    let Some(triage) = model.screens.triage_mut() else {
        return Vec::new();
    };
    triage.scroll = Default::default();
    match triage.card.take().and_then(|card| card.next) {
        Some(next) if !passed.contains(&next.view.ticket.id) => {
            triage.card = Some(next);
            triage.loading = false;
        }
        _ => triage.loading = true,
    }
    if triage.deciding.is_empty() {
        read_again(model)
    } else {
        Vec::new()
    }
}

/// The card on screen read again (kept while it still waits), or the next
/// one when none is shown.
fn read_again(model: &mut Model) -> Vec<Effect> {
    let passed = model.triage_run.passed.clone();
    match model.screens.triage().and_then(Triage::ticket_id) {
        Some(id) => vec![Effect::ReloadTriage(id, passed)],
        None => vec![Effect::LoadTriage(passed)],
    }
}

/// `u`, in triage or in the queue: takes back the newest change of the
/// session, a decision or a bulk change; the next `u` the one before.
fn undo(model: &mut Model) -> Vec<Effect> {
    match model.history.start_undo() {
        Some(undo) => vec![Effect::TriageUndo(undo)],
        // One already under way: its result comes first.
        None if model.history.undoing.is_some() => Vec::new(),
        None => {
            model.warn(model.strings.triage.nothing_to_undo.to_string());
            Vec::new()
        }
    }
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

/// `U` in the queue: only the tickets nobody has triaged yet, or all again.
pub fn untriaged_only(model: &mut Model) -> Vec<Effect> {
    let s = model.strings;
    let on = !model.queue.untriaged_only;
    model.queue.untriaged_only = on;
    model.say(
        if on {
            s.triage.untriaged_only_on
        } else {
            s.triage.untriaged_only_off
        }
        .to_string(),
    );
    vec![Effect::LoadQueue]
}

/// A bulk change from the queue's marks came back: the marks go, and the
/// change can be undone.
fn bulk_result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    match msg {
        Msg::TriageChanged(Ok((undo, text))) => {
            model.screens.take_form();
            model.queue.marked.clear();
            model.history.push(undo, false);
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

/// An undo came back. Done: the tickets are as they were, and a decision
/// taken back gives its ticket back to the run (shown again at once).
/// Refused by a conflict: the step is dropped, saying so. Refused for
/// another reason: the step stays, to be tried again.
fn undone(model: &mut Model, result: Result<Vec<(i64, i64)>, Failure>) -> Vec<Effect> {
    let s = model.strings;
    let conflict = matches!(result, Err(Failure::Conflict(_)));
    let Some(step) = model.history.finish_undo(result.is_err() && !conflict) else {
        return Vec::new();
    };
    let first = step.undo.first().map_or(0, |u| u.ticket_id);
    match result {
        Ok(restored) => {
            model.history.rebase(&step, &restored);
            let ids: Vec<i64> = restored.iter().map(|(id, _)| *id).collect();
            if step.in_triage {
                ids.iter().for_each(|id| model.triage_run.unpass(*id));
            }
            model.say(match ids.as_slice() {
                [id] => fill(s.triage.undone, &[("ticket", &id.to_string())]),
                _ => s.triage.undone_bulk.of(ids.len() as i64, &[]),
            });
        }
        Err(Failure::Conflict(c)) => {
            model.warn(fill(s.triage.undo_conflict, &[("ticket", &c.id.to_string())]));
        }
        Err(failure) => {
            model.warn(fill(s.triage.undo_refused, &[("reason", &failure.describe(s))]));
            return Vec::new();
        }
    }
    match model.screens.triage_mut() {
        // The ticket given back is the one to decide again.
        Some(triage) if step.in_triage && !conflict => {
            triage.loading = true;
            vec![Effect::ReloadTriage(first, model.triage_run.passed.clone())]
        }
        Some(_) => load(model),
        None => super::reload(model),
    }
}

/// Results of the triage effects.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    if let Msg::TriageUndone(result) = msg {
        return undone(model, result);
    }
    if model.bulk.take().is_some() {
        return bulk_result(model, msg);
    }
    let Some(triage) = model.screens.triage_mut() else {
        return Vec::new();
    };
    match msg {
        Msg::TriageCard(card) => {
            // A card decided or skipped since it was asked for is stale:
            // the read asked for after that comes next.
            if card
                .as_ref()
                .is_some_and(|c| model.triage_run.passed.contains(&c.view.ticket.id))
            {
                return Vec::new();
            }
            // The same ticket read again (another agent wrote, perhaps only
            // a heartbeat) keeps its place; a new one starts at the top.
            let same = card.as_ref().map(|c| c.view.ticket.id) == triage.ticket_id();
            // Nothing left: the run is over, its summary on screen.
            model.triage_run.ended = card.is_none();
            triage.card = card;
            triage.loading = false;
            if !same {
                triage.scroll = Default::default();
            }
            Vec::new()
        }
        Msg::TriageChanged(Ok((undo, text))) => {
            match triage.deciding.pop_front().flatten() {
                // Decided with a key: the screen moved on already.
                Some(_) => {
                    let settled = triage.deciding.is_empty();
                    model.history.push(undo, true);
                    model.say(text);
                    if settled {
                        return read_again(model);
                    }
                    Vec::new()
                }
                // Decided in a form: it closes now and the next card shows.
                // It does not come up again this run, even if it still
                // waits (a new priority is a decision too).
                None => {
                    for u in &undo {
                        model.triage_run.pass(u.ticket_id, true);
                    }
                    model.history.push(undo, true);
                    model.screens.take_form();
                    model.say(text);
                    move_on(model)
                }
            }
        }
        Msg::TriageChanged(Err(failure)) => {
            let text = fill(s.triage.failed, &[("reason", &failure.describe(s))]);
            if let Some(id) = triage.deciding.pop_front().flatten() {
                // A decision with a key, not written: its ticket comes back
                // on screen as it is now, the footer saying why.
                model.triage_run.unpass(id);
                triage.loading = true;
                model.warn(text);
                return vec![Effect::ReloadTriage(id, model.triage_run.passed.clone())];
            }
            triage.loading = false;
            if let Failure::Conflict(_) = failure {
                // Decided on stale facts: nothing was written; the footer
                // names the ticket and the card shows it as it is now.
                triage.loading = true;
                model.screens.take_form();
                model.warn(text);
                return read_again(model);
            }
            match model.screens.form_mut() {
                Some(form) => form.message = Some(text),
                None => model.warn(text),
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
