//! The conflict dialog's flow: a save that met a record changed meanwhile
//! reads the record as stored now and shows the dialog; `r` re-applies the
//! agent's changes on top, `d` discards them, Esc goes back to the form.

use super::{records, reload};
use crate::app::action::Action;
use crate::app::conflict::{Conflict, Record, Stored};
use crate::app::forms::Failure;
use crate::app::layout;
use crate::app::model::Model;
use crate::app::msg::Effect;
use crate::i18n::fill;

/// A save failed. A conflict on an edit form reads the record as it is now
/// instead of only saying so; anything else lands on the form as before.
pub fn save_failed(model: &mut Model, failure: Failure) -> Vec<Effect> {
    let s = model.strings;
    let Some(form) = model.screens.form_mut() else {
        return Vec::new();
    };
    if let (Failure::Conflict(_), Some(record)) = (&failure, Record::of(form.kind)) {
        form.message = Some(s.care.conflict_reading.to_string());
        return vec![Effect::LoadCurrent(record)];
    }
    form.fail(&failure, s);
    Vec::new()
}

/// The record as stored now has come: the dialog opens over its form.
pub fn loaded(model: &mut Model, current: Result<Box<Stored>, Failure>) -> Vec<Effect> {
    let s = model.strings;
    let Some(form) = model.screens.form_mut() else {
        return Vec::new();
    };
    match current {
        Ok(stored) if Record::of(form.kind) == Some(stored.record()) => {
            form.message = None;
            let conflict = Conflict::new(s, form, &stored);
            model.screens.open_conflict(conflict);
            // The card or page under the form shows what is stored now too.
            return reload(model);
        }
        // The form was closed or changed to another record meanwhile.
        Ok(_) => {}
        Err(gone @ Failure::NotFound { .. }) => {
            form.message = Some(fill(s.care.gone, &[("reason", &gone.describe(s))]))
        }
        Err(failure) => form.fail(&failure, s),
    }
    Vec::new()
}

/// A key in the dialog.
pub fn apply(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    let Some(conflict) = model.screens.take_conflict() else {
        return Vec::new();
    };
    match action {
        Action::Reapply => {
            // On top of the stored version; a further conflict shows the
            // dialog again with fresh values.
            if let Some(form) = model.screens.form_mut() {
                conflict.rebase(form);
            }
            records::form_action(model, Action::Submit)
        }
        Action::Discard => {
            model.screens.take_form();
            model.say(fill(s.care.discarded, &[("record", &conflict.name)]));
            reload(model)
        }
        Action::Close => {
            if let Some(form) = model.screens.form_mut() {
                conflict.rebase(form);
                form.message = Some(fill(s.care.back_to_form, &[("record", &conflict.name)]));
            }
            Vec::new()
        }
        _ => {
            let mut conflict = conflict;
            let lines = model.conflict_doc_lines(&conflict);
            let (_, height) = layout::inner_size(layout::conflict_area(model.screen().body, lines));
            conflict.scroll.apply(action, lines, height);
            model.screens.open_conflict(conflict);
            Vec::new()
        }
    }
}

/// The mouse wheel over the dialog.
pub fn scroll(model: &mut Model, delta: isize) {
    let Some(mut conflict) = model.screens.take_conflict() else {
        return;
    };
    let lines = model.conflict_doc_lines(&conflict);
    let (_, height) = layout::inner_size(layout::conflict_area(model.screen().body, lines));
    conflict.scroll.shift(delta, lines, height);
    model.screens.open_conflict(conflict);
}
