//! The dashboard mode: entering and leaving it, moving between months, and when its
//! figures are read again.

use crate::app::action::Action;
use crate::app::dashboard::DashboardScreen;
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg};
use crate::domain::period::Month;
use crate::strings::fill;

/// `d`: the dashboard of the current month, full screen. The one place that turns the
/// mode on; whatever covered the panes (a card, a ticket, triage) closes.
pub fn enter(model: &mut Model) -> Vec<Effect> {
    model.detail = None;
    model.triage = None;
    let month = current_month(model);
    model.dashboard = Some(DashboardScreen::new(month, model.now));
    vec![Effect::LoadDashboard(month)]
}

/// Esc or `q`: back to the panes as they were, read again.
pub fn leave(model: &mut Model) -> Vec<Effect> {
    model.dashboard = None;
    super::reload(model)
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
    let Some(screen) = &mut model.dashboard else {
        model.warn(fill(s.msg_not_in_this_view, &[s.action(action)]));
        return Vec::new();
    };
    let month = match action {
        Action::PrevMonth if Some(screen.month) > earliest_month() => screen.month.previous(),
        Action::PrevMonth => {
            model.warn(s.dashboard.earliest_month.to_string());
            return Vec::new();
        }
        _ if screen.month >= current => {
            model.warn(fill(s.dashboard.latest_month, &[&current.to_string()]));
            return Vec::new();
        }
        _ => screen.month.next(),
    };
    screen.month = month;
    request(model)
}

/// `C-r` on the dashboard: its figures now, whatever the time since the last read.
pub fn refresh(model: &mut Model) -> Vec<Effect> {
    model.say(model.strings.msg_refreshed.to_string());
    request(model)
}

/// Another agent wrote (or a change was saved here): the figures are read again, at most
/// every [`RELOAD_EVERY_SECONDS`](crate::app::dashboard::RELOAD_EVERY_SECONDS); until then
/// the last ones stay, marked stale, and a tick picks the read up.
pub fn changed_elsewhere(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    match &mut model.dashboard {
        Some(screen) if screen.may_reload(now) => request(model),
        Some(screen) => {
            screen.stale = true;
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// A stale dashboard is read again once its turn has come.
pub fn tick(model: &mut Model) -> Vec<Effect> {
    match &model.dashboard {
        Some(screen) if screen.stale && screen.may_reload(model.now) => request(model),
        _ => Vec::new(),
    }
}

/// Asks for the figures of the month on screen.
fn request(model: &mut Model) -> Vec<Effect> {
    let now = model.now;
    let Some(screen) = &mut model.dashboard else {
        return Vec::new();
    };
    screen.loading = true;
    screen.stale = false;
    screen.requested_at = now;
    vec![Effect::LoadDashboard(screen.month)]
}

/// Figures arrived. Those of a month no longer on screen are dropped (months were paged
/// through faster than they were read); a failure keeps the last figures.
pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let s = model.strings;
    let Msg::Dashboard(month, figures) = msg else {
        return Vec::new();
    };
    let Some(screen) = &mut model.dashboard else {
        return Vec::new();
    };
    if screen.month != month {
        return Vec::new();
    }
    screen.loading = false;
    match figures {
        Ok(figures) => screen.data = Some(figures),
        Err(why) => model.warn(fill(s.dashboard.failed, &[&why])),
    }
    Vec::new()
}
