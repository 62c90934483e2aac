//! The PostgreSQL server of the tests: `.ci/run` starts one on loopback
//! (`.ci/pg-start`) and puts its superuser URL in `FRONTDESK_TEST_PG`.
//! Each test gets a database of its own, dropped when it ends, so tests run
//! in parallel and leave nothing behind. Where the variable is unset the
//! test skips with a message — and fails in CI (`crate::skip`).

use postgres::{Client, NoTls};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;
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
        let name = unique_name();
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

    /// A fresh database holding frontdesk's schema: a copy of a template
    /// migrated once (per set of migrations, shared by every test process),
    /// so a test pays a file copy, not nineteen migrations.
    pub fn migrated() -> TestDb {
        let server = std::env::var("FRONTDESK_TEST_PG").expect("FRONTDESK_TEST_PG is set");
        let template = TEMPLATE.get_or_init(|| migrated_template(&server));
        let name = unique_name();
        let mut admin = Client::connect(&server, NoTls).expect("connect to FRONTDESK_TEST_PG");
        admin
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .expect("copy the migrated template");
        let url = replace_database(&server, &name);
        TestDb { url, name, server }
    }

    /// Every row of every table, and the schema version, as text — the
    /// server's twin of `common::dump`, so a refused command is seen to
    /// have written nothing on either engine.
    pub fn dump(&self) -> String {
        let mut admin = self.admin();
        let version: i64 = admin
            .query_one("SELECT version FROM frontdesk_schema", &[])
            .expect("the schema version")
            .get(0);
        let mut out = format!("user_version {version}\n");
        let tables: Vec<String> = admin
            .query(
                "SELECT table_name::text FROM information_schema.tables
                 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
                &[],
            )
            .expect("list the tables")
            .iter()
            .map(|r| r.get(0))
            .collect();
        for table in tables {
            out.push_str(&format!("[{table}]\n"));
            let rows = admin
                .query(&format!("SELECT t::text FROM {table} t ORDER BY 1"), &[])
                .expect("read a table");
            for row in rows {
                out.push_str(&row.get::<_, String>(0));
                out.push('\n');
            }
        }
        out
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

static TEMPLATE: OnceLock<String> = OnceLock::new();

fn unique_name() -> String {
    format!(
        "fd_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The template database migrated to this build's schema, made when
/// missing. Its name carries a hash of the migrations, so a changed
/// migration makes a new one; an advisory lock lets one process make it
/// while the others wait.
fn migrated_template(server: &str) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/migrations/pg");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .expect("the PostgreSQL migrations")
        .map(|e| e.expect("a migration").path())
        .collect();
    files.sort();
    for file in files {
        std::fs::read(&file).expect("read a migration").hash(&mut hasher);
    }
    let name = format!("fd_template_{:016x}", hasher.finish());
    let mut admin = Client::connect(server, NoTls).expect("connect to FRONTDESK_TEST_PG");
    admin
        .batch_execute("SELECT pg_advisory_lock(4604236)")
        .expect("wait for the template");
    let exists = admin
        .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&name])
        .expect("look for the template")
        .is_some();
    if !exists {
        let building = format!("{name}_building");
        admin
            .batch_execute(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .expect("drop a half-made template");
        admin
            .batch_execute(&format!("CREATE DATABASE {building}"))
            .expect("create the template");
        let url = replace_database(server, &building);
        let client = Client::connect(&url, NoTls).expect("connect to the template");
        let options = frontdesk::store::OpenOptions::default();
        drop(frontdesk::store::Store::on_postgres(client, &url, &options).expect("migrate the template"));
        admin
            .batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .expect("name the template");
    }
    admin
        .batch_execute("SELECT pg_advisory_unlock(4604236)")
        .expect("let the others use the template");
    name
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

/// The binary on the database at `url`, at the tests' clock, with no
/// config file, English messages, a home inside `dir`, and nothing of the
/// machine's environment that names a database, an agent, a time or a
/// password file: each test adds who it is.
pub fn frontdesk_on(url: &str, dir: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_frontdesk"));
    for var in [
        "FRONTDESK_DB",
        "FRONTDESK_AGENT",
        "FRONTDESK_NOW",
        "LC_ALL",
        "LC_MESSAGES",
        "PGPASSFILE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("LANG", "C")
        .env("FRONTDESK_CONFIG", dir.join("no-such-config.toml"))
        .env("HOME", dir)
        .args(["--db", url, "--now", crate::common::NOW]);
    cmd
}
