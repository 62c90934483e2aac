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
    run_summary: "This run: {decided} decided, {skipped} skipped",
    run_next: "Esc goes back; the next triage starts a new run",
    undo_conflict: "Cannot undo #{ticket}: it was changed since. That step is dropped; u undoes the one before",
    undone_bulk: Plural {
        one: "Undone: {count} ticket is back as it was",
        other: "Undone: {count} tickets are back as they were",
    },
    not_for_card: "{action} does not apply to #{ticket} ({status})",
    triaged_label: "Triaged",
    triaged_value: "by {agent}, {at}",
    triaged_mark: "•",
    untriaged_only_on: "Queue: only tickets not yet triaged",
    untriaged_only_off: "Queue: all open tickets",
    resolve_title: "Resolve #{ticket}",
    untriaged_count: "{count} · untriaged",
};
