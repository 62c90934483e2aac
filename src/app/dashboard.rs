//! The dashboard mode: which month is shown, the figures last read for it and when they
//! were asked for. Reading them is slow on a big database (about a second), so they are
//! read on entering, on a month change, on `C-r` and at most every
//! [`RELOAD_EVERY_SECONDS`] after other agents' writes — never while drawing.
//!
//! The figures of every month seen are kept with the report stamp read before them: a month
//! paged back to, or a write elsewhere, asks the worker only whether the stamp moved, and the
//! kept figures are shown again when it did not (a write that cannot change them, such as a
//! heartbeat or a knowledge-base edit, leaves it alone); the current month's only for
//! [`RELOAD_EVERY_SECONDS`], as its figures also move with the time. A moved stamp reads the month anew
//! and drops every figure kept with an older stamp, so none from before a write is shown.

use crate::domain::churn::ChurnReason;
use crate::domain::period::Month;
use crate::i18n::catalog::dashboard::DashboardStrings;
use crate::i18n::fill;
use crate::service::dashboard::Dashboard;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// Other agents' writes refresh the figures at most this often.
pub const RELOAD_EVERY_SECONDS: i64 = 30;

#[derive(Debug, Clone)]
pub struct DashboardScreen {
    pub month: Month,
    /// The last figures read; kept while newer ones are on their way.
    pub data: Option<Box<Dashboard>>,
    /// Figures for `month` have been asked for and not yet come.
    pub loading: bool,
    /// When figures were last asked for.
    pub requested_at: DateTime<Utc>,
    /// Another agent wrote since: read again once [`RELOAD_EVERY_SECONDS`] have passed.
    pub stale: bool,
    /// Why the last read failed, shown where there are no figures to show.
    pub error: Option<String>,
    /// The customer at risk that Enter opens (an index into the figures' list).
    pub at_risk_selected: usize,
    /// The figures of the months seen, all read with the same (the latest) report stamp.
    pub kept: BTreeMap<Month, Box<Dashboard>>,
}

impl DashboardScreen {
    pub fn new(month: Month, now: DateTime<Utc>) -> DashboardScreen {
        DashboardScreen {
            month,
            data: None,
            loading: true,
            requested_at: now,
            stale: false,
            error: None,
            at_risk_selected: 0,
            kept: BTreeMap::new(),
        }
    }

    /// The stamp of the figures kept for the month on screen, if they may be shown again
    /// while it holds: a past month's whatever their age (seen from its end, they change
    /// only with the data), the current month's only while younger than
    /// [`RELOAD_EVERY_SECONDS`] (they move with the time too: clocks run out).
    pub fn reusable_stamp(&self, current: Month, now: DateTime<Utc>) -> Option<crate::service::dashboard::ReportStamp> {
        let kept = self.kept.get(&self.month)?;
        let fresh = (now - kept.as_of).num_seconds() < RELOAD_EVERY_SECONDS;
        (self.month < current || fresh).then_some(kept.stamp)
    }

    /// Keeps newly read figures; those read with another stamp go (a write came between).
    pub fn keep(&mut self, figures: &Dashboard) {
        self.kept.retain(|_, d| d.stamp == figures.stamp);
        self.kept.insert(figures.report.month, Box::new(figures.clone()));
    }

    /// Figures for the month on screen, if they have come.
    pub fn figures(&self) -> Option<&Dashboard> {
        self.data.as_deref().filter(|d| d.report.month == self.month)
    }

    /// Whether a read after another agent's write may start now.
    pub fn may_reload(&self, now: DateTime<Utc>) -> bool {
        (now - self.requested_at).num_seconds() >= RELOAD_EVERY_SECONDS
    }
}

/// A churn warning in a few words.
pub fn reason(r: &ChurnReason, s: &DashboardStrings) -> String {
    match r {
        ChurnReason::FewerContacts { recent, before, .. } => fill(
            s.reason_fewer_contacts,
            &[("recent", &recent.to_string()), ("before", &before.to_string())],
        ),
        ChurnReason::Complaints { count, window_days } => {
            s.reason_complaints.of(*count, &[("days", &window_days.to_string())])
        }
        ChurnReason::LowSatisfaction { average, below } => fill(
            s.reason_low_satisfaction,
            &[
                ("average", &format!("{average:.1}")),
                ("threshold", &format!("{below:.1}")),
            ],
        ),
        ChurnReason::OrdersOverdue {
            days_since_last,
            usual_days,
        } => fill(
            s.reason_orders_overdue,
            &[
                ("days", &days_since_last.to_string()),
                ("usual", &usual_days.to_string()),
            ],
        ),
    }
}

/// A week under its bar: the local date of its Monday, `10-05`.
pub fn week_label(start: DateTime<Utc>, tz: Tz) -> String {
    start.with_timezone(&tz).format("%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_in_a_few_words() {
        let s = &crate::i18n::EN.dashboard;
        let cases = [
            (
                ChurnReason::FewerContacts {
                    recent: 1,
                    before: 6,
                    window_days: 90,
                },
                "contacts down to 1 from 6",
            ),
            (
                ChurnReason::Complaints {
                    count: 3,
                    window_days: 30,
                },
                "3 complaints in 30 days",
            ),
            (
                ChurnReason::LowSatisfaction {
                    average: 2.333,
                    below: 3.0,
                },
                "satisfaction 2.3 (below 3.0)",
            ),
            (
                ChurnReason::OrdersOverdue {
                    days_since_last: 70,
                    usual_days: 20,
                },
                "no order for 70 days, usually every 20",
            ),
        ];
        for (r, want) in cases {
            assert_eq!(reason(&r, s), want);
        }
    }

    #[test]
    fn reloads_after_writes_wait_their_turn() {
        let t0: DateTime<Utc> = "2026-10-05T09:30:00Z".parse().unwrap();
        let screen = DashboardScreen::new("2026-10".parse().unwrap(), t0);
        assert!(!screen.may_reload(t0 + chrono::Duration::seconds(29)));
        assert!(screen.may_reload(t0 + chrono::Duration::seconds(30)));
        assert_eq!(week_label(t0, chrono_tz::Asia::Shanghai), "10-05");
    }
}
