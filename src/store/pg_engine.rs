//! A frontdesk database on PostgreSQL: the connection a [`super::Store`]
//! holds, and its transactions.
//!
//! Writes run SERIALIZABLE, the server's counterpart of SQLite's `BEGIN
//! IMMEDIATE`: a read-then-write inside one never acts on a value another
//! agent changed since, and when two collide the server fails one of them
//! (serialization failure or deadlock, [`StoreError::Busy`]), which is run
//! again whole on a fresh snapshot, exactly as SQLite's busy is
//! (`retry.rs`). Reads run REPEATABLE READ, READ ONLY: one snapshot.

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
            self.once(IsolationLevel::Serializable, false, &mut |tx: &Tx| {
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
