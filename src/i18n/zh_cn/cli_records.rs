//! Simplified Chinese: cli_records.

use crate::i18n::catalog::cli_records::CliRecordsStrings;

pub const CLI_RECORDS: CliRecordsStrings = CliRecordsStrings {};
