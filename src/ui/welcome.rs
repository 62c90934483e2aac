//! What an empty database shows: how to add the first customer or load
//! sample data, with the keys of the keymap in force.

use super::cells::span;
use crate::app::action::Action;
use crate::app::help::keys_label;
use crate::app::layout;
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, body: Rect) {
    let s = model.strings;
    let chain = model.chain_below_overlays();
    let key = |action: Action| {
        model
            .keymap
            .binding_for(&chain, action)
            .map_or(String::from(s.dash), |b| keys_label(&b.keys, s))
    };
    let (new, palette, help) = (key(Action::New), key(Action::Palette), key(Action::Help));
    let args = [
        ("new", new.as_str()),
        ("palette", palette.as_str()),
        ("demo", s.action(Action::Demo.name())),
        ("help", help.as_str()),
    ];
    let lines: Vec<Line> = s
        .welcome_lines
        .iter()
        .map(|l| Line::from(span(&model.theme, fill(l, &args), Role::Text)))
        .collect();
    let width = lines.iter().map(Line::width).max().unwrap_or(0) + 6;
    let area = layout::centered(body, u16::try_from(width).unwrap_or(u16::MAX), lines.len() as u16 + 4);
    let inner = super::modal(model, frame, area, s.welcome_title);
    let inner = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), inner);
}
