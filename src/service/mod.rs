//! Use cases shared by the CLI and the TUI. Each runs in one transaction and
//! is the one place where domain rules meet storage.

pub mod agenda;
pub mod backup;
pub mod copy;
pub mod customers;
pub mod dashboard;
pub mod database;
pub mod demo;
pub mod doctor;
pub mod export;
pub mod find;
pub mod import;
pub mod interactions;
pub mod kb;
pub mod macros;
pub mod mail;
pub mod merge;
pub mod occasions;
pub mod orders;
pub mod pickers;
pub mod policies;
pub mod presence;
pub mod privacy;
pub mod progress;
pub mod quality;
mod reminder_note;
pub mod reminders;
pub mod report;
mod report_judge;
mod report_share;
pub mod roles;
pub mod screens;
pub mod search;
pub mod segments;
pub mod segments_as_of;
pub mod setup;
pub mod sla;
pub mod surveys;
mod ticket_changes;
pub mod tickets;
pub mod triage;
pub mod views;

mod error;

pub use database::Database;
pub use error::Error;

use crate::config::Config;
use crate::domain::audit::AuditEntry;
use crate::domain::cadence::CadenceRules;
use crate::domain::error::Invalid;
use crate::domain::segments::SegmentRules;
use crate::store::Tx;
use chrono::{DateTime, SubsecRound, Utc};

/// Who acts, and when: every write records both.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub agent: String,
    pub now: DateTime<Utc>,
    pub settings: Settings,
    /// `--now` was given: a "what if" clock. Reads then keep their results
    /// to themselves (see [`segments_as_of`]) instead of storing what holds
    /// at a time that is not the real one.
    pub clock_fixed: bool,
}

/// Behaviour the config file may change.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A target is "at risk" when less than this share of it is left.
    pub at_risk_share: f64,
    /// Tier, lifecycle and churn rules (`[segments]`).
    pub segments: SegmentRules,
    /// Contact cadence per tier (`[cadence]`).
    pub cadence: CadenceRules,
    /// The team's time zone (`sla.timezone`): where "today" ends, and the zone whose
    /// calendar months and weeks the reports count in.
    pub timezone: chrono_tz::Tz,
    /// The display zone (`[ui] timezone`, else `timezone`): where human times
    /// are shown and where typed times without an offset are read.
    pub display_zone: chrono_tz::Tz,
    /// Masked display for screen sharing: phones and e-mails partly hidden
    /// wherever they are shown (see [`privacy`]).
    pub masked: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::from_config(&Config::defaults())
    }
}

impl Settings {
    pub fn from_config(config: &Config) -> Self {
        Settings {
            at_risk_share: config.sla.at_risk_share,
            segments: config.segments.clone(),
            cadence: config.cadence.clone(),
            // The config is checked on load, so the zone parses.
            timezone: config.sla.timezone.parse().unwrap_or(chrono_tz::Tz::UTC),
            display_zone: config.display_zone(),
            masked: config.ui.masked,
        }
    }
}

impl Ctx {
    /// A context with the default settings.
    pub fn new(agent: impl Into<String>, now: DateTime<Utc>) -> Self {
        Ctx::with_settings(agent, now, Settings::default())
    }

    /// A context with `settings`, from a config already loaded (reading the
    /// defaults again would cost every command's start a second parse).
    pub fn with_settings(agent: impl Into<String>, now: DateTime<Utc>, settings: Settings) -> Self {
        Ctx {
            agent: agent.into(),
            // The store keeps whole seconds; a finer clock would make a new
            // record's reported times differ from what is read back.
            now: now.trunc_subsecs(0),
            settings,
            clock_fixed: false,
        }
    }

    /// The instant a TIME value names (any form of `domain::human_time`),
    /// read at this clock in the display zone.
    pub fn parse_time(&self, field: &str, value: &str) -> Result<DateTime<Utc>, Invalid> {
        crate::domain::human_time::parse_time(field, value, self.now, self.settings.display_zone)
    }

    /// Today's date in the team's zone.
    pub fn today(&self) -> chrono::NaiveDate {
        self.now.with_timezone(&self.settings.timezone).date_naive()
    }

    /// Records one field change in the audit trail.
    fn audit(
        &self,
        tx: &Tx,
        entity: &str,
        id: i64,
        field: &str,
        old: Option<String>,
        new: Option<String>,
    ) -> Result<(), Error> {
        tx.insert_audit(&AuditEntry {
            at: self.now,
            agent: self.agent.clone(),
            entity: entity.to_string(),
            entity_id: id,
            field: field.to_string(),
            old_value: old,
            new_value: new,
        })?;
        Ok(())
    }
}
