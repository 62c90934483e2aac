//! The customer list: code, name (matches highlighted), tier badge, open
//! tickets and last contact.

use super::super::cells::{Col, cell, cell_right, col, col_for, flex, highlighted, paint_row, widths};
use super::{empty, header_line, table_frame};
use crate::app::format::{ago, tier_role};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// Code, name, tier badge (as wide as the language's widest badge or the
/// title), open tickets, last contact.
fn columns(s: &crate::i18n::Strings) -> [Col; 5] {
    let tier = col_for(s.tiers.iter().map(|t| t.2).chain([s.col_tier]), 0);
    [col(9, 3), flex(8), tier, col(4, 1), col(7, 2)]
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let list = &model.customers.list;
    let inner = table_frame(model, frame, area, PaneId::Customers, list, model.customers.busy());
    if inner.height == 0 {
        return;
    }
    let w = widths(&columns(s), usize::from(inner.width));
    let titles = [s.col_code, s.col_name, s.col_tier, s.col_open, s.col_last_contact];
    let header = header_line(model, &titles, &w, |i| i >= 2);
    frame.buffer_mut().set_line(inner.x, inner.y, &header, inner.width);
    if list.is_empty() {
        let text = if model.loaded { s.none_matching } else { s.loading };
        empty(model, frame, inner, text);
        return;
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let selected_style = super::super::selection(model, PaneId::Customers);
    for (line, index) in (list.cursor.offset..(list.cursor.offset + height).min(list.len())).enumerate() {
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
