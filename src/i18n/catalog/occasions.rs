//! The words of birthdays, anniversaries and low-survey follow-ups in the
//! terminal UI, kept beside the main catalogue and reached through
//! `Strings::occasions`.

crate::i18n::texts::catalogue_struct! {
    pub struct OccasionStrings {
        /// Form and card labels the other catalogues do not have.
        pub fields: &'static [(&'static str, &'static str)],
        /// `x` on a birthday or anniversary reminder: `{key}` the key that logs a contact.
        pub msg_occasion_not_done: &'static str,
        /// `x` on a low-survey follow-up: `{key}` the key that logs a contact.
        pub msg_survey_not_done: &'static str,
    }
}
