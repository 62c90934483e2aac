//! English: copy.

use crate::i18n::catalog::copy::CopyStrings;

pub const COPY: CopyStrings = CopyStrings {
    not_empty: "{target} is not empty ({table} has rows): copy writes only into an empty database; nothing was written",
    cancelled: "stopped: nothing was written",
    copied: "copied {rows} rows of {tables} tables from {from} to {to}",
    doctor_constraints: "Constraints",
    unvalidated: "constraint {constraint} of {table} is not validated: rows may break it",
    missing_table: "table {table} is missing",
};
