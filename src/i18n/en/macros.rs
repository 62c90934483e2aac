//! English: macros and ticket tags.

use crate::i18n::catalog::macros::MacroStrings;

pub const MACROS: MacroStrings = MacroStrings {
    empty_macro: "a macro needs a reply or at least one change (--reply, --status, --priority, --add-tag, --remove-tag, --assignee)",
    removed: "macro “{name}” removed",
    applied: "ticket #{id}: macro “{name}” applied; status {status}, version {version}",
    none_yet: "No macros yet. Add one with: frontdesk macro add NAME --reply TEXT [--status S] …",
    col_name: "Name",
    col_does: "Does",
    does_reply: "reply",
    does_status: "status → {status}",
    does_priority: "priority → {priority}",
    does_add_tags: "tag +{tags}",
    does_remove_tags: "tag −{tags}",
    does_assign: "assign to {assignee}",
    does_unassign: "unassign",
    separator: "; ",
    list_separator: ", ",
    picker_title: "Apply a macro to #{id}",
    picker_filter: "Filter: ",
    picker_keys: "↑↓ choose · Enter apply · Esc cancel · type to filter",
    picker_empty: "No macros yet: add one with `frontdesk macro add`.",
    picker_no_match: "No macro matches.",
    picker_reply: "Reply: ",
    no_ticket: "Select a ticket first.",
    applied_tui: "Macro “{name}” applied to #{id}.",
    not_applied: "Macro not applied: {reason}",
    fields: &[("macro", "Macro")],
};
