//! English: forms.

use crate::i18n::catalog::forms::FormStrings;

pub const FORMS: FormStrings = FormStrings {
    last_field: "Last field: {key} saves",
    draft_kept: "Draft kept: open “{form}” again to go on",
    draft_restored: "Your draft is back",
    draft_restored_more: "Your draft is back; {count} more of this form kept (save or discard this one to see it)",
    ask_discard: "Discard what you typed in “{form}”? y / n",
    ask_quit: "Unsaved drafts: {count}. Quit and lose them? y / n",
    discarded: "“{form}” discarded",
    kept: "Kept",
};
