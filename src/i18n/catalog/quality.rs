//! The words of the Data quality view — likely duplicates, customers
//! missing contact details, the merge and archive confirmations — kept
//! beside the main catalogue and reached through `Strings::quality`.

use crate::domain::duplicates::Evidence;
use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct QualityStrings {
        pub title: &'static str,
        /// In the title: `{count}` pairs of likely duplicates.
        pub title_duplicates: Plural,
        /// In the title: `{count}` customers missing contact details.
        pub title_missing: Plural,
        /// A section heading: `{name}` its name, `{count}` its count.
        pub section: &'static str,
        pub section_duplicates: &'static str,
        pub section_missing: &'static str,
        /// The duplicates' count when only the strongest are listed:
        /// `{shown}` listed, `{total}` in all.
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
        /// `{code}` the kept customer's code.
        pub merge_moves: &'static str,
        /// What a merge moves, each `{count}`; listed with `moved_separator`.
        pub moved_tickets: Plural,
        pub moved_interactions: Plural,
        pub moved_orders: Plural,
        pub moved_surveys: Plural,
        pub moved_reminders: Plural,
        pub moved_separator: &'static str,
        pub merge_counting: &'static str,
        /// `{duplicate}` the duplicate's code, `{keep}` the kept one's.
        pub merge_after: &'static str,
        pub merge_swap_note: &'static str,
        pub archive_title: &'static str,
        pub archive_days: &'static str,
        /// The days typed, `{days}`: "365 days", "365天".
        pub days_typed: &'static str,

        pub archive_rule: &'static str,
        /// `{count}` how many, `{days}` the days.
        pub archive_found: Plural,
        pub archive_none: &'static str,
        pub archive_finding: &'static str,
        /// `{count}` how many more than shown.
        pub archive_more: &'static str,
        pub archive_type_days: &'static str,
        /// `{duplicate}` its code, `{keep}` the kept code, `{moved}` what
        /// moved (the `moved_*` list).
        pub msg_merged: &'static str,
        /// `{reason}` why not.
        pub msg_merge_failed: &'static str,
        /// `{count}` how many, `{days}` the days.
        pub msg_archived: Plural,
        /// `{reason}` why not.
        pub msg_archive_failed: &'static str,
        pub msg_nothing_to_archive: &'static str,
        pub msg_not_a_pair: &'static str,
        pub msg_no_row: &'static str,
        pub msg_still_counting: &'static str,
    }
}

impl QualityStrings {
    pub fn evidence_label(&self, e: Evidence) -> &'static str {
        self.evidence
            .iter()
            .find(|(k, _)| *k == e)
            .map_or(e.key(), |(_, label)| label)
    }
}
