//! Paints a document (help, card, ticket page) from its scroll position.

use crate::app::doc::Doc;
use crate::app::model::Model;
use crate::domain::text::{truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn paint(model: &Model, frame: &mut Frame, area: Rect, doc: &Doc, top: usize) {
    let cols = usize::from(area.width);
    let top = top.min(doc.lines.len().saturating_sub(usize::from(area.height)));
    let lines: Vec<Line> = doc
        .lines
        .iter()
        .skip(top)
        .take(usize::from(area.height))
        .map(|pieces| {
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
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
