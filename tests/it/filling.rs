//! `Store::write_filling`: a load into a file without records goes through
//! the rollback journal when it has the file to itself, and the file is in
//! WAL again afterwards; otherwise it is an ordinary WAL write.

use frontdesk::store::{OpenOptions, Store, StoreError, header};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Writes a row through `write_filling`; whether the rollback journal was
/// there while it wrote.
fn filled_with_rollback_journal(store: &mut Store, path: &Path, department: &str) -> bool {
    store
        .write_filling(|tx| {
            tx.load_writer()?.department(department)?;
            Ok::<_, StoreError>(sidecar(path, "-journal").exists())
        })
        .unwrap()
}

#[test]
fn a_load_into_an_empty_file_skips_the_log_and_leaves_the_file_in_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fill.db");
    let mut store = Store::create(&path, &OpenOptions::default()).unwrap();
    assert!(filled_with_rollback_journal(&mut store, &path, "Sales"));
    assert_eq!(header::journal_mode(&path).unwrap(), Some("wal"));
    let conn = Connection::open(&path).unwrap();
    let sales: i64 = conn
        .query_row("SELECT count(*) FROM departments WHERE name = 'Sales'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(sales, 1, "the row is there");
    drop(conn);

    // With another agent's connection open the file stays in WAL.
    let other = Connection::open(&path).unwrap();
    let _: i64 = other
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert!(!filled_with_rollback_journal(&mut store, &path, "Support"));
    assert_eq!(header::journal_mode(&path).unwrap(), Some("wal"));
    drop(other);

    // A file with records is written as any other.
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C1', 'Ada', 0, 0)",
        [],
    )
    .unwrap();
    drop(conn);
    assert!(!filled_with_rollback_journal(&mut store, &path, "Billing"));
    assert_eq!(header::journal_mode(&path).unwrap(), Some("wal"));
}
