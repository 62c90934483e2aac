//! English: progress.

use crate::i18n::catalog::progress::ProgressStrings;

pub const PROGRESS: ProgressStrings = ProgressStrings {
    reading: "reading records",
    customers: "customers",
    tickets: "tickets",
    interactions: "interactions",
    orders: "orders",
    surveys: "surveys",
    reminders: "reminders",
    articles: "articles",
    search_index: "search index",
    segments: "customer segments",
    rows: "rows",
    indexes: "indexes",
    mail: "mail",
};
