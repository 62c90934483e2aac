//! Problems found in the settings file, and the words of `config`.

crate::i18n::texts::catalogue_struct! {
    pub struct SettingsStrings {}
}
