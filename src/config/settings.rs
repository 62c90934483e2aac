//! The user's settings, key by key. Each key of the file is laid over the
//! settings accepted so far and kept only when the whole config is still
//! valid, so a bad value costs that key alone; every problem is reported with
//! the file, the line and the key. Reading the file is not done here (see
//! `Config::load`): this works on its text.

use super::suggest::nearest;
use super::{Config, DEFAULT_CONFIG};
use crate::domain::excerpt::{MESSAGE_CHARS, excerpt};
use crate::domain::setting_rule::RuleBreach;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Longest wait for another agent's write: beyond a minute a command looks
/// hung, and a larger value is almost always a slip (seconds typed as ms×1000).
pub const BUSY_TIMEOUT_MAX_MS: u64 = 60_000;

/// Tables of the same file that the terminal UI reads and checks itself
/// (its keymap and theme): core settings know their names, not their contents.
const OWN_CHECKS: [&str; 2] = ["keymap", "theme"];

/// Numbers above these are reported and capped rather than dropped: the
/// user's intent ("wait long") is clear, only the amount is absurd.
const CAPS: [(&str, &str, u64); 1] = [("database", "busy_timeout_ms", BUSY_TIMEOUT_MAX_MS)];

/// One thing wrong with the user's file: where, and what as a value, so
/// the CLI and the TUI tell it in the user's language (config sits below
/// the catalogue). `Display` and JSON give it in English.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    /// 1-based; `None` when the problem is the file as a whole.
    pub line: Option<usize>,
    /// `section.key`, or `section` for a whole table; empty for the file.
    pub key: String,
    pub kind: ProblemKind,
}

/// What kind of value a key takes, as the messages say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A whole number, 0 or more: every whole-number setting is a count, a
    /// size or a span.
    WholeNumber,
    Number,
    TrueOrFalse,
}

/// What is wrong. Values quoted from the file are short excerpts already.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file cannot be used at all (`why`: the reader's reason); the
    /// defaults are in force.
    Unreadable {
        why: String,
    },
    /// A syntax error; `detail` is the TOML parser's (English) message.
    NotToml {
        detail: String,
    },
    UnknownTable {
        nearest: Option<String>,
    },
    /// `[section]` given as a plain value.
    NotATable,
    UnknownKey {
        nearest: Option<String>,
    },
    /// A number above its cap, which is used instead.
    AboveCap {
        value: i64,
        cap: u64,
    },
    /// A value of the wrong type; the default stays.
    NotA {
        value: String,
        expected: Expected,
        default: String,
    },
    /// A value not among a choice's names; `detail` is the parser's list.
    NotAChoice {
        value: String,
        detail: String,
        default: String,
    },
    /// A value of the right type that a rule refuses; the default stays.
    Refused {
        breach: RuleBreach,
        default: String,
    },
}

impl Expected {
    pub fn english(self) -> &'static str {
        match self {
            Expected::WholeNumber => "a whole number (0 or more)",
            Expected::Number => "a number like 0.5",
            Expected::TrueOrFalse => "true or false",
        }
    }
}

impl Problem {
    /// What is wrong in English, naming the key and the value and what is
    /// used instead (without the file and line).
    pub fn message(&self) -> String {
        let key = &self.key;
        let nearest = |n: &Option<String>| {
            n.as_ref()
                .map_or_else(String::new, |n| format!("; did you mean `{n}`?"))
        };
        let message = match &self.kind {
            ProblemKind::Unreadable { why } => format!("{why}; using the default settings"),
            ProblemKind::NotToml { detail } => format!("not valid TOML: {detail}"),
            ProblemKind::UnknownTable { nearest: n } => format!("unknown table [{key}], ignored{}", nearest(n)),
            ProblemKind::NotATable => format!("{key} must be a table ([{key}]); ignored"),
            ProblemKind::UnknownKey { nearest: n } => format!("unknown key {key}, ignored{}", nearest(n)),
            ProblemKind::AboveCap { value, cap } => format!("{key} = {value} is more than {cap}; using {cap}"),
            ProblemKind::NotA {
                value,
                expected,
                default,
            } => format!(
                "{key} = {value} is not {}; using the default {default}",
                expected.english()
            ),
            ProblemKind::NotAChoice { value, detail, default } => {
                format!("{key} = {value}: {detail}; using the default {default}")
            }
            ProblemKind::Refused { breach, default } => format!("{breach}; using the default {default}"),
        };
        excerpt(&message, MESSAGE_CHARS)
    }

    /// A problem with the file as a whole (it cannot be read, say).
    pub fn whole_file(file: &Path, why: String) -> Problem {
        Problem {
            file: file.display().to_string(),
            line: None,
            key: String::new(),
            kind: ProblemKind::Unreadable { why },
        }
    }

    /// `file:line` or the file alone, as problems begin.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place(), self.message())
    }
}

/// JSON keeps its English shape: file, line, key, message.
impl Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Problem", 4)?;
        out.serialize_field("file", &self.file)?;
        out.serialize_field("line", &self.line)?;
        out.serialize_field("key", &self.key)?;
        out.serialize_field("message", &self.message())?;
        out.end()
    }
}

/// The config in force, what was wrong with the user's file, and the
/// settings as TOML (defaults with the accepted keys over them).
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<Problem>,
    pub effective: toml::Table,
    /// The user's `[keymap]` and `[theme]`, unchecked: the terminal UI reads
    /// them from here, so the core settings need nothing of the UI.
    pub deferred: Deferred,
}

impl Loaded {
    pub fn defaults() -> Loaded {
        Loaded {
            config: Config::defaults(),
            problems: vec![],
            effective: default_table(),
            deferred: Deferred::default(),
        }
    }
}

/// Tables of the settings file that another layer checks (see
/// `OWN_CHECKS`), with where each key is, for that layer's messages.
#[derive(Debug, Clone)]
pub struct Deferred {
    places: Places,
    tables: toml::Table,
}

impl Deferred {
    /// The user's table `name` (`keymap`, `theme`), if the file has one.
    pub fn get(&self, name: &str) -> Option<&toml::Value> {
        self.tables.get(name)
    }

    pub fn places(&self) -> &Places {
        &self.places
    }
}

impl Default for Deferred {
    /// No user tables: the embedded defaults alone.
    fn default() -> Deferred {
        Deferred {
            places: Places::new(Path::new("")),
            tables: toml::Table::new(),
        }
    }
}

fn default_table() -> toml::Table {
    // The embedded defaults are checked by a test, so this cannot fail at run time.
    toml::from_str(DEFAULT_CONFIG).expect("embedded default config is valid")
}

/// Where each table and key of the user's file is, for messages.
#[derive(Debug, Clone)]
pub struct Places {
    /// The file's name, safe to show.
    file: String,
    /// The line of each `section` and `section.key`.
    lines: HashMap<String, usize>,
}

impl Places {
    /// A file whose lines are not known (the embedded defaults).
    pub fn new(file: &Path) -> Places {
        Places {
            file: crate::domain::text::sanitize_line(&file.display().to_string()).into_owned(),
            lines: HashMap::new(),
        }
    }

    /// `file:line` of `key` (`keymap.queue`, `theme.breached`), or the file alone.
    pub fn of(&self, key: &str) -> String {
        match self.lines.get(key) {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// The settings of `text` (the contents of `file`) over the defaults.
pub fn read(file: &Path, text: &str) -> Loaded {
    let mut reader = Reader {
        file: file.display().to_string(),
        text,
        places: Places::new(file),
        problems: vec![],
    };
    let user = reader.parse();
    let mut loaded = Loaded::defaults();
    for (section, value) in &user {
        if OWN_CHECKS.contains(&section.as_str()) {
            continue;
        }
        let Some(known) = loaded.effective.get(section).and_then(toml::Value::as_table) else {
            let nearest = reader.suggestion(section);
            reader.report(section, ProblemKind::UnknownTable { nearest });
            continue;
        };
        let known: Vec<String> = known.keys().cloned().collect();
        let Some(table) = value.as_table() else {
            reader.report(section, ProblemKind::NotATable);
            continue;
        };
        for (key, value) in table {
            let name = format!("{section}.{key}");
            if !known.contains(key) {
                let nearest = reader.suggestion(&name);
                reader.report(&name, ProblemKind::UnknownKey { nearest });
                continue;
            }
            let value = reader.capped(section, key, value);
            match lay_over(&loaded.effective, section, key, value) {
                Ok((effective, config)) => {
                    loaded.effective = effective;
                    loaded.config = config;
                }
                Err(why) => {
                    let default = loaded.effective[section.as_str()][key.as_str()].to_string();
                    reader.report(&name, why.with_default(default));
                }
            }
        }
    }
    loaded.problems = reader.problems;
    // In the order of the file, as an editor shows it.
    loaded.problems.sort_by_key(|p| p.line);
    let tables = user
        .into_iter()
        .filter(|(section, _)| OWN_CHECKS.contains(&section.as_str()))
        .collect();
    loaded.deferred = Deferred {
        places: reader.places,
        tables,
    };
    loaded
}

/// Why a value was refused, before the default is known.
enum Refusal {
    NotA { value: String, expected: Expected },
    NotAChoice { value: String, detail: String },
    Rule(RuleBreach),
}

impl Refusal {
    fn with_default(self, default: String) -> ProblemKind {
        match self {
            Refusal::NotA { value, expected } => ProblemKind::NotA {
                value,
                expected,
                default,
            },
            Refusal::NotAChoice { value, detail } => ProblemKind::NotAChoice { value, detail, default },
            Refusal::Rule(breach) => ProblemKind::Refused { breach, default },
        }
    }
}

/// `effective` with `section.key = value`, if the config stays valid.
fn lay_over(
    effective: &toml::Table,
    section: &str,
    key: &str,
    value: toml::Value,
) -> Result<(toml::Table, Config), Refusal> {
    let mut trial = effective.clone();
    let shown = short(&value);
    if let Some(table) = trial.get_mut(section).and_then(toml::Value::as_table_mut) {
        table.insert(key.to_string(), value);
    }
    let expected = effective
        .get(section)
        .and_then(|table| table.get(key))
        .and_then(expected_kind);
    let config: Config = trial.clone().try_into().map_err(|e: toml::de::Error| match expected {
        Some(expected) => Refusal::NotA { value: shown, expected },
        // A choice: the parser's message lists the valid names.
        None => Refusal::NotAChoice {
            value: shown,
            detail: e.message().trim().to_string(),
        },
    })?;
    config.check().map_err(Refusal::Rule)?;
    Ok((trial, config))
}

/// What a key takes, from its default's kind: the parser's own message
/// would name Rust's types ("expected usize"). `None` for text, whose keys
/// are choices the parser's message lists.
fn expected_kind(default: &toml::Value) -> Option<Expected> {
    match default {
        toml::Value::Integer(_) => Some(Expected::WholeNumber),
        toml::Value::Float(_) => Some(Expected::Number),
        toml::Value::Boolean(_) => Some(Expected::TrueOrFalse),
        _ => None,
    }
}

/// A value as TOML, cut short: messages quote it, they never dump it.
pub(super) fn short(value: &toml::Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 40 {
        return text;
    }
    let cut: String = text.chars().take(40).collect();
    format!("{cut}…")
}

struct Reader<'a> {
    file: String,
    text: &'a str,
    places: Places,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// The user's table. A syntax error is reported with its line and costs
    /// only what the parser could not recover, not the whole file.
    fn parse(&mut self) -> toml::Table {
        let (document, errors) = toml::de::DeTable::parse_recoverable(self.text);
        for error in errors {
            let line = error.span().map(|span| self.line_at(span.start));
            self.problems.push(Problem {
                file: self.file.clone(),
                line,
                key: String::new(),
                kind: ProblemKind::NotToml {
                    detail: excerpt(error.message().trim(), MESSAGE_CHARS),
                },
            });
        }
        for (section, value) in document.get_ref() {
            let line = self.line_at(section.span().start);
            self.places.lines.insert(section.get_ref().to_string(), line);
            for (key, _) in value.get_ref().as_table().into_iter().flatten() {
                let line = self.line_at(key.span().start);
                self.places
                    .lines
                    .insert(format!("{}.{}", section.get_ref(), key.get_ref()), line);
            }
        }
        toml::Table::deserialize(toml::de::Deserializer::from(document)).unwrap_or_default()
    }

    fn line_at(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end].iter().filter(|b| **b == b'\n').count() + 1
    }

    /// Records a problem. Its key quotes the file, so it is cut to a short
    /// excerpt (an unknown key can be as long as the file); so is every
    /// message made of it.
    fn report(&mut self, key: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            file: self.file.clone(),
            line: self.places.lines.get(key).copied(),
            key: excerpt(key, MESSAGE_CHARS),
            kind,
        });
    }

    /// The nearest known table or key, if any is near.
    fn suggestion(&self, name: &str) -> Option<String> {
        let defaults = default_table();
        let mut known: Vec<String> = OWN_CHECKS.iter().map(|s| s.to_string()).collect();
        for (section, table) in &defaults {
            known.push(section.clone());
            for key in table.as_table().into_iter().flatten().map(|(k, _)| k) {
                known.push(format!("{section}.{key}"));
            }
        }
        nearest(name, &known).map(str::to_string)
    }

    /// The value, or the cap of its key when it is above it (reported).
    fn capped(&mut self, section: &str, key: &str, value: &toml::Value) -> toml::Value {
        let cap = CAPS.iter().find(|(s, k, _)| *s == section && *k == key);
        match (cap, value.as_integer()) {
            (Some((_, _, cap)), Some(n)) if n > 0 && n as u64 > *cap => {
                let kind = ProblemKind::AboveCap { value: n, cap: *cap };
                self.report(&format!("{section}.{key}"), kind);
                toml::Value::Integer(*cap as i64)
            }
            _ => value.clone(),
        }
    }
}
