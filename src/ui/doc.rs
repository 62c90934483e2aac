//! Paints a document (help, card, ticket page) from its scroll position.

use crate::app::doc::Doc;
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::domain::text::{truncate, width};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Where the shown lines are in a longer document (`1–21 of 93`), for a
/// box's title; nothing when it all fits.
pub fn position(model: &Model, doc: &Doc, top: usize, height: usize) -> Option<String> {
    let total = doc.lines.len();
    if total <= height {
        return None;
    }
    let top = top.min(total - height);
    let (first, last) = ((top + 1).to_string(), (top + height).to_string());
    Some(fill(
        model.strings.scroll_position,
        &[("first", &first), ("last", &last), ("total", &total.to_string())],
    ))
}

pub fn paint(model: &Model, frame: &mut Frame, area: Rect, doc: &Doc, top: usize) {
    let cols = usize::from(area.width);
    let top = top.min(doc.lines.len().saturating_sub(usize::from(area.height)));
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .enumerate()
        .skip(top)
        .take(usize::from(area.height))
        .map(|(number, pieces)| {
            let mut used = 0;
            let mut spans = Vec::new();
            for p in pieces {
                if used >= cols {
                    break;
                }
                let text = truncate(&p.text, cols - used).into_owned();
                used += width(&text);
                spans.push(Span::styled(text, model.theme.style(p.role)));
            }
            // The selected link: drawn like a list's selected row.
            match doc.selected == Some(number) {
                true => Line::from(spans).style(model.theme.style(Role::Selected)),
                false => Line::from(spans),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
