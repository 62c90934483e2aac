//! The dashboard's words, kept beside the main catalogue and reached through
//! `Strings::dashboard`.

use crate::domain::kpi::Kpi;

pub struct DashboardStrings {
    /// `{0}` the month shown, `{1}` the month it is compared with.
    pub title: &'static str,
    /// `{0}` the local time the figures were read.
    pub as_of: &'static str,
    /// Short KPI names for the tiles.
    pub kpis: &'static [(Kpi, &'static str)],
    /// After a change of a rate: percentage points.
    pub points: &'static str,
    /// After a number of minutes.
    pub minutes: &'static str,
    /// `{0}` the previous month's value.
    pub previous: &'static str,
    pub tickets_per_week: &'static str,
    pub opened: &'static str,
    pub resolved: &'static str,
    pub first_response: &'static str,
    /// `{0}` surveys in the month.
    pub distribution: &'static str,
    pub at_risk: &'static str,
    pub none_at_risk: &'static str,
    /// Churn warnings: `{0}` recent contacts, `{1}` contacts before.
    pub reason_fewer_contacts: &'static str,
    /// `{0}` complaints, `{1}` days.
    pub reason_complaints: &'static str,
    /// `{0}` the average, `{1}` the threshold.
    pub reason_low_satisfaction: &'static str,
    /// `{0}` days since the last order, `{1}` the usual gap in days.
    pub reason_orders_overdue: &'static str,
    /// `{0}` the current month, beyond which there is nothing to show.
    pub latest_month: &'static str,
    pub earliest_month: &'static str,
    pub failed: &'static str,
}
