//! Simplified Chinese: forms.

use crate::i18n::catalog::forms::FormStrings;

pub const FORMS: FormStrings = FormStrings {
    last_field: "Last field: {0} saves",
    draft_kept: "Draft kept: open “{0}” again to go on",
    draft_restored: "Your draft is back",
    draft_restored_more: "Your draft is back; {0} more of this form kept (save or discard this one to see it)",
    ask_discard: "Discard what you typed in “{0}”? y / n",
    ask_quit: "Unsaved drafts: {0}. Quit and lose them? y / n",
    discarded: "“{0}” discarded",
    kept: "Kept",
};
