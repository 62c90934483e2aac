//! Paths and settings. Defaults are embedded; the user's TOML file overrides
//! them key by key. A bad key is reported and its default kept; the other
//! keys stay in force; never a panic.

pub mod input;
mod mail;
pub mod secret;
mod settings;
// "Did you mean …?" lives in the domain now: the filter language suggests too.
pub(crate) use crate::domain::suggest;

pub use mail::MailConfig;
pub use settings::{BUSY_TIMEOUT_MAX_MS, Deferred, Expected, Loaded, Places, Problem, ProblemKind};

use crate::domain::cadence::CadenceRules;
use crate::domain::segments::SegmentRules;
use crate::domain::setting_rule::{Rule, RuleBreach};
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
    pub mail: MailConfig,
}

/// How SQLite keeps its journal: WAL by default, the rollback journal for a
/// file on a network share (WAL needs shared memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JournalMode {
    #[default]
    Wal,
    Delete,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseConfig {
    pub journal_mode: JournalMode,
    pub busy_timeout_ms: u64,
    /// A `postgres://` URL of the database; empty: the file (see
    /// `store::Location`, checked where it is used, with its key).
    pub url: String,
    /// Prints the PostgreSQL password (see `config::secret`).
    pub password_command: String,
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
    /// The language of the screens and of the CLI's human output.
    pub language: Language,
    /// The display zone of every human time, shown and typed; empty means
    /// `[sla] timezone` (see [`Config::display_zone`]).
    pub timezone: String,
}

/// `[ui] language`: `auto` follows the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Language {
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Config {
    pub fn defaults() -> Config {
        // The embedded defaults are checked by a test, so this cannot fail at run time.
        toml::from_str(DEFAULT_CONFIG).expect("embedded default config is valid")
    }

    /// Loads `path` over the defaults. A missing file is not an error.
    pub fn load(path: &Path) -> Loaded {
        match read_user_file(path) {
            Ok(Some(text)) => Config::from_text(path, &text),
            Ok(None) => Loaded::defaults(),
            Err(why) => {
                let mut loaded = Loaded::defaults();
                loaded.problems.push(Problem::whole_file(path, why));
                loaded
            }
        }
    }

    /// `text`, the contents of `path`, over the defaults: every key checked
    /// on its own (see `settings.rs`). The terminal UI's tables are left,
    /// unchecked, in [`Loaded::deferred`] for the UI to read.
    pub fn from_text(path: &Path, text: &str) -> Loaded {
        settings::read(path, text)
    }

    fn check(&self) -> Result<(), RuleBreach> {
        let share = self.sla.at_risk_share;
        if !(0.0..1.0).contains(&share) {
            return Err(RuleBreach::new("sla.at_risk_share", share, Rule::ShareBelowOne));
        }
        if self.backup.keep == 0 {
            return Err(RuleBreach::new("backup.keep", 0, Rule::KeepsNone));
        }
        // A relative folder would follow wherever frontdesk is started from,
        // scattering backups (and `~` is the shell's, not a path's).
        if !self.mail.ca_file.as_os_str().is_empty() && self.mail.ca_file.is_relative() {
            let value = settings::short(&toml::Value::String(self.mail.ca_file.display().to_string()));
            return Err(RuleBreach::new("mail.ca_file", value, Rule::AbsolutePath));
        }
        if !self.backup.dir.as_os_str().is_empty() && self.backup.dir.is_relative() {
            let value = settings::short(&toml::Value::String(self.backup.dir.display().to_string()));
            return Err(RuleBreach::new("backup.dir", value, Rule::AbsolutePath));
        }
        if self.sla.timezone.parse::<chrono_tz::Tz>().is_err() {
            let value = settings::short(&toml::Value::String(self.sla.timezone.clone()));
            return Err(RuleBreach::new("sla.timezone", value, Rule::TimeZone));
        }
        let zone = self.ui.timezone.trim();
        if !zone.is_empty() && zone.parse::<chrono_tz::Tz>().is_err() {
            let value = settings::short(&toml::Value::String(self.ui.timezone.clone()));
            return Err(RuleBreach::new("ui.timezone", value, Rule::TimeZone));
        }
        if self
            .mail
            .default_kind
            .parse::<crate::domain::enums::TicketKind>()
            .is_err()
        {
            let value = settings::short(&toml::Value::String(self.mail.default_kind.clone()));
            return Err(RuleBreach::new("mail.default_kind", value, Rule::TicketKind));
        }
        self.segments.check()?;
        self.cadence.check()?;
        Ok(())
    }

    /// The one zone human times are shown and typed in: `[ui] timezone`,
    /// else the team's `[sla] timezone` (both checked on load).
    pub fn display_zone(&self) -> chrono_tz::Tz {
        let ui = self.ui.timezone.trim();
        let name = if ui.is_empty() { self.sla.timezone.as_str() } else { ui };
        name.parse().unwrap_or(chrono_tz::Tz::UTC)
    }
}

/// The user's settings file as text, `None` when there is none. Read
/// through [`input`], so a FIFO, a device or a huge file is refused unread.
fn read_user_file(path: &Path) -> Result<Option<String>, String> {
    let bytes =
        input::read_if_present(path, input::InputKind::Config).map_err(|e| input::settings_problem(&e.reason))?;
    bytes
        .map(|bytes| String::from_utf8(bytes).map_err(|_| "is not valid UTF-8".to_string()))
        .transpose()
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

    /// `[ui] timezone` is the display zone; empty, the team's zone is.
    #[test]
    fn the_display_zone_defaults_to_the_sla_zone() {
        assert_eq!(load("").config.display_zone(), chrono_tz::Asia::Shanghai);
        let own = load("[sla]\ntimezone = \"Europe/Berlin\"\n[ui]\ntimezone = \"America/New_York\"\n");
        assert!(own.problems.is_empty(), "{:?}", own.problems);
        assert_eq!(own.config.display_zone(), chrono_tz::America::New_York);
        let team = load("[sla]\ntimezone = \"Europe/Berlin\"\n");
        assert_eq!(team.config.display_zone(), chrono_tz::Europe::Berlin);
        let bad = load("[ui]\ntimezone = \"Mars/Olympus\"\n");
        assert_eq!(bad.problems.len(), 1, "{:?}", bad.problems);
        assert_eq!(bad.config.display_zone(), chrono_tz::Asia::Shanghai);
    }

    #[test]
    fn user_keys_override_defaults_one_by_one() {
        let loaded = load("[sla]\nat_risk_share = 0.5\n");
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.config.sla.at_risk_share, 0.5);
        assert_eq!(loaded.config.sla.timezone, "Asia/Shanghai");
        assert_eq!(loaded.config.database.journal_mode, JournalMode::Wal);
    }

    /// The case of issue #10: a bad time zone turned a network share's
    /// rollback journal back into WAL, because the whole file was dropped.
    #[test]
    fn a_bad_value_costs_only_its_own_key() {
        let loaded = load("[database]\njournal_mode = \"delete\"\n\n[sla]\ntimezone = \"Mars/Olympus\"\nbell = true\n");
        assert_eq!(loaded.config.database.journal_mode, JournalMode::Delete);
        assert!(loaded.config.sla.bell);
        assert_eq!(loaded.config.sla.timezone, "Asia/Shanghai");
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        let problem = &loaded.problems[0];
        assert_eq!((problem.line, problem.key.as_str()), (Some(5), "sla.timezone"));
        let shown = problem.to_string();
        assert!(shown.contains("config.toml:5: "), "{shown}");
        assert!(
            shown.contains("Mars/Olympus") && shown.contains("\"Asia/Shanghai\""),
            "{shown}"
        );
        assert_eq!(loaded.effective["database"]["journal_mode"].as_str(), Some("delete"));
    }

    #[test]
    fn each_bad_value_is_reported_with_its_line_and_key_and_the_rest_kept() {
        // (text, its line, key, the message mentions)
        let cases = [
            (
                "[database]\njournal_mode = \"memory\"\n",
                2,
                "database.journal_mode",
                "memory",
            ),
            ("[sla]\nat_risk_share = 2.0\n", 2, "sla.at_risk_share", "below 1"),
            ("[segments]\nrecent_days = 0\n", 2, "segments.recent_days", "from 1"),
            (
                "[segments]\nhigh_value_lifetime = -1\n",
                2,
                "segments.high_value_lifetime",
                "-1",
            ),
            (
                "[segments]\ncontact_drop_share = 1.5\n",
                2,
                "segments.contact_drop_share",
                "1.5",
            ),
            ("[cadence]\nat_risk_days = -7\n", 2, "cadence.at_risk_days", "-7"),
            (
                "[cadence]\npotential_days = \"quarterly\"\n",
                2,
                "cadence.potential_days",
                "quarterly",
            ),
            ("[cadence]\n\nbirthdays = \"yes\"\n", 3, "cadence.birthdays", "yes"),
            ("[cadence]\nanniversaries = 1\n", 2, "cadence.anniversaries", "1"),
            ("[backup]\nkeep = 0\n", 2, "backup.keep", "keep = 0"),
            ("[backup]\nkeep = -1\n", 2, "backup.keep", "-1"),
            ("[ui]\nmasked = \"yes\"\n", 2, "ui.masked", "yes"),
            ("[ui]\ntimezone = \"Shanghai\"\n", 2, "ui.timezone", "Shanghai"),
            (
                "[database]\nbusy_timeout_ms = -5\n",
                2,
                "database.busy_timeout_ms",
                "-5",
            ),
            (
                "[sla]\ntimezon = \"UTC\"\n",
                2,
                "sla.timezon",
                "did you mean `sla.timezone`",
            ),
            (
                "[databse]\njournal_mode = \"delete\"\n",
                1,
                "databse",
                "did you mean `database`",
            ),
            (
                "journal_mode = \"delete\"\n",
                1,
                "journal_mode",
                "`database.journal_mode`",
            ),
            (
                "[ui]\ncolours = 3\n",
                2,
                "ui.colours",
                "unknown key ui.colours, ignored",
            ),
            ("sla = 3\n", 1, "sla", "must be a table"),
        ];
        for (text, line, key, mentions) in cases {
            // A good key before the bad one must survive it.
            let (good, kept) = if text.contains("[sla") || text.contains("[ui") {
                ("[backup]\nkeep = 3\n", "backup")
            } else {
                ("ui.masked = true\n", "ui")
            };
            let loaded = load(&format!("{good}{text}"));
            assert_eq!(loaded.problems.len(), 1, "{text}: {:?}", loaded.problems);
            let problem = &loaded.problems[0];
            let shown = problem.to_string();
            assert_eq!(problem.key, key, "{shown}");
            let good_lines = good.lines().count();
            assert_eq!(problem.line, Some(line + good_lines), "{shown}");
            assert!(shown.contains(mentions), "{text}: {shown}");
            match kept {
                "backup" => assert_eq!(loaded.config.backup.keep, 3, "{text}"),
                _ => assert!(loaded.config.ui.masked, "{text}"),
            }
        }
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_line() {
        let loaded = load("[database]\njournal_mode = \"delete\"\n[sla\nbell = true\n");
        assert!(!loaded.problems.is_empty());
        let shown = loaded.problems[0].to_string();
        assert!(shown.contains("config.toml:3: not valid TOML"), "{shown}");
        assert_eq!(loaded.config.database.journal_mode, JournalMode::Delete);
    }

    #[test]
    fn an_absurd_busy_timeout_is_capped_and_reported() {
        let loaded = load("[database]\nbusy_timeout_ms = 86400000\n");
        assert_eq!(loaded.config.database.busy_timeout_ms, BUSY_TIMEOUT_MAX_MS);
        assert_eq!(loaded.problems.len(), 1);
        let shown = loaded.problems[0].to_string();
        assert!(
            shown.contains(":2: database.busy_timeout_ms = 86400000 is more than 60000"),
            "{shown}"
        );
        let fine = load("[database]\nbusy_timeout_ms = 60000\n");
        assert!(fine.problems.is_empty());
        assert_eq!(fine.config.database.busy_timeout_ms, 60_000);
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
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.config.segments.high_value_lifetime, 80000.0);
        assert_eq!(loaded.config.segments.recent_days, 180);
        assert_eq!(loaded.config.cadence.standard_days, 120);
        assert_eq!(loaded.config.cadence.high_value_days, 30);
    }

    #[test]
    fn missing_file_is_fine() {
        let loaded = Config::load(Path::new("/nonexistent/frontdesk/config.toml"));
        assert!(loaded.problems.is_empty());
    }
}
