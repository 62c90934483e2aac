//! The queue: SLA countdown coloured by state, priority, number, kind,
//! customer, subject, assignee and status, most urgent first.

use super::super::cells::{Col, cell, cell_right, col, col_for, flex, highlighted, paint_row, widths};
use super::{empty, header_line, table_frame};
use crate::app::format::{countdown, priority_role, state_role};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::panes::queue::live_clock;
use crate::app::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// SLA, P, #, kind, customer, subject, assignee, status; the priority,
/// kind and status as wide as the language's widest word for them.
fn columns(s: &crate::i18n::Strings, triaged_shown: bool) -> [Col; 8] {
    let priority = col_for(s.priorities.iter().map(|p| p.2).chain([s.col_priority]), 1);
    let kind = col_for(s.kinds.iter().map(|k| k.1).chain([s.col_kind]), 4);
    // Room for the triaged mark before the widest status, when a row has it.
    let widest = col_for(s.statuses.iter().map(|st| st.1).chain([s.col_status]), 3).width;
    let mark = if triaged_shown {
        crate::domain::text::width(s.triage.triaged_mark)
    } else {
        0
    };
    let status = col(widest + mark, 3);
    [
        col(7, 0),
        priority,
        col(5, 5),
        kind,
        col(10, 2),
        flex(12),
        col(10, 6),
        status,
    ]
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let list = &model.queue.list;
    let inner = table_frame(model, frame, area, PaneId::Queue, list, false);
    if inner.height == 0 {
        return;
    }
    let triaged_shown = list.rows().iter().any(|v| v.ticket.triaged_at.is_some());
    let w = widths(&columns(s, triaged_shown), usize::from(inner.width));
    let titles = [
        s.col_sla,
        s.col_priority,
        s.col_number,
        s.col_kind,
        s.col_customer,
        s.col_subject,
        s.col_assignee,
        s.col_status,
    ];
    let header = header_line(model, &titles, &w, |i| i == 0);
    frame.buffer_mut().set_line(inner.x, inner.y, &header, inner.width);
    if list.is_empty() {
        let text = match (model.loaded, list.is_filtered()) {
            (false, _) => s.loading,
            (true, true) => s.none_matching,
            (true, false) => s.no_open_tickets,
        };
        empty(model, frame, inner, text);
        return;
    }
    let height = usize::from(inner.height.saturating_sub(1));
    let selected_style = super::super::selection(model, PaneId::Queue);
    for (line, index) in (list.cursor.offset..(list.cursor.offset + height).min(list.len())).enumerate() {
        let Some((view, hits)) = list.get(index) else { break };
        let t = &view.ticket;
        let (state, left) = live_clock(view, model.now);
        let clock = match (state, left) {
            (Some(crate::domain::sla::SlaState::Paused), _) | (Some(_), None) => {
                state.map_or(s.dash, |st| s.sla_state(st)).to_string()
            }
            (Some(_), Some(left)) => countdown(left, s),
            (None, _) => s.dash.to_string(),
        };
        let marked = model.queue.marked.contains(&t.id);
        let clock = if marked { format!("{} {clock}", s.mark) } else { clock };
        let assignee = if t.assignee.is_empty() {
            s.unassigned
        } else {
            &t.assignee
        };
        // Someone decided on it in triage: a mark before its status.
        let status = match t.triaged_at {
            Some(_) => format!("{}{}", s.triage.triaged_mark, s.status(t.status)),
            None => s.status(t.status).to_string(),
        };
        let text = theme.style(Role::Text);
        let cells: Vec<Vec<Span>> = vec![
            vec![Span::styled(cell_right(&clock, w[0]), theme.style(state_role(state)))],
            vec![Span::styled(
                cell(s.priority_badge(t.priority), w[1]),
                theme.style(priority_role(t.priority)),
            )],
            vec![Span::styled(
                cell_right(&t.id.to_string(), w[2]),
                theme.style(Role::Muted),
            )],
            vec![Span::styled(cell(s.kind(t.kind), w[3]), text)],
            highlighted(&t.customer_name, hits, w[4], text, theme.style(Role::Match)),
            vec![Span::styled(cell(&t.subject, w[5]), text)],
            vec![Span::styled(cell(assignee, w[6]), theme.style(Role::Muted))],
            vec![Span::styled(cell(&status, w[7]), text)],
        ];
        let at = Rect {
            y: inner.y + 1 + line as u16,
            height: 1,
            ..inner
        };
        let style = if index == list.cursor.selected {
            Some(selected_style)
        } else if marked {
            Some(theme.style(Role::Match))
        } else {
            None
        };
        paint_row(frame.buffer_mut(), at, cells, &w, style);
    }
}
