//! Paths and settings. Defaults are embedded; the user's TOML file overrides
//! them key by key. A bad file is reported and the defaults are kept, never
//! a panic.

pub mod input;
pub mod keymap;
pub mod theme;

use crate::domain::cadence::CadenceRules;
use crate::domain::segments::SegmentRules;
use crate::store::JournalMode;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_CONFIG: &str = include_str!("../../assets/config.toml");

#[derive(Debug, Clone, Deserialize)]
pub struct Config {
    pub database: DatabaseConfig,
    pub sla: SlaConfig,
    pub segments: SegmentRules,
    pub cadence: CadenceRules,
    pub backup: BackupConfig,
    pub ui: UiConfig,
    /// The terminal UI's keys and colours: checked on their own, so a bad
    /// key never costs the user their other settings (and the reverse).
    #[serde(skip)]
    pub keymap: keymap::Keymap,
    #[serde(skip)]
    pub theme: theme::Theme,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseConfig {
    pub journal_mode: JournalMode,
    pub busy_timeout_ms: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SlaConfig {
    pub at_risk_share: f64,
    pub timezone: String,
    pub bell: bool,
}

#[derive(Debug, Clone, Deserialize)]
pub struct BackupConfig {
    /// Where automatic daily backups go; empty turns them off.
    pub dir: PathBuf,
    /// How many daily backups to keep (at least 1).
    pub keep: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UiConfig {
    /// Partly hide phones and e-mails (screen sharing).
    pub masked: bool,
}

/// The config in force, and what was wrong with the user's file, if anything.
pub struct Loaded {
    pub config: Config,
    pub warnings: Vec<String>,
}

impl Config {
    /// How every connection of this process opens the database.
    pub fn store_options(&self) -> crate::store::OpenOptions {
        crate::store::OpenOptions {
            journal: self.database.journal_mode,
            busy_timeout: std::time::Duration::from_millis(self.database.busy_timeout_ms),
        }
    }

    pub fn defaults() -> Config {
        // The embedded defaults are checked by a test, so this cannot fail at run time.
        toml::from_str(DEFAULT_CONFIG).expect("embedded default config is valid")
    }

    /// Loads `path` over the defaults. A missing file is not an error.
    pub fn load(path: &Path) -> Loaded {
        let mut loaded = Config::load_settings(path);
        // An unreadable or malformed file was reported above; the keymap and
        // theme then simply keep their defaults.
        let user: toml::Table = read_user_file(path)
            .ok()
            .flatten()
            .and_then(|text| toml::from_str(&text).ok())
            .unwrap_or_default();
        loaded.config.keymap = keymap::Keymap::load(path, user.get("keymap"));
        loaded.config.theme = theme::Theme::load(path, user.get("theme"));
        loaded
    }

    fn load_settings(path: &Path) -> Loaded {
        let defaults: toml::Table = toml::from_str(DEFAULT_CONFIG).unwrap_or_default();
        let text = match read_user_file(path) {
            Ok(Some(text)) => text,
            Ok(None) => {
                return Loaded {
                    config: Config::defaults(),
                    warnings: vec![],
                };
            }
            Err(why) => return fallback(why),
        };
        let user: toml::Table = match toml::from_str(&text) {
            Ok(table) => table,
            Err(e) => return fallback(format!("{}: {}", path.display(), e.message())),
        };
        let mut merged = defaults.clone();
        merge(&mut merged, user.clone());
        match merged.try_into::<Config>() {
            Ok(config) => match config.check() {
                Ok(()) => Loaded {
                    config,
                    warnings: vec![],
                },
                Err(why) => fallback(format!("{}: {why}", path.display())),
            },
            Err(e) => {
                let key = offending_key(&defaults, &user).unwrap_or_default();
                fallback(format!("{}: {key}{}", path.display(), e.message()))
            }
        }
    }

    fn check(&self) -> Result<(), String> {
        if !(0.0..1.0).contains(&self.sla.at_risk_share) {
            return Err(format!(
                "sla.at_risk_share = {} must be at least 0 and below 1",
                self.sla.at_risk_share
            ));
        }
        if self.backup.keep == 0 {
            return Err("backup.keep = 0 would delete every backup; use at least 1".into());
        }
        if self.sla.timezone.parse::<chrono_tz::Tz>().is_err() {
            return Err(format!(
                "sla.timezone = {:?} is not a time zone like Asia/Shanghai",
                self.sla.timezone
            ));
        }
        self.segments.check()?;
        self.cadence.check()?;
        Ok(())
    }
}

/// The user's settings file as text, `None` when there is none. Read
/// through [`input`], so a FIFO, a device or a huge file is refused unread.
fn read_user_file(path: &Path) -> Result<Option<String>, String> {
    let bytes = input::read_if_present(path, input::InputKind::Config).map_err(|e| e.to_string())?;
    bytes
        .map(|bytes| String::from_utf8(bytes).map_err(|_| format!("{}: is not valid UTF-8", path.display())))
        .transpose()
}

fn fallback(warning: String) -> Loaded {
    Loaded {
        config: Config::defaults(),
        warnings: vec![format!("{warning}; using the default settings")],
    }
}

/// Names the first `section.key` of the user's file that makes the config
/// invalid on its own, so the warning says where to look.
fn offending_key(defaults: &toml::Table, user: &toml::Table) -> Option<String> {
    for (section, value) in user {
        let keys: Vec<(String, toml::Value)> = match value {
            toml::Value::Table(table) => table.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            other => vec![(String::new(), other.clone())],
        };
        for (key, value) in keys {
            let mut single = toml::Table::new();
            if key.is_empty() {
                single.insert(section.clone(), value);
            } else {
                single.insert(
                    section.clone(),
                    toml::Value::Table(toml::Table::from_iter([(key.clone(), value)])),
                );
            }
            let mut trial = defaults.clone();
            merge(&mut trial, single);
            if trial.try_into::<Config>().is_err() {
                let name = if key.is_empty() {
                    section.clone()
                } else {
                    format!("{section}.{key}")
                };
                return Some(format!("{name}: "));
            }
        }
    }
    None
}

/// Overrides `base` with `over`, table by table, so a user's file needs only
/// the keys it changes.
pub fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// `<platform data dir>/frontdesk/frontdesk.db`
pub fn default_db_path() -> PathBuf {
    directories::BaseDirs::new()
        .map(|d| d.data_dir().join("frontdesk").join("frontdesk.db"))
        .unwrap_or_else(|| PathBuf::from("frontdesk.db"))
}

/// `<platform config dir>/frontdesk/config.toml`
pub fn default_config_path() -> PathBuf {
    directories::BaseDirs::new()
        .map(|d| d.config_dir().join("frontdesk").join("config.toml"))
        .unwrap_or_else(|| PathBuf::from("frontdesk.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Loaded {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    #[test]
    fn user_keys_override_defaults_one_by_one() {
        let loaded = load("[sla]\nat_risk_share = 0.5\n");
        assert!(loaded.warnings.is_empty());
        assert_eq!(loaded.config.sla.at_risk_share, 0.5);
        assert_eq!(loaded.config.sla.timezone, "Asia/Shanghai");
        assert_eq!(loaded.config.database.journal_mode, JournalMode::Wal);
    }

    #[test]
    fn bad_files_fall_back_to_defaults_with_a_warning() {
        let cases = [
            ("[sla\n", "config.toml"),
            ("[database]\njournal_mode = \"memory\"\n", "journal_mode"),
            ("[sla]\nat_risk_share = 2.0\n", "at_risk_share"),
            ("[sla]\ntimezone = \"Mars/Olympus\"\n", "Mars/Olympus"),
            ("[segments]\nrecent_days = 0\n", "segments.recent_days"),
            ("[segments]\nhigh_value_lifetime = -1\n", "segments.high_value_lifetime"),
            ("[segments]\ncontact_drop_share = 1.5\n", "contact_drop_share"),
            ("[cadence]\nat_risk_days = -7\n", "cadence.at_risk_days"),
            ("[cadence]\npotential_days = \"quarterly\"\n", "cadence.potential_days"),
            ("[cadence]\nbirthdays = \"yes\"\n", "cadence.birthdays"),
            ("[cadence]\nanniversaries = 1\n", "cadence.anniversaries"),
            (
                "[cadence]\nsurvey_follow_up_hours = -1\n",
                "cadence.survey_follow_up_hours",
            ),
            ("[backup]\nkeep = 0\n", "backup.keep"),
            ("[backup]\nkeep = -1\n", "keep"),
            ("[ui]\nmasked = \"yes\"\n", "masked"),
        ];
        for (text, mentions) in cases {
            let loaded = load(text);
            assert_eq!(loaded.warnings.len(), 1, "{text}");
            assert!(loaded.warnings[0].contains(mentions), "{text}: {}", loaded.warnings[0]);
            assert_eq!(loaded.config.sla.at_risk_share, 0.25);
        }
    }

    #[test]
    fn shipped_relationship_rules_are_those_the_domain_tests_use() {
        let config = Config::defaults();
        assert_eq!(config.segments, crate::domain::segments::tests::rules());
        assert_eq!(config.cadence.high_value_days, 30);
        assert_eq!(config.cadence.potential_days, 90);
        assert_eq!(config.cadence.at_risk_days, 7);
        assert_eq!(config.cadence.standard_days, 0);
        assert!(config.cadence.birthdays && config.cadence.anniversaries);
        assert_eq!(config.cadence.survey_follow_up_hours, 24);
    }

    #[test]
    fn relationship_rules_are_read() {
        let loaded = load("[segments]\nhigh_value_lifetime = 80000\n[cadence]\nstandard_days = 120\n");
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.config.segments.high_value_lifetime, 80000.0);
        assert_eq!(loaded.config.segments.recent_days, 180);
        assert_eq!(loaded.config.cadence.standard_days, 120);
        assert_eq!(loaded.config.cadence.high_value_days, 30);
    }

    #[test]
    fn missing_file_is_fine() {
        let loaded = Config::load(Path::new("/nonexistent/frontdesk/config.toml"));
        assert!(loaded.warnings.is_empty());
    }
}
