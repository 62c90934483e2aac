//! The names of the stages of long work, beside the progress bar on a
//! terminal; reached through `Strings::progress`.

crate::i18n::texts::catalogue_struct! {
    pub struct ProgressStrings {
        pub reading: &'static str,
        pub customers: &'static str,
        pub tickets: &'static str,
        pub interactions: &'static str,
        pub orders: &'static str,
        pub surveys: &'static str,
        pub reminders: &'static str,
        pub articles: &'static str,
        pub search_index: &'static str,
        pub segments: &'static str,
        pub rows: &'static str,
        pub indexes: &'static str,
        /// Mail read into tickets (`mail import`, `mail fetch`).
        pub mail: &'static str,
    }
}
