//! The top line: the database, the agent, whether reads or saves are under
//! way in the background (and whose lock a save waits for), and the ticket
//! counts.

use super::cells::span;
use crate::app::format::zone_label;
use crate::app::model::Model;
use crate::app::saves::Writing;
use crate::app::theme::Role;
use crate::domain::text::{sanitize_line, truncate, width};
use crate::i18n::fill;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// From this width the header names the display zone, not only its offset.
const WIDE: u16 = 100;

/// Columns left for the program's name however long the right side.
const KEEP_LEFT: usize = 12;

/// What the header says about saves, within `room` columns: whose lock a
/// save waits for when that fits, else only that it is saving.
fn writing(model: &Model, room: usize) -> Option<String> {
    let b = model.strings.background;
    let text = match &model.saves.writing {
        Writing::Idle => return None,
        Writing::Saving => b.saving.to_string(),
        Writing::Waiting(holder) => {
            let long = sanitize_line(&fill(b.waiting_for, &[("holder", holder)])).into_owned();

            if width(&long) + 2 <= room {
                long
            } else {
                b.saving.to_string()
            }
        }
    };
    Some(text)
}

pub fn render(model: &Model, frame: &mut Frame, area: Rect) {
    let (s, theme) = (model.strings, &model.theme);
    let counts = [
        (s.header_open, model.counts.open, Role::Header),
        (s.header_at_risk, model.counts.at_risk, Role::AtRisk),
        (s.header_breached, model.counts.breached, Role::Breached),
    ];
    // The long-overdue band is named only when it exists: most desks never have one.
    let long_overdue =
        (model.counts.long_overdue > 0).then_some((s.header_long_overdue, model.counts.long_overdue, Role::Breached));
    // The one clock's zone, named once here for every time on screen, on
    // the side that is never cut; narrow terminals get its offset only.
    let tz = model.session.timezone;
    let zone = if area.width >= WIDE {
        zone_label(tz, model.now)
    } else {
        model.now.with_timezone(&tz).format("%:z").to_string()
    };
    let mut right: Vec<Span> = vec![span(
        theme,
        format!("{}  ", fill(s.clock.header_zone, &[("zone", &zone)])),
        Role::Header,
    )];
    if model.reading {
        right.push(span(theme, format!("{}  ", s.background.reading), Role::Header));
    }
    let newly = [
        (s.triage.newly_at_risk, model.alerts.newly_at_risk, Role::AtRisk),
        (s.triage.newly_breached, model.alerts.newly_breached, Role::Breached),
    ];
    for (template, n, role) in newly.into_iter().filter(|(_, n, _)| *n > 0) {
        right.push(Span::styled(
            fill(template, &[("count", &n.to_string())]),
            theme.style(Role::Header).patch(theme.style(role)),
        ));
        right.push(span(theme, "  ", Role::Header));
    }
    for (label, n, role) in counts.into_iter().chain(long_overdue) {
        let role = if n > 0 { role } else { Role::Header };
        right.push(span(theme, format!("{label} "), Role::Header));
        // The count keeps the header's background and takes the role's colour.
        right.push(Span::styled(
            n.to_string(),
            theme.style(Role::Header).patch(theme.style(role)),
        ));
        right.push(span(theme, "  ", Role::Header));
    }
    right.extend(super::outbox::header_spans(model));
    let rest_width: usize = right.iter().map(|sp| width(&sp.content)).sum();
    let room = usize::from(area.width).saturating_sub(rest_width + KEEP_LEFT);
    if let Some(text) = writing(model, room) {
        // In the header's background, in the colour that asks for a glance.
        let style = theme.style(Role::Header).patch(theme.style(Role::AtRisk));
        right.splice(0..0, [Span::styled(text, style), span(theme, "  ", Role::Header)]);
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

#[cfg(test)]
mod tests {
    /// Tickets newly late since the last refresh are counted in the header.
    #[test]
    fn newly_breached_tickets_are_counted_in_the_header() {
        let mut m = crate::app::update::tests::loaded();
        m.alerts.newly_breached = 1;
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal.draw(|frame| crate::ui::render(&m, frame)).unwrap();
        let header: String = (0..120)
            .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
            .collect();
        assert!(header.contains("▲ 1 newly breached"), "{header}");
    }

    /// The header names the display zone, so no time on screen is a guess.
    #[test]
    fn the_header_names_the_display_zone() {
        let mut m = crate::app::update::tests::loaded();
        let header = |m: &crate::app::model::Model| {
            let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
            terminal.draw(|frame| crate::ui::render(m, frame)).unwrap();
            (0..120)
                .map(|x| terminal.backend().buffer()[(x, 0)].symbol().to_string())
                .collect::<String>()
        };
        assert!(header(&m).contains("zone Asia/Shanghai +08:00"), "{}", header(&m));
        m.session.timezone = chrono_tz::America::New_York;
        m.strings = crate::i18n::Lang::ZhCn.strings();
        // A wide character's second cell reads as a space: compare without them.
        let zh = header(&m).replace(' ', "");
        assert!(zh.contains("时区America/New_York-04:00"), "{zh}");
        let mut narrow = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        m.session.timezone = chrono_tz::Asia::Shanghai;
        narrow.draw(|frame| crate::ui::render(&m, frame)).unwrap();
        let line: String = (0..80)
            .map(|x| narrow.backend().buffer()[(x, 0)].symbol().to_string())
            .collect();
        assert!(line.replace(' ', "").contains("时区+08:00待处理"), "{line}");
    }
}
