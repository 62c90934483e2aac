//! The words of `report` (monthly and weekly), in the source documents' own terms.

use crate::domain::kpi::{Breakdown, Kpi};

crate::i18n::texts::catalogue_struct! {
/// One name per KPI: a field each, so a language lacking one does not build.
pub struct KpiNames {
    pub satisfaction_avg: &'static str,
    pub satisfied_share: &'static str,
    pub complaint_on_time: &'static str,
    pub first_response: &'static str,
    pub first_contact_resolution: &'static str,
    pub request_resolution: &'static str,
    pub callback_on_time: &'static str,
    pub avg_handling: &'static str,
    pub churn_rate: &'static str,
    pub backlog: &'static str,
}
}

impl KpiNames {
    pub fn of(&self, kpi: Kpi) -> &'static str {
        match kpi {
            Kpi::SatisfactionAvg => self.satisfaction_avg,
            Kpi::SatisfiedShare => self.satisfied_share,
            Kpi::ComplaintOnTimeRate => self.complaint_on_time,
            Kpi::FirstResponseCompliance => self.first_response,
            Kpi::FirstContactResolutionRate => self.first_contact_resolution,
            Kpi::RequestResolutionRate => self.request_resolution,
            Kpi::CallbackOnTimeRate => self.callback_on_time,
            Kpi::AvgHandlingMinutes => self.avg_handling,
            Kpi::ChurnRate => self.churn_rate,
            Kpi::Backlog => self.backlog,
        }
    }
}

crate::i18n::texts::catalogue_struct! {
/// What a breakdown groups by, as a word (`--by` itself stays English).
pub struct BreakdownNames {
    pub agent: &'static str,
    pub department: &'static str,
    pub kind: &'static str,
    pub channel: &'static str,
}
}

impl BreakdownNames {
    pub fn of(&self, by: Breakdown) -> &'static str {
        match by {
            Breakdown::Agent => self.agent,
            Breakdown::Department => self.department,
            Breakdown::Kind => self.kind,
            Breakdown::Channel => self.channel,
        }
    }
}

crate::i18n::texts::catalogue_struct! {
pub struct ReportStrings {
    /// The KPI table's first column.
    pub kpis: KpiNames,
    /// Column headers of the breakdown table, where space is short.
    pub kpis_short: KpiNames,
    pub breakdowns: BreakdownNames,
    /// The first column header of the breakdown table.
    pub breakdown_headers: BreakdownNames,
    /// `{month}`, `{timezone}`, `{as_of}`.
    pub title: &'static str,
    pub col_kpi: &'static str,
    pub col_change: &'static str,
    pub col_measured: &'static str,
    /// The same columns in a Markdown table.
    pub md_change: &'static str,
    pub md_measured: &'static str,
    /// After a rate's change in percentage points: `{change}`.
    pub points: &'static str,
    /// The survey line: `{counts}`, the items joined by [`Self::distribution_gap`].
    pub distribution: &'static str,
    /// `{score}`, `{count}`.
    pub distribution_item: &'static str,
    pub distribution_gap: &'static str,
    /// A breakdown group without an assignee or department.
    pub no_group: &'static str,
    /// Over the breakdown table: `{by}`, `{month}`.
    pub by_title: &'static str,
    /// The Markdown heading of the breakdown: `{by}`.
    pub md_by_title: &'static str,
    // `report --weekly`.
    pub week_of: &'static str,
    pub week_opened: &'static str,
    pub week_resolved: &'static str,
    pub week_first_response: &'static str,
}
}
