//! The help overlay: the keymap in force, context by context.

use crate::app::layout;
use crate::app::model::{Help, Model};
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, help: &Help) {
    let area = layout::help_area(body);
    let doc = model.help_doc();
    let (_, height) = layout::inner_size(area);
    let title = match super::doc::position(model, &doc, help.scroll.top, height) {
        Some(at) => format!("{}  {at}", model.strings.help_title),
        None => model.strings.help_title.to_string(),
    };
    let inner = super::modal(model, frame, area, &title);
    super::doc::paint(model, frame, inner, &doc, help.scroll.top);
}
