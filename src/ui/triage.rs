//! The triage screen: the card of the ticket to decide on, full screen.

use crate::app::model::Model;
use crate::app::theme::Role;
use crate::app::triage::Triage;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

pub fn render(model: &Model, frame: &mut Frame, body: Rect, triage: &Triage) {
    let s = model.strings;
    frame.render_widget(Clear, body);
    let (title, doc) = match &triage.card {
        Some(card) => {
            let width = usize::from(body.width.saturating_sub(4));
            (
                crate::app::triage::title(model, card),
                Some(crate::app::triage::triage_doc(model, card, width)),
            )
        }
        None if triage.loading => (s.loading.to_string(), None),
        None => (s.triage.none_left.to_string(), None),
    };
    let inner = super::modal(model, frame, body, &title);
    match doc {
        Some(doc) => super::doc::paint(model, frame, inner, &doc, triage.scroll.top),
        None => frame.render_widget(
            Paragraph::new(Line::from(super::cells::span(&model.theme, &title, Role::Muted))),
            inner,
        ),
    }
}
