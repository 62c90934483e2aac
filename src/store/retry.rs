//! The write path every change takes: one `BEGIN IMMEDIATE` transaction,
//! retried whole when SQLite stays busy past the busy timeout.
//!
//! Why the whole transaction: SQLITE_BUSY can come from `BEGIN IMMEDIATE`
//! (another agent holds the write lock), from `COMMIT` (in rollback-journal
//! mode a reader's shared lock keeps the commit from taking the exclusive
//! lock) or from a statement inside the transaction (a cache spill needs the
//! exclusive lock too; WAL recovery after a crash makes readers wait). After
//! any of them the transaction is rolled back, so the only safe retry is to
//! run the closure again on a fresh snapshot: its reads are repeated, and a
//! read-then-write never acts on a value another agent has since changed.

use super::{StoreError, Tx};
use rusqlite::{Connection, TransactionBehavior};
use std::time::{Duration, Instant};

/// How long one operation keeps retrying while SQLite reports busy. Each
/// attempt has already waited up to the busy timeout inside SQLite, so this
/// only matters when locks are held longer than that (a large import, a
/// backup in rollback-journal mode) or the busy timeout is set very short.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// An error that can say it came from SQLITE_BUSY, so the transaction that
/// met it can be retried instead of failing.
pub trait BusyError {
    fn is_busy(&self) -> bool;
}

impl BusyError for StoreError {
    fn is_busy(&self) -> bool {
        matches!(self, StoreError::Busy(_))
    }
}

/// Runs `op` until it succeeds, fails with an error that is not busy, or
/// `patience` has passed; pauses between attempts grow, with jitter.
pub fn on_busy<T, E: BusyError>(patience: Duration, mut op: impl FnMut() -> Result<T, E>) -> Result<T, E> {
    let deadline = Instant::now() + patience;
    let mut attempt = 1;
    loop {
        match op() {
            Err(e) if e.is_busy() && Instant::now() < deadline => {
                std::thread::sleep(backoff(attempt));
                attempt += 1;
            }
            done => return done,
        }
    }
}

/// Runs `f` in a `BEGIN IMMEDIATE` transaction and commits it, retrying the
/// whole transaction while SQLite reports busy.
pub fn write<T, E>(conn: &mut Connection, f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError> + BusyError,
{
    write_within(PATIENCE, conn, f)
}

fn write_within<T, E>(patience: Duration, conn: &mut Connection, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError> + BusyError,
{
    on_busy(patience, || once(conn, TransactionBehavior::Immediate, &mut f))
}

/// Runs `f` in a deferred (read) transaction, again on busy: in
/// rollback-journal mode a reader waits while a writer commits.
pub fn read<T, E>(conn: &mut Connection, mut f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError> + BusyError,
{
    on_busy(PATIENCE, || once(conn, TransactionBehavior::Deferred, &mut f))
}

/// One attempt. On any error the transaction is dropped, which rolls it back
/// (SQLite may already have done so itself after SQLITE_BUSY).
fn once<T, E>(
    conn: &mut Connection,
    behavior: TransactionBehavior,
    f: &mut impl FnMut(&Tx) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<StoreError>,
{
    let tx = conn.transaction_with_behavior(behavior).map_err(StoreError::from)?;
    let out = f(&Tx {
        conn: Some(&tx),
        db: super::sql::Db::sqlite(&tx),
        memo: None,
    })?;
    tx.commit().map_err(StoreError::from)?;
    Ok(out)
}

/// A pause growing from about 5 ms to at most about 100 ms, with jitter, so
/// agents that all waited on the same lock do not retry in lockstep.
fn backoff(attempt: u32) -> Duration {
    let base = 5 * u64::from(attempt.min(10));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let jitter = (u64::from(nanos) ^ u64::from(std::process::id())) % (base + 1);
    Duration::from_millis(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn busy() -> StoreError {
        StoreError::Busy("database is locked".into())
    }

    #[test]
    fn a_busy_error_from_inside_the_transaction_is_retried_on_a_fresh_transaction() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
        let calls = Cell::new(0);
        let out: Result<i64, StoreError> = write(&mut conn, |tx| {
            calls.set(calls.get() + 1);
            tx.sqlite()?.execute("INSERT INTO t VALUES (1)", [])?;
            if calls.get() < 3 {
                return Err(busy());
            }
            Ok(tx.sqlite()?.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?)
        });
        // The two failed attempts were rolled back: one row, written once.
        assert_eq!(out.unwrap(), 1);
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn other_errors_are_not_retried_and_write_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER)").unwrap();
        let calls = Cell::new(0);
        let out: Result<(), StoreError> = write(&mut conn, |tx| {
            calls.set(calls.get() + 1);
            tx.sqlite()?.execute("INSERT INTO t VALUES (1)", [])?;
            Err(StoreError::Sqlite("boom".into()))
        });
        assert!(out.is_err());
        assert_eq!(calls.get(), 1);
        let rows: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 0);
    }

    #[test]
    fn gives_up_with_the_busy_error_when_patience_runs_out() {
        let mut conn = Connection::open_in_memory().unwrap();
        let calls = Cell::new(0);
        let out: Result<(), StoreError> = write_within(Duration::from_millis(50), &mut conn, |_| {
            calls.set(calls.get() + 1);
            Err(busy())
        });
        assert!(out.unwrap_err().is_busy());
        assert!(calls.get() > 1);
    }

    #[test]
    fn a_writer_waits_for_another_connection_holding_the_lock_past_the_busy_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x INTEGER)")
            .unwrap();
        let (locked, is_locked) = std::sync::mpsc::channel();
        let holder = {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut conn = Connection::open(&path).unwrap();
                let lock = conn.transaction_with_behavior(TransactionBehavior::Immediate).unwrap();
                locked.send(()).unwrap();
                std::thread::sleep(Duration::from_millis(200));
                lock.commit().unwrap();
            })
        };
        is_locked.recv().unwrap();
        let mut waiter = Connection::open(&path).unwrap();
        waiter.busy_timeout(Duration::from_millis(1)).unwrap();
        let out: Result<(), StoreError> = write(&mut waiter, |tx| {
            tx.sqlite()?.execute("INSERT INTO t VALUES (1)", [])?;
            Ok(())
        });
        out.unwrap();
        holder.join().unwrap();
        let rows: i64 = waiter.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(rows, 1);
    }
}
