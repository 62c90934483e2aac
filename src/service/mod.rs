//! Use cases shared by the CLI and the TUI. Each runs in one transaction and
//! is the one place where domain rules meet storage.

pub mod customers;
pub mod demo;
pub mod interactions;
pub mod screens;
pub mod setup;
pub mod sla;
pub mod tickets;

mod error;

pub use error::Error;

use crate::domain::audit::AuditEntry;
use crate::store::Tx;
use chrono::{DateTime, Utc};

/// Who acts, and when: every write records both.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub agent: String,
    pub now: DateTime<Utc>,
    pub settings: Settings,
}

/// Behaviour the config file may change.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A target is "at risk" when less than this share of it is left.
    pub at_risk_share: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { at_risk_share: 0.25 }
    }
}

impl Ctx {
    pub fn new(agent: impl Into<String>, now: DateTime<Utc>) -> Self {
        Ctx {
            agent: agent.into(),
            now,
            settings: Settings::default(),
        }
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
