//! The words of ticket tags in the TUI (the `T` form), reached through
//! `Strings::tags`.

crate::i18n::texts::catalogue_struct! {
    pub struct TagStrings {
        /// The title of the tags form: `{ticket}` is its number.
        pub form_title: &'static str,
        /// Labels of the form's boxes, by field key (the `ticket set`
        /// option their errors name).
        pub fields: &'static [(&'static str, &'static str)],
        /// `T` with no ticket on screen.
        pub no_ticket: &'static str,
    }
}
