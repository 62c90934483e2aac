//! English: dashboard.

use crate::domain::kpi::Kpi;
use crate::i18n::catalog::dashboard::DashboardStrings;

pub const DASHBOARD: DashboardStrings = DashboardStrings {
    title: "Dashboard {0} (vs {1})",
    as_of: "as of {0}",
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
    minutes: " min",
    previous: "was {0}",
    tickets_per_week: "Per week: opened, resolved",
    opened: "opened",
    resolved: "resolved",
    first_response: "Response on time per week",
    distribution: "{0} surveys by score",
    at_risk: "At-risk customers now",
    none_at_risk: "No customer at risk",
    reason_fewer_contacts: "contacts down to {0} from {1}",
    reason_complaints: "{0} complaints in {1} days",
    reason_low_satisfaction: "satisfaction {0} (below {1})",
    reason_orders_overdue: "no order for {0} days, usually every {1}",
    latest_month: "{0} is the current month: nothing later to show",
    earliest_month: "No earlier month",
    failed: "Dashboard not loaded: {0}",
};
