//! Simplified Chinese: care.

use crate::i18n::catalog::care::CareStrings;

pub const CARE: CareStrings = CareStrings {
    also_open: "● Also open: {0}",
    conflict_title: "{0} changed meanwhile",
    conflict_intro: "Someone saved {0} after you opened it. Nothing of yours is saved yet.",
    conflict_reading: "Reading what changed…",
    col_field: "Field",
    col_started: "You started from",
    col_yours: "Yours",
    col_now: "Stored now",
    yours_heading: "Your changes",
    theirs_heading: "Changed only by the other agent (kept)",
    both_changed: "◆ both changed",
    changed_by: "{0} at {1}",
    reapply_note: "Re-apply saves your changes over what is stored now; where both changed a field, yours wins.",
    record_ticket: "ticket #{0}",
    record_customer: "customer {0}",
    discarded: "Discarded your changes; {0} shows as stored now",
    back_to_form: "Back in the form: saving now compares with {0} as stored now",
    gone: "It was removed meanwhile: {0}",
};
