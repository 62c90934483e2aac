//! The triage screen's words, kept beside the main catalogue (which is
//! already long) and reached through `Strings::triage`.

use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct TriageStrings {
        /// `{ticket}` its number, `{subject}` its subject.
        pub title: &'static str,
        /// `{count}` tickets waiting after this one.
        pub remaining: &'static str,
        pub customer: &'static str,
        pub other_open: &'static str,
        pub recent: &'static str,
        pub none_left: &'static str,
        pub nothing_to_undo: &'static str,

        /// `{ticket}` the number, `{decision}` what was decided.
        pub decided: &'static str,
        /// `{ticket}` the number.
        pub undone: &'static str,
        /// `{reason}` why not.
        pub undo_refused: &'static str,
        /// `{reason}` why not.
        pub failed: &'static str,
        /// `{count}` tickets marked in the queue.
        pub marked: &'static str,
        /// `{count}` marked tickets changed at once.
        pub bulk_changed: Plural,
        /// A form's title (`{form}`) and the number of marked tickets it changes.
        pub bulk_title: Plural,
        /// `{count}` tickets that crossed into "at risk" since the last look.
        pub newly_at_risk: &'static str,
        /// `{count}` tickets that crossed into "breached" since the last look.
        pub newly_breached: &'static str,

        /// When a run has nothing left: `{decided}` and `{skipped}` tickets.
        pub run_summary: &'static str,
        /// Under the summary: how to go on.
        pub run_next: &'static str,
        /// Undo refused, the step dropped: `{ticket}` changed since.
        pub undo_conflict: &'static str,
        /// `{count}` tickets of a bulk change put back.
        pub undone_bulk: Plural,
        /// `{action}` does not fit ticket `{ticket}` in status `{status}`.
        pub not_for_card: &'static str,
        /// The ticket page's field: who last decided on it in triage.
        pub triaged_label: &'static str,
        /// Its value: `{agent}` and `{at}`.
        pub triaged_value: &'static str,
        /// Shown before the status of a triaged ticket in the queue.
        pub triaged_mark: &'static str,
        /// The queue now hides triaged tickets / shows all again.
        pub untriaged_only_on: &'static str,
        pub untriaged_only_off: &'static str,
        /// Title of the form `d` opens on a card, asking how the ticket
        /// was resolved: `{ticket}` its number.
        pub resolve_title: &'static str,
        /// The queue's count in its title while `U` hides triaged tickets,
        /// so the narrowed list never passes for the whole queue.
        pub untriaged_count: &'static str,
    }
}
