//! English: dashboard.

use crate::domain::kpi::Kpi;
use crate::i18n::Plural;
use crate::i18n::catalog::dashboard::DashboardStrings;

pub const DASHBOARD: DashboardStrings = DashboardStrings {
    title: "Dashboard {month} (vs {previous})",
    as_of: "as of {time}",
    kpis: &[
        (Kpi::SatisfactionAvg, "Mean satisfaction"),
        (Kpi::SatisfiedShare, "Satisfied (≥ 4)"),
        (Kpi::ComplaintOnTimeRate, "Complaints on time"),
        (Kpi::FirstResponseCompliance, "Response on time"),
        (Kpi::FirstContactResolutionRate, "Solved first time"),
        (Kpi::RequestResolutionRate, "Requests resolved"),
        (Kpi::CallbackOnTimeRate, "Callbacks on time"),
        (Kpi::AvgHandlingMinutes, "Handling time"),
        (Kpi::ChurnRate, "Churn rate"),
        (Kpi::Backlog, "Backlog"),
    ],
    points: " pts",
    previous: "was {value}",
    tickets_per_week: "Per week: opened, resolved",
    opened: "opened",
    resolved: "resolved",
    first_response: "Response on time per week",
    distribution: Plural {
        one: "{count} survey by score",
        other: "{count} surveys by score",
    },
    at_risk: "At-risk customers now",
    none_at_risk: "No customer at risk",
    reason_fewer_contacts: "contacts down to {recent} from {before}",
    reason_complaints: Plural {
        one: "{count} complaint in {days} days",
        other: "{count} complaints in {days} days",
    },
    reason_low_satisfaction: "satisfaction {average} (below {threshold})",
    reason_orders_overdue: "no order for {days} days, usually every {usual}",
    latest_month: "{month} is the current month: nothing later to show",
    earliest_month: "No earlier month",
    failed: "Dashboard not loaded: {reason}",
};
