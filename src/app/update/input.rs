//! Keys and the mouse. A key is looked up in the context chain with the
//! keys typed before it (for chords like `g g`); a key that is bound to
//! nothing is text for whatever has a text field open.

use super::{actions, follow};
use crate::app::keymap::Lookup;
use crate::app::keys::Key;
use crate::app::layout;
use crate::app::model::Model;
use crate::app::msg::{Effect, Mouse, MouseKind};
use crate::app::panes::PaneId;
use crate::app::screens::Kind;

pub fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    // A question before typed work is lost takes the next key, whatever it is.
    if model.drafts.asking.is_some() {
        model.pending.clear();
        return super::drafts::answer(model, key);
    }
    let chain = model.chain();
    model.pending.push(key);
    match model.keymap.lookup(&chain, &model.pending) {
        Lookup::Action(action) => {
            model.pending.clear();
            actions::apply(model, action)
        }
        Lookup::Pending => Vec::new(),
        Lookup::Nothing => {
            let was_chord = model.pending.len() > 1;
            model.pending.clear();
            if was_chord {
                // `g x`: the chord is dropped and `x` counts on its own.
                return self::key(model, key);
            }
            text(model, key)
        }
    }
}

/// Longest paste typed into a filter or the palette, a character at a time:
/// more is no search anyone meant, and each character filters again.
const PASTE_TYPED_MAX: usize = 200;

/// A paste is text for the field or box being typed in: a form's focused
/// field takes it whole (a long field keeps its lines); a filter, the
/// palette or a number being typed take it as typed, on one line.
/// Anywhere else it does nothing; as keys its line breaks moved to the
/// next field and its letters ran commands.
pub fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    match model.screens.top_kind() {
        _ if model.drafts.asking.is_some() => return Vec::new(),
        Kind::Conflict => return Vec::new(),
        Kind::Form => {
            if let Some(form) = model.screens.form_mut()
                && form.paste(text)
            {
                super::pickers::typed(model);
            }
            return Vec::new();
        }
        _ => {}
    }
    let mut effects = Vec::new();
    for c in crate::app::forms::one_line(text).chars().take(PASTE_TYPED_MAX) {
        effects.extend(self::text(model, Key::char(c)));
    }
    // The selection moved with each character: only where it ended needs
    // its timeline read.
    let is_load = |e: &Effect| matches!(e, Effect::LoadTimeline(_));
    let loads = effects.iter().filter(|e| is_load(e)).count();
    let mut seen = 0;
    effects.retain(|e| {
        seen += usize::from(is_load(e));
        !is_load(e) || seen == loads
    });
    effects
}

/// A key bound to nothing: text for the field of whatever is on top.
fn text(model: &mut Model, key: Key) -> Vec<Effect> {
    match model.screens.top_kind() {
        Kind::Form => {
            if let Some(form) = model.screens.form_mut()
                && form.handle_key(key)
            {
                super::pickers::typed(model);
            }
            Vec::new()
        }
        Kind::Palette => {
            let palette_height = super::palette_height(model.area);
            if let Some(palette) = model.screens.palette_mut()
                && palette.list.filter.handle(key)
            {
                super::navigation::refilter_palette(model, palette_height);
            }
            Vec::new()
        }
        Kind::Quality => super::quality::text(model, key).unwrap_or_default(),
        Kind::Macros => super::macros::text(model, key),
        Kind::Knowledge | Kind::KnowledgePick => super::knowledge::text(model, key),
        Kind::Main if model.filtering() => {
            let height = model.list_height(model.focus);
            match model.focus {
                PaneId::Customers => {
                    if model.customers.list.filter.handle(key) {
                        model.customers.refilter(height);
                    }
                }
                PaneId::Queue => {
                    if model.queue.list.filter.handle(key) {
                        let mut effects = super::queue_query::typed(model);
                        effects.extend(follow(model));
                        return effects;
                    }
                }
                PaneId::Timeline => {}
            }
            follow(model)
        }
        // Under the conflict dialog the form keeps what was typed.
        _ => Vec::new(),
    }
}

/// Rows a wheel notch moves.
const WHEEL_ROWS: isize = 3;

pub fn mouse(model: &mut Model, mouse: Mouse) -> Vec<Effect> {
    let delta = match mouse.kind {
        MouseKind::ScrollUp => -WHEEL_ROWS,
        MouseKind::ScrollDown => WHEEL_ROWS,
        MouseKind::Click => 0,
    };
    match model.screens.top_kind() {
        // Over an overlay the wheel scrolls it and clicks do nothing.
        Kind::Conflict | Kind::Form | Kind::Palette | Kind::Help | Kind::Detail | Kind::Macros => {
            if delta != 0 {
                actions::scroll_overlay(model, delta);
            }
            return Vec::new();
        }
        // Over the Reminders and Data quality views the wheel moves their selection.
        Kind::Reminders => {
            super::reminders::shift(model, delta.signum());
            return Vec::new();
        }
        Kind::Quality => {
            super::quality::shift(model, delta.signum());
            return Vec::new();
        }
        Kind::Knowledge | Kind::KnowledgePick => {
            super::knowledge::shift(model, delta.signum());
            return Vec::new();
        }
        // The dashboard covers the panes: a click there must not move them unseen.
        Kind::Dashboard => return Vec::new(),
        // Triage has no list of its own; the mouse still reaches the
        // panes under it, as it always has.
        Kind::Triage | Kind::Main => {}
    }
    let screen = model.screen();
    let Some(pane) = screen.pane_at(mouse.column, mouse.row) else {
        return Vec::new();
    };
    if model.focus != pane {
        actions::focus(model, pane);
    }
    let height = model.list_height(pane);
    let rect = model.screen().pane(pane);
    let (cursor, len) = model.cursor_mut(pane);
    let moved = match (mouse.kind, rect) {
        (MouseKind::Click, Some(rect)) => {
            let above = rect.y + layout::rows_above_list(pane);
            let line = mouse.row.checked_sub(above).map(usize::from);
            select_line(cursor, len, line, height)
        }
        (MouseKind::Click, None) => false,
        _ => cursor.shift(delta, len, height),
    };
    if moved { follow(model) } else { Vec::new() }
}

fn select_line(cursor: &mut crate::app::panes::cursor::Cursor, len: usize, line: Option<usize>, height: usize) -> bool {
    match line.filter(|l| *l < height).and_then(|l| cursor.row_at(l, len)) {
        Some(row) if row != cursor.selected => {
            cursor.select(row, len, height);
            true
        }
        _ => false,
    }
}
