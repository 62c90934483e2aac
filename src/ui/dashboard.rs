//! The dashboard screen: KPI tiles, the weekly charts, the satisfaction distribution and
//! the customers at risk. Wide screens get bordered tiles in two rows of five; smaller ones
//! a compact list of tiles with the rest below; what does not fit is cut, never overlapped.

use super::cells::span;
use super::dashboard_charts;
use crate::app::dashboard::{DashboardScreen, reason};
use crate::app::model::Model;
use crate::app::theme::Role;
use crate::app::tiles::{Tile, change_role, tile};
use crate::domain::text::{fit, sanitize_line, truncate};
use crate::i18n::fill;
use crate::service::dashboard::Dashboard;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// From this size, the roomy arrangement.
const WIDE_COLS: u16 = 100;
const TALL_ROWS: u16 = 30;
/// Tiles per row in the roomy arrangement, and their height with borders.
const TILES_PER_ROW: usize = 5;
const TILE_ROWS: u16 = 5;
/// The compact tile line: value and change columns. A longer value (`12 tickets`) takes
/// its room from its own label's, so the values still end in one column.
const VALUE_COLS: usize = 8;
const CHANGE_COLS: usize = 10;
/// Columns of a customer's name in the at-risk list.
const NAME_COLS: usize = 14;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, screen: &DashboardScreen) {
    let inner = super::modal(model, frame, body, &title(model, screen));
    if inner.is_empty() {
        return;
    }
    let waiting = match (screen.figures(), &screen.error) {
        (Some(figures), _) => return paint(model, frame, inner, figures, screen.at_risk_selected),
        (None, Some(error)) if !screen.loading => span(&model.theme, sanitize_line(error).into_owned(), Role::Error),
        (None, _) => span(&model.theme, model.strings.loading, Role::Muted),
    };
    frame.render_widget(Paragraph::new(Line::from(waiting)), inner);
}

/// `Dashboard 2026-10 (vs 2026-09)  ·  as of 17:30`, and a note while figures are read.
fn title(model: &Model, screen: &DashboardScreen) -> String {
    let s = model.strings;
    let mut title = fill(
        s.dashboard.title,
        &[
            ("month", &screen.month.to_string()),
            ("previous", &screen.month.previous().to_string()),
        ],
    );
    if let Some(figures) = screen.figures() {
        let at = figures.as_of.with_timezone(&model.session.timezone).format("%H:%M");
        title.push_str("  ·  ");
        title.push_str(&fill(s.dashboard.as_of, &[("time", &at.to_string())]));
    }
    if screen.loading && screen.figures().is_some() {
        title.push_str("  ·  ");
        title.push_str(s.loading);
    }
    title
}

fn paint(model: &Model, frame: &mut Frame, area: Rect, figures: &Dashboard, selected: usize) {
    let tiles: Vec<(crate::domain::kpi::Kpi, Tile)> = figures
        .report
        .kpis
        .iter()
        .map(|v| (v.kpi, tile(v, model.strings)))
        .collect();
    let roomy = area.width >= WIDE_COLS && area.height >= TALL_ROWS;
    let tile_rows = if roomy {
        TILE_ROWS * tiles.len().div_ceil(TILES_PER_ROW) as u16
    } else {
        tiles.len().div_ceil(compact_columns(area.width)) as u16
    };
    let [top, charts, bottom] =
        Layout::vertical([Constraint::Length(tile_rows), Constraint::Fill(1), Constraint::Fill(1)]).areas(area);
    if roomy {
        boxed_tiles(model, frame, top, &tiles);
    } else {
        compact_tiles(model, frame, top, &tiles);
    }
    // Side by side where there is room for both, otherwise one above the other.
    let split = |area: Rect, left: u16| {
        let [a, b] = if area.width >= 60 {
            Layout::horizontal([Constraint::Percentage(left), Constraint::Fill(1)]).areas(area)
        } else {
            Layout::vertical([Constraint::Fill(1), Constraint::Fill(1)]).areas(area)
        };
        (a, b)
    };
    let (bars, line) = split(charts, 55);
    dashboard_charts::tickets_per_week(model, frame, bars, figures);
    dashboard_charts::first_response(model, frame, line, figures);
    let (distribution, risk) = split(bottom, 35);
    dashboard_charts::distribution(model, frame, distribution, &figures.report.distribution);
    at_risk(model, frame, risk, figures, selected);
}

/// Two tile columns from 76 columns, one below.
fn compact_columns(cols: u16) -> usize {
    if cols >= 76 { 2 } else { 1 }
}

/// Bordered tiles: the label as the title, then the value, the change and last month's value.
fn boxed_tiles(model: &Model, frame: &mut Frame, area: Rect, tiles: &[(crate::domain::kpi::Kpi, Tile)]) {
    let theme = &model.theme;
    let rows = Layout::vertical(vec![Constraint::Length(TILE_ROWS); tiles.len().div_ceil(TILES_PER_ROW)]).split(area);
    for (row, chunk) in rows.iter().zip(tiles.chunks(TILES_PER_ROW)) {
        let cells = Layout::horizontal(vec![Constraint::Fill(1); TILES_PER_ROW]).split(*row);
        for (cell, (kpi, t)) in cells.iter().zip(chunk) {
            let cols = usize::from(cell.width.saturating_sub(4));
            let block = super::boxed(
                model,
                vec![span(theme, format!(" {} ", fit_trim(t.label, cols)), Role::Title)],
                false,
            );
            let inner = block.inner(*cell);
            frame.render_widget(block, *cell);
            let inner = Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(1),
                ..inner
            };
            let previous = fill(model.strings.dashboard.previous, &[("value", &t.previous)]);

            let lines = vec![
                Line::from(span(theme, fit_trim(&t.value, cols), Role::Title)),
                Line::from(span(theme, fit_trim(&t.change, cols), change_role(*kpi, t.trend))),
                Line::from(span(theme, fit_trim(&previous, cols), Role::Muted)),
            ];
            frame.render_widget(Paragraph::new(lines), inner);
        }
    }
}

/// One line per tile: label, value, change; in two columns when there is room.
fn compact_tiles(model: &Model, frame: &mut Frame, area: Rect, tiles: &[(crate::domain::kpi::Kpi, Tile)]) {
    let theme = &model.theme;
    let columns = compact_columns(area.width);
    let per_column = tiles.len().div_ceil(columns);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns])
        .spacing(2)
        .split(area);
    for (part, chunk) in parts.iter().zip(tiles.chunks(per_column)) {
        let cols = usize::from(part.width);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(kpi, t)| {
                let value_cols = crate::domain::text::width(&t.value).max(VALUE_COLS);
                // Long labels are those of rates, whose values leave room on their left.
                let label_cols = cols.saturating_sub(value_cols + CHANGE_COLS + 1);
                Line::from(vec![
                    span(theme, fit(t.label, label_cols), Role::Text),
                    // By columns: a value may carry a Chinese unit (`35分钟`).
                    span(
                        theme,
                        format!("{} ", super::cells::cell_right(&t.value, value_cols)),
                        Role::Title,
                    ),
                    span(theme, fit(&t.change, CHANGE_COLS), change_role(*kpi, t.trend)),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), *part);
    }
}

/// The customers at risk now: code, name and their first reason, each further reason on a
/// line of its own below, as many as fit.
/// The customer at `selected` shows as selected: Enter opens their card.
fn at_risk(model: &Model, frame: &mut Frame, area: Rect, figures: &Dashboard, selected: usize) {
    let (s, theme) = (model.strings, &model.theme);
    let block = super::boxed(
        model,
        vec![span(theme, format!(" {} ", s.dashboard.at_risk), Role::Title)],
        false,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let cols = usize::from(inner.width);
    if figures.at_risk.is_empty() {
        let text = fit_trim(s.dashboard.none_at_risk, cols);
        frame.render_widget(Paragraph::new(Line::from(span(theme, text, Role::Muted))), inner);
        return;
    }
    // Codes whole, one space after the widest, where there is room for them at all.
    let widest_code = figures
        .at_risk
        .iter()
        .map(|r| crate::domain::text::width(&r.customer.code))
        .max();
    let code_cols = if cols >= 50 { widest_code.unwrap_or(0) + 1 } else { 0 };
    let name_cols = NAME_COLS.min(cols);
    let lead = code_cols + name_cols + 1;
    let mut lines: Vec<Line> = Vec::new();
    for (index, risk) in figures.at_risk.iter().enumerate() {
        let c = &risk.customer;
        for (i, r) in risk.warnings.iter().enumerate() {
            let text = truncate(&reason(r, s.dashboard), cols.saturating_sub(lead)).into_owned();
            let mut spans = Vec::new();
            if i == 0 {
                spans.push(span(theme, fit(&sanitize_line(&c.code), code_cols), Role::Muted));
                let name = fit(&sanitize_line(&c.name), name_cols);
                spans.push(span(theme, format!("{name} "), crate::app::format::tier_role(c.tier)));
            } else {
                spans.push(span(theme, " ".repeat(lead), Role::Text));
            }
            spans.push(span(theme, text, Role::Text));
            lines.push(match index == selected && i == 0 {
                true => Line::from(spans).style(theme.style(Role::Selected)),
                false => Line::from(spans),
            });
        }
    }
    // Scrolled as far as needed to show the selected customer.
    let first_line: usize = figures.at_risk.iter().take(selected).map(|r| r.warnings.len()).sum();
    let skip = (first_line + 1).saturating_sub(usize::from(inner.height));
    let lines: Vec<Line> = lines.into_iter().skip(skip).take(usize::from(inner.height)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cut to `cols` columns, without padding.
fn fit_trim(text: &str, cols: usize) -> String {
    truncate(&sanitize_line(text), cols).into_owned()
}

#[cfg(test)]
mod tests {
    /// `{:>8}` pads by characters: a Chinese value would stick out by its width.
    #[test]
    fn values_right_align_by_display_width() {
        for (value, shown) in [
            ("3.67", "    3.67"),
            ("30 分钟", " 30 分钟"),
            ("1440 min", "1440 min"),
            ("12345678", "12345678"),
        ] {
            assert_eq!(crate::ui::cells::cell_right(value, super::VALUE_COLS), shown, "{value}");
        }
    }
}
