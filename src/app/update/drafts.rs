//! Typed work is never dropped unasked: every way a form closes without a
//! save goes through here. Esc keeps a changed form as a draft, opening
//! the same form on the same record brings it back, the form's discard key
//! and quitting with drafts left ask first (`y` yes, any other key no).

use crate::app::forms::Form;
use crate::app::forms::drafts::{Question, unsaved};
use crate::app::keys::Key;
use crate::app::model::Model;
use crate::app::msg::Effect;
use crate::i18n::fill;

/// Opens `form`, or its draft when one was kept. Every form opens here.
pub fn open(model: &mut Model, form: Form) {
    let (form, restored) = model.drafts.restore(form);
    if restored {
        let s = model.strings.forms;
        let more = model.drafts.kept_like(&form);
        let text = match more {
            0 => s.draft_restored.to_string(),
            n => fill(s.draft_restored_more, &[("count", &n.to_string())]),
        };
        model.say(text);
    }
    model.screens.take_palette();
    model.screens.take_help();
    model.screens.open_form(form);
}

/// Esc on a form: closed, and kept as a draft when something was typed.
pub fn close(model: &mut Model) {
    let Some(form) = model.screens.take_form() else {
        return;
    };
    model.bulk = None;
    if form.is_changed() {
        model.say(fill(model.strings.forms.draft_kept, &[("form", &form.title)]));
        model.drafts.keep(form);
    }
}

/// The form's discard key: an untouched form just closes; typed text goes
/// only once the question is answered `y`.
pub fn discard(model: &mut Model) -> Vec<Effect> {
    match model.screens.form() {
        Some(form) if form.is_changed() => model.drafts.asking = Some(Question::Discard),
        Some(_) => close(model),
        None => {}
    }
    Vec::new()
}

/// Quit: at once, unless drafts would be lost; then it asks.
pub fn quit(model: &mut Model) -> Vec<Effect> {
    if unsaved(model) == 0 {
        model.quit = true;
    } else {
        model.drafts.asking = Some(Question::Quit);
    }
    Vec::new()
}

/// The key after a question: `y` does it, anything else keeps the work.
pub fn answer(model: &mut Model, key: Key) -> Vec<Effect> {
    let s = model.strings;
    let Some(question) = model.drafts.asking.take() else {
        return Vec::new();
    };
    let yes = matches!(key.text(), Some('y' | 'Y'));
    if !yes {
        model.say(s.forms.kept.to_string());
        return Vec::new();
    }
    match question {
        Question::Quit => model.quit = true,
        Question::Discard => {
            if let Some(form) = model.screens.take_form() {
                model.bulk = None;
                model.say(fill(s.forms.discarded, &[("form", &form.title)]));
            }
        }
    }
    Vec::new()
}
