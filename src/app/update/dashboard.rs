//! The dashboard mode: entering and leaving it, moving between months, and when its
//! figures are read again. A month whose figures are kept (see `app::dashboard`) is asked
//! for with their stamp, so the worker reads it anew only if a write moved the stamp.

use crate::app::action::Action;
use crate::app::dashboard::DashboardScreen;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::app::screens::Screen;
use crate::domain::period::Month;
use crate::i18n::fill;

/// `d`: the dashboard of the current month, full screen. The one place that turns the
/// mode on; whatever covered the panes (a card, a ticket, triage) closes.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    let month = current_month(model);
    model
        .screens
        .enter(Screen::Dashboard(DashboardScreen::new(month, model.now)));
    vec![Effect::LoadDashboard(month, None)]
}

/// Esc or `q`: back to the panes as they were (see `back_to_panes`).
pub fn leave(model: &mut Model) -> Vec<Effect> {
    super::back_to_panes(model)
}

/// The month `now` falls in, in the team's time zone (as `report` counts months).
fn current_month(model: &Model) -> Month {
    Month::containing(model.now, model.session.timezone)
}

/// The earliest month the calendar knows.
fn earliest_month() -> Option<Month> {
    Month::new(1970, 1)
}

/// `[` and `]`: the month before or after, never beyond the current one.
pub fn step(model: &mut Model, action: Action) -> Vec<Effect> {
    let s = model.strings;
    let current = current_month(model);
    let Some(screen) = model.screens.dashboard_mut() else {
        model.warn(fill(s.msg_not_in_this_view, &[("action", s.action(action.name()))]));
        return Vec::new();
    };
    let month = match action {
        Action::PrevMonth if Some(screen.month) > earliest_month() => screen.month.previous(),
        Action::PrevMonth => {
            model.warn(s.dashboard.earliest_month.to_string());
            return Vec::new();
        }
        _ if screen.month >= current => {
            model.warn(fill(s.dashboard.latest_month, &[("month", &current.to_string())]));
            return Vec::new();
        }
        _ => screen.month.next(),
    };
    screen.month = month;
    request(model, Reading::UnlessUnchanged)
}

/// `C-r` on the dashboard: its figures now, whatever the time since the last read.
pub fn refresh(model: &mut Model) -> Vec<Effect> {
    model.say(model.strings.msg_refreshed.to_string());
    request(model, Reading::Anew)
}

/// Another agent wrote (or a change was saved here): the figures are read again, at most
/// every [`RELOAD_EVERY_SECONDS`](crate::app::dashboard::RELOAD_EVERY_SECONDS); until then
/// the last ones stay, marked stale, and a tick picks the read up.
pub fn changed_elsewhere(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    match model.screens.dashboard_mut() {
        Some(screen) if screen.may_reload(now) => request(model, Reading::UnlessUnchanged),
        Some(screen) => {
            screen.stale = true;
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// A stale dashboard is read again once its turn has come.
pub fn tick(model: &mut Model) -> Vec<Effect> {
    match model.screens.dashboard() {
        Some(screen) if screen.stale && screen.may_reload(model.now) => request(model, Reading::UnlessUnchanged),
        _ => Vec::new(),
    }
}

/// Whether figures kept for the month may answer a request.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// `C-r`: the agent asked for the figures now.
    Anew,
    /// Kept figures serve while the report stamp has not moved.
    UnlessUnchanged,
}

/// Asks for the figures of the month on screen.
fn request(model: &mut Model, reading: Reading) -> Vec<Effect> {
    let now = model.now;
    let current = current_month(model);
    let Some(screen) = model.screens.dashboard_mut() else {
        return Vec::new();
    };
    screen.loading = true;
    screen.stale = false;
    screen.requested_at = now;
    let known = match reading {
        Reading::Anew => None,
        Reading::UnlessUnchanged => screen.reusable_stamp(current, now),
    };
    vec![Effect::LoadDashboard(screen.month, known)]
}

/// Figures arrived. Those of a month no longer on screen are dropped (months were paged
/// through faster than they were read); a failure keeps the last figures.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    let Some(screen) = model.screens.dashboard_mut() else {
        return Vec::new();
    };
    let (month, figures) = match msg {
        Msg::Dashboard(month, figures) => (month, figures),
        // The stamp has not moved: what was kept for the month holds (if still kept).
        Msg::DashboardUnchanged(month) => match screen.kept.get(&month) {
            Some(kept) => (month, Ok(kept.clone())),
            // Dropped meanwhile (figures of a later stamp came): read the month anew.
            None if month == screen.month => return request(model, Reading::Anew),
            None => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    if screen.month != month {
        return Vec::new();
    }
    screen.loading = false;
    match figures {
        Ok(figures) => {
            screen.keep(&figures);
            screen.data = Some(figures);
            screen.error = None;
        }
        Err(why) => {
            let text = fill(s.dashboard.failed, &[("reason", &why)]);

            screen.error = Some(text.clone());
            model.warn(text);
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::app::action::Action;
    use crate::app::model::Model;
    use crate::app::msg::{Effect, Msg};
    use crate::app::update;
    use crate::app::update::tests::{model_with_clock, now};
    use chrono::Duration;

    /// A model whose clock moves with the ticks.
    fn model() -> Model {
        model_with_clock(false)
    }

    fn loads(effects: &[Effect]) -> usize {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::LoadDashboard(..)))
            .count()
    }

    #[test]
    fn writes_elsewhere_reload_at_most_every_thirty_seconds() {
        let mut m = model();
        let effects = update(&mut m, Msg::Action(Action::Dashboard));
        assert_eq!(loads(&effects), 1, "{effects:?}");
        // A write right away: marked stale, read later.
        assert_eq!(loads(&update(&mut m, Msg::ExternalChange)), 0);
        assert!(m.screens.dashboard().unwrap().stale);
        assert_eq!(loads(&update(&mut m, Msg::Tick(now() + Duration::seconds(10)))), 0);
        assert_eq!(loads(&update(&mut m, Msg::Tick(now() + Duration::seconds(30)))), 1);
        assert!(!m.screens.dashboard().unwrap().stale);
        // Nothing stale: ticks read nothing.
        assert_eq!(loads(&update(&mut m, Msg::Tick(now() + Duration::seconds(90)))), 0);
        // Long after the last read, a write is read at once.
        assert_eq!(loads(&update(&mut m, Msg::ExternalChange)), 1);
        // The panes underneath are not the dashboard's business once it is closed.
        update(&mut m, Msg::Action(Action::Close));
        assert!(m.screens.dashboard().is_none());
        assert_eq!(loads(&update(&mut m, Msg::ExternalChange)), 0);
    }

    #[test]
    fn months_move_within_bounds_and_late_figures_of_another_month_are_dropped() {
        let mut m = model();
        update(&mut m, Msg::Action(Action::Dashboard));
        let effects = update(&mut m, Msg::Action(Action::PrevMonth));
        let september = "2026-09".parse().unwrap();
        assert!(matches!(effects[..], [Effect::LoadDashboard(month, None)] if month == september));
        // October's figures arrive after the move to September: not shown as September's.
        let october = "2026-10".parse().unwrap();
        update(&mut m, Msg::Dashboard(october, Err("late".into())));
        assert!(m.screens.dashboard().unwrap().loading, "still waiting for September");
        assert!(m.message.is_none(), "a stale failure says nothing");
        // September's read fails: said in the footer and on the screen, nothing else shown.
        update(&mut m, Msg::Dashboard(september, Err("database is locked".into())));
        let screen = m.screens.dashboard().unwrap();
        assert!(!screen.loading && screen.figures().is_none());
        assert_eq!(
            screen.error.as_deref(),
            Some("Dashboard not loaded: database is locked")
        );
        assert!(m.message.as_ref().unwrap().error);
        update(&mut m, Msg::Action(Action::NextMonth));
        assert_eq!(m.screens.dashboard().unwrap().month, october);
        assert!(update(&mut m, Msg::Action(Action::NextMonth)).is_empty());
        assert_eq!(m.screens.dashboard().unwrap().month, october);
        // Triage takes the screen from the dashboard (from the palette, say).
        update(&mut m, Msg::Action(Action::Triage));
        assert!(m.screens.dashboard().is_none() && m.screens.triage().is_some());
        // Outside the dashboard, the month keys say they do nothing here.
        update(&mut m, Msg::Action(Action::Close));
        assert!(update(&mut m, Msg::Action(Action::PrevMonth)).is_empty());
        assert!(m.message.as_ref().unwrap().error);
    }
}
