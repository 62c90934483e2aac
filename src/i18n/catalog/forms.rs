//! The words about typed work in forms — which key saves, drafts kept on
//! Esc, the questions asked before typed text is lost — kept beside the
//! main catalogue and reached through `Strings::forms`.

crate::i18n::texts::catalogue_struct! {
    pub struct FormStrings {
        /// `{key}` the key that saves, e.g. `C-s`.
        pub last_field: &'static str,
        /// `{form}` the form's title.
        pub draft_kept: &'static str,
        pub draft_restored: &'static str,
        /// `{count}` how many other drafts of the same form on the same record wait.
        pub draft_restored_more: &'static str,
        /// `{form}` the form's title.
        pub ask_discard: &'static str,
        /// `{count}` how many drafts.
        pub ask_quit: &'static str,
        /// `{form}` the form's title.
        pub discarded: &'static str,
        /// After a question answered with anything but `y`.
        pub kept: &'static str,
    }
}
