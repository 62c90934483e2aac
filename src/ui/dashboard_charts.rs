//! The dashboard's charts, drawn with ratatui's widgets: tickets opened and resolved per
//! week as grouped bars, first-response compliance per week as a line over 0–100 %, and the
//! month's surveys by mean score as horizontal bars. Each says in its title what it shows,
//! so it reads without colour too.

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

/// Opened (left) and resolved (right) bars for each week, the week's Monday below.
pub fn tickets_per_week(model: &Model, frame: &mut Frame, area: Rect, figures: &Dashboard) {
    let (s, theme) = (model.strings, &model.theme);
    let block = chart_box(model, s.dashboard.tickets_per_week.to_string());
    let inner = block.inner(area);
    let weeks = figures.weeks.len().max(1) as u16;
    // Each week: two bars and a gap.
    let per_week = inner.width / weeks;
    let bar_width = (per_week.saturating_sub(1) / 2).max(1);
    let label_cols = usize::from(bar_width * 2);
    let groups: Vec<BarGroup> = figures
        .weeks
        .iter()
        .map(|w| {
            let date = week_label(w.start, model.session.timezone);
            // `10-05`, or just the day where a week is narrow.
            let label = if label_cols >= crate::domain::text::width(&date) {
                date
            } else {
                date.rsplit('-').next().unwrap_or_default().to_string()
            };
            BarGroup::default().label(Line::from(label)).bars(&[
                Bar::default()
                    .value(w.opened)
                    .style(theme.style(Role::Inbound))
                    .value_style(theme.style(Role::Inbound).reversed()),
                Bar::default()
                    .value(w.resolved)
                    .style(theme.style(Role::Outbound))
                    .value_style(theme.style(Role::Outbound).reversed()),
            ])
        })
        .collect();
    let mut chart = BarChart::default()
        .block(block)
        .bar_width(bar_width)
        .bar_gap(0)
        .group_gap(1);
    for group in groups {
        chart = chart.data(group);
    }
    frame.render_widget(chart, area);
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
