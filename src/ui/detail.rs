//! The customer card and the ticket page over the panes.

use crate::app::layout;
use crate::app::model::{Detail, Model};
use crate::app::theme::Role;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, detail: &Detail) {
    let s = model.strings;
    let area = layout::detail_area(body);
    let (title, top) = match detail {
        Detail::Card { card, scroll, .. } => (
            card.as_ref().map_or(s.loading.to_string(), |c| {
                fill(s.card_title, &[("code", &c.customer.code), ("name", &c.customer.name)])
            }),
            scroll.top,
        ),
        Detail::Ticket { detail, scroll, .. } => (
            detail.as_ref().map_or(s.loading.to_string(), |d| {
                fill(
                    s.ticket_title,
                    &[
                        ("ticket", &d.view.ticket.id.to_string()),
                        ("subject", &d.view.ticket.subject),
                    ],
                )
            }),
            scroll.top,
        ),
    };
    let doc = model.detail_doc();
    let (_, height) = layout::inner_size(area);
    let mut title = match doc.as_ref().and_then(|d| super::doc::position(model, d, top, height)) {
        Some(at) => format!("{title}  {at}"),
        None => title,
    };
    if let Some(back) = crate::app::navigation::back_hint(model) {
        title = format!("{title}  ·  {back}");
    }
    let inner = super::modal(model, frame, area, &title);
    match doc {
        Some(doc) => super::doc::paint(model, frame, inner, &doc, top),
        None => frame.render_widget(
            Paragraph::new(Line::from(super::cells::span(&model.theme, s.loading, Role::Muted))),
            inner,
        ),
    }
}
