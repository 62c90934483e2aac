//! The triage screen: the card of the ticket to decide on, full screen.

use crate::app::model::Model;
use crate::app::theme::Role;
use crate::app::triage::Triage;
use crate::i18n::fill;
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
        None => {
            let mut lines = vec![Line::from(super::cells::span(&model.theme, &title, Role::Muted))];
            // The run is over: what it did, and what comes next.
            if !triage.loading {
                let run = &model.triage_run;
                let summary = fill(
                    s.triage.run_summary,
                    &[
                        ("decided", &run.decided.to_string()),
                        ("skipped", &run.skipped.to_string()),
                    ],
                );
                lines.push(Line::from(super::cells::span(&model.theme, summary, Role::Text)));
                lines.push(Line::from(super::cells::span(
                    &model.theme,
                    s.triage.run_next,
                    Role::Muted,
                )));
            }
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}
