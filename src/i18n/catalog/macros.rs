//! The words of macros (a named reply plus field changes) and of ticket
//! tags, reached through `Strings::macros`.

crate::i18n::texts::catalogue_struct! {
    pub struct MacroStrings {
        /// Why a macro with no reply and no change is refused.
        pub empty_macro: &'static str,
        /// `macro remove`: `{name}` removed.
        pub removed: &'static str,
        /// `ticket macro`: `{name}` applied to ticket `{id}`, now `{status}`,
        /// version `{version}`.
        pub applied: &'static str,
        /// `macro list` with no macro.
        pub none_yet: &'static str,
        /// Column headers of `macro list`.
        pub col_name: &'static str,
        pub col_does: &'static str,
        /// What a macro does, one part each, joined by `separator`.
        pub does_reply: &'static str,
        /// `{status}`: the status label.
        pub does_status: &'static str,
        /// `{priority}`: the priority label.
        pub does_priority: &'static str,
        /// `{tags}`: the tags added, joined by `list_separator`.
        pub does_add_tags: &'static str,
        pub does_remove_tags: &'static str,
        /// `{assignee}`: the agent who takes the ticket.
        pub does_assign: &'static str,
        pub does_unassign: &'static str,
        pub separator: &'static str,
        pub list_separator: &'static str,
        /// The picker's title: macros for ticket `{id}`.
        pub picker_title: &'static str,
        /// Before the typed filter text in the picker.
        pub picker_filter: &'static str,
        /// The picker's last line: its keys.
        pub picker_keys: &'static str,
        /// In the picker when no macro exists.
        pub picker_empty: &'static str,
        /// In the picker when none matches the filter.
        pub picker_no_match: &'static str,
        /// In the picker, over the reply's first line.
        pub picker_reply: &'static str,
        /// `M` where no ticket is selected.
        pub no_ticket: &'static str,
        /// The status line after a macro was applied in the terminal UI.
        pub applied_tui: &'static str,
        /// The status line when it was refused: `{reason}`, why.
        pub not_applied: &'static str,
        /// Field labels of the audit log: a macro applied, ticket tags.
        pub fields: &'static [(&'static str, &'static str)],
    }
}
