//! The Data quality view, full screen: likely duplicate pairs with their
//! evidence, then the customers missing contact details, each section with
//! its count; and the merge or archive confirmation over it.

use super::cells::{Col, cell, col, flex, paint_row, span, widths};
use crate::app::format::{ago, tier_role};
use crate::app::layout;
use crate::app::model::Model;
use crate::app::quality::{Confirm, Line as ViewLine, Quality, Row, Section, first_line};
use crate::app::quality_doc::{confirm_doc, evidence_text};
use crate::config::theme::Role;
use crate::domain::customer::Customer;
use crate::domain::text::width;
use crate::service::quality::DuplicateView;
use crate::strings::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// A pair: the mark, the two customers, the evidence.
const PAIR_MARK: usize = 1;
/// Each customer of a pair gets up to this, the evidence the rest.
const PAIR_CUSTOMER_MAX: usize = 30;
const PAIR_CUSTOMER_MIN: usize = 14;

/// A customer missing contact details: mark, code, name, tier, last activity.
const MISSING_COLUMNS: [Col; 5] = [col(1, 0), col(10, 0), flex(16), col(12, 2), col(13, 1)];

/// The confirmation box is at most this wide.
const CONFIRM_WIDTH: u16 = 84;

pub fn render(model: &Model, frame: &mut Frame, body: Rect) {
    let (s, q, theme) = (model.strings, model.strings.quality, &model.theme);
    let Some(view) = &model.quality else { return };
    let counts = fill(
        q.title_counts,
        &[
            &view.review.duplicates_total.to_string(),
            &view.review.missing_contact.len().to_string(),
        ],
    );
    let title = format!("{}  ·  {counts}", q.title);
    let list = super::modal(model, frame, body, &title);
    if list.height == 0 {
        return;
    }
    if view.is_empty() {
        let text = match (view.loading, view.unreadable) {
            (true, _) => s.loading,
            (false, true) => q.unreadable,
            (false, false) => q.none,
        };
        let line = Line::from(span(theme, text, Role::Muted)).centered();
        let row = Rect {
            y: list.y + list.height / 2,
            height: 1,
            ..list
        };
        frame.render_widget(Paragraph::new(line), row);
    } else {
        paint_lines(model, frame, list, view);
    }
    if let Some(confirm) = &view.confirm {
        paint_confirm(model, frame, body, confirm);
    }
}

fn paint_lines(model: &Model, frame: &mut Frame, list: Rect, view: &Quality) {
    let (q, theme) = (model.strings.quality, &model.theme);
    let all = view.lines();
    let height = usize::from(list.height);
    let top = first_line(&all, view.selected, height);
    let total = usize::from(list.width);
    let pair_w = pair_widths(model, view, total);
    let missing_w = widths(&MISSING_COLUMNS, total);
    for (i, line) in all.iter().skip(top).take(height).enumerate() {
        let at = Rect {
            y: list.y + i as u16,
            height: 1,
            ..list
        };
        match *line {
            ViewLine::Heading(section, count) => {
                let name = match section {
                    Section::Duplicates => q.section_duplicates,
                    Section::Missing => q.section_missing,
                };
                let total = view.review.duplicates_total;
                let shown = if section == Section::Duplicates && total > count {
                    fill(q.strongest_of, &[&count.to_string(), &total.to_string()])
                } else {
                    count.to_string()
                };
                let text = fill(q.section, &[name, &shown]);
                let role = if count > 0 { Role::AtRisk } else { Role::Title };
                frame.render_widget(Paragraph::new(Line::from(span(theme, text, role))), at);
            }
            ViewLine::Titles(section) => {
                let (titles, w): (Vec<&str>, &[usize]) = match section {
                    Section::Duplicates => (vec!["", q.col_customer, q.col_same_as, q.col_evidence], &pair_w),
                    Section::Missing => (
                        vec!["", q.col_code, q.col_name, q.col_tier, q.col_last_activity],
                        &missing_w,
                    ),
                };
                let cells: Vec<Vec<Span>> = titles
                    .iter()
                    .zip(w)
                    .map(|(t, w)| vec![span(theme, cell(t, *w), Role::Muted)])
                    .collect();
                paint_row(frame.buffer_mut(), at, cells, w, None);
            }
            ViewLine::Row(index) => {
                let chosen = index == view.selected;
                // Marked in text too, for terminals without colour.
                let mark = span(theme, if chosen { q.selected_mark } else { "" }, Role::Key);
                let (cells, w) = match view.row(index) {
                    Some(Row::Pair(pair)) => {
                        let evidence = evidence_text(model, pair);
                        let cells = vec![
                            vec![mark],
                            vec![span(theme, cell(&who(&pair.first), pair_w[1]), Role::Text)],
                            vec![span(theme, cell(&who(&pair.second), pair_w[2]), Role::Text)],
                            vec![span(theme, cell(&evidence, pair_w[3]), Role::Muted)],
                        ];
                        (cells, &pair_w)
                    }
                    Some(Row::Missing(c)) => (missing_cells(model, c, &missing_w, mark), &missing_w),
                    None => continue,
                };
                let style = chosen.then(|| theme.style(Role::Selected));
                paint_row(frame.buffer_mut(), at, cells, w, style);
            }
        }
    }
}

/// `C2026001 张三`, neutralised so its width is the one shown.
fn who(c: &Customer) -> String {
    crate::domain::text::sanitize_line(&format!("{} {}", c.code, c.name.trim())).into_owned()
}

fn missing_cells(model: &Model, c: &Customer, w: &[usize], mark: Span<'static>) -> Vec<Vec<Span<'static>>> {
    let (s, theme) = (model.strings, &model.theme);
    let last = c
        .last_activity_at
        .map_or_else(|| s.quality.never.to_string(), |t| ago(t, model.now, s));
    vec![
        vec![mark],
        vec![span(theme, cell(&c.code, w[1]), Role::Muted)],
        vec![span(theme, cell(&c.name, w[2]), Role::Text)],
        vec![span(theme, cell(s.tier(c.tier), w[3]), tier_role(c.tier))],
        vec![span(theme, cell(&last, w[4]), Role::Muted)],
    ]
}

/// The mark, each customer column as wide as its title or its widest
/// customer (within limits, so the evidence keeps room), and the evidence
/// in the rest.
fn pair_widths(model: &Model, view: &Quality, total: usize) -> Vec<usize> {
    let q = model.strings.quality;
    let spare = total.saturating_sub(PAIR_MARK + 3);
    let most = (spare / 3).clamp(PAIR_CUSTOMER_MIN, PAIR_CUSTOMER_MAX);
    let fit = |title: &str, side: fn(&DuplicateView) -> &Customer| {
        let widest = view.review.duplicates.iter().map(|p| width(&who(side(p)))).max();
        widest.unwrap_or(0).max(width(title)).min(most)
    };
    let first = fit(q.col_customer, |p| &p.first);
    let second = fit(q.col_same_as, |p| &p.second);
    vec![PAIR_MARK, first, second, spare.saturating_sub(first + second)]
}

fn paint_confirm(model: &Model, frame: &mut Frame, body: Rect, confirm: &Confirm) {
    let q = model.strings.quality;
    let width = CONFIRM_WIDTH.min(body.width);
    let doc = confirm_doc(model, confirm, usize::from(width.saturating_sub(4)));
    let height = u16::try_from(doc.lines.len() + 2).unwrap_or(u16::MAX);
    let area = layout::centered(body, width, height);
    let title = match confirm {
        Confirm::Merge(_) => q.merge_title,
        Confirm::Archive(_) => q.archive_title,
    };
    let inner = super::modal(model, frame, area, title);
    super::doc::paint(model, frame, inner, &doc, 0);
}
