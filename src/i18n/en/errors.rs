//! English: errors.

use crate::i18n::catalog::errors::ErrorStrings;

pub const ERRORS: ErrorStrings = ErrorStrings {};
