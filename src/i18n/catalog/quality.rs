//! The words of the Data quality view — likely duplicates, customers
//! missing contact details, the merge and archive confirmations — kept
//! beside the main catalogue and reached through `Strings::quality`.

use crate::domain::duplicates::Evidence;

pub struct QualityStrings {
    pub title: &'static str,
    /// `{0}` pairs, `{1}` customers missing contact details.
    pub title_counts: &'static str,
    /// A section heading: `{0}` its name, `{1}` its count.
    pub section: &'static str,
    pub section_duplicates: &'static str,
    pub section_missing: &'static str,
    /// The duplicates' count when only the strongest are listed: `{0}` listed, `{1}` in all.
    pub strongest_of: &'static str,
    /// Before the selected row.
    pub selected_mark: &'static str,
    pub col_customer: &'static str,
    pub col_same_as: &'static str,
    pub col_evidence: &'static str,
    pub col_code: &'static str,
    pub col_name: &'static str,
    pub col_tier: &'static str,
    pub col_last_activity: &'static str,
    pub evidence: &'static [(Evidence, &'static str)],
    /// Between two pieces of evidence.
    pub evidence_separator: &'static str,
    /// No activity recorded at all.
    pub never: &'static str,
    pub none: &'static str,
    pub unreadable: &'static str,
    pub merge_title: &'static str,
    pub merge_keep: &'static str,
    pub merge_duplicate: &'static str,
    pub merge_evidence: &'static str,
    /// `{0}` the kept customer's code.
    pub merge_moves: &'static str,
    /// `{0}`…`{4}` tickets, interactions, orders, surveys, reminders.
    pub merge_counts: &'static str,
    pub merge_counting: &'static str,
    /// `{0}` the duplicate's code, `{1}` the kept one's.
    pub merge_after: &'static str,
    pub merge_swap_note: &'static str,
    pub archive_title: &'static str,
    pub archive_days: &'static str,
    /// After the number of days.
    pub days_unit: &'static str,
    pub archive_rule: &'static str,
    /// `{0}` how many, `{1}` the days.
    pub archive_found: &'static str,
    pub archive_none: &'static str,
    pub archive_finding: &'static str,
    /// `{0}` how many more than shown.
    pub archive_more: &'static str,
    pub archive_type_days: &'static str,
    /// `{0}` duplicate code, `{1}` kept code, `{2}`…`{6}` the counts moved.
    pub msg_merged: &'static str,
    pub msg_merge_failed: &'static str,
    /// `{0}` how many, `{1}` the days.
    pub msg_archived: &'static str,
    pub msg_archive_failed: &'static str,
    pub msg_nothing_to_archive: &'static str,
    pub msg_not_a_pair: &'static str,
    pub msg_no_row: &'static str,
    pub msg_still_counting: &'static str,
}

impl QualityStrings {
    pub fn evidence_label(&self, e: Evidence) -> &'static str {
        self.evidence
            .iter()
            .find(|(k, _)| *k == e)
            .map_or(e.key(), |(_, label)| label)
    }
}
