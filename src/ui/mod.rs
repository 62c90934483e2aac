//! Drawing the model: `render(&Model, &mut Frame)`. One view per pane or
//! modal; views read the model and the theme and never change anything.

mod cells;
mod cols;
mod conflict;
mod dashboard;
mod dashboard_charts;
mod detail;
mod doc;
mod footer;
mod form;
mod header;
mod help;
mod knowledge;
mod macros;
mod outbox;
mod palette;
mod panes;
mod quality;
mod reminders;
mod sections;
mod triage;
mod welcome;

use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::screens::{Layer, Overlay, Screen};
use crate::app::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};

/// The header, then every layer of `model.screens` bottom-up (the same
/// layers keys go to top-down), the footer right over the screen.
pub fn render(model: &Model, frame: &mut Frame) {
    let screen = crate::app::layout::screen(frame.area(), model.focus, model.fold_timeline);
    header::render(model, frame, screen.header);
    for layer in model.screens.layers() {
        draw_layer(model, frame, &screen, layer);
        if let Layer::Screen(_) = layer {
            footer::render(model, frame, screen.footer);
        }
    }
    cells::scrub(frame.buffer_mut());
}

/// One layer: a screen fills the body, an overlay is a box over it.
fn draw_layer(model: &Model, frame: &mut Frame, screen: &crate::app::layout::Screen, layer: Layer) {
    let body = screen.body;
    match layer {
        Layer::Screen(Screen::Main) if model.is_empty_database() => welcome::render(model, frame, body),
        Layer::Screen(Screen::Main) => panes::render(model, frame, screen),
        Layer::Screen(Screen::Triage(triage)) => triage::render(model, frame, body, triage),
        Layer::Screen(Screen::Reminders(view)) => reminders::render(model, frame, body, view),
        Layer::Screen(Screen::Dashboard(view)) => dashboard::render(model, frame, body, view),
        Layer::Screen(Screen::Quality(view)) => quality::render(model, frame, body, view),
        Layer::Screen(Screen::Knowledge(view)) => knowledge::render_screen(model, frame, body, view),
        Layer::Overlay(Overlay::Detail(pages)) => detail::render(model, frame, body, pages.top()),
        Layer::Overlay(Overlay::Help(help)) => help::render(model, frame, body, help),
        Layer::Overlay(Overlay::Palette(palette)) => palette::render(model, frame, body, palette),
        Layer::Overlay(Overlay::Form(form)) => form::render(model, frame, body, form),
        Layer::Overlay(Overlay::Conflict(conflict)) => conflict::render(model, frame, body, conflict),
        Layer::Overlay(Overlay::Macros(picker)) => macros::render(model, frame, body, picker),
        Layer::Overlay(Overlay::KnowledgePick(view)) => knowledge::render_pick(model, frame, body, view),
    }
}

/// A bordered box with a title; the focused one stands out.
fn boxed(model: &Model, title: Vec<Span<'static>>, focused: bool) -> Block<'static> {
    let theme = &model.theme;
    let border = if focused { Role::BorderFocused } else { Role::Border };
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(theme.style(border))
        .title(Line::from(title))
}

/// A modal box: cleared underneath, then framed.
fn modal(model: &Model, frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    // A wide character just left of the box would be drawn over its left
    // border by the terminal: it gives way to a space.
    if area.x > 0 {
        let buffer = frame.buffer_mut();
        for y in area.y..area.bottom() {
            if let Some(cell) = buffer.cell_mut((area.x - 1, y))
                && crate::domain::text::width(cell.symbol()) > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    let title = vec![cells::span(
        &model.theme,
        format!(" {} ", crate::domain::text::sanitize_line(title)),
        Role::Title,
    )];
    let block = boxed(model, title, true).style(model.theme.style(Role::Text));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The style of a selected row, whether its pane has the keyboard or not.
fn selection(model: &Model, pane: PaneId) -> Style {
    let focused = model.focus == pane && model.screens.detail().is_none();
    model.theme.style(if focused {
        Role::Selected
    } else {
        Role::SelectedUnfocused
    })
}
