//! The queue: SLA countdown coloured by state, priority, number, kind,
//! customer, subject, assignee and status, most urgent first.

use super::super::cells::{Col, cell, cell_right, col, col_for, grows, highlighted, paint_row, widths};
use super::{empty, frame_pane, header_line, table_count};
use crate::app::format::{countdown, grouped, priority_role, state_role};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::panes::queue::live_clock;
use crate::app::theme::Role;
use crate::domain::text::{sanitize_line, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// SLA, P, #, kind, customer, subject, assignee, status; the priority,
/// kind and status as wide as the language's widest word for them, the
/// number as wide as the widest number shown (`widest_number`), the
/// customer growing up to its longest name shown (`widest_customer`) and
/// the subject taking the rest.
///
/// On a narrow pane, columns are given up in this order: assignee, kind,
/// status, priority, customer. The SLA countdown, the number and the
/// subject always stay (at 80 columns the queue keeps its numbers). A
/// marker column added later slots in with its own rank. While tickets are
/// marked, the SLA column makes room for the mark before the countdown, so
/// a marked row still shows its whole countdown.
pub(super) fn columns(
    s: &crate::i18n::Strings,
    widest_number: usize,
    widest_customer: usize,
    triaged_shown: bool,
    marks_shown: bool,
) -> [Col; 8] {
    let priority = col_for(s.priorities.iter().map(|p| p.2).chain([s.col_priority]), 3);
    let kind = col_for(s.kinds.iter().map(|k| k.1).chain([s.col_kind]), 5);
    // Room for the triaged mark before the widest status, when a row has it
    // and the pane has a column to spare: the mark is taken first from what
    // is spare, but never costs the whole status column on a tight pane
    // (there the widest status after a mark is cut instead).
    let widest = col_for(s.statuses.iter().map(|st| st.1).chain([s.col_status]), 4);
    let status = if triaged_shown {
        let mark = crate::domain::text::width(s.triage.triaged_mark);
        grows(widest.width, MARK_FIRST, widest.drop_rank).up_to(widest.width + mark)
    } else {
        widest
    };
    let number = col(widest_number.max(width(s.col_number)), 0);
    let sla = if marks_shown {
        CLOCK_COLS + mark_cols(s)
    } else {
        CLOCK_COLS
    };
    [
        col(sla, 0),
        priority,
        number,
        kind,
        grows(10, 1, 2).up_to(widest_customer),
        grows(12, 2, 0),
        col(10, 6),
        status,
    ]
}

/// The share of spare width a mark's room takes: far above the names' and
/// the subject's (1 and 2), so the mark gets its column before they grow.
const MARK_FIRST: u16 = 100;

/// The widest countdown, `-14h24m`.
const CLOCK_COLS: usize = 7;

/// The mark of a marked ticket and the space after it.
fn mark_cols(s: &crate::i18n::Strings) -> usize {
    width(s.mark) + 1
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let list = &model.queue.list;
    // A query's tickets over the queue's, as a filter's matches are.
    let count = match model.queue.queue_len() {
        Some(queue) => {
            let more = if model.queue.query.capped { "+" } else { "" };
            format!("{}{more}/{}", grouped(list.len() as u64), grouped(queue as u64))
        }
        None => table_count(model, list, false),
    };
    // While `U` hides triaged tickets the title says so; so for every ticket.
    let count = if model.queue.untriaged_only {
        crate::i18n::fill(s.triage.untriaged_count, &[("count", &count)])
    } else {
        count
    };
    let count = if model.queue.query.all_tickets {
        crate::i18n::fill(s.query.all_tickets_count, &[("count", &count)])
    } else {
        count
    };
    let inner = frame_pane(
        model,
        frame,
        area,
        PaneId::Queue,
        count,
        Some((&list.filter, list.editing)),
    );
    let inner = super::views_bar::render(model, frame, inner);
    if inner.height == 0 {
        return;
    }
    let inner = query_note(model, frame, inner);
    let triaged_shown = list.rows().iter().any(|v| v.ticket.triaged_at.is_some());
    let height = usize::from(inner.height.saturating_sub(1));
    let shown = list.cursor.offset..(list.cursor.offset + height).min(list.len());
    let customers = shown
        .clone()
        .filter_map(|i| list.get(i))
        .map(|(v, _)| width(&v.ticket.customer_name));
    // Every number of the list, not only those on screen: the column keeps
    // its width while the list scrolls.
    let number = list.newest_id().map_or(0, |id| id.to_string().len());
    let w = widths(
        &columns(
            s,
            number,
            customers.max().unwrap_or(0),
            triaged_shown,
            !model.queue.marked.is_empty(),
        ),
        usize::from(inner.width),
    );
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
        // An empty view or query is one matching nothing, not an empty queue.
        let filtered = list.is_filtered() || model.queue.query.shown.is_some() || !model.views.on_queue();
        let text = match (model.loaded, filtered) {
            (false, _) => s.loading,
            (true, true) => s.none_matching,
            (true, false) => s.no_open_tickets,
        };
        empty(model, frame, inner, text);
        return;
    }
    let selected_style = super::super::selection(model, PaneId::Queue);
    for (line, index) in shown.enumerate() {
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
        // The mark goes in the room kept for it before the countdown.
        let clock = if marked {
            let room = w[0].saturating_sub(mark_cols(s));
            format!("{} {}", s.mark, cell_right(&clock, room))
        } else {
            clock
        };
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
            subject_and_tags(t, w[5], text, theme.style(Role::Muted)),
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

/// The subject, then the ticket's tags as `#tag` in the muted style, all
/// cut to `cols`. The tags keep up to a third of the column however long
/// the subject (a tag is what a list is scanned for), and the rest of what
/// room the subject leaves.
fn subject_and_tags(t: &crate::domain::ticket::Ticket, cols: usize, text: Style, muted: Style) -> Vec<Span<'static>> {
    let tags: String = t.tags.iter().map(|tag| format!(" #{tag}")).collect();
    let kept = width(&tags).min(cols / 3);
    let subject = truncate(&sanitize_line(&t.subject), cols - kept).into_owned();
    let room = cols.saturating_sub(width(&subject));
    vec![Span::styled(subject, text), Span::styled(cell(&tags, room), muted)]
}

/// Under the list: why the `/` text cannot be read (in the error colour,
/// the text kept as typed above it), else the text that matched in the
/// selected ticket. Returns the room left for the list.
fn query_note(model: &Model, frame: &mut Frame, inner: Rect) -> Rect {
    let queue = &model.queue;
    let note = match (&queue.query.error, queue.selected_snippet()) {
        (Some(error), _) => Some((error.clone(), Role::Error)),
        (None, Some(snippet)) => Some((
            crate::i18n::fill(model.strings.query.snippet, &[("snippet", snippet)]),
            Role::Muted,
        )),
        (None, None) => None,
    };
    let Some((text, role)) = note.filter(|_| inner.height > 2) else {
        return inner;
    };
    let line = Line::from(Span::styled(
        cell(&crate::domain::text::sanitize_line(&text), usize::from(inner.width)),
        model.theme.style(role),
    ));
    let last = inner.y + inner.height - 1;
    frame.buffer_mut().set_line(inner.x, last, &line, inner.width);
    Rect {
        height: inner.height - 1,
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Widths of SLA, P, #, kind, customer, subject, assignee, status for a
    /// pane of `total` columns (48 is the queue at an 80-column terminal),
    /// numbers of up to seven digits and a 24-column Chinese company name.
    #[test]
    fn the_number_stays_whole_and_names_grow_with_the_pane() {
        let cases: [(Lang, usize, [usize; 8]); 10] = [
            (Lang::En, 48, [7, 2, 7, 0, 12, 16, 0, 0]),
            (Lang::En, 80, [7, 2, 7, 11, 12, 16, 10, 8]),
            (Lang::En, 100, [7, 2, 7, 11, 19, 29, 10, 8]),
            (Lang::En, 120, [7, 2, 7, 11, 24, 44, 10, 8]),
            (Lang::En, 200, [7, 2, 7, 11, 24, 124, 10, 8]),
            (Lang::ZhCn, 48, [7, 2, 7, 0, 12, 16, 0, 0]),
            (Lang::ZhCn, 80, [7, 2, 7, 8, 13, 18, 10, 8]),
            (Lang::ZhCn, 100, [7, 2, 7, 8, 20, 31, 10, 8]),
            (Lang::ZhCn, 120, [7, 2, 7, 8, 24, 47, 10, 8]),
            (Lang::ZhCn, 200, [7, 2, 7, 8, 24, 127, 10, 8]),
        ];
        for (lang, total, want) in cases {
            let cols = columns(lang.strings(), 7, width("北京华联商厦股份有限公司"), false, false);
            let got = widths(&cols, total);
            assert_eq!(got, want, "{lang:?} at {total}");
            let shown = got.iter().filter(|w| **w > 0).count();
            assert!(got.iter().sum::<usize>() + shown - 1 <= total, "{lang:?} at {total}");
        }
    }
}
