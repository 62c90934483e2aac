//! The conflict dialog over the form: the record's fields as the agent
//! started, as the agent typed and as stored now.

use crate::app::conflict::Conflict;
use crate::app::layout;
use crate::app::model::Model;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, conflict: &Conflict) {
    let doc = model.conflict_doc(conflict);
    let area = layout::conflict_area(body, doc.lines.len());
    let (_, height) = layout::inner_size(area);
    let top = conflict.scroll.top;
    let title = fill(model.strings.care.conflict_title, &[("record", &conflict.name)]);

    let title = match super::doc::position(model, &doc, top, height) {
        Some(at) => format!("{title}  {at}"),
        None => title,
    };
    let inner = super::modal(model, frame, area, &title);
    super::doc::paint(model, frame, inner, &doc, top);
}
