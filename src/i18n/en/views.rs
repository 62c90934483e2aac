//! English: views.

use crate::i18n::catalog::views::ViewStrings;

pub const VIEWS: ViewStrings = ViewStrings {
    mine: "My queue",
    unassigned: "Unassigned",
    breached: "Breached",
    waiting: "Waiting on customer",
    complaints_week: "Complaints this week",
    queue: "Queue",
    counting: "…",
    added: "View {name} added",
    removed: "View {name} removed",
    none_yet: "No saved views yet; add one with `frontdesk view add NAME EXPR`.",
    col_name: "Name",
    col_key: "Key",
    col_query: "Query",
    col_count: "Tickets",
    known: "views: {names}",
    list_separator: ", ",
    title: "{view} {count}",
};
