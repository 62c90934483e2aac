//! The command palette: a prompt, and the matching actions with their keys.

use super::cells::{cell_right, highlighted, span};
use crate::app::layout;
use crate::app::model::Model;
use crate::app::palette::Palette;
use crate::app::theme::Role;
use crate::domain::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, palette: &Palette) {
    let (s, theme) = (model.strings, &model.theme);
    let inner = super::modal(model, frame, layout::palette_area(body), s.palette_title);
    if inner.height == 0 {
        return;
    }
    let cols = usize::from(inner.width);
    let prompt_width = width(s.palette_prompt);
    let (shown, cursor) = palette.list.filter.window(cols.saturating_sub(prompt_width + 1));
    let mut lines = vec![Line::from(vec![
        span(theme, s.palette_prompt, Role::Key),
        span(theme, shown, Role::Text),
    ])];
    frame.set_cursor_position((inner.x + (prompt_width + cursor) as u16, inner.y));
    let list = &palette.list;
    if list.is_empty() {
        lines.push(Line::from(span(theme, s.palette_empty, Role::Muted)));
    }
    let height = usize::from(inner.height.saturating_sub(1));
    for index in list.cursor.offset..(list.cursor.offset + height).min(list.len()) {
        let Some((item, hits)) = list.get(index) else { break };
        let key_width = 10.min(cols / 3);
        let mut spans = highlighted(
            &item.label,
            hits,
            cols.saturating_sub(key_width + 1),
            theme.style(Role::Text),
            theme.style(Role::Match),
        );
        spans.push(span(theme, " ", Role::Text));
        spans.push(span(theme, cell_right(&item.keys, key_width), Role::Key));
        let line = Line::from(spans);
        lines.push(if index == list.cursor.selected {
            line.style(theme.style(Role::Selected))
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
