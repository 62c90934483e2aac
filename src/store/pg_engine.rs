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
//!
//! A connection the server drops (a restart, `pg_terminate_backend`, a
//! network cut) is opened again when a store opened from a URL next
//! needs it: a failure is followed by a check that the connection still
//! answers, and when it does not, a new one is made and the work run once
//! more — a read always, a write only when it failed before COMMIT was
//! sent ([`StoreError::LostAtCommit`] otherwise: it may have been saved).

use super::location::PgTarget;
use super::pg_connect::{PgSecrets, cancel, connect};
use super::retry::{BusyError, PATIENCE, on_busy};
use super::sql::Db;
use super::sql::pg::{PgTx, StatementCache};
use super::{StoreError, Tx};
use postgres::IsolationLevel;
use postgres::fallible_iterator::FallibleIterator;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What it takes to open another connection to the same database: the
/// server and where its password comes from. A store opened from a URL
/// keeps it, so a dropped connection is opened again and a TUI's reader
/// and writer get connections of their own.
pub struct Reach {
    pub target: PgTarget,
    pub secrets: PgSecrets,
}

/// An open connection to a frontdesk database on a PostgreSQL server.
pub struct PgConn {
    client: postgres::Client,
    statements: StatementCache,
    /// Other connections' commits seen so far (see [`PgConn::data_version`]).
    changes: i64,
    /// This connection's own commits (`change_stamp`'s second half).
    own_writes: i64,
    /// The server process of this connection once listening: its own
    /// notifications are not another agent's change.
    listening: Option<i32>,
    reach: Option<Arc<Reach>>,
    /// How another thread cancels what this connection runs; replaced when
    /// the connection is.
    cancel: Arc<Mutex<postgres::CancelToken>>,
    /// The failed attempt had sent COMMIT: whether it was committed is unknown.
    at_commit: bool,
}

/// The advisory lock key every write takes first ("FDWR"): one writer at a
/// time per database, as on a SQLite file.
const WRITE_LOCK: i64 = 0x4644_5752;

/// The channel every write transaction notifies when it commits.
const CHANNEL: &str = "frontdesk_changes";

/// How long a connection that failed a statement may take to answer a
/// check of whether it is still there.
const STILL_THERE: Duration = Duration::from_secs(2);

/// Cuts short, from another thread, what a [`PgConn`] runs: PostgreSQL's
/// cancel request, over TLS when the connection uses it.
pub struct PgCancel {
    token: Arc<Mutex<postgres::CancelToken>>,
    reach: Option<Arc<Reach>>,
}

impl PgCancel {
    pub fn cancel(&self) {
        let token = self.token.lock().unwrap_or_else(|e| e.into_inner()).clone();
        // Nothing is running or the server is gone: nothing to cut short.
        let _ = match &self.reach {
            Some(reach) => cancel(&token, &reach.target),
            None => token.cancel_query(postgres::NoTls).map_err(StoreError::from),
        };
    }
}

impl PgConn {
    pub fn new(client: postgres::Client) -> PgConn {
        let cancel = Arc::new(Mutex::new(client.cancel_token()));
        PgConn {
            client,
            statements: StatementCache::new(),
            changes: 0,
            own_writes: 0,
            listening: None,
            reach: None,
            cancel,
            at_commit: false,
        }
    }

    /// Remembers how this connection was made, so it can be made again.
    pub fn with_reach(mut self, reach: Arc<Reach>) -> PgConn {
        self.reach = Some(reach);
        self
    }

    pub fn reach(&self) -> Option<&Arc<Reach>> {
        self.reach.as_ref()
    }

    pub fn canceller(&self) -> PgCancel {
        PgCancel {
            token: Arc::clone(&self.cancel),
            reach: self.reach.clone(),
        }
    }

    /// Grows whenever another agent's write transaction has committed since
    /// the last call: every write sends `NOTIFY` on [`CHANNEL`], which the
    /// server delivers at its commit, and this connection listens (its own
    /// notifications are left out, as SQLite's `data_version` leaves out
    /// the connection's own commits). The round trip fetches what has
    /// arrived. A connection found dropped is opened again, and counts as a
    /// change: what was committed meanwhile was not heard.
    pub fn data_version(&mut self) -> Result<i64, StoreError> {
        match self.heard() {
            Ok(()) => Ok(self.changes),
            Err(e) => match self.revive_after_failure() {
                None => Err(e),
                Some(Err(down)) => Err(down),
                Some(Ok(())) => {
                    self.heard()?;
                    Ok(self.changes)
                }
            },
        }
    }

    fn heard(&mut self) -> Result<(), StoreError> {
        let own = match self.listening {
            Some(pid) => pid,
            None => {
                self.client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
                let pid: i32 = self.client.query_one("SELECT pg_backend_pid()", &[])?.try_get(0)?;
                self.listening = Some(pid);
                pid
            }
        };
        self.client.batch_execute("SELECT 1")?;
        let theirs = self
            .client
            .notifications()
            .iter()
            .filter(|n| Ok(n.process_id() != own))
            .count()?;
        self.changes += i64::try_from(theirs).unwrap_or(i64::MAX);
        Ok(())
    }

    /// This connection's own commits so far.
    pub fn own_writes(&self) -> i64 {
        self.own_writes
    }

    pub fn client(&mut self) -> &mut postgres::Client {
        &mut self.client
    }

    /// A read; on a dropped connection (the server restarted, the backend
    /// terminated) the connection is opened again and the read run once more.
    pub fn read<T, E>(&mut self, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        on_busy(PATIENCE, || self.attempt(IsolationLevel::RepeatableRead, true, &mut f))
    }

    /// A write; on a dropped connection it runs again on a new one only
    /// when it certainly did not commit (it failed before COMMIT was sent).
    pub fn write<T, E>(&mut self, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        let out = on_busy(PATIENCE, || {
            self.attempt(IsolationLevel::ReadCommitted, false, &mut |tx: &Tx| -> Result<T, E> {
                tx.db
                    .query_row("SELECT pg_advisory_xact_lock(?1)", [WRITE_LOCK], |_| Ok(()))?;
                let out = f(tx)?;
                tx.db.execute(&format!("NOTIFY {CHANNEL}"), super::sql::params![])?;
                Ok(out)
            })
        })?;
        self.own_writes += 1;
        Ok(out)
    }

    /// One attempt, and a second on a new connection when the first met a
    /// dropped one and running it again cannot commit it twice.
    fn attempt<T, E>(
        &mut self,
        level: IsolationLevel,
        read_only: bool,
        f: &mut impl FnMut(&Tx) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        match self.once(level, read_only, f) {
            Ok(out) => Ok(out),
            Err(e) => {
                let unsure = self.at_commit;
                match self.revive_after_failure() {
                    None => Err(e),
                    // COMMIT was sent: running it again could save
                    // twice, and the user must know it may not have.
                    Some(_) if unsure => Err(E::from(StoreError::LostAtCommit {
                        target: self.reach.as_ref().map(|r| r.target.to_string()).unwrap_or_default(),
                    })),
                    // Why the server cannot be reached says more than
                    // the dropped connection's last words.
                    Some(Err(down)) => Err(E::from(down)),
                    Some(Ok(())) => self.once(level, read_only, f),
                }
            }
        }
    }

    /// After a failure: when the connection is gone, opens a new one.
    /// `None`: it is still there (a refusal, a conflict, a cancelled
    /// statement leave it working) or cannot be made again; else whether a
    /// new one was opened, or why not (the server is down).
    fn revive_after_failure(&mut self) -> Option<Result<(), StoreError>> {
        self.reach.as_ref()?;
        if !self.client.is_closed() && self.client.is_valid(STILL_THERE).is_ok() {
            return None;
        }
        Some(self.reconnect())
    }

    /// A new connection in place of a dropped one: prepared statements and
    /// the LISTEN belong to the old session, and whatever was committed in
    /// between was not heard, so it counts as a change.
    fn reconnect(&mut self) -> Result<(), StoreError> {
        let Some(reach) = &self.reach else {
            return Ok(());
        };
        let client = connect(&reach.target, &reach.secrets)?;
        *self.cancel.lock().unwrap_or_else(|e| e.into_inner()) = client.cancel_token();
        self.client = client;
        self.statements = StatementCache::new();
        self.listening = None;
        self.changes += 1;
        Ok(())
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
        self.at_commit = false;
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
            memo: None,
        })?;
        // A read commits nothing: it can always be run again.
        self.at_commit = !read_only;
        tx.commit()?;
        self.at_commit = false;
        Ok(out)
    }
}
