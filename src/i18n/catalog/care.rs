//! The words of sharing one file among agents — who else has a ticket
//! open, and the dialog shown when a save meets a record changed
//! meanwhile — kept beside the main catalogue and reached through
//! `Strings::care`.

crate::i18n::texts::catalogue_struct! {
    pub struct CareStrings {
        /// `{agents}` the other agents with the ticket open, by name.
        pub also_open: &'static str,
        /// `{record}` the record ("ticket #12", "customer C0001").
        pub conflict_title: &'static str,
        /// `{record}` the record.
        pub conflict_intro: &'static str,
        pub conflict_reading: &'static str,
        pub col_field: &'static str,
        pub col_started: &'static str,
        pub col_yours: &'static str,
        pub col_now: &'static str,
        /// Heading of the fields the agent changed.
        pub yours_heading: &'static str,
        /// Heading of the fields only the other agent changed.
        pub theirs_heading: &'static str,
        /// After a field the other agent changed too.
        pub both_changed: &'static str,
        /// `{agent}`, `{when}`: who stored the value now shown.
        pub changed_by: &'static str,
        pub reapply_note: &'static str,
        /// `{ticket}` its number.
        pub record_ticket: &'static str,
        /// `{code}` its code.
        pub record_customer: &'static str,
        /// `{record}` the record: the agent's changes were dropped.
        pub discarded: &'static str,
        /// `{record}` the record: back in the form, which now compares with it.
        pub back_to_form: &'static str,
        /// A ticket or customer removed meanwhile: `{reason}` what is gone.
        pub gone: &'static str,
    }
}
