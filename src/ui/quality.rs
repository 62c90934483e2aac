//! The Data quality view, full screen: likely duplicate pairs with their
//! evidence, then the customers missing contact details, each section with
//! its count; and the merge or archive confirmation over it.

use super::cells::{Col, cell, col, flex, span, widths};
use super::sections::{self, Empty, Sections};
use crate::app::format::{ago, tier_role};
use crate::app::layout;
use crate::app::model::Model;
use crate::app::quality::{Confirm, Quality, Row, Section};
use crate::app::quality_doc::{confirm_doc, evidence_text};
use crate::app::theme::Role;
use crate::domain::customer::Customer;
use crate::domain::text::width;
use crate::i18n::fill;
use crate::service::quality::DuplicateView;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// A pair: the mark, the two customers, the evidence.
const PAIR_MARK: usize = 1;
/// Each customer of a pair gets up to this, the evidence the rest.
const PAIR_CUSTOMER_MAX: usize = 30;
const PAIR_CUSTOMER_MIN: usize = 14;

/// A customer missing contact details: mark, code, name, tier, last activity.
const MISSING_COLUMNS: [Col; 5] = [col(1, 0), col(10, 0), flex(16), col(12, 2), col(13, 1)];

/// The confirmation box is at most this wide.
const CONFIRM_WIDTH: u16 = 84;

pub fn render(model: &Model, frame: &mut Frame, body: Rect, view: &Quality) {
    let q = model.strings.quality;
    let duplicates = q.title_duplicates.of(view.review.duplicates_total as i64, &[]);
    let missing = q.title_missing.of(view.review.missing_contact.len() as i64, &[]);
    let title = format!("{}  ·  {duplicates} · {missing}", q.title);
    let list = super::modal(model, frame, body, &title);
    if list.height == 0 {
        return;
    }
    if view.is_empty() {
        let empty = Empty {
            loading: view.loading,
            unreadable: view.unreadable,
            unreadable_text: q.unreadable,
            none_text: q.none,
        };
        sections::paint_empty(model, frame, list, empty);
    } else {
        let total = usize::from(list.width);
        let painter = Findings {
            model,
            view,
            pair_w: pair_widths(model, view, total),
            missing_w: widths(&MISSING_COLUMNS, total),
        };
        sections::paint(
            model,
            frame,
            list,
            &view.lines(),
            view.selected,
            q.selected_mark,
            &painter,
        );
    }
    if let Some(confirm) = &view.confirm {
        paint_confirm(model, frame, body, confirm);
    }
}

/// The lists as painted: duplicate pairs, then customers missing contact
/// details, each section with its own columns.
struct Findings<'a> {
    model: &'a Model,
    view: &'a Quality,
    pair_w: Vec<usize>,
    missing_w: Vec<usize>,
}

impl Sections<Section> for Findings<'_> {
    fn heading(&self, section: Section, count: usize) -> (String, Role) {
        let q = self.model.strings.quality;
        let name = match section {
            Section::Duplicates => q.section_duplicates,
            Section::Missing => q.section_missing,
        };
        let total = self.view.review.duplicates_total;
        let shown = if section == Section::Duplicates && total > count {
            fill(
                q.strongest_of,
                &[("shown", &count.to_string()), ("total", &total.to_string())],
            )
        } else {
            count.to_string()
        };
        let text = fill(q.section, &[("name", name), ("count", &shown)]);

        let role = if count > 0 { Role::AtRisk } else { Role::Title };
        (text, role)
    }

    fn titles(&self, section: Section) -> (Vec<&'static str>, &[usize]) {
        let q = self.model.strings.quality;
        match section {
            Section::Duplicates => (vec!["", q.col_customer, q.col_same_as, q.col_evidence], &self.pair_w),
            Section::Missing => (
                vec!["", q.col_code, q.col_name, q.col_tier, q.col_last_activity],
                &self.missing_w,
            ),
        }
    }

    fn row(&self, index: usize, mark: Span<'static>) -> Option<(Vec<Vec<Span<'static>>>, &[usize])> {
        let (model, theme, pair_w) = (self.model, &self.model.theme, &self.pair_w);
        match self.view.row(index)? {
            Row::Pair(pair) => {
                let evidence = evidence_text(model, pair);
                let cells = vec![
                    vec![mark],
                    vec![span(theme, cell(&who(&pair.first), pair_w[1]), Role::Text)],
                    vec![span(theme, cell(&who(&pair.second), pair_w[2]), Role::Text)],
                    vec![span(theme, cell(&evidence, pair_w[3]), Role::Muted)],
                ];
                Some((cells, pair_w))
            }
            Row::Missing(c) => Some((missing_cells(model, c, &self.missing_w, mark), &self.missing_w)),
        }
    }
}

/// `C2026001 张三`, neutralised so its width is the one shown.
fn who(c: &Customer) -> String {
    crate::domain::text::sanitize_line(&format!("{} {}", c.code, c.name.trim())).into_owned()
}

fn missing_cells(model: &Model, c: &Customer, w: &[usize], mark: Span<'static>) -> Vec<Vec<Span<'static>>> {
    let (s, theme) = (model.strings, &model.theme);
    let last = c.last_activity_at.map_or_else(
        || s.quality.never.to_string(),
        |t| ago(t, model.now, model.session.timezone, s),
    );
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
