//! The help overlay: the keymap in force, context by context.

use crate::app::layout;
use crate::app::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn render(model: &Model, frame: &mut Frame, body: Rect) {
    let Some(help) = &model.help else { return };
    let inner = super::modal(model, frame, layout::help_area(body), model.strings.help_title);
    super::doc::paint(model, frame, inner, &model.help_doc(), help.scroll.top);
}
