//! One suite, both engines: the same store behaviours run on a SQLite file
//! and on a PostgreSQL database (the test server of `pg_server`, skipped
//! with a message where none is configured, never in CI).

use crate::pg_server::TestDb;
use frontdesk::store::{OpenOptions, Store};

/// A store on one engine, with what keeps its database alive.
pub struct EngineStore {
    pub name: &'static str,
    pub store: Store,
    _keep: Keep,
}

enum Keep {
    File(#[allow(dead_code)] tempfile::TempDir),
    Server(#[allow(dead_code)] TestDb),
}

/// A fresh, empty frontdesk database on every engine this machine has.
pub fn every_engine() -> Vec<EngineStore> {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::create(&dir.path().join("fd.db"), &OpenOptions::default()).unwrap();
    let mut out = vec![EngineStore {
        name: "sqlite",
        store,
        _keep: Keep::File(dir),
    }];
    if let Some(db) = TestDb::fresh() {
        let store = db.store();
        out.push(EngineStore {
            name: "postgres",
            store,
            _keep: Keep::Server(db),
        });
    }
    out
}

/// Every engine's answer, by engine, equals the first engine's (SQLite's).
pub fn same_on_every_engine<T: PartialEq + std::fmt::Debug>(answers: Vec<(&'static str, T)>) {
    let (reference_name, reference) = &answers[0];
    for (name, answer) in &answers[1..] {
        assert_eq!(answer, reference, "{name} differs from {reference_name}");
    }
}
