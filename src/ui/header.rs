//! The top line: the database, the agent, whether reads or saves are under
//! way in the background (and whose lock a save waits for), and the ticket
//! counts.

use super::cells::span;
use crate::app::model::Model;
use crate::app::saves::Writing;
use crate::config::theme::Role;
use crate::domain::text::{sanitize_line, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let counts = [
        (s.header_open, model.counts.open, Role::Header),
        (s.header_at_risk, model.counts.at_risk, Role::AtRisk),
        (s.header_breached, model.counts.breached, Role::Breached),
    ];
    let mut right: Vec<Span> = Vec::new();
    let writing = match &model.saves.writing {
        Writing::Idle => None,
        Writing::Saving => Some(s.background.saving.to_string()),
        Writing::Waiting(holder) => Some(crate::strings::fill(s.background.waiting_for, &[holder])),
    };
    if let Some(text) = writing {
        // In the header's background, in the colour that asks for a glance.
        let style = theme.style(Role::Header).patch(theme.style(Role::AtRisk));
        right.push(Span::styled(sanitize_line(&text).into_owned(), style));
        right.push(span(theme, "  ", Role::Header));
    }
    if model.reading {
        right.push(span(theme, format!("{}  ", s.background.reading), Role::Header));
    }
    let newly = [
        (s.triage.newly_at_risk, model.alerts.newly_at_risk, Role::AtRisk),
        (s.triage.newly_breached, model.alerts.newly_breached, Role::Breached),
    ];
    for (template, n, role) in newly.into_iter().filter(|(_, n, _)| *n > 0) {
        right.push(Span::styled(
            crate::strings::fill(template, &[&n.to_string()]),
            theme.style(Role::Header).patch(theme.style(role)),
        ));
        right.push(span(theme, "  ", Role::Header));
    }
    for (label, n, role) in counts {
        let role = if n > 0 { role } else { Role::Header };
        right.push(span(theme, format!("{label} "), Role::Header));
        // The count keeps the header's background and takes the role's colour.
        right.push(Span::styled(
            n.to_string(),
            theme.style(Role::Header).patch(theme.style(role)),
        ));
        right.push(span(theme, "  ", Role::Header));
    }
    let right_width: usize = right.iter().map(|sp| width(&sp.content)).sum();
    let masked = if model.session.masked {
        format!("  [{}]", s.header_masked)
    } else {
        String::new()
    };
    let left = format!(
        " {}  {}  {} {}{masked}",
        s.app_name,
        sanitize_line(&model.session.database),
        s.header_agent,
        sanitize_line(&model.session.agent)
    );
    let room = usize::from(area.width).saturating_sub(right_width + 1);
    let left = truncate(&left, room).into_owned();
    let gap = usize::from(area.width).saturating_sub(width(&left) + right_width);
    let mut spans = vec![
        span(theme, left, Role::Header),
        span(theme, " ".repeat(gap), Role::Header),
    ];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.style(Role::Header)), area);
}
