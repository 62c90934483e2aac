//! English: quality.

use crate::domain::duplicates::Evidence;
use crate::i18n::Plural;
use crate::i18n::catalog::quality::QualityStrings;

pub const QUALITY: QualityStrings = QualityStrings {
    title: "Data quality",
    title_duplicates: Plural {
        one: "{count} likely duplicate",
        other: "{count} likely duplicates",
    },
    title_missing: Plural {
        one: "{count} missing contact details",
        other: "{count} missing contact details",
    },
    section: "{name} ({count})",
    section_duplicates: "Likely duplicates",
    section_missing: "Missing contact details",
    strongest_of: "the strongest {shown} of {total}",
    selected_mark: "▸",
    col_customer: "Customer",
    col_same_as: "Likely the same as",
    col_evidence: "Evidence",
    col_code: "Code",
    col_name: "Name",
    col_tier: "Tier",
    col_last_activity: "Last activity",
    evidence: &[
        (Evidence::SamePhone, "same phone"),
        (Evidence::SameEmail, "same e-mail"),
        (Evidence::SameName, "same name"),
        (Evidence::SamePinyin, "same pinyin"),
        (Evidence::SimilarName, "similar name"),
    ],
    evidence_separator: " · ",
    never: "never",
    none: "All clean: no likely duplicates, no customers missing contact details",
    unreadable: "The lists could not be read (see below); C-r tries again",
    merge_title: "Merge duplicate customers",
    merge_keep: "Keep",
    merge_duplicate: "Merge in",
    merge_evidence: "Evidence",
    merge_moves: "Moves to {code}:",
    moved_tickets: Plural {
        one: "{count} ticket",
        other: "{count} tickets",
    },
    moved_interactions: Plural {
        one: "{count} interaction",
        other: "{count} interactions",
    },
    moved_orders: Plural {
        one: "{count} order",
        other: "{count} orders",
    },
    moved_surveys: Plural {
        one: "{count} survey",
        other: "{count} surveys",
    },
    moved_reminders: Plural {
        one: "{count} reminder",
        other: "{count} reminders",
    },
    moved_separator: ", ",
    merge_counting: "counting…",
    merge_after: "Then {duplicate} is archived; contact fields {keep} lacks are filled from it, and their order value added up.",
    merge_swap_note: "Tab or ←/→ swaps which one is kept.",
    archive_title: "Archive inactive customers",
    archive_days: "Inactive for",
    days_typed: "{days} days",
    archive_rule: "Customers with no contact, ticket, order or survey in that many days and no open ticket are archived, all in one go.",
    archive_found: Plural {
        one: "{count} customer inactive for {days} days:",
        other: "{count} customers inactive for {days} days:",
    },
    archive_none: "No customer has been inactive that long: nothing to archive.",
    archive_finding: "Looking…",
    archive_more: "… and {count} more",
    archive_type_days: "Type other days to look again; Backspace deletes.",
    msg_merged: "Merged {duplicate} into {keep}: moved {moved}; {duplicate} archived",
    msg_merge_failed: "Not merged: {reason}",
    msg_archived: Plural {
        one: "Archived {count} customer inactive for {days} days",
        other: "Archived {count} customers inactive for {days} days",
    },
    msg_archive_failed: "Nothing archived: {reason}",
    msg_nothing_to_archive: "Nothing to archive",
    msg_not_a_pair: "Merging works on a pair: select a likely duplicate",
    msg_no_row: "Nothing selected",
    msg_still_counting: "Still counting: press again in a moment",
};
