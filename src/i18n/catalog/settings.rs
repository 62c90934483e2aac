//! Problems found in the settings file, and the words of `config`.

pub struct SettingsStrings {}
