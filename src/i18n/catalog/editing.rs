//! The words of editing records after the fact (a ticket's subject, kind
//! and description, an interaction's text) and of writing long text in
//! `$EDITOR` from the shell, reached through `Strings::editing`.

crate::i18n::texts::catalogue_struct! {
    pub struct EditingStrings {
        /// Labels of the form fields this area adds, by service key.
        pub fields: &'static [(&'static str, &'static str)],
        /// Title of the form that edits an interaction: `{id}` its number.
        pub form_edit_interaction: &'static str,
        /// In the footer after an interaction's text was saved.
        pub interaction_saved: &'static str,
        /// When `e` is pressed on a timeline line that is a ticket event,
        /// which is history and not editable.
        pub not_editable: &'static str,
        /// Why the text from `$EDITOR` was refused: it was empty (after the
        /// comment lines were left out), which cancels, as `git commit` does.
        pub empty_text: &'static str,
        /// The comment block under an empty reply in `$EDITOR`: `{ticket}`
        /// the number, `{subject}` the ticket's subject, `{customer}` its customer.
        pub reply_template: &'static str,
        /// The same for an internal note.
        pub note_template: &'static str,
        /// Why `$EDITOR` (the value, named before this) was refused: it could
        /// not run or failed, `{why}` in the OS's words.
        pub editor_failed: &'static str,
        /// `ticket set ID` given no option: which ones change something.
        pub nothing_to_change: &'static str,
    }
}
