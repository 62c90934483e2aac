//! English: columns.

use crate::i18n::Plural;
use crate::i18n::catalog::columns::ColumnsStrings;

pub const COLUMNS: ColumnsStrings = ColumnsStrings {
    days_hours: "{days}d {hours}h",
    hours_minutes: "{hours}h {minutes}m",
    minutes: "{minutes}m",
    tickets: Plural {
        one: "{count} ticket",
        other: "{count} tickets",
    },
};
