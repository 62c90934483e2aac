//! English: report.

use crate::i18n::catalog::report::ReportStrings;

pub const REPORT: ReportStrings = ReportStrings {};
