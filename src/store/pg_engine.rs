//! A frontdesk database on PostgreSQL: the connection a [`super::Store`]
//! holds, and its transactions.
//!
//! A write takes the database's write lock first, as SQLite's `BEGIN
//! IMMEDIATE` does: a transaction-scoped advisory lock, so writers queue in
//! the server instead of colliding, then READ COMMITTED, so every statement
//! after the lock sees what the writers before it committed — a
//! read-then-write never acts on a value another agent has since changed.
//! Measured with 8 agents noting one ticket (benches/writers.rs), SERIALIZABLE
//! with retries gave 131 writes/s and a 14 s worst case (retry storms);
//! queueing gives the figures in the session note. A deadlock or
//! serialization failure ([`StoreError::Busy`]) is still run again whole, as
//! SQLite's busy is (`retry.rs`). Reads run REPEATABLE READ, READ ONLY: one
//! snapshot, never waiting for the lock.

use super::retry::{BusyError, PATIENCE, on_busy};
use super::sql::Db;
use super::sql::pg::{PgTx, StatementCache};
use super::{StoreError, Tx};
use postgres::IsolationLevel;
use postgres::fallible_iterator::FallibleIterator;

/// An open connection to a frontdesk database on a PostgreSQL server.
pub struct PgConn {
    client: postgres::Client,
    statements: StatementCache,
    /// Notifications of commits seen so far (see [`PgConn::data_version`]).
    changes: i64,
    listening: bool,
}

/// The advisory lock key every write takes first ("FDWR"): one writer at a
/// time per database, as on a SQLite file.
const WRITE_LOCK: i64 = 0x4644_5752;

/// The channel every write transaction notifies when it commits.
const CHANNEL: &str = "frontdesk_changes";

impl PgConn {
    pub fn new(client: postgres::Client) -> PgConn {
        PgConn {
            client,
            statements: StatementCache::new(),
            changes: 0,
            listening: false,
        }
    }

    /// Grows whenever a write transaction of any agent (this one included)
    /// has committed since the last call: every write sends `NOTIFY` on
    /// [`CHANNEL`], which the server delivers at its commit, and this
    /// connection listens. The round trip fetches what has arrived.
    pub fn data_version(&mut self) -> Result<i64, StoreError> {
        if !self.listening {
            self.client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
            self.listening = true;
        }
        self.client.batch_execute("SELECT 1")?;
        let arrived = self.client.notifications().iter().count()?;
        self.changes += i64::try_from(arrived).unwrap_or(i64::MAX);
        Ok(self.changes)
    }

    pub fn client(&mut self) -> &mut postgres::Client {
        &mut self.client
    }

    pub fn read<T, E>(&mut self, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        on_busy(PATIENCE, || self.once(IsolationLevel::RepeatableRead, true, &mut f))
    }

    pub fn write<T, E>(&mut self, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        on_busy(PATIENCE, || {
            self.once(IsolationLevel::ReadCommitted, false, &mut |tx: &Tx| {
                tx.db
                    .query_row("SELECT pg_advisory_xact_lock(?1)", [WRITE_LOCK], |_| Ok(()))?;
                let out = f(tx)?;
                tx.db.execute(&format!("NOTIFY {CHANNEL}"), super::sql::params![])?;
                Ok(out)
            })
        })
    }

    /// One attempt; on any error the transaction is dropped, which rolls it back.
    fn once<T, E>(
        &mut self,
        level: IsolationLevel,
        read_only: bool,
        f: &mut impl FnMut(&Tx) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .client
            .build_transaction()
            .isolation_level(level)
            .read_only(read_only)
            .start()
            .map_err(StoreError::from)?;
        let tx = PgTx::new(tx, &mut self.statements);
        let out = f(&Tx {
            conn: None,
            db: Db::postgres(&tx),
        })?;
        tx.commit()?;
        Ok(out)
    }
}
