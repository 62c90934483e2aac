//! Simplified Chinese: triage.

use crate::i18n::catalog::triage::TriageStrings;

pub const TRIAGE: TriageStrings = TriageStrings {
    title: "Triage #{0} {1}",
    remaining: "{0} more waiting",
    customer: "Customer",
    other_open: "Other open tickets",
    recent: "Recent activity",
    none_left: "Nothing left to triage",
    decided: "#{0}: {1}",
    undone: "Undone: #{0} is back as it was",
    nothing_to_undo: "Nothing to undo",
    undo_refused: "Cannot undo: {0}",
    failed: "Not changed: {0}",
    marked: "{0} marked",
    bulk_changed: "{0} marked tickets changed",
    bulk_title: "{0} — {1} marked tickets",
    newly_at_risk: "▲ {0} newly at risk",
    newly_breached: "▲ {0} newly breached",
};
