//! The keymap: the embedded defaults of `assets/keymap.toml` with the user's
//! `[keymap]` table laid over them key by key. A bad entry is reported with
//! the file and the place and skipped, so the default for that key stays.

use super::action::Action;
use super::keys::{Key, parse_sequence};
use crate::config::Places;
use crate::i18n;
use crate::i18n::fill;
use std::path::Path;

pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a key is looked up; see [`Keymap::lookup`] for the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    List,
    Customers,
    Queue,
    Triage,
    Timeline,
    Filter,
    Detail,
    Form,
    Palette,
    Help,
    Reminders,
    Dashboard,
    Conflict,
    Quality,
    QualityConfirm,
    Knowledge,
    KnowledgeSearch,
    Picker,
    Macros,
}

impl Context {
    pub const ALL: [Context; 20] = [
        Context::Global,
        Context::List,
        Context::Customers,
        Context::Queue,
        Context::Timeline,
        Context::Filter,
        Context::Detail,
        Context::Form,
        Context::Palette,
        Context::Help,
        Context::Triage,
        Context::Reminders,
        Context::Dashboard,
        Context::Conflict,
        Context::Quality,
        Context::QualityConfirm,
        Context::Knowledge,
        Context::KnowledgeSearch,
        Context::Picker,
        Context::Macros,
    ];

    /// The table name in the keymap file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Customers => "customers",
            Context::Queue => "queue",
            Context::Timeline => "timeline",
            Context::Filter => "filter",
            Context::Detail => "detail",
            Context::Form => "form",
            Context::Palette => "palette",
            Context::Help => "help",
            Context::Triage => "triage",
            Context::Reminders => "reminders",
            Context::Dashboard => "dashboard",
            Context::Conflict => "conflict",
            Context::Quality => "quality",
            Context::QualityConfirm => "quality_confirm",
            Context::Knowledge => "knowledge",
            Context::KnowledgeSearch => "knowledge_search",
            Context::Picker => "picker",
            Context::Macros => "macros",
        }
    }

    fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    /// The user's own words for the help and footer, if given.
    pub desc: Option<String>,
}

/// What a key sequence means in a chain of contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys begin a longer binding (`g` of `g g`): wait for more.
    Pending,
    Nothing,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    /// Bindings per context, indexed like [`Context::ALL`], in file order.
    tables: Vec<Vec<Binding>>,
    /// Problems found in the user's file, ready to show.
    pub warnings: Vec<String>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::load(&Places::new(Path::new("keymap.toml")), None)
    }
}

/// One parsed entry; `action` is `None` for `run = "none"` (unbind).
struct Entry {
    keys: Vec<Key>,
    action: Option<Action>,
    desc: Option<String>,
}

impl Keymap {
    /// The defaults with `user` (the `[keymap]` table of `file`) over them.
    pub fn load(file: &Places, user: Option<&toml::Value>) -> Keymap {
        let mut warnings = Vec::new();
        let defaults: toml::Table = toml::from_str(DEFAULT_KEYMAP).unwrap_or_default();
        let mut tables = vec![Vec::new(); Context::ALL.len()];
        for (context, entries) in parse(&Places::new(Path::new("assets/keymap.toml")), &defaults, &mut warnings) {
            tables[context as usize] = entries
                .into_iter()
                .filter_map(|e| {
                    e.action.map(|action| Binding {
                        keys: e.keys,
                        action,
                        desc: e.desc,
                    })
                })
                .collect();
        }
        let mut keymap = Keymap { tables, warnings };
        let Some(user) = user else {
            return keymap;
        };
        let Some(user) = user.as_table() else {
            keymap.warnings.push(fill(
                i18n::get().warn_not_a_list,
                &[("file", &file.of("keymap")), ("context", "*")],
            ));
            return keymap;
        };
        for (context, entries) in parse(file, user, &mut keymap.warnings) {
            let table = &mut keymap.tables[context as usize];
            for entry in entries {
                let existing = table.iter().position(|b| b.keys == entry.keys);
                match (existing, entry.action) {
                    (Some(i), Some(action)) => {
                        table[i] = Binding {
                            keys: entry.keys,
                            action,
                            desc: entry.desc,
                        }
                    }
                    (Some(i), None) => {
                        table.remove(i);
                    }
                    (None, Some(action)) => table.push(Binding {
                        keys: entry.keys,
                        action,
                        desc: entry.desc,
                    }),
                    (None, None) => {}
                }
            }
            keymap.warn_shadowed(file, context);
        }
        keymap
    }

    pub fn bindings(&self, context: Context) -> &[Binding] {
        &self.tables[context as usize]
    }

    /// Looks `keys` up in `chain`, innermost context first. An exact binding
    /// wins unless an inner context has a longer one starting with the same
    /// keys, which makes the outer one wait for the next key.
    pub fn lookup(&self, chain: &[Context], keys: &[Key]) -> Lookup {
        let mut longer = false;
        for context in chain {
            for binding in self.bindings(*context) {
                if binding.keys == keys {
                    return if longer {
                        Lookup::Pending
                    } else {
                        Lookup::Action(binding.action)
                    };
                }
            }
            longer |= self
                .bindings(*context)
                .iter()
                .any(|b| b.keys.len() > keys.len() && b.keys.starts_with(keys));
        }
        if longer { Lookup::Pending } else { Lookup::Nothing }
    }

    /// The first binding of `action` in `chain`, for hints.
    pub fn binding_for(&self, chain: &[Context], action: Action) -> Option<&Binding> {
        chain
            .iter()
            .flat_map(|c| self.bindings(*c))
            .find(|b| b.action == action)
    }

    fn warn_shadowed(&mut self, file: &Places, context: Context) {
        let table = &self.tables[context as usize];
        let mut found = Vec::new();
        for long in table {
            if let Some(short) = table
                .iter()
                .find(|s| s.keys.len() < long.keys.len() && long.keys.starts_with(&s.keys))
            {
                found.push(fill(
                    i18n::get().warn_shadowed_key,
                    &[
                        ("file", &file.of(&format!("keymap.{}", context.name()))),
                        ("context", context.name()),
                        ("key", &sequence(&long.keys)),
                        ("prefix", &sequence(&short.keys)),
                    ],
                ));
            }
        }
        self.warnings.extend(found);
    }
}

/// The keymap syntax of a key sequence: `g g`, `<C-c>`.
pub fn sequence(keys: &[Key]) -> String {
    keys.iter().map(Key::to_string).collect::<Vec<_>>().join(" ")
}

/// Reads every context table of a keymap file, reporting what is wrong.
fn parse(file: &Places, table: &toml::Table, warnings: &mut Vec<String>) -> Vec<(Context, Vec<Entry>)> {
    let s = i18n::get();
    let mut out = Vec::new();
    for (name, value) in table {
        let file_name = file.of(&format!("keymap.{name}"));
        let Some(context) = Context::from_name(name) else {
            let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
            warnings.push(fill(
                s.warn_unknown_context,
                &[("file", &file_name), ("context", name), ("known", &known.join(", "))],
            ));
            continue;
        };
        let Some(list) = value.as_array() else {
            warnings.push(fill(s.warn_not_a_list, &[("file", &file_name), ("context", name)]));
            continue;
        };
        let mut entries: Vec<Entry> = Vec::new();
        for (i, item) in list.iter().enumerate() {
            let field = |key: &str| item.get(key).and_then(toml::Value::as_str);
            let (Some(on), Some(run)) = (field("on"), field("run")) else {
                warnings.push(fill(
                    s.warn_bad_entry,
                    &[("file", &file_name), ("context", name), ("entry", &(i + 1).to_string())],
                ));
                continue;
            };
            let quoted = format!("{on:?}");
            let Some(keys) = parse_sequence(on) else {
                warnings.push(fill(
                    s.warn_bad_key,
                    &[("file", &file_name), ("context", name), ("key", &quoted)],
                ));
                continue;
            };
            let action = match (run, Action::from_name(run)) {
                ("none", _) => None,
                (_, Some(action)) => Some(action),
                (_, None) => {
                    warnings.push(fill(
                        s.warn_unknown_action,
                        &[
                            ("file", &file_name),
                            ("context", name),
                            ("key", &quoted),
                            ("action", &format!("{run:?}")),
                        ],
                    ));
                    continue;
                }
            };
            if entries.iter().any(|e| e.keys == keys) {
                warnings.push(fill(
                    s.warn_duplicate_key,
                    &[("file", &file_name), ("context", name), ("key", &quoted)],
                ));
                continue;
            }
            let desc = field("desc").map(|d| crate::domain::text::sanitize_line(d).into_owned());
            entries.push(Entry { keys, action, desc });
        }
        out.push((context, entries));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::keys::KeyCode;
    use super::*;

    fn user(text: &str) -> Keymap {
        let table: toml::Table = toml::from_str(text).unwrap();
        Keymap::load(&Places::new(Path::new("/home/me/config.toml")), table.get("keymap"))
    }

    #[test]
    fn defaults_are_clean_and_complete() {
        let keymap = Keymap::default();
        assert_eq!(keymap.warnings, Vec::<String>::new());
        let chain = [Context::Customers, Context::List, Context::Global];
        assert_eq!(keymap.lookup(&chain, &[Key::char('q')]), Lookup::Action(Action::Quit));
        assert_eq!(keymap.lookup(&chain, &[Key::char('g')]), Lookup::Pending);
        let gg = [Key::char('g'), Key::char('g')];
        assert_eq!(keymap.lookup(&chain, &gg), Lookup::Action(Action::Top));
        assert_eq!(keymap.lookup(&chain, &[Key::char('t')]), Lookup::Action(Action::Triage));
        assert_eq!(keymap.lookup(&chain, &[Key::char('u')]), Lookup::Nothing);
        // Every action a user can trigger from the main screen has a key.
        for action in [
            Action::New,
            Action::Reply,
            Action::Palette,
            Action::Help,
            Action::Filter,
        ] {
            assert!(keymap.binding_for(&chain, action).is_some(), "{action:?}");
        }
    }

    #[test]
    fn user_entries_override_one_key_at_a_time() {
        let keymap = user(
            "[keymap]\nqueue = [ { on = \"A\", run = \"assign\", desc = \"Take it\" } ]\n\
             global = [ { on = \"q\", run = \"none\" }, { on = \"<C-q>\", run = \"quit\" } ]\n",
        );
        assert!(keymap.warnings.is_empty(), "{:?}", keymap.warnings);
        let chain = [Context::Queue, Context::List, Context::Global];
        assert_eq!(keymap.lookup(&chain, &[Key::char('A')]), Lookup::Action(Action::Assign));
        assert_eq!(keymap.lookup(&chain, &[Key::char('q')]), Lookup::Nothing);
        assert_eq!(keymap.lookup(&chain, &[Key::ctrl('q')]), Lookup::Action(Action::Quit));
        // Untouched defaults stay.
        assert_eq!(keymap.lookup(&chain, &[Key::char('a')]), Lookup::Action(Action::Assign));
        assert_eq!(
            keymap.binding_for(&chain, Action::Assign).unwrap().desc,
            Some("Take it".into())
        );
    }

    #[test]
    fn problems_are_reported_with_file_and_place_and_defaults_kept() {
        let keymap = user(
            "[keymap]\nglobal = [ { on = \"<C-\", run = \"quit\" }, { on = \"x\", run = \"explode\" },\n\
             { on = \"w\", run = \"help\" }, { on = \"w\", run = \"quit\" }, { run = \"quit\" } ]\n\
             sidebar = []\nqueue = 3\n",
        );
        let all = keymap.warnings.join("\n");
        for needle in [
            "\"<C-\"",
            "explode",
            "bound twice",
            "entry 5",
            "sidebar",
            "keymap.queue",
        ] {
            assert!(all.contains(needle), "{needle} missing in:\n{all}");
        }
        assert!(keymap.warnings.iter().all(|w| w.starts_with("/home/me/config.toml: ")));
        let chain = [Context::Global];
        assert_eq!(keymap.lookup(&chain, &[Key::char('w')]), Lookup::Action(Action::Help));
        assert_eq!(keymap.lookup(&chain, &[Key::char('q')]), Lookup::Action(Action::Quit));
    }

    #[test]
    fn an_inner_chord_makes_an_outer_key_wait() {
        let keymap = user("[keymap]\nqueue = [ { on = \"q q\", run = \"help\" } ]\n");
        let chain = [Context::Queue, Context::Global];
        assert_eq!(keymap.lookup(&chain, &[Key::char('q')]), Lookup::Pending);
        let qq = [Key::char('q'), Key::char('q')];
        assert_eq!(keymap.lookup(&chain, &qq), Lookup::Action(Action::Help));
        let shadow = user("[keymap]\nlist = [ { on = \"g\", run = \"top\" } ]\n");
        assert!(shadow.warnings[0].contains("g g"), "{:?}", shadow.warnings);
        assert_eq!(Key::plain(KeyCode::Enter).to_string(), "<Enter>");
    }
}
