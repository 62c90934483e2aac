//! English: settings.

use crate::i18n::catalog::settings::SettingsStrings;

pub const SETTINGS: SettingsStrings = SettingsStrings {};
