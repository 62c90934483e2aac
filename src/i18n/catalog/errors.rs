//! How errors are told: validation reasons, not found, conflicts, storage problems.

pub struct ErrorStrings {}
