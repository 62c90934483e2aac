//! `M`: the macro picker over the ticket on screen (a queue row, the
//! ticket page, the triage card), and the result of applying a macro.

use super::{palette_height, records, reload};
use crate::app::action::Action;
use crate::app::forms::Failure;
use crate::app::keys::Key;
use crate::app::macros::MacroPicker;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::screens::Kind;
use crate::domain::macros::Macro;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;

/// Rows of the picker's list: the palette's, less the lines under it.
fn picker_rows(model: &Model) -> usize {
    palette_height(model.area).saturating_sub(usize::from(crate::app::macros::FOOT_LINES))
}

/// `M` from anywhere, and the picker's own keys while it is on top (it
/// takes the palette's keys: Enter, Esc, the arrows). `None`: the usual
/// handling.
pub fn action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    if action == Action::ApplyMacro {
        return Some(open(model));
    }
    if model.screens.top_kind() != Kind::Macros {
        return None;
    }
    let rows = picker_rows(model);
    Some(match action {
        Action::Open => apply(model),
        Action::Close => {
            model.screens.take_macros();
            Vec::new()
        }
        Action::Up | Action::Down | Action::Top | Action::Bottom | Action::PageUp | Action::PageDown => {
            if let Some(picker) = model.screens.macros_mut() {
                let len = picker.list.len();
                picker.list.cursor.apply(action, len, rows);
            }
            Vec::new()
        }
        _ => return None,
    })
}

/// Opens the picker on the ticket on screen; its macros are read.
fn open(model: &mut Model) -> Vec<Effect> {
    let Some(ticket) = records::target_ticket(model) else {
        model.warn(model.strings.macros.no_ticket.to_string());
        return Vec::new();
    };
    model.screens.take_palette();
    model.screens.take_help();
    model.screens.open_macros(MacroPicker::new(ticket.id, ticket.version));
    vec![Effect::LoadMacros]
}

/// Enter: the selected macro goes to the writer, the picker closes.
fn apply(model: &mut Model) -> Vec<Effect> {
    let Some(picker) = model.screens.take_macros() else {
        return Vec::new();
    };
    match picker.selected() {
        Some(m) => vec![Effect::ApplyMacro {
            ticket: picker.ticket,
            version: picker.version,
            name: m.name.clone(),
        }],
        None => Vec::new(),
    }
}

/// A key bound to nothing while the picker is on top: the filter's text.
pub fn text(model: &mut Model, key: Key) -> Vec<Effect> {
    let rows = picker_rows(model);
    if let Some(picker) = model.screens.macros_mut()
        && picker.list.filter.handle(key)
    {
        picker.refilter(rows);
    }
    Vec::new()
}

/// The macros read for the picker, or a macro applied (or refused).
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    match msg {
        Msg::Macros(Ok(list)) => {
            fill_picker(model, list);
            Vec::new()
        }
        Msg::Macros(Err(why)) => {
            model.screens.take_macros();
            model.warn(fill(s.msg_error, &[("why", &why)]));
            Vec::new()
        }
        Msg::MacroApplied(Ok((ticket, name))) => {
            let text = fill(s.macros.applied_tui, &[("id", &ticket.to_string()), ("name", &name)]);
            model.say(sanitize_line(&text).into_owned());
            // The queue, the ticket page and the triage card show the
            // ticket as the macro left it.
            reload(model)
        }
        Msg::MacroApplied(Err(failure)) => {
            model.warn(fill(s.macros.not_applied, &[("reason", &failure.describe(s))]));
            // Refused because someone changed the ticket: what is on
            // screen is read again, so the agent sees what changed.
            if matches!(failure, Failure::Conflict(_)) {
                reload(model)
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

fn fill_picker(model: &mut Model, list: Vec<Macro>) {
    let (s, rows) = (model.strings, picker_rows(model));
    if let Some(picker) = model.screens.macros_mut() {
        picker.fill(list, s, rows);
    }
}
