//! How errors are told: validation reasons, not found, conflicts, storage problems.

crate::i18n::texts::catalogue_struct! {
    pub struct ErrorStrings {}
}
