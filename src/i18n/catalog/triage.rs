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
    }
}
