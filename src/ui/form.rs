//! A modal form: one line per field, its message under it, and at the
//! bottom the form's own message or its keys.

use super::cells::{cell, span};
use crate::app::forms::picker::{Picker, Source};
use crate::app::forms::{Field, FieldKind, Form};
use crate::app::layout;
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::domain::text::{fit, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const LABEL: usize = 16;

/// At most this many lines of a long field show in the form; the rest is
/// counted after the last one (and whole in `$EDITOR`).
const LONG_LINES: usize = 6;

/// Lines of a form, each tagged with the index of its field.
type FieldLines = Vec<(usize, Line<'static>)>;

/// The lines of a form, and the line and column of the text cursor.
fn field_lines(model: &Model, form: &Form, cols: usize) -> (FieldLines, Option<(usize, usize)>) {
    let (s, theme) = (model.strings, &model.theme);
    let value_cols = cols.saturating_sub(LABEL + 2).max(4);
    let mut lines = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let marker = if field.required { s.form_required } else { "" };
        let label = fit(&format!("{}{marker}", s.field(field.key)), LABEL);
        let label_role = if focused { Role::Key } else { Role::Muted };
        let mut spans = vec![span(theme, label, label_role), span(theme, "  ", Role::Text)];
        if field.kind == FieldKind::Long && field.value().contains('\n') {
            let (rows, at) = long_rows(model, field, focused, value_cols);
            if let Some((row, col)) = at {
                cursor = Some((lines.len() + row, LABEL + 2 + col));
            }
            for (n, row) in rows.into_iter().enumerate() {
                let mut line = if n == 0 {
                    std::mem::take(&mut spans)
                } else {
                    vec![span(theme, " ".repeat(LABEL + 2), Role::Text)]
                };
                line.extend(row);
                lines.push((i, Line::from(line)));
            }
        } else {
            let (value, at) = value_spans(model, field, focused, value_cols);
            spans.extend(value);
            if let Some(at) = at {
                cursor = Some((lines.len(), LABEL + 2 + at));
            }
            lines.push((i, Line::from(spans)));
        }
        if let Some(picker) = form.pick_list().filter(|_| focused) {
            let indent = " ".repeat(LABEL + 2);
            for line in picker_lines(model, picker, value_cols) {
                let mut spans = vec![span(theme, indent.clone(), Role::Text)];
                spans.extend(line);
                lines.push((i, Line::from(spans)));
            }
        }
        if let Some(error) = &field.error {
            let text = format!("↳ {}", crate::domain::text::sanitize_line(&error.describe(s)));
            for part in crate::app::doc::wrap(&text, value_cols) {
                let indented = format!("{}{part}", " ".repeat(LABEL + 2));
                lines.push((i, Line::from(span(theme, indented, Role::Error))));
            }
        }
    }
    (lines, cursor)
}

/// The pick list under a field: its matches, the highlighted one marked,
/// then how many more match, or that none does.
fn picker_lines(model: &Model, picker: &Picker, cols: usize) -> Vec<Vec<Span<'static>>> {
    let (s, theme) = (model.strings, &model.theme);
    let mut out = Vec::new();
    for (i, choice) in picker.choices.iter().enumerate() {
        let chosen = i == picker.selected;
        // A customer is known by name, its code beside; the others by value.
        let (main, aside) = match picker.source {
            Source::Customers => (&choice.label, &choice.value),
            _ => (&choice.value, &choice.label),
        };
        let marker = if chosen { "▸ " } else { "  " };
        let main_cols = width(main).min(cols.saturating_sub(2));
        let aside_cols = cols.saturating_sub(2 + main_cols + 2);
        let role = if chosen { Role::Selected } else { Role::Text };
        let mut spans = vec![span(theme, marker, Role::Key), span(theme, cell(main, main_cols), role)];
        if !aside.is_empty() && aside_cols > 0 {
            spans.push(span(theme, "  ", Role::Text));
            spans.push(span(theme, cell(aside, aside_cols), Role::Muted));
        }
        out.push(spans);
    }
    let more = picker.total.saturating_sub(picker.choices.len());
    let note = if more > 0 {
        Some(s.pickers.more.of(more as i64, &[]))
    } else if picker.choices.is_empty() && !picker.search.done && picker.source == Source::Customers {
        Some(s.ellipsis_pending.to_string())
    } else if picker.choices.is_empty() {
        Some(match picker.source {
            Source::Customers => s.pickers.no_customer.to_string(),
            _ => s.pickers.no_agent.to_string(),
        })
    } else {
        None
    };
    if let Some(note) = note {
        out.push(vec![span(theme, cell(&format!("  {note}"), cols), Role::Muted)]);
    }
    out
}

/// A field's value, and where the cursor goes when it is being typed.
fn value_spans(model: &Model, field: &Field, focused: bool, cols: usize) -> (Vec<Span<'static>>, Option<usize>) {
    let (s, theme) = (model.strings, &model.theme);
    let input_role = if focused { Role::Input } else { Role::Text };
    match &field.kind {
        FieldKind::Choice(_) => {
            let label = s.choice(field.key, field.value());
            let text = if focused {
                format!("‹ {label} ›  {}", s.form_choice_hint)
            } else {
                label.to_string()
            };
            (vec![span(theme, cell(&text, cols), input_role)], None)
        }
        FieldKind::Line | FieldKind::Long => {
            let extra_lines = field.value().lines().count().saturating_sub(1);
            let more = if extra_lines > 0 && !focused {
                s.form_more_lines.of(extra_lines as i64, &[])
            } else {
                String::new()
            };
            let room = cols.saturating_sub(width(&more) + usize::from(!more.is_empty()));
            let (mut shown, at) = field.input.window(room);
            // In masked mode a phone or e-mail shows whole only while typed in.
            if model.session.masked && !focused {
                match field.key {
                    "phone" => shown = crate::app::format::phone(field.value(), true),
                    "email" => shown = crate::app::format::email(field.value(), true),
                    _ => {}
                }
            }
            let mut spans = vec![span(theme, fit(&shown, room), input_role)];
            if !more.is_empty() {
                spans.push(span(theme, format!(" {more}"), Role::Muted));
            }
            (spans, focused.then_some(at))
        }
    }
}

/// A long text of several lines, one under the other (what `$EDITOR` wrote
/// keeps its lines): at most [`LONG_LINES`] of them, around the cursor when
/// the field is being typed in, the number of the others after the last.
/// Returns the rows and the cursor's row and column among them.
fn long_rows(
    model: &Model,
    field: &Field,
    focused: bool,
    cols: usize,
) -> (Vec<Vec<Span<'static>>>, Option<(usize, usize)>) {
    let (s, theme) = (model.strings, &model.theme);
    let role = if focused { Role::Input } else { Role::Text };
    let all: Vec<&str> = field.value().split('\n').collect();
    let (cursor_index, cursor_line) = field.input.cursor_line();
    let start = if focused {
        (cursor_index + 1).saturating_sub(LONG_LINES)
    } else {
        0
    };
    let end = (start + LONG_LINES).min(all.len());
    let hidden = all.len() - (end - start);
    let mut rows = Vec::new();
    let mut cursor = None;
    for (index, line) in all.iter().enumerate().take(end).skip(start) {
        let more = if index + 1 == end && hidden > 0 {
            s.form_more_lines.of(hidden as i64, &[])
        } else {
            String::new()
        };
        let room = cols.saturating_sub(width(&more) + usize::from(!more.is_empty()));
        let shown = if focused && index == cursor_index {
            let (shown, at) = cursor_line.window(room);
            cursor = Some((index - start, at));
            shown
        } else {
            crate::domain::text::sanitize_line(line).into_owned()
        };
        let mut row = vec![span(theme, fit(&shown, room), role)];
        if !more.is_empty() {
            row.push(span(theme, format!(" {more}"), Role::Muted));
        }
        rows.push(row);
    }
    (rows, cursor)
}

pub fn render(model: &Model, frame: &mut Frame, body: Rect, form: &Form) {
    let probe = layout::form_area(body, 0);
    let cols = usize::from(probe.width.saturating_sub(4));
    let (lines, cursor) = field_lines(model, form, cols);
    // The form's message is shown whole, wrapped under the fields: a failed
    // save's reason is what the user needs to read before trying again.
    let message: Vec<String> = form
        .message
        .as_deref()
        .map(|text| crate::app::doc::wrap(&crate::domain::text::sanitize_line(text), cols))
        .unwrap_or_default();
    let extra = message.len().saturating_sub(1);
    let area = layout::form_area(body, u16::try_from(lines.len() + extra).unwrap_or(u16::MAX));
    let inner = super::modal(model, frame, area, &form.title);
    if inner.height < 2 {
        return;
    }
    // Room for the fields; the lines under them are for the form's message
    // (its keys are in the footer), at least one, and one field line kept.
    let message_rows = u16::try_from(message.len().max(1))
        .unwrap_or(u16::MAX)
        .min(inner.height - 1);
    let room = usize::from(inner.height - message_rows);
    let focus_line = lines.iter().position(|(i, _)| *i == form.focus).unwrap_or(0);
    let last_focus_line = lines.iter().rposition(|(i, _)| *i == form.focus).unwrap_or(0);
    let start = (last_focus_line + 1).saturating_sub(room).min(focus_line);
    let shown: Vec<Line> = lines.into_iter().skip(start).take(room).map(|(_, l)| l).collect();
    frame.render_widget(
        Paragraph::new(shown),
        Rect {
            height: inner.height - message_rows,
            ..inner
        },
    );
    if let Some((line, col)) = cursor
        && line >= start
        && line < start + room
    {
        frame.set_cursor_position((inner.x + col as u16, inner.y + (line - start) as u16));
    }
    let bottom = Rect {
        y: inner.bottom() - message_rows,
        height: message_rows,
        ..inner
    };
    let text: Vec<Line> = message
        .into_iter()
        .map(|part| Line::from(span(&model.theme, cell(&part, usize::from(inner.width)), Role::Error)))
        .collect();
    frame.render_widget(Paragraph::new(text), bottom);
}
