//! The only code that knows SQL. Opens the file, sets the pragmas, runs the
//! append-only migrations and maps rows to domain types. No rusqlite type
//! leaves this module.

mod audit;
mod crm;
mod customers;
mod error;
mod interactions;
mod kb;
mod merge;
mod migrations;
mod open;
mod orders;
mod policies;
mod reminders;
mod rows;
mod screens;
mod tickets;

pub use crm::{CadenceRow, CallbackRow, FactsRow};
pub use customers::{CustomerQuery, CustomerSearchRow};
pub use error::StoreError;
pub use interactions::ExportedInteraction;
pub use merge::Moved;
pub use migrations::LATEST_VERSION;
pub use open::{JournalMode, OpenOptions};
pub use reminders::ReminderRow;
pub use screens::{CustomerRow, SurveyLine};
pub use tickets::{QUEUE_SQL, TicketDues, TicketQuery};

use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The queries that run on every screen or keystroke, by name, exactly as
/// the store runs them, so tests can keep their plans (`QUEUE_SQL` besides).
pub fn hot_queries() -> Vec<(&'static str, String)> {
    vec![
        ("customer_timeline", interactions::TIMELINE_SQL.to_string()),
        ("ticket_list", tickets::list_sql(false)),
        ("customer_tickets", tickets::list_sql(true)),
    ]
}

/// An open frontdesk database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// A transaction: every read and write of a use case goes through one, so a
/// value read and written back cannot be changed by another agent in between.
pub struct Tx<'a> {
    conn: &'a Connection,
}

/// How often a write retries when another process holds the write lock past
/// the busy timeout (each attempt already waits up to the timeout).
const WRITE_ATTEMPTS: u32 = 20;

impl Store {
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Store, StoreError> {
        let conn = open::open(path, options)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A consistent read: everything `f` sees comes from one snapshot.
    pub fn read<T, E: From<StoreError>>(&mut self, f: impl FnOnce(&Tx) -> Result<T, E>) -> Result<T, E> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(StoreError::from)?;
        let out = f(&Tx { conn: &tx })?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// A write as one `BEGIN IMMEDIATE` transaction: the write lock is taken
    /// up front, so a read-then-write never meets SQLITE_BUSY half-way. When
    /// another writer holds the lock beyond the busy timeout the whole
    /// transaction is retried, so agents wait instead of failing.
    pub fn write<T, E: From<StoreError>>(&mut self, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let tx = match self.conn.transaction_with_behavior(TransactionBehavior::Immediate) {
                Ok(tx) => tx,
                Err(e) if error::is_busy(&e) && attempt < WRITE_ATTEMPTS => {
                    std::thread::sleep(Duration::from_millis(10 * u64::from(attempt)));
                    continue;
                }
                Err(e) => return Err(StoreError::from(e).into()),
            };
            let out = f(&Tx { conn: &tx })?;
            match tx.commit() {
                Ok(()) => return Ok(out),
                Err(e) if error::is_busy(&e) && attempt < WRITE_ATTEMPTS => continue,
                Err(e) => return Err(StoreError::from(e).into()),
            }
        }
    }

    /// A counter that changes when another connection commits (`PRAGMA
    /// data_version`), so a TUI can refresh only when something changed.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `EXPLAIN QUERY PLAN` for a hot query (see [`hot_queries`]), so
    /// its plan can be kept under test.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let params = stmt.parameter_count();
        let values: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Integer(0); params];
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Refreshes the planner statistics (after bulk loads).
    pub fn analyze(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("ANALYZE")?;
        Ok(())
    }
}
