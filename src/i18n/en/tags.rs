//! English: tags.

use crate::i18n::catalog::tags::TagStrings;

pub const TAGS: TagStrings = TagStrings {
    form_title: "Tags · ticket #{ticket}",
    fields: &[("add-tag", "Add tags"), ("remove-tag", "Remove tags")],
    no_ticket: "Select a ticket to tag first.",
};
