//! English: care.

use crate::i18n::catalog::care::CareStrings;

pub const CARE: CareStrings = CareStrings {
    also_open: "● Also open: {agents}",
    conflict_title: "{record} changed meanwhile",
    conflict_intro: "Someone saved {record} after you opened it. Nothing of yours is saved yet.",
    conflict_reading: "Reading what changed…",
    col_field: "Field",
    col_started: "You started from",
    col_yours: "Yours",
    col_now: "Stored now",
    yours_heading: "Your changes",
    theirs_heading: "Changed only by the other agent (kept)",
    both_changed: "◆ both changed",
    changed_by: "{agent} at {when}",
    reapply_note: "Re-apply saves your changes over what is stored now; where both changed a field, yours wins.",
    record_ticket: "ticket #{ticket}",
    record_customer: "customer {code}",
    discarded: "Discarded your changes; {record} shows as stored now",
    back_to_form: "Back in the form: saving now compares with {record} as stored now",
    gone: "It was removed meanwhile: {reason}",
};
