//! The timeline: when, direction or event mark, channel, agent, summary.

use super::super::cells::{Col, cell, col, col_for, grows, paint_row, widths};
use super::{empty, frame_pane};
use crate::app::format::{direction_role, local_short};
use crate::app::model::Model;
use crate::app::panes::PaneId;
use crate::app::theme::Role;
use crate::domain::interaction::TimelineEntry;
use crate::i18n::Strings;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

/// When, mark, channel (as wide as the language's widest channel), agent
/// (growing up to the longest name shown, `widest_agent`), summary (taking
/// most of the rest). The agent goes first on a narrow pane, then the channel.
fn columns(s: &Strings, widest_agent: usize) -> [Col; 5] {
    let channel = col_for(s.channels.iter().map(|c| c.1), 1);
    [
        col(11, 0),
        col(1, 0),
        channel,
        grows(8, 1, 2).up_to(widest_agent),
        grows(10, 4, 0),
    ]
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let pane = &model.timeline;
    let count = pane
        .customer
        .as_ref()
        .map_or(String::new(), |(_, name)| cell(name, 24).trim_end().to_string());
    let inner = frame_pane(model, frame, area, PaneId::Timeline, count, None);
    if inner.height == 0 {
        return;
    }
    if pane.entries.is_empty() {
        let text = match (&pane.customer, pane.loading) {
            (None, _) => s.no_customer_selected,
            (Some(_), true) => s.loading,
            (Some(_), false) => s.no_history,
        };
        empty(model, frame, inner, text);
        return;
    }
    let height = usize::from(inner.height);
    let shown = pane.cursor.offset..(pane.cursor.offset + height).min(pane.entries.len());
    let agent = pane.entries[shown.clone()]
        .iter()
        .map(|e| crate::domain::text::width(&e.agent));
    let w = widths(&columns(s, agent.max().unwrap_or(0)), usize::from(inner.width));
    let selected_style = super::super::selection(model, PaneId::Timeline);
    for (line, index) in shown.enumerate() {
        let e = &pane.entries[index];
        let mark = e.direction.map_or("●", |d| s.direction_mark(d));
        let channel = e.channel.map_or("", |c| s.channel(c));
        let when = local_short(e.at, model.now, model.session.timezone);
        let summary_role = if e.direction.is_some() { Role::Text } else { Role::Event };
        let cells = vec![
            vec![Span::styled(cell(&when, w[0]), theme.style(Role::Muted))],
            vec![Span::styled(cell(mark, w[1]), theme.style(direction_role(e.direction)))],
            vec![Span::styled(cell(channel, w[2]), theme.style(Role::Muted))],
            vec![Span::styled(cell(&e.agent, w[3]), theme.style(Role::Muted))],
            vec![Span::styled(cell(&summary(e, s), w[4]), theme.style(summary_role))],
        ];
        let at = Rect {
            y: inner.y + line as u16,
            height: 1,
            ..inner
        };
        let style = (index == pane.cursor.selected).then_some(selected_style);
        paint_row(frame.buffer_mut(), at, cells, &w, style);
    }
}

/// A ticket event's summary starts with its stable key (`opened #3 …`):
/// that word is shown in the catalogue's words.
fn summary(e: &TimelineEntry, s: &Strings) -> String {
    if e.source != "ticket" {
        return e.summary.clone();
    }
    match e.summary.split_once(' ') {
        Some((event, rest)) => format!("{} {rest}", Strings::keyed(s.ticket_events, event)),
        None => e.summary.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (pane width, widest agent) → widths: a long agent name shows whole
    /// once there is room, a short one leaves the rest to the summary.
    #[test]
    fn the_agent_grows_to_its_name_and_the_summary_takes_the_rest() {
        let s = crate::i18n::Lang::ZhCn.strings();
        let cases: [(usize, usize, [usize; 5]); 4] = [
            (40, 14, [11, 1, 8, 0, 17]),
            (60, 14, [11, 1, 8, 12, 24]),
            (100, 14, [11, 1, 8, 14, 62]),
            (100, 2, [11, 1, 8, 8, 68]),
        ];
        for (total, agent, want) in cases {
            assert_eq!(widths(&columns(s, agent), total), want, "{total} {agent}");
        }
    }
}
