//! PostgreSQL's "try again" errors are the store's `Busy`, as SQLite's busy
//! is, so the same retries handle them; other errors are not. Each error is
//! the server's own, provoked on the test server.

use crate::pg_server::TestDb;
use frontdesk::store::StoreError;
use postgres::IsolationLevel;

fn with_table(db: &TestDb) -> postgres::Client {
    let mut client = db.admin();
    client
        .batch_execute("CREATE TABLE t (id BIGINT PRIMARY KEY, x BIGINT); INSERT INTO t VALUES (1, 0), (2, 0)")
        .unwrap();
    client
}

/// A repeatable-read transaction updating a row another one changed after
/// its snapshot: 40001.
#[test]
fn a_serialization_failure_is_busy() {
    let Some(db) = TestDb::fresh() else { return };
    let mut first = with_table(&db);
    let mut second = db.admin();
    let mut tx = first
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .start()
        .unwrap();
    tx.query("SELECT x FROM t WHERE id = 1", &[]).unwrap();
    second.execute("UPDATE t SET x = 1 WHERE id = 1", &[]).unwrap();
    let err = tx.execute("UPDATE t SET x = 2 WHERE id = 1", &[]).unwrap_err();
    assert!(matches!(StoreError::from(err), StoreError::Busy(_)));
}

/// Two transactions each holding the row the other wants: the server
/// breaks the cycle by failing one of them with 40P01.
#[test]
fn a_deadlock_is_busy() {
    let Some(db) = TestDb::fresh() else { return };
    drop(with_table(&db));
    let start = std::sync::Barrier::new(2);
    let outcomes: Vec<Result<(), StoreError>> = std::thread::scope(|scope| {
        let runs: Vec<_> = [(1_i64, 2_i64), (2, 1)]
            .into_iter()
            .map(|(mine, theirs)| {
                let mut client = db.admin();
                let start = &start;
                scope.spawn(move || {
                    let mut tx = client.transaction().unwrap();
                    tx.execute("UPDATE t SET x = x + 1 WHERE id = $1", &[&mine]).unwrap();
                    // Both hold their row before either asks for the other's.
                    start.wait();
                    tx.execute("UPDATE t SET x = x + 1 WHERE id = $1", &[&theirs])
                        .map_err(StoreError::from)?;
                    tx.commit().map_err(StoreError::from)
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let busy = outcomes
        .iter()
        .filter(|o| matches!(o, Err(StoreError::Busy(_))))
        .count();
    let done = outcomes.iter().filter(|o| o.is_ok()).count();
    assert_eq!((busy, done), (1, 1), "{outcomes:?}");
}

/// A broken constraint is no reason to try again.
#[test]
fn a_unique_violation_is_not_busy() {
    let Some(db) = TestDb::fresh() else { return };
    let mut client = with_table(&db);
    let err = client.execute("INSERT INTO t VALUES (1, 0)", &[]).unwrap_err();
    let mapped = StoreError::from(err);
    assert!(matches!(mapped, StoreError::Sqlite(_)), "{mapped:?}");
    assert!(mapped.to_string().contains("duplicate key"), "{mapped}");
}
