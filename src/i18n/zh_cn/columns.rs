//! Simplified Chinese: columns.

use crate::i18n::Plural;
use crate::i18n::catalog::columns::ColumnsStrings;

pub const COLUMNS: ColumnsStrings = ColumnsStrings {
    days_hours: "{days}天{hours}小时",
    hours_minutes: "{hours}小时{minutes}分",
    minutes: "{minutes}分钟",
    tickets: Plural {
        one: "{count} 个工单",
        other: "{count} 个工单",
    },
};
