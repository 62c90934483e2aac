//! Saves under way. The event loop runs writes on a writer thread (see
//! `tui::writer`), so a save never freezes the screen: the form being saved
//! steps aside while its write runs, the keys keep working (the user may
//! move, read, open another form), and a save that fails brings its form
//! back with the text as typed and the reason. The inline driver of the
//! tests runs the same steps with the result arriving at once.

use super::conflict::Record;
use super::forms::Form;
use super::model::Model;
use super::msg::{Effect, Msg};
use crate::i18n::fill;
use std::collections::VecDeque;

/// What the header says about writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Writing {
    #[default]
    Idle,
    /// A save is running, or waiting its turn.
    Saving,
    /// It waits for the file's write lock, held by this holder.
    Waiting(String),
}

/// A write sent to the writer: the form it came from and the marked
/// tickets it changes, put back in place when its result is handled.
#[derive(Default)]
struct Sent {
    form: Option<Form>,
    bulk: Option<Vec<i64>>,
}

#[derive(Default)]
pub struct Saves {
    pub writing: Writing,
    /// Writes sent, oldest first: results come back in the same order.
    sent: VecDeque<Sent>,
    /// Failed saves whose forms wait for the form (or palette, or help)
    /// open now to close.
    failed: VecDeque<(Sent, Msg)>,
}

impl Saves {
    /// Writes sent whose results have not come back.
    pub fn in_flight(&self) -> usize {
        self.sent.len()
    }
}

/// A write the user asked for, answered by exactly one result message.
/// Heartbeats are writes too, but nobody waits for them.
pub fn is_save(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::Save(_)
            | Effect::TriageChange(..)
            | Effect::TriageUndo(_)
            | Effect::ReminderDone(_)
            | Effect::Merge { .. }
            | Effect::ArchiveInactive(_)
            | Effect::RunDemo
            | Effect::ApplyMacro { .. }
            | Effect::SaveAttachment { .. }
    )
}

/// The result of a write the user asked for; true when it failed.
fn result_of_save(msg: &Msg) -> Option<bool> {
    Some(match msg {
        Msg::Saved(_) => false,
        Msg::SaveFailed(_) => true,
        Msg::TriageChanged(r) => r.is_err(),
        Msg::TriageUndone(r) => r.is_err(),
        Msg::ReminderDone(r) => r.is_err(),
        Msg::Merged(r) => r.is_err(),
        Msg::ArchivedInactive(_, r) => r.is_err(),
        Msg::DemoDone(r) => r.is_err(),
        Msg::MacroApplied(r) => r.is_err(),
        Msg::AttachmentSaved(r) => r.is_err(),
        _ => return None,
    })
}

/// The record an edit form saves over, when a save of it is in flight.
fn edits(form: Option<&Form>) -> Option<Record> {
    form.and_then(|f| Record::of(f.kind))
}

/// `update` asked for these effects: each save takes the form it came from
/// (and its marks) off the screen until its result comes. A second save of
/// a record whose first save is still running is refused: it was made on
/// the version the first one replaces, so it would only meet a conflict.
pub fn sending(model: &mut Model, effects: &mut Vec<Effect>) {
    let s = model.strings;
    let mut kept = Vec::with_capacity(effects.len());
    for effect in effects.drain(..) {
        if !is_save(&effect) {
            kept.push(effect);
            continue;
        }
        let record = edits(model.screens.form());
        if record.is_some() && model.saves.sent.iter().any(|sent| edits(sent.form.as_ref()) == record) {
            if let Some(form) = model.screens.form_mut() {
                form.message = Some(s.background.still_saving.to_string());
            }
            continue;
        }
        model.saves.sent.push_back(Sent {
            form: model.screens.take_form(),
            bulk: model.bulk.take(),
        });
        kept.push(effect);
    }
    *effects = kept;
}

/// Handles `msg` with `handle`; the result of a save is handled with its
/// form back in place, as the handlers expect, and the screen the user has
/// moved on to is kept: a form they opened meanwhile stays on top, and a
/// failed save's form comes back when it closes.
pub fn handle(model: &mut Model, msg: Msg, handle: fn(&mut Model, Msg) -> Vec<Effect>) -> Vec<Effect> {
    let Some(failed) = result_of_save(&msg) else {
        return handle(model, msg);
    };
    // A result nobody sent for here (fed in by a test) is handled as is.
    let Some(sent) = model.saves.sent.pop_front() else {
        return handle(model, msg);
    };
    if failed && occupied(model) && sent.form.is_some() {
        let title = sent.form.as_ref().map(|f| f.title.clone()).unwrap_or_default();
        let text = fill(model.strings.background.failed_waiting, &[("form", &title)]);

        model.warn(crate::domain::text::sanitize_line(&text).into_owned());
        model.saves.failed.push_back((sent, msg));
        return Vec::new();
    }
    let (form, bulk, conflict) = (
        model.screens.take_form(),
        model.bulk.take(),
        model.screens.take_conflict(),
    );
    put_back(model, sent);
    let effects = handle(model, msg);
    if form.is_some() {
        // With the user in another form only a success lands here, or the
        // failure of a write with no form: theirs is as they left it.
        model.screens.take_conflict();
        put_back(model, Sent { form, bulk });
        if let Some(conflict) = conflict {
            model.screens.open_conflict(conflict);
        }
    }
    effects
}

/// A sent form (and its marks) in the form's place, as before its save.
fn put_back(model: &mut Model, sent: Sent) {
    model.screens.take_form();
    if let Some(form) = sent.form {
        model.screens.open_form(form);
    }
    model.bulk = sent.bulk;
}

/// The user is in something a form coming back would cover: another form
/// (or its conflict dialog), the palette or the help.
fn occupied(model: &Model) -> bool {
    model.screens.modal_open()
}

/// A failed save whose form waited comes back once nothing covers the
/// panes (no form, palette or help).
pub fn reopen(model: &mut Model, handle: fn(&mut Model, Msg) -> Vec<Effect>) -> Vec<Effect> {
    if occupied(model) {
        return Vec::new();
    }
    let Some((sent, msg)) = model.saves.failed.pop_front() else {
        return Vec::new();
    };
    put_back(model, sent);
    handle(model, msg)
}

/// Forms of failed saves waiting for what covers the panes to close.
pub fn failed_waiting(model: &Model) -> usize {
    model
        .saves
        .failed
        .iter()
        .filter(|(sent, _)| sent.form.is_some())
        .count()
}

/// The forms whose saves failed and are still on hand: the one open, then
/// those waiting for it. After quitting, their text is all that is left.
pub fn unsaved(model: &Model) -> impl Iterator<Item = &Form> {
    let waiting = model.saves.failed.iter().filter_map(|(sent, _)| sent.form.as_ref());
    model.screens.form().into_iter().chain(waiting)
}
