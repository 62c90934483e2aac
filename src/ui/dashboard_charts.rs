//! The dashboard's charts: tickets opened and resolved per week as grouped bars (drawn
//! here, so the two bars differ in shape as well as colour), first-response compliance per
//! week as a line over 0–100 %, and the month's surveys by mean score as horizontal bars
//! (ratatui's widgets). Each says in its title or legend what it shows, so it reads without
//! colour too.

use super::cells::span;
use crate::app::dashboard::week_label;
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::service::dashboard::Dashboard;
use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Chart, Dataset, GraphType};

/// The framed box of a chart, its title saying what is shown.
fn chart_box(model: &Model, title: String) -> Block<'static> {
    super::boxed(
        model,
        vec![span(&model.theme, format!(" {title} "), Role::Title)],
        false,
    )
}

/// The two bars of a week are told apart by their shape, not only their
/// colour, so they read the same under `NO_COLOR`; the legend names them.
const OPENED_BAR: &str = "█";
const RESOLVED_BAR: &str = "▒";
/// Columns of a week's label, `10-05`, and the least a week needs: two
/// bars and a gap.
const LABEL_COLS: usize = 5;
const WEEK_MIN_COLS: usize = 3;

/// Opened (solid, left) and resolved (hatched, right) bars for each week,
/// the count above each bar where it fits, the legend on top and the
/// week's Monday below — as many labels as fit without touching, counted
/// back from the latest week. Weeks that do not fit are the oldest left out.
pub fn tickets_per_week(model: &Model, frame: &mut Frame, area: Rect, figures: &Dashboard) {
    let (s, theme) = (model.strings, &model.theme);
    let block = chart_box(model, s.dashboard.tickets_per_week.to_string());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    // A legend line, a row of bars with its count, and a label line.
    if inner.height < 4 || inner.width == 0 {
        return;
    }
    let buf = frame.buffer_mut();
    let legend = Line::from(vec![
        span(theme, format!("{OPENED_BAR} {}", s.dashboard.opened), Role::Inbound),
        span(theme, "  ", Role::Muted),
        span(
            theme,
            format!("{RESOLVED_BAR} {}", s.dashboard.resolved),
            Role::Outbound,
        ),
    ]);
    buf.set_line(inner.x, inner.y, &legend, inner.width);
    let cols = usize::from(inner.width);
    let shown = figures.weeks.len().min(cols / WEEK_MIN_COLS);
    if shown == 0 {
        return;
    }
    let weeks = &figures.weeks[figures.weeks.len() - shown..];
    let per_week = cols / shown;
    let bar_cols = (per_week - 1) / 2;
    // Rows for bars under one row kept for the count above the tallest.
    let rows = usize::from(inner.height) - 3;
    let top = weeks.iter().map(|w| w.opened.max(w.resolved)).max().unwrap_or(0).max(1);
    let base_y = inner.bottom() - 2;
    let tz = model.session.timezone;
    let step = (LABEL_COLS + 1).div_ceil(per_week);
    for (i, w) in weeks.iter().enumerate() {
        let x = usize::from(inner.x) + i * per_week;
        let bars = [
            (w.opened, OPENED_BAR, Role::Inbound),
            (w.resolved, RESOLVED_BAR, Role::Outbound),
        ];
        // A week with any ticket shows at least one cell.
        let heights =
            bars.map(|(value, ..)| usize::try_from(value.saturating_mul(rows as u64).div_ceil(top)).unwrap_or(rows));
        let counts = bars.map(|(value, ..)| value.to_string());
        let count_at = count_rows(
            [(heights[0], counts[0].len()), (heights[1], counts[1].len())],
            bar_cols,
            rows,
        );
        for (j, (_, symbol, role)) in bars.into_iter().enumerate() {
            let bar_x = x + j * bar_cols;
            for row in 0..heights[j] {
                let y = usize::from(base_y) - row;
                buf.set_string(at(bar_x), at(y), symbol.repeat(bar_cols), theme.style(role));
            }
            if let Some(row) = count_at[j] {
                let y = usize::from(base_y) - row;
                buf.set_string(at(bar_x), at(y), &counts[j], theme.style(Role::Text));
            }
        }
        if (weeks.len() - 1 - i).is_multiple_of(step) && x + LABEL_COLS <= usize::from(inner.right()) {
            let label = week_label(w.start, tz);
            buf.set_string(at(x), inner.bottom() - 1, label, theme.style(Role::Muted));
        }
    }
}

/// The row (up from the base row, 0 = on it) where each count of a week's
/// two bars goes, given each bar's height and its count's width; `None`
/// when it is wider than its bar. A count sits just above its bar. The
/// two bars touch, so when the opened count fills its bar and the resolved
/// count is on the same row they would read as one number ("18" and "14"
/// as "1814"): the opened count then goes one row higher, or, at the top
/// row (`rows`), the resolved count one row lower, over its bar's top.
fn count_rows(bars: [(usize, usize); 2], bar_cols: usize, rows: usize) -> [Option<usize>; 2] {
    let fits = |(height, width): (usize, usize)| (width <= bar_cols).then_some(height);
    let (opened, resolved) = (fits(bars[0]), fits(bars[1]));
    match (opened, resolved) {
        (Some(row), Some(same)) if row == same && bars[0].1 == bar_cols => {
            if row < rows {
                [Some(row + 1), Some(row)]
            } else if row > 0 {
                [Some(row), Some(row - 1)]
            } else {
                [Some(row), None]
            }
        }
        _ => [opened, resolved],
    }
}

/// A place inside the chart, already bounded by its area.
fn at(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The share of first responses on time per week, 0–100 %; weeks without any are left out.
pub fn first_response(model: &Model, frame: &mut Frame, area: Rect, figures: &Dashboard) {
    let (s, theme) = (model.strings, &model.theme);
    let block = chart_box(model, s.dashboard.first_response.to_string());
    let points: Vec<(f64, f64)> = figures
        .weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| w.first_response.rate().map(|r| (i as f64, r * 100.0)))
        .collect();
    let last = figures.weeks.len().saturating_sub(1) as f64;
    let tz = model.session.timezone;
    let x_labels: Vec<Line> = [figures.weeks.first(), figures.weeks.last()]
        .into_iter()
        .flatten()
        .map(|w| Line::from(week_label(w.start, tz)))
        .collect();
    let dataset = Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(theme.style(Role::Running))
        .data(&points);
    let chart = Chart::new(vec![dataset])
        .block(block)
        .x_axis(
            Axis::default()
                .bounds([0.0, last.max(1.0)])
                .labels(x_labels)
                .style(theme.style(Role::Muted)),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 100.0])
                .labels(["0%", "50%", "100%"])
                .style(theme.style(Role::Muted)),
        );
    frame.render_widget(chart, area);
}

/// The month's surveys by rounded mean score (1–5), 5 on top.
pub fn distribution(model: &Model, frame: &mut Frame, area: Rect, counts: &[u64; 5]) {
    let (s, theme) = (model.strings, &model.theme);
    let total: u64 = counts.iter().sum();
    let title = s
        .dashboard
        .distribution
        .of(i64::try_from(total).unwrap_or(i64::MAX), &[]);

    let block = chart_box(model, title);
    let bars: Vec<Bar> = (1..=5)
        .rev()
        .map(|score| {
            let n = counts[score - 1];
            Bar::default()
                .value(n)
                .label(Line::from(score.to_string()))
                .text_value(n.to_string())
                .style(theme.style(Role::Key))
                .value_style(theme.style(Role::Text))
        })
        .collect();
    let chart = BarChart::default()
        .block(block)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .data(BarGroup::default().bars(&bars));
    frame.render_widget(chart, area);
}

#[cfg(test)]
mod tests {
    use super::count_rows;

    /// Counts never touch: a two-digit opened count beside a resolved
    /// count on the same row moves up a row; at the top the resolved one
    /// moves down instead.
    #[test]
    fn the_counts_of_a_week_never_run_together() {
        // (opened (height, width), resolved (height, width), bar cols, rows) → rows
        let cases = [
            ((3, 2), (3, 2), 2, 4, [Some(4), Some(3)]),
            ((4, 2), (4, 2), 2, 4, [Some(4), Some(3)]),
            ((0, 2), (0, 1), 2, 0, [Some(0), None]),
            ((3, 1), (3, 1), 2, 4, [Some(3), Some(3)]),
            ((3, 2), (2, 2), 2, 4, [Some(3), Some(2)]),
            ((3, 2), (3, 3), 2, 4, [Some(3), None]),
            ((3, 3), (1, 1), 2, 4, [None, Some(1)]),
            ((2, 2), (2, 2), 3, 4, [Some(2), Some(2)]),
            ((0, 1), (0, 1), 1, 4, [Some(1), Some(0)]),
        ];
        for (opened, resolved, bar_cols, rows, want) in cases {
            assert_eq!(
                count_rows([opened, resolved], bar_cols, rows),
                want,
                "{opened:?} {resolved:?} in {bar_cols} cols"
            );
        }
    }
}
