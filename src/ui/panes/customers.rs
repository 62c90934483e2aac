//! The customer list: code, name (matches highlighted), tier badge, open
//! tickets and last contact.

use super::super::cells::{Col, cell, cell_right, col, col_for, flex, highlighted, paint_row, widths};
use super::{empty, header_line, table_frame};
use crate::app::format::{ago, tier_role};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::theme::Role;
use crate::domain::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// Code (as wide as the widest code shown), name (taking the rest), tier
/// badge (as wide as the language's widest badge or the title), open
/// tickets, last contact. On a narrow pane the last contact goes first,
/// then the open count, then the tier; code and name always stay.
pub(super) fn columns(s: &crate::i18n::Strings, widest_code: usize) -> [Col; 5] {
    let tier = col_for(s.tiers.iter().map(|t| t.2).chain([s.col_tier]), 1);
    let code = col(widest_code.max(width(s.col_code)), 0);
    [code, flex(8), tier, col(4, 2), col(7, 3)]
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let list = &model.customers.list;
    let inner = table_frame(model, frame, area, PaneId::Customers, list, model.customers.busy());
    if inner.height == 0 {
        return;
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let shown = list.cursor.offset..(list.cursor.offset + height).min(list.len());
    let code = shown.clone().filter_map(|i| list.get(i)).map(|(c, _)| width(&c.code));
    let w = widths(&columns(s, code.max().unwrap_or(0)), usize::from(inner.width));
    let titles = [s.col_code, s.col_name, s.col_tier, s.col_open, s.col_last_contact];
    let header = header_line(model, &titles, &w, |i| i >= 2);
    frame.buffer_mut().set_line(inner.x, inner.y, &header, inner.width);
    if list.is_empty() {
        let text = if model.loaded { s.none_matching } else { s.loading };
        empty(model, frame, inner, text);
        return;
    }
    let selected_style = super::super::selection(model, PaneId::Customers);
    for (line, index) in shown.enumerate() {
        let Some((row, hits)) = list.get(index) else { break };
        let selected = index == list.cursor.selected;
        let base = theme.style(Role::Text);
        let open = if row.open_tickets > 0 {
            row.open_tickets.to_string()
        } else {
            String::new()
        };
        let last = row
            .last_contact
            .map_or(String::new(), |t| ago(t, model.now, model.session.timezone, s));
        let cells = vec![
            vec![Span::styled(cell(&row.code, w[0]), theme.style(Role::Muted))],
            highlighted(&row.name, hits, w[1], base, theme.style(Role::Match)),
            vec![Span::styled(
                cell_right(s.tier_badge(row.tier), w[2]),
                theme.style(tier_role(row.tier)),
            )],
            vec![Span::styled(cell_right(&open, w[3]), theme.style(Role::AtRisk))],
            vec![Span::styled(cell_right(&last, w[4]), theme.style(Role::Muted))],
        ];
        let at = Rect {
            y: inner.y + 1 + line as u16,
            height: 1,
            ..inner
        };
        paint_row(frame.buffer_mut(), at, cells, &w, selected.then_some(selected_style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Widths of code, name, tier, open and last contact for a pane of
    /// `total` columns (28 is the list at an 80-column terminal): the code
    /// keeps its widest value, the name takes the rest.
    #[test]
    fn the_code_stays_whole_and_the_name_takes_the_rest() {
        let cases: [(Lang, usize, usize, [usize; 5]); 8] = [
            (Lang::En, 8, 28, [8, 9, 4, 4, 0]),
            (Lang::En, 8, 38, [8, 11, 4, 4, 7]),
            (Lang::En, 12, 28, [12, 10, 4, 0, 0]),
            (Lang::En, 8, 80, [8, 53, 4, 4, 7]),
            (Lang::ZhCn, 8, 28, [8, 9, 4, 4, 0]),
            (Lang::ZhCn, 12, 28, [12, 10, 4, 0, 0]),
            (Lang::ZhCn, 3, 38, [4, 15, 4, 4, 7]),
            (Lang::ZhCn, 20, 24, [20, 8, 0, 0, 0]),
        ];
        for (lang, code, total, want) in cases {
            assert_eq!(
                widths(&columns(lang.strings(), code), total),
                want,
                "{lang:?} {code} at {total}"
            );
        }
    }
}
