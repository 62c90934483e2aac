//! English: settings.

use crate::i18n::Plural;
use crate::i18n::catalog::settings::SettingsStrings;

pub const SETTINGS: SettingsStrings = SettingsStrings {
    problem: "{place}: {message}",
    unreadable: "{why}; using the default settings",
    not_toml: "not valid TOML: {detail}",
    unknown_table: "unknown table [{key}], ignored",
    unknown_key: "unknown key {key}, ignored",
    did_you_mean: "; did you mean `{nearest}`?",
    not_a_table: "{key} must be a table ([{key}]); ignored",
    above_cap: "{key} = {value} is more than {cap}; using {cap}",
    not_a: "{key} = {value} is not {expected}; using the default {default}",
    whole_number: "a whole number (0 or more)",
    number: "a number like 0.5",
    true_or_false: "true or false",
    not_a_choice: "{key} = {value}: {detail}; using the default {default}",
    refused: "{why}; using the default {default}",
    path_unusable: "{path} ({why}: the defaults are in force)",
    path_missing: "{path} (does not exist: the defaults are in force)",
    show_heading: "# The settings in force: the defaults with {path} over them.",
    no_problems: "{path}: no problems",
    problems_found: Plural {
        one: "{count} problem(s), listed above",
        other: "{count} problem(s), listed above",
    },
    no_config_file: "no config file at {path}; using the default settings",
};
