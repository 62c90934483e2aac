//! English: settings.

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
    refused: "{rule}; using the default {default}",
    rule_between: "{key} = {value} must be from {min} to {max}",
    rule_share_below_one: "{key} = {value} must be at least 0 and below 1",
    rule_share_inside: "{key} = {value} must be above 0 and below 1",
    rule_zero_or_more: "{key} = {value} must be 0 or more",
    rule_keeps_none: "{key} = {value} would delete every backup; use at least 1",
    rule_absolute_path: "{key} = {value} is not an absolute path (a relative one would depend on the folder \
                         frontdesk starts in, and ~ is not expanded)",
    rule_time_zone: "{key} = {value} is not a time zone like Asia/Shanghai",
    rule_ticket_kind: "{key} = {value} is not a ticket kind (inquiry, complaint, request, repair, after-sales, other)",
    path_unusable: "{path} ({why}: the defaults are in force)",
    path_missing: "{path} (does not exist: the defaults are in force)",
    show_heading: "# The settings in force: the defaults with {path} over them.",
    no_problems: "{path}: no problems",
    no_config_file: "no config file at {path}; using the default settings",
};
