//! Problems found in the settings file, and the words of `config`.

use crate::config::{Expected, Problem, ProblemKind};
use crate::domain::setting_rule::{Rule, RuleBreach};

crate::i18n::texts::catalogue_struct! {
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
    /// `{rule}` (one of the `rule_` texts), `{default}`.
    pub refused: &'static str,
    /// The rules a value may break, each with `{key}` and `{value}`;
    /// `{min}`, `{max}` in [`Self::rule_between`].
    pub rule_between: &'static str,
    pub rule_share_below_one: &'static str,
    pub rule_share_inside: &'static str,
    pub rule_zero_or_more: &'static str,
    pub rule_keeps_none: &'static str,
    pub rule_absolute_path: &'static str,
    pub rule_time_zone: &'static str,
    pub rule_ticket_kind: &'static str,
    // `config path | show | check`.
    /// `{path}`, `{why}`: a file there that is not read.
    pub path_unusable: &'static str,
    /// `{path}`.
    pub path_missing: &'static str,
    /// The comment over `config show`: `{path}`.
    pub show_heading: &'static str,
    /// `{path}`.
    pub no_problems: &'static str,
    /// A config named explicitly but missing: `{path}`.
    pub no_config_file: &'static str,
}
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
            ProblemKind::Refused { breach, default } => {
                fill(self.refused, &[("rule", &self.rule(breach)), ("default", default)])
            }
        };
        let message = crate::domain::excerpt::excerpt(&message, crate::domain::excerpt::MESSAGE_CHARS);
        fill(self.problem, &[("place", &p.place()), ("message", &message)])
    }

    /// The rule a value breaks, naming the key and the value.
    pub fn rule(&self, b: &RuleBreach) -> String {
        let template = match &b.rule {
            Rule::Between { .. } => self.rule_between,
            Rule::ShareBelowOne => self.rule_share_below_one,
            Rule::ShareInside => self.rule_share_inside,
            Rule::ZeroOrMore => self.rule_zero_or_more,
            Rule::KeepsNone => self.rule_keeps_none,
            Rule::AbsolutePath => self.rule_absolute_path,
            Rule::TimeZone => self.rule_time_zone,
            Rule::TicketKind => self.rule_ticket_kind,
        };
        let (min, max) = match &b.rule {
            Rule::Between { min, max } => (min.as_str(), max.as_str()),
            _ => ("", ""),
        };
        let args = [("key", b.key.as_str()), ("value", &b.value), ("min", min), ("max", max)];
        crate::i18n::fill(template, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn every_kind() -> Vec<Problem> {
        let kinds = [
            ProblemKind::Unreadable {
                why: "is a folder".into(),
            },
            ProblemKind::NotToml {
                detail: "invalid table header".into(),
            },
            ProblemKind::UnknownTable {
                nearest: Some("database".into()),
            },
            ProblemKind::UnknownKey { nearest: None },
            ProblemKind::NotATable,
            ProblemKind::AboveCap {
                value: 90_000,
                cap: 60_000,
            },
            ProblemKind::NotA {
                value: "\"yes\"".into(),
                expected: Expected::TrueOrFalse,
                default: "false".into(),
            },
            ProblemKind::NotAChoice {
                value: "\"memory\"".into(),
                detail: "unknown variant `memory`, expected `wal` or `delete`".into(),
                default: "\"wal\"".into(),
            },
            ProblemKind::Refused {
                breach: RuleBreach::between("cadence.at_risk_days", -7, 0, 3650),
                default: "7".into(),
            },
            ProblemKind::Refused {
                breach: RuleBreach::new("backup.keep", 0, Rule::KeepsNone),
                default: "7".into(),
            },
        ];
        kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Problem {
                file: "config.toml".into(),
                line: Some(i + 1),
                key: "sla.bell".into(),
                kind,
            })
            .collect()
    }

    /// English through the catalogue is exactly what `Display` (and so
    /// JSON) says, and Chinese names the same place and key.
    #[test]
    fn every_problem_reads_the_same_in_english_and_is_told_in_chinese() {
        let (en, zh) = (Lang::En.strings().settings, Lang::ZhCn.strings().settings);
        for p in every_kind() {
            assert_eq!(en.problem(&p), p.to_string());
            let chinese = zh.problem(&p);
            let place = format!("config.toml:{}：", p.line.unwrap());
            assert!(chinese.starts_with(&place), "{chinese}");
            assert!(
                chinese.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{chinese}"
            );
        }
    }
}
