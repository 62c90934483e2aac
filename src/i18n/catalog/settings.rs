//! Problems found in the settings file, and the words of `config`.

use crate::config::{Expected, Problem, ProblemKind};

pub struct SettingsStrings {
    /// A problem: `{place}` (file:line), `{message}`.
    pub problem: &'static str,
    /// `{why}` (the reader's reason, in English from the system).
    pub unreadable: &'static str,
    /// `{detail}`: the TOML parser's own message.
    pub not_toml: &'static str,
    /// `{key}`.
    pub unknown_table: &'static str,
    pub unknown_key: &'static str,
    /// After an unknown table or key: `{nearest}`.
    pub did_you_mean: &'static str,
    /// `{key}`.
    pub not_a_table: &'static str,
    /// `{key}`, `{value}`, `{cap}`.
    pub above_cap: &'static str,
    /// `{key}`, `{value}`, `{expected}`, `{default}`.
    pub not_a: &'static str,
    pub whole_number: &'static str,
    pub number: &'static str,
    pub true_or_false: &'static str,
    /// `{key}`, `{value}`, `{detail}` (the parser's list of names), `{default}`.
    pub not_a_choice: &'static str,
    /// `{why}` (the rule, naming key and value), `{default}`.
    pub refused: &'static str,
    // `config path | show | check`.
    /// `{path}`, `{why}`: a file there that is not read.
    pub path_unusable: &'static str,
    /// `{path}`.
    pub path_missing: &'static str,
    /// The comment over `config show`: `{path}`.
    pub show_heading: &'static str,
    /// `{path}`.
    pub no_problems: &'static str,
    /// `{count}` problems found by `config check`.
    pub problems_found: crate::i18n::Plural,
    /// A config named explicitly but missing: `{path}`.
    pub no_config_file: &'static str,
}

impl SettingsStrings {
    /// `file:line: what is wrong` in this language.
    pub fn problem(&self, p: &Problem) -> String {
        let fill = crate::i18n::fill;
        let key = p.key.as_str();
        let nearest = |n: &Option<String>| {
            n.as_deref()
                .map_or_else(String::new, |n| fill(self.did_you_mean, &[("nearest", n)]))
        };
        let message = match &p.kind {
            ProblemKind::Unreadable { why } => fill(self.unreadable, &[("why", why)]),
            ProblemKind::NotToml { detail } => fill(self.not_toml, &[("detail", detail)]),
            ProblemKind::UnknownTable { nearest: n } => fill(self.unknown_table, &[("key", key)]) + &nearest(n),
            ProblemKind::UnknownKey { nearest: n } => fill(self.unknown_key, &[("key", key)]) + &nearest(n),
            ProblemKind::NotATable => fill(self.not_a_table, &[("key", key)]),
            ProblemKind::AboveCap { value, cap } => {
                let (value, cap) = (value.to_string(), cap.to_string());
                fill(self.above_cap, &[("key", key), ("value", &value), ("cap", &cap)])
            }
            ProblemKind::NotA {
                value,
                expected,
                default,
            } => {
                let expected = match expected {
                    Expected::WholeNumber => self.whole_number,
                    Expected::Number => self.number,
                    Expected::TrueOrFalse => self.true_or_false,
                };
                let args = [
                    ("key", key),
                    ("value", value),
                    ("expected", expected),
                    ("default", default),
                ];
                fill(self.not_a, &args)
            }
            ProblemKind::NotAChoice { value, detail, default } => {
                let args = [("key", key), ("value", value), ("detail", detail), ("default", default)];
                fill(self.not_a_choice, &args)
            }
            ProblemKind::Refused { why, default } => fill(self.refused, &[("why", why), ("default", default)]),
        };
        let message = crate::domain::excerpt::excerpt(&message, crate::domain::excerpt::MESSAGE_CHARS);
        fill(self.problem, &[("place", &p.place()), ("message", &message)])
    }
}
