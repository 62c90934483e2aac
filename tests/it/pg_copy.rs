//! `frontdesk copy --from SRC --to DEST` between SQLite and PostgreSQL on
//! the test server: a round trip keeps every table row for row, a
//! destination with data is refused untouched, and a failure half-way
//! leaves the destination as it was.

use crate::common::Desk;
use crate::pg_server::TestDb;
use frontdesk::store::{CopyProgress, OpenOptions, REBUILT, Role, Store, StoreError, TABLES};
use postgres::NoTls;
use std::path::Path;

/// Every copied table of a SQLite file, ordered by its key, as text.
fn tables_of(path: &Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    TABLES
        .iter()
        .filter(|t| t.role != Role::PgSearch)
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM {} ORDER BY {}", table.name, table.key))
                .unwrap();
            let columns = stmt.column_count();
            let rows = stmt
                .query_map([], |row| {
                    Ok((0..columns)
                        .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join(" | "))
                })
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            (table.name.to_string(), rows)
        })
        .collect()
}

/// A small demo in a SQLite file (whichever engine the run is on), with an
/// attachment's bytes beside it.
fn demo_source() -> Desk {
    let desk = Desk::on_file();
    desk.cmd()
        .args(["demo", "--customers", "30", "--tickets", "60", "--interactions", "150"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    conn.execute(
        "INSERT INTO mail_blobs (sha256, size, data) VALUES ('00ff', 4, x'00ff10fe')",
        [],
    )
    .unwrap();
    desk
}

fn copy(desk: &Desk, from: &str, to: &str) -> assert_cmd::assert::Assert {
    desk.bare().args(["copy", "--from", from, "--to", to]).assert()
}

fn count(client: &mut postgres::Client, table: &str) -> i64 {
    client
        .query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .unwrap()
        .get(0)
}

#[test]
fn sqlite_to_postgres_and_back_keeps_every_table_row_for_row() {
    let Some(server) = TestDb::fresh() else { return };
    let source = demo_source();
    let src = source.db.to_str().unwrap();
    copy(&source, src, &server.url).success();
    let back = source.dir().join("back.db");
    copy(&source, &server.url, back.to_str().unwrap()).success();

    let (before, after) = (tables_of(&source.db), tables_of(&back));
    for ((table, want), (_, got)) in before.iter().zip(&after) {
        assert!(!want.is_empty() || table != "customers", "the demo has customers");
        assert_eq!(want, got, "table {table} differs after the round trip");
    }
    let blobs = after.iter().find(|(t, _)| t == "mail_blobs").unwrap();
    assert_eq!(
        blobs.1,
        vec![r#"Text([48, 48, 102, 102]) | Integer(4) | Blob([0, 255, 16, 254])"#]
    );

    // Search works on the copy at once: the index was rebuilt in the copy.
    let subject: String = rusqlite::Connection::open(&source.db)
        .unwrap()
        .query_row(
            "SELECT subject FROM tickets WHERE subject GLOB '*[A-Za-z][A-Za-z][A-Za-z][A-Za-z]*' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let word = subject
        .split(|c: char| !c.is_ascii_alphabetic())
        .max_by_key(|w| w.len())
        .unwrap()
        .to_string();
    let search = |db: &Path| {
        let out = source
            .bare()
            .args(["--db", db.to_str().unwrap(), "--now", crate::common::NOW])
            .args(["ticket", "list", "--search", &word, "--json"])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let found = search(&back);
    assert!(found.contains("\"id\""), "search finds tickets on the copy: {found}");
    assert_eq!(search(&source.db), found);

    // The server numbers new rows past the copied ids.
    let mut admin = server.admin();
    let top: i64 = admin.query_one("SELECT max(id) FROM customers", &[]).unwrap().get(0);
    let next: i64 = admin
        .query_one(
            "INSERT INTO departments (name) VALUES ('after the copy') RETURNING id",
            &[],
        )
        .unwrap()
        .get(0);
    let departments: i64 = admin
        .query_one("SELECT max(id) FROM departments WHERE name <> 'after the copy'", &[])
        .unwrap()
        .get(0);
    assert!(next > departments, "{next} after {departments}");
    assert!(top > 0);
}

#[test]
fn a_destination_holding_data_is_refused_untouched_in_both_languages() {
    let Some(server) = TestDb::fresh() else { return };
    let source = demo_source();
    let src = source.db.to_str().unwrap();
    // A file with one customer.
    let dest = Desk::on_file();
    dest.customer("Already Here", &[]);
    let before = crate::common::dump(&dest.db);
    let to = dest.db.to_str().unwrap();
    let refused = copy(&source, src, to).code(2);
    let err = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(err.contains(to) && err.contains("not empty"), "{err}");
    let refused = source
        .bare()
        .env("LANG", "zh_CN.UTF-8")
        .args(["copy", "--from", src, "--to", to])
        .assert()
        .code(2);
    let err = String::from_utf8(refused.get_output().stderr.clone()).unwrap();
    assert!(err.contains(to) && err.contains("不是空数据库"), "{err}");
    assert_eq!(before, crate::common::dump(&dest.db), "the refused copy wrote nothing");

    // A server database with data: the second copy is refused, the first kept.
    copy(&source, src, &server.url).success();
    let customers = count(&mut server.admin(), "customers");
    let err = copy(&source, src, &server.url).code(2);
    let err = String::from_utf8(err.get_output().stderr.clone()).unwrap();
    assert!(err.contains("not empty"), "{err}");
    assert_eq!(customers, count(&mut server.admin(), "customers"));
}

#[test]
fn a_failure_half_way_leaves_the_destination_empty() {
    let Some(server) = TestDb::fresh() else { return };
    let source = demo_source();
    let src = source.db.to_str().unwrap();
    // The schema made, then a late table made to reject every row.
    drop(Store::on_postgres(server.admin(), &server.url, &OpenOptions::default()).unwrap());
    let mut admin = server.admin();
    admin
        .batch_execute("ALTER TABLE audit ADD CONSTRAINT no_rows CHECK (id < 0)")
        .unwrap();
    copy(&source, src, &server.url).code(1);
    for table in ["customers", "tickets", "interactions", "agents", "audit"] {
        assert_eq!(count(&mut admin, table), 0, "{table} after a failed copy");
    }
    // Still empty: once the obstacle is gone the copy goes through.
    admin
        .batch_execute("ALTER TABLE audit DROP CONSTRAINT no_rows")
        .unwrap();
    copy(&source, src, &server.url).success();
    assert!(count(&mut admin, "customers") > 0);

    // A file the failed copy created is removed again (the server's
    // customers have a column this build's file has not).
    admin
        .batch_execute("ALTER TABLE customers ADD COLUMN extra TEXT")
        .unwrap();
    let new_file = source.dir().join("never.db");
    copy(&source, &server.url, new_file.to_str().unwrap()).code(1);
    assert!(!new_file.exists(), "the failed copy's file is gone");
}

struct StopAtOnce;

impl CopyProgress for StopAtOnce {
    fn total(&self, _: u64) {}
    fn copied(&self, _: u64) {}
    fn cancelled(&self) -> bool {
        true
    }
}

#[test]
fn a_cancelled_copy_writes_nothing() {
    let source = demo_source();
    let dest = Desk::on_file();
    let before = crate::common::dump(&dest.db);
    let options = OpenOptions::default();
    let mut from = Store::open(&source.db, &options).unwrap();
    let mut to = Store::open(&dest.db, &options).unwrap();
    let err = from.copy_database(&mut to, &StopAtOnce).unwrap_err();
    assert!(matches!(err, StoreError::Cancelled), "{err:?}");
    drop(to);
    assert_eq!(before, crate::common::dump(&dest.db));
}

/// The copy's table list is the schema's, on both engines: a table added
/// by a migration and left out of `TABLES` would not be copied.
#[test]
fn the_copied_tables_are_every_table_of_both_schemas() {
    let desk = Desk::on_file();
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    let virtual_tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut sqlite: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap()
        .into_iter()
        // FTS5 tables and their shadow tables: the index, rebuilt.
        .filter(|name| {
            !virtual_tables
                .iter()
                .any(|v| name == v || name.starts_with(&format!("{v}_")))
        })
        .collect();
    sqlite.sort();
    let listed = |with_pg: bool| {
        let mut names: Vec<String> = TABLES
            .iter()
            .filter(|t| with_pg || t.role != Role::PgSearch)
            .map(|t| t.name.to_string())
            .chain(REBUILT.iter().map(|t| (*t).to_string()))
            .collect();
        names.sort();
        names
    };
    assert_eq!(sqlite, listed(false));

    let Some(server) = TestDb::fresh() else { return };
    drop(Store::on_postgres(server.admin(), &server.url, &OpenOptions::default()).unwrap());
    let mut client = postgres::Client::connect(&server.url, NoTls).unwrap();
    let mut postgres: Vec<String> = client
        .query(
            "SELECT table_name::text FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                AND table_name <> 'frontdesk_schema'",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    postgres.sort();
    assert_eq!(postgres, listed(true));
}

/// `backup` of a server's database is a frontdesk file holding every table.
#[test]
fn backup_of_a_server_database_is_a_whole_sqlite_file() {
    let Some(server) = TestDb::fresh() else { return };
    let source = demo_source();
    copy(&source, source.db.to_str().unwrap(), &server.url).success();
    let dest = source.dir().join("server-backup.db");
    source
        .bare()
        .args(["--db", &server.url, "backup", dest.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(tables_of(&source.db), tables_of(&dest));
    assert!(frontdesk::store::is_frontdesk_file(&dest));
    // The same rules for DEST as a file's backup: another file is refused.
    let other = source.dir().join("notes.txt");
    std::fs::write(&other, "mine").unwrap();
    source
        .bare()
        .args(["--db", &server.url, "backup", other.to_str().unwrap()])
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "mine");
}

/// `doctor` on a server: schema, rows, and every constraint validated.
#[test]
fn doctor_of_a_server_database_checks_schema_rows_and_constraints() {
    let Some(server) = TestDb::fresh() else { return };
    let source = demo_source();
    copy(&source, source.db.to_str().unwrap(), &server.url).success();
    let doctor = |code: i32| {
        let out = source.bare().args(["--db", &server.url, "doctor"]).assert().code(code);
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let report = doctor(0);
    let current = format!("version {} (current)", frontdesk::store::LATEST_VERSION);
    assert!(report.contains(&current), "{report}");
    assert!(report.contains("customers 30"), "{report}");
    assert!(report.contains("no problems found"), "{report}");
    // A constraint added NOT VALID lets rows break it: a problem, exit 1.
    server
        .admin()
        .batch_execute("ALTER TABLE customers ADD CONSTRAINT named_short CHECK (length(name) < 3) NOT VALID")
        .unwrap();
    let report = doctor(1);
    assert!(
        report.contains("constraint named_short of customers is not validated"),
        "{report}"
    );

    // A database without frontdesk's schema is not found (exit 4), and
    // doctor creates nothing there.
    let Some(empty) = TestDb::fresh() else { return };
    source.bare().args(["--db", &empty.url, "doctor"]).assert().code(4);
    assert_eq!(empty.table_count(), 0);
}

/// `[backup] dir` on a server's database: the first real-clock command of
/// the day writes a frontdesk file as `backup` does (one snapshot of every
/// table, taken before the command runs); a "what if" run (`--now`)
/// writes none, and a later command the same day leaves it be.
#[test]
fn the_daily_backup_of_a_server_database_is_a_frontdesk_file() {
    let Some(server) = TestDb::fresh() else { return };
    // Only its folder and the binary's environment: the database is the server's.
    let desk = Desk::on_file();
    let dir = desk.dir().join("daily");
    std::fs::create_dir(&dir).unwrap();
    let config = desk.dir().join("config.toml");
    std::fs::write(
        &config,
        format!("[backup]\ndir = {:?}\nkeep = 2\n", dir.to_str().unwrap()),
    )
    .unwrap();
    let run = |args: &[&str]| {
        desk.bare()
            .env("FRONTDESK_CONFIG", &config)
            .args(["--db", &server.url, "--agent", "王五"])
            .args(args)
            .assert()
            .success();
    };
    let what_if = ["--now", "2026-03-02T08:00:00Z"];
    run(&[&what_if[..], &["init"]].concat());
    run(&[&what_if[..], &["customer", "add", "--name", "张三"]].concat());
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "a what-if run wrote a backup"
    );

    let today = chrono::Utc::now().date_naive();
    run(&["customer", "list"]);
    run(&["customer", "add", "--name", "李四"]);
    if chrono::Utc::now().date_naive() != today {
        eprintln!("skipped: the run straddled midnight");
        return;
    }
    let written = dir.join(format!("frontdesk-{}.db", today.format("%Y-%m-%d")));
    assert!(frontdesk::store::is_frontdesk_file(&written), "no daily backup");
    let customers: i64 = rusqlite::Connection::open(&written)
        .unwrap()
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        customers, 1,
        "the backup is the database before the day's first command"
    );
    assert_eq!(count(&mut server.admin(), "customers"), 2);
}
