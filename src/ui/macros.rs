//! The macro picker: a filter prompt, the macros with what each does, the
//! selected one's reply, and the picker's keys.

use super::cells::{cell, highlighted, span};
use crate::app::layout;
use crate::app::macros::{FOOT_LINES, MacroPicker};
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::domain::text::width;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// The palette's box, wider on a wide terminal: what a macro does is the
/// point of the list, and it is cut less.
fn area(body: Rect) -> Rect {
    let palette = layout::palette_area(body);
    let wide = layout::centered(
        body,
        body.width.saturating_sub(8).clamp(palette.width, 110),
        palette.height,
    );
    Rect { y: palette.y, ..wide }
}

pub fn render(model: &Model, frame: &mut Frame, body: Rect, picker: &MacroPicker) {
    let (s, theme) = (model.strings, &model.theme);
    let title = fill(s.macros.picker_title, &[("id", &picker.ticket.to_string())]);
    let inner = super::modal(model, frame, area(body), &title);
    if inner.height == 0 {
        return;
    }
    let cols = usize::from(inner.width);
    let prompt = s.macros.picker_filter;
    let prompt_width = width(prompt);
    let (shown, cursor) = picker.list.filter.window(cols.saturating_sub(prompt_width + 1));
    let mut lines = vec![Line::from(vec![
        span(theme, prompt, Role::Key),
        span(theme, shown, Role::Text),
    ])];
    frame.set_cursor_position((inner.x + (prompt_width + cursor) as u16, inner.y));
    let list = &picker.list;
    let empty = if picker.loading {
        Some(s.background.reading)
    } else if list.rows().is_empty() {
        Some(s.macros.picker_empty)
    } else if list.is_empty() {
        Some(s.macros.picker_no_match)
    } else {
        None
    };
    if let Some(text) = empty {
        lines.push(Line::from(span(theme, text, Role::Muted)));
    }
    let rows = usize::from(inner.height.saturating_sub(1 + FOOT_LINES));
    // Names get a third of the line (at least what "name" needs to read),
    // what the macro does the rest.
    let name_cols = (cols / 3).clamp(8, 28);
    for index in list.cursor.offset..(list.cursor.offset + rows).min(list.len()) {
        let Some((row, hits)) = list.get(index) else { break };
        let mut spans = highlighted(
            &row.item.name,
            hits,
            name_cols,
            theme.style(Role::Text),
            theme.style(Role::Match),
        );
        spans.push(span(theme, "  ", Role::Text));
        spans.push(span(
            theme,
            cell(&row.does, cols.saturating_sub(name_cols + 2)),
            Role::Muted,
        ));
        let line = Line::from(spans);
        lines.push(if index == list.cursor.selected {
            line.style(theme.style(Role::Selected))
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    // The foot stays at the bottom of the box however short the list.
    let foot_y = inner.bottom().saturating_sub(FOOT_LINES);
    if foot_y <= inner.y {
        return;
    }
    let reply = picker
        .selected()
        .and_then(|m| m.reply.lines().find(|l| !l.trim().is_empty()))
        .map(|first| {
            Line::from(vec![
                span(theme, s.macros.picker_reply, Role::Key),
                span(
                    theme,
                    cell(first, cols.saturating_sub(width(s.macros.picker_reply))),
                    Role::Text,
                ),
            ])
        })
        .unwrap_or_default();
    let keys = Line::from(span(theme, cell(s.macros.picker_keys, cols), Role::Muted));
    let foot = Rect {
        y: foot_y,
        height: FOOT_LINES,
        ..inner
    };
    frame.render_widget(Paragraph::new(vec![reply, keys]), foot);
}
