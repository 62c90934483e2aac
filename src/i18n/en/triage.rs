//! English: triage.

use crate::i18n::Plural;
use crate::i18n::catalog::triage::TriageStrings;

pub const TRIAGE: TriageStrings = TriageStrings {
    title: "Triage #{ticket} {subject}",
    remaining: "{count} more waiting",
    customer: "Customer",
    other_open: "Other open tickets",
    recent: "Recent activity",
    none_left: "Nothing left to triage",
    decided: "#{ticket}: {decision}",
    undone: "Undone: #{ticket} is back as it was",
    nothing_to_undo: "Nothing to undo",
    undo_refused: "Cannot undo: {reason}",
    failed: "Not changed: {reason}",
    marked: "{count} marked",
    bulk_changed: Plural {
        one: "{count} marked ticket changed",
        other: "{count} marked tickets changed",
    },
    bulk_title: Plural {
        one: "{form} — {count} marked ticket",
        other: "{form} — {count} marked tickets",
    },
    newly_at_risk: "▲ {count} newly at risk",
    newly_breached: "▲ {count} newly breached",
};
