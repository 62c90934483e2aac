//! The database as the edges (the CLI and the terminal UI) see it. They
//! name these service-level types, never `store::…`, so the store's own
//! types and its engine stay behind the service layer; the handle is the
//! store's (every use case takes it), reached here under the name the
//! edges use.

pub use crate::store::header::HeaderCheck;
pub use crate::store::{Foreign, Interrupt, JournalMode, OpenOptions, Store as Database, StoreError, sidecar};
pub use crate::store::{
    Location, PasswordSource, PgFailure, PgSecrets, PgTarget, PgWarning, connect as connect_postgres,
};

use crate::config::{self, DatabaseConfig};
use std::time::Duration;

/// How every connection of this process opens the database, from the
/// `[database]` settings.
pub fn open_options(settings: &DatabaseConfig) -> OpenOptions {
    OpenOptions {
        journal: settings.journal_mode.into(),
        busy_timeout: Duration::from_millis(settings.busy_timeout_ms.min(config::BUSY_TIMEOUT_MAX_MS)),
    }
}

/// The settings file names the journal mode in its own words; the store
/// has its own type for it, so neither depends on the other.
impl From<config::JournalMode> for JournalMode {
    fn from(mode: config::JournalMode) -> JournalMode {
        match mode {
            config::JournalMode::Wal => JournalMode::Wal,
            config::JournalMode::Delete => JournalMode::Delete,
        }
    }
}
