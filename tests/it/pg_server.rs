//! The PostgreSQL server of the tests: `.ci/run` starts one on loopback
//! (`.ci/pg-start`) and puts its superuser URL in `FRONTDESK_TEST_PG`.
//! Each test gets a database of its own, dropped when it ends, so tests run
//! in parallel and leave nothing behind. Where the variable is unset the
//! test skips with a message — and fails in CI (`crate::skip`).

use postgres::{Client, NoTls};
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty database on the test server.
pub struct TestDb {
    /// The superuser's URL of this database (trust on loopback: no password).
    pub url: String,
    /// The database's name.
    pub name: String,
    server: String,
}

impl TestDb {
    /// `None` (after `skip`) where no test server is configured.
    pub fn fresh() -> Option<TestDb> {
        let Ok(server) = std::env::var("FRONTDESK_TEST_PG") else {
            crate::skip::skip("FRONTDESK_TEST_PG is unset (export FRONTDESK_TEST_PG=$(.ci/pg-start))");
            return None;
        };
        let name = format!(
            "fd_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut admin = Client::connect(&server, NoTls).expect("connect to FRONTDESK_TEST_PG");
        // One statement per call: a multi-statement string is one
        // transaction, and CREATE DATABASE may not run inside one.
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            .expect("drop a leftover test database");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create the test database");
        let url = replace_database(&server, &name);
        Some(TestDb { url, name, server })
    }

    /// A superuser connection to this database.
    pub fn admin(&self) -> Client {
        Client::connect(&self.url, NoTls).expect("connect to the test database")
    }

    /// A frontdesk store on this database, as its owner (migrated on open).
    pub fn store(&self) -> frontdesk::store::Store {
        let options = frontdesk::store::OpenOptions::default();
        frontdesk::store::Store::on_postgres(self.admin(), &self.url, &options).expect("open the store")
    }

    /// How many tables the database holds.
    pub fn table_count(&self) -> i64 {
        self.admin()
            .query_one(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'",
                &[],
            )
            .expect("count the tables")
            .get(0)
    }

    /// This database's URL for another role (whose password the caller
    /// supplies through the environment or a password command).
    pub fn url_as(&self, role: &str) -> String {
        self.url.replacen("postgres@", &format!("{role}@"), 1)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = Client::connect(&self.server, NoTls) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

/// `postgres://user@host:port/db` with `db` replaced by `name`.
fn replace_database(url: &str, name: &str) -> String {
    let (base, _) = url.rsplit_once('/').expect("a database URL ends with /NAME");
    format!("{base}/{name}")
}

#[test]
fn a_fresh_database_is_empty_and_gone_after_the_test() {
    let Some(db) = TestDb::fresh() else { return };
    assert_eq!(db.table_count(), 0);
    let (server, name) = (db.server.clone(), db.name.clone());
    drop(db);
    let mut admin = Client::connect(&server, NoTls).unwrap();
    let left: i64 = admin
        .query_one("SELECT count(*) FROM pg_database WHERE datname = $1", &[&name])
        .unwrap()
        .get(0);
    assert_eq!(left, 0, "the test database is dropped");
}
