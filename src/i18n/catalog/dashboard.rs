//! The dashboard's words, kept beside the main catalogue and reached through
//! `Strings::dashboard`.

use crate::domain::kpi::Kpi;
use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct DashboardStrings {
        /// `{month}` the month shown, `{previous}` the month it is compared with.
        pub title: &'static str,
        /// `{time}` the local time the figures were read.
        pub as_of: &'static str,
        /// Short KPI names for the tiles.
        pub kpis: &'static [(Kpi, &'static str)],
        /// After a change of a rate: percentage points.
        pub points: &'static str,
        /// `{value}` the previous month's value.
        pub previous: &'static str,
        pub tickets_per_week: &'static str,
        pub opened: &'static str,
        pub resolved: &'static str,
        pub first_response: &'static str,
        /// `{count}` surveys in the month.
        pub distribution: Plural,
        pub at_risk: &'static str,
        pub none_at_risk: &'static str,
        /// Churn warnings: `{recent}` recent contacts, `{before}` contacts before.
        pub reason_fewer_contacts: &'static str,
        /// `{count}` complaints, `{days}` days.
        pub reason_complaints: Plural,
        /// `{average}` the average, `{threshold}` the threshold.
        pub reason_low_satisfaction: &'static str,
        /// `{days}` since the last order, `{usual}` the usual gap in days.
        pub reason_orders_overdue: &'static str,
        /// `{month}` the current month, beyond which there is nothing to show.
        pub latest_month: &'static str,
        pub earliest_month: &'static str,
        /// `{reason}` why not.
        pub failed: &'static str,
    }
}
