//! English: editing.

use crate::i18n::catalog::editing::EditingStrings;

pub const EDITING: EditingStrings = EditingStrings {
    fields: &[("description", "Description"), ("resolution", "Resolution note")],
    form_edit_interaction: "Edit interaction #{id}",
    interaction_saved: "Interaction #{id} saved",
    not_editable: "A ticket event is history and cannot be edited; select an interaction",
    empty_text: "the text is empty: cancelled, nothing was written",
    reply_template: "\n# Write the reply to ticket #{ticket} ({customer}: {subject}).\n# Lines starting with '#' are left out; an empty text cancels the reply.\n",
    note_template: "\n# Write the internal note on ticket #{ticket} ({customer}: {subject}).\n# Lines starting with '#' are left out; an empty text cancels the note.\n",
    editor_failed: "it did not finish ({why}); give the text with --summary or --body-file",
    nothing_to_change: "nothing to change: give at least one of --priority, --status, --assignee, --department, --category, --subject, --kind, --description, --add-tag, --remove-tag",
};
