//! Painting a sectioned list (`app::sections`): the lines that fit, from
//! the one that keeps the selection in view, each heading, column titles
//! and row painted as the view says; and what an empty list says instead.

use super::cells::{cell, paint_row, span};
use crate::app::model::Model;
use crate::app::sections::{Line as ListLine, first_line};
use crate::app::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What a view paints on each kind of line; the loop is [`paint`].
pub trait Sections<S> {
    /// A section's heading with its count, and its colour.
    fn heading(&self, section: S, count: usize) -> (String, Role);

    /// A section's column titles and their widths. A view with one row of
    /// titles over the whole list makes no `Titles` lines, so none by default.
    fn titles(&self, _section: S) -> (Vec<&'static str>, &[usize]) {
        (Vec::new(), &[])
    }

    /// Row `index`'s cells after `mark` (the selection mark cell, first)
    /// and their widths; `None` for a row that is no longer there.
    fn row(&self, index: usize, mark: Span<'static>) -> Option<(Vec<Vec<Span<'static>>>, &[usize])>;
}

/// The lines of the list that fit in `list`, scrolled so the `selected`
/// row shows; that row marked with `mark` and highlighted.
pub fn paint<S: Copy>(
    model: &Model,
    frame: &mut Frame,
    list: Rect,
    lines: &[ListLine<S>],
    selected: usize,
    mark: &str,
    view: &impl Sections<S>,
) {
    let theme = &model.theme;
    let height = usize::from(list.height);
    let top = first_line(lines, selected, height);
    for (i, line) in lines.iter().skip(top).take(height).enumerate() {
        let at = Rect {
            y: list.y + i as u16,
            height: 1,
            ..list
        };
        match *line {
            ListLine::Heading(section, count) => {
                let (text, role) = view.heading(section, count);
                frame.render_widget(Paragraph::new(Line::from(span(theme, text, role))), at);
            }
            ListLine::Titles(section) => {
                let (titles, w) = view.titles(section);
                let cells: Vec<Vec<Span>> = titles
                    .iter()
                    .zip(w)
                    .map(|(t, w)| vec![span(theme, cell(t, *w), Role::Muted)])
                    .collect();
                paint_row(frame.buffer_mut(), at, cells, w, None);
            }
            ListLine::Row(index) => {
                let chosen = index == selected;
                // Marked in text too, for terminals without colour.
                let mark = span(theme, if chosen { mark } else { "" }, Role::Key);
                let Some((cells, w)) = view.row(index, mark) else {
                    continue;
                };
                let style = chosen.then(|| theme.style(Role::Selected));
                paint_row(frame.buffer_mut(), at, cells, w, style);
            }
        }
    }
}

/// An empty list says why, centred: still loading, unreadable (the
/// footer says why) or really nothing.
pub fn paint_empty(model: &Model, frame: &mut Frame, list: Rect, view: Empty) {
    let text = match (view.loading, view.unreadable) {
        (true, _) => model.strings.loading,
        (false, true) => view.unreadable_text,
        (false, false) => view.none_text,
    };
    let line = Line::from(span(&model.theme, text, Role::Muted)).centered();
    let row = Rect {
        y: list.y + list.height / 2,
        height: 1,
        ..list
    };
    frame.render_widget(Paragraph::new(line), row);
}

/// An empty list's state and the view's words for it.
pub struct Empty {
    pub loading: bool,
    pub unreadable: bool,
    pub unreadable_text: &'static str,
    pub none_text: &'static str,
}
