//! The queue's views bar, one line above its column titles: `Queue 212`
//! then each saved view with its live count, the one shown highlighted.
//! When the entries are wider than the pane, the bar starts further along
//! so the selected one is always in sight.

use super::super::cells::span;
use crate::app::format::grouped;
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::theme::Role;
use crate::domain::text::{sanitize_line, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Between two entries.
const GAP: &str = " │ ";

/// The entries' labels: the queue's, then each view's (`name count`).
pub fn labels(model: &Model) -> Vec<String> {
    let s = model.strings;
    let count = |n: Option<usize>| n.map_or_else(|| s.views.counting.to_string(), |n| grouped(n as u64));
    let open = usize::try_from(model.counts.open).ok().filter(|_| model.loaded);
    std::iter::once(format!("{} {}", s.views.queue, count(open)))
        .chain(model.views.views.iter().map(|(view, n)| {
            let name = sanitize_line(&s.views.name_of(view)).into_owned();
            format!("{name} {}", count(*n))
        }))
        .collect()
}

/// The first entry drawn: the earliest from which the selected one fits.
fn first_shown(widths: &[usize], selected: usize, cols: usize) -> usize {
    let gap = width(GAP);
    let mut first = 0;
    while first < selected {
        let span: usize = widths[first..=selected].iter().map(|w| w + gap).sum();
        if span <= cols {
            break;
        }
        first += 1;
    }
    first
}

/// Whether an entry `whole` columns wide is drawn whole in `room`: one
/// that is not the last must leave a column, or the bar would end flush
/// with the pane and hide that more views follow.
fn fits_whole(whole: usize, room: usize, last: bool) -> bool {
    whole <= room && (last || whole < room)
}

/// Draws the bar on the first line of `area`; returns the rest.
pub fn render(model: &Model, frame: &mut Frame, area: Rect) -> Rect {
    if area.height == 0 {
        return area;
    }
    let theme = &model.theme;
    let labels = labels(model);
    let widths: Vec<usize> = labels.iter().map(|l| width(l)).collect();
    let cols = usize::from(area.width);
    let selected = model.views.selected.min(labels.len() - 1);
    let first = first_shown(&widths, selected, cols);
    let chosen = super::super::selection(model, PaneId::Queue);
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (index, label) in labels.iter().enumerate().skip(first) {
        let lead = if index == first { "" } else { GAP };
        let style = |text: String| {
            if index == selected {
                Span::styled(text, chosen)
            } else {
                span(theme, text, Role::Muted)
            }
        };
        let room = cols.saturating_sub(used);
        let whole = width(lead) + width(label);
        if fits_whole(whole, room, index + 1 == labels.len()) {
            used += whole;
            spans.push(span(theme, lead, Role::Border));
            spans.push(style(label.clone()));
            continue;
        }
        // Cut, gap included, so the bar ends in '…' whenever views are left out.
        spans.push(style(truncate(&format!("{lead}{label}…"), room).into_owned()));
        break;
    }
    frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
    Rect {
        y: area.y + 1,
        height: area.height - 1,
        ..area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_starts_late_enough_to_show_the_selected_entry() {
        // Entries of 10 columns, 3 of gap each: 13 per entry.
        let widths = [10; 6];
        let cases = [(0, 40, 0), (2, 40, 0), (3, 40, 1), (5, 40, 3), (5, 26, 4), (5, 5, 5)];
        for (selected, cols, want) in cases {
            assert_eq!(first_shown(&widths, selected, cols), want, "{selected} in {cols}");
        }
    }

    #[test]
    fn an_entry_flush_with_the_edge_is_whole_only_when_it_is_the_last() {
        let cases = [
            (10, 11, false, true),
            (10, 10, true, true),
            (10, 10, false, false),
            (11, 10, true, false),
        ];
        for (whole, room, last, want) in cases {
            assert_eq!(fits_whole(whole, room, last), want, "{whole} in {room}, last {last}");
        }
    }
}
