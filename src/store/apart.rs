//! Reads on a connection of their own, for work that runs on another thread
//! beside the store's own read: a large read split in two halves that use
//! both cores (the report's churn scan beside its tickets, the agenda's low
//! surveys beside its contacts due).
//!
//! Only a file has one: a server's connection is opened with a login and
//! secrets this handle does not keep, so there the caller reads in its own
//! transaction. The snapshot is a moment apart from the store's; a caller
//! uses one only for a part that stands alone.

use super::{Engine, Store, StoreError, Tx};
use rusqlite::{Connection, OpenFlags};
use std::path::PathBuf;
use std::time::Duration;

/// A reader apart's page cache (SQLite's default is 2 MiB): its reads are
/// one pass each, and the TUI's peak memory counts every connection's cache.
const APART_CACHE_KIB: i64 = 256;

/// Where a reader apart opens its connection (cheap to make and `Send`).
#[derive(Debug, Clone)]
pub struct Apart {
    path: PathBuf,
    busy_timeout: Duration,
}

impl Store {
    /// A reader apart on this store's file; `None` on a server.
    pub fn apart(&self) -> Option<Apart> {
        match self.engine {
            Engine::Sqlite(_) => Some(Apart {
                path: self.path.clone(),
                busy_timeout: self.options.busy_timeout,
            }),
            Engine::Postgres(_) => None,
        }
    }
}

impl Apart {
    /// Runs `f` in one read transaction on a new read-only connection to
    /// the file (already opened and migrated by the store: nothing here
    /// writes). It waits for a writer as long as the store would.
    pub fn read<T>(&self, f: impl FnOnce(&Tx) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)?;
        conn.busy_timeout(self.busy_timeout)?;
        conn.pragma_update(None, "cache_size", -APART_CACHE_KIB)?;
        let tx = conn.unchecked_transaction()?;
        f(&Tx {
            conn: Some(&tx),
            db: super::sql::Db::sqlite(&tx),
            memo: None,
        })
    }
}
