//! The three panes and the bar of a folded one.

mod customers;
mod queue;
mod timeline;
mod views_bar;

use super::cells::{cell, cell_right, span};
use crate::app::action::Action;
use crate::app::help::keys_label;
use crate::app::input::TextInput;
use crate::app::keymap::Context;
use crate::app::layout::Screen;
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::panes::filtered::{Filtered, Row};
use crate::app::theme::Role;
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, screen: &Screen) {
    customers::render(model, frame, screen.customers);
    if let Some(area) = screen.queue {
        queue::render(model, frame, area);
    }
    if let Some(area) = screen.timeline {
        timeline::render(model, frame, area);
    }
    if let Some((bar, pane)) = screen.folded {
        folded_bar(model, frame, bar, pane);
    }
}

/// The key that focuses a pane (`1`, `2`, `3` by default).
fn focus_key(model: &Model, pane: PaneId) -> String {
    let action = match pane {
        PaneId::Customers => Action::FocusCustomers,
        PaneId::Queue => Action::FocusQueue,
        PaneId::Timeline => Action::FocusTimeline,
    };
    model
        .keymap
        .binding_for(&[Context::Global], action)
        .map(|b| keys_label(&b.keys, model.strings))
        .unwrap_or_default()
}

fn pane_name(model: &Model, pane: PaneId) -> &'static str {
    let s = model.strings;
    match pane {
        PaneId::Customers => s.pane_customers,
        PaneId::Queue => s.pane_queue,
        PaneId::Timeline => s.pane_timeline,
    }
}

/// A pane's frame: `1 Customers 12/200` in the title, and the filter `/zs`
/// (with the cursor, while it is typed) on the bottom border. Returns the
/// inner area.
fn frame_pane(
    model: &Model,
    frame: &mut Frame,
    area: Rect,
    pane: PaneId,
    count: String,
    filter: Option<(&TextInput, bool)>,
) -> Rect {
    let theme = &model.theme;
    let focused = model.focus == pane && model.screens.detail().is_none();
    let key = focus_key(model, pane);
    let name_role = if focused { Role::BorderFocused } else { Role::Title };
    let title: Vec<Span<'static>> = vec![
        span(theme, format!(" {key} "), Role::Key),
        span(theme, format!("{} ", pane_name(model, pane)), name_role),
        span(theme, format!("{count} "), Role::Muted),
    ];
    let mut block = super::boxed(model, Vec::new(), focused);
    let inner = block.inner(area);
    // The filter sits on the bottom border, where it has the pane's whole
    // width even when the pane is narrow.
    if let Some((input, editing)) = filter.filter(|(input, editing)| *editing || !input.is_empty()) {
        let room = usize::from(inner.width).saturating_sub(3);
        let (shown, cursor) = input.window(room.max(1));
        block = block.title_bottom(Line::from(vec![
            span(theme, " /", Role::Key),
            span(theme, format!("{shown} "), Role::Match),
        ]));
        if editing && focused {
            let x = usize::from(inner.x) + 1 + cursor;
            let y = area.bottom().saturating_sub(1);
            frame.set_cursor_position((u16::try_from(x).unwrap_or(u16::MAX), y));
        }
    }
    frame.render_widget(block.title(Line::from(title)), area);
    inner
}

/// The frame of a filtered table: `12/200` matches (`12…/200` while a
/// search is under way) and the filter in the title; returns the inside.
fn table_frame<T: Row>(
    model: &Model,
    frame: &mut Frame,
    area: Rect,
    pane: PaneId,
    list: &Filtered<T>,
    searching: bool,
) -> Rect {
    let count = table_count(model, list, searching);
    frame_pane(model, frame, area, pane, count, Some((&list.filter, list.editing)))
}

/// A table's count for its title: `12` or, filtered, `3/12`.
fn table_count<T: Row>(model: &Model, list: &Filtered<T>, searching: bool) -> String {
    let pending = if searching { model.strings.ellipsis_pending } else { "" };
    let count = |n: usize| crate::app::format::grouped(n as u64);
    if list.is_filtered() {
        format!("{}{pending}/{}", count(list.len()), count(list.rows().len()))
    } else {
        count(list.rows().len())
    }
}

/// Column titles above a table, without the columns given up; those for
/// which `right` holds are right-aligned like their numbers.
fn header_line(model: &Model, titles: &[&str], widths: &[usize], right: impl Fn(usize) -> bool) -> Line<'static> {
    let cells: Vec<String> = titles
        .iter()
        .zip(widths)
        .enumerate()
        .filter(|(_, (_, w))| **w > 0)
        .map(|(i, (t, w))| if right(i) { cell_right(t, *w) } else { cell(t, *w) })
        .collect();
    Line::from(span(&model.theme, cells.join(" "), Role::Muted))
}

/// A centred line of muted text for an empty list.
fn empty(model: &Model, frame: &mut Frame, area: Rect, text: &str) {
    if area.height == 0 {
        return;
    }
    let line = Line::from(span(&model.theme, text.to_string(), Role::Muted)).centered();
    let row = Rect {
        y: area.y + area.height / 2,
        height: 1,
        ..area
    };
    frame.render_widget(Paragraph::new(line), row);
}

fn folded_bar(model: &Model, frame: &mut Frame, area: Rect, pane: PaneId) {
    let s = model.strings;
    let who = match pane {
        PaneId::Timeline => model
            .timeline
            .customer
            .as_ref()
            .map_or(String::new(), |(_, name)| name.clone()),
        _ => format!("{}", model.queue.list.len()),
    };
    let text = fill(
        s.pane_folded,
        &[
            ("pane", pane_name(model, pane)),
            ("what", &who),
            ("key", &focus_key(model, pane)),
        ],
    );
    let line = Line::from(vec![
        span(&model.theme, "▸ ", Role::Key),
        span(
            &model.theme,
            super::cells::cell(&text, usize::from(area.width).saturating_sub(2)),
            Role::Muted,
        ),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
