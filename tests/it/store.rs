//! The store on temporary files: opening, refusing files that are not ours,
//! pragmas, permissions, and the append-only migrations.

use crate::common;

use chrono::{TimeZone, Utc};
use common::Desk;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::domain::enums::{Channel, Direction};
use frontdesk::domain::interaction::Interaction;
use frontdesk::service::{Ctx, customers};
use frontdesk::store::{JournalMode, LATEST_VERSION, OpenOptions, Store, StoreError};
use std::path::{Path, PathBuf};

fn open(path: &Path) -> Result<Store, StoreError> {
    Store::create(path, &OpenOptions::default())
}

fn ctx() -> Ctx {
    Ctx::new("王五", Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap())
}

fn add_customer(store: &mut Store, name: &str) -> i64 {
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(store, &ctx(), &input).unwrap().id
}

/// `CREATE …` of every table, index and trigger, by name.
fn schema(conn: &rusqlite::Connection) -> String {
    let mut stmt = conn
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(Result::unwrap).collect::<Vec<_>>().join(";\n\n")
}

fn schema_of_file(path: &Path) -> String {
    schema(&rusqlite::Connection::open(path).unwrap())
}

fn pragma(path: &Path, name: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).unwrap()
}

/// The names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The migration files of assets/migrations, in name order.
fn migration_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

/// The `application_id` frontdesk stamps on its files.
fn frontdesk_application_id() -> i64 {
    let desk = Desk::new();
    drop(open(&desk.db).unwrap());
    pragma(&desk.db, "application_id")
}

#[test]
fn opening_again_migrates_nothing_and_keeps_the_data() {
    let desk = Desk::new();
    let mut store = open(&desk.db).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let id = add_customer(&mut store, "张三");
    drop(store);
    let schema = schema_of_file(&desk.db);

    let mut again = open(&desk.db).unwrap();
    assert_eq!(again.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(customers::get(&mut again, "C2026001").unwrap().id, id);
    // A second connection while the first is open, as a second agent would.
    let mut second = open(&desk.db).unwrap();
    assert_eq!(customers::get(&mut second, "C2026001").unwrap().name, "张三");
    drop((again, second));
    assert_eq!(schema, schema_of_file(&desk.db));
}

#[test]
fn a_database_of_a_newer_frontdesk_is_refused_untouched() {
    if crate::common::file_only("the file's user_version and bytes (the server's twin: pg_schema)") {
        return;
    }
    let desk = Desk::new();
    let mut store = open(&desk.db).unwrap();
    add_customer(&mut store, "张三");
    drop(store);
    let newer = LATEST_VERSION + 1;
    {
        let conn = rusqlite::Connection::open(&desk.db).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    let bytes = std::fs::read(&desk.db).unwrap();
    let files = listing(desk.dir());

    let err = open(&desk.db).err().expect("a newer schema was opened");
    assert!(
        matches!(err, StoreError::NewerSchema { found, known, .. } if found == newer && known == LATEST_VERSION),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("newer") && message.contains(&newer.to_string()),
        "{message}"
    );

    // The command line says so too, as a failure that is not the caller's fault.
    let out = desk.cmd().arg("init").assert().code(1).get_output().clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer"));

    assert_eq!(bytes, std::fs::read(&desk.db).unwrap(), "the file was changed");
    assert_eq!(files, listing(desk.dir()));
    assert_eq!(pragma(&desk.db, "user_version"), newer);
}

/// Bytes that look like nothing in particular (a fixed pseudo-random sequence).
fn noise(len: usize) -> Vec<u8> {
    let mut state: u32 = 0x2545_F491;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect()
}

#[test]
fn files_of_other_programs_are_refused_untouched() {
    let desk = Desk::new();
    let dir = desk.dir();
    let random = dir.join("random.bin");
    std::fs::write(&random, noise(8192)).unwrap();
    let text = dir.join("customers.csv");
    std::fs::write(&text, "姓名,电话\n张三,13800001111\n曾国藩,13900002222\n").unwrap();
    let foreign = dir.join("inventory.sqlite");
    {
        let conn = rusqlite::Connection::open(&foreign).unwrap();
        conn.execute_batch(
            "CREATE TABLE stock (sku TEXT PRIMARY KEY, qty INTEGER); INSERT INTO stock VALUES ('屏幕', 3);",
        )
        .unwrap();
    }
    let stamped = dir.join("stamped.sqlite");
    {
        let conn = rusqlite::Connection::open(&stamped).unwrap();
        conn.pragma_update(None, "application_id", 0x1234_5678).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }

    for (path, reason) in [
        (&random, "not an SQLite database"),
        (&text, "not an SQLite database"),
        (&foreign, "another program's tables"),
        (&stamped, "another program"),
    ] {
        let bytes = std::fs::read(path).unwrap();
        let files = listing(dir);
        let err = open(path)
            .err()
            .unwrap_or_else(|| panic!("{} was opened", path.display()));
        assert!(matches!(err, StoreError::NotFrontdesk { .. }), "{err:?}");
        let message = frontdesk::i18n::describe_store(&err, frontdesk::i18n::Lang::En.strings());
        assert!(message.contains("not a frontdesk database"), "{message}");
        assert!(message.contains(reason), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert_eq!(bytes, std::fs::read(path).unwrap(), "{} was changed", path.display());
        assert_eq!(files, listing(dir), "files appeared next to {}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_new_file_is_private_to_owner_and_group() {
    use std::os::unix::fs::PermissionsExt;
    let desk = Desk::new();
    let path = desk.dir().join("team/shared/frontdesk.db");
    let mut store = open(&path).unwrap();
    add_customer(&mut store, "张三");
    for file in [path.clone(), path.with_extension("db-wal")] {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & !0o660, 0, "{} has mode {mode:o}", file.display());
    }
}

#[test]
fn wal_and_foreign_keys_are_on() {
    let desk = Desk::new();
    let mut store = open(&desk.db).unwrap();
    let conn = rusqlite::Connection::open(&desk.db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");

    let orphan = Interaction {
        id: 0,
        customer_id: 999,
        ticket_id: None,
        at: ctx().now,
        channel: Channel::Phone,
        direction: Direction::Inbound,
        agent: "王五".into(),
        summary: "没有这个客户".into(),
        body: String::new(),
    };
    let err = store
        .write(|tx| tx.insert_interaction(&orphan, None))
        .expect_err("an interaction of a missing customer was stored");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    let count: i64 = conn
        .query_row("SELECT count(*) FROM interactions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0);

    let network = Desk::empty();
    let options = OpenOptions {
        journal: JournalMode::Delete,
        ..OpenOptions::default()
    };
    drop(Store::create(&network.db, &options).unwrap());
    let conn = rusqlite::Connection::open(&network.db).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
}

/// What a SQLite migration says when the change of its version is
/// PostgreSQL's alone (a file has no server roles).
const POSTGRES_ONLY: &str = "keeps both engines' schema versions in step";

#[test]
fn every_migration_applies_in_order_and_latest_version_counts_them() {
    let files = migration_files();
    assert_eq!(
        LATEST_VERSION,
        files.len() as i64,
        "LATEST_VERSION and assets/migrations disagree"
    );
    for (index, file) in files.iter().enumerate() {
        let name = file.file_name().unwrap().to_string_lossy();
        assert!(
            name.starts_with(&format!("{:04}_", index + 1)),
            "{name}: migrations are numbered 0001_, 0002_, … without gaps"
        );
    }

    // Applied by hand one after another on an empty database…
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let mut before = String::new();
    for file in &files {
        let sql = std::fs::read_to_string(file).unwrap();
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{} does not apply: {e}", file.display()));
        // The schema's text: a new table or index, or a column added to a
        // table (which changes no count of objects, only the table's text).
        // Only a migration whose change is PostgreSQL's alone may leave a
        // file as it was, and it says so (see 0019).
        let now = schema(&conn);
        if !sql.contains(POSTGRES_ONLY) {
            assert_ne!(now, before, "{} changed nothing", file.display());
        }
        before = now;
    }
    // …they give the schema the store builds, so the store runs exactly these files in this order.
    let desk = Desk::new();
    drop(open(&desk.db).unwrap());
    assert_eq!(schema(&conn), schema_of_file(&desk.db));
}

#[test]
fn a_database_at_every_older_version_is_brought_up_to_date() {
    let files = migration_files();
    let app_id = frontdesk_application_id();
    let desk = Desk::new();
    let full = {
        drop(open(&desk.db).unwrap());
        schema_of_file(&desk.db)
    };
    for applied in 0..files.len() {
        let path = desk.dir().join(format!("at-{applied}.db"));
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            for file in &files[..applied] {
                conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
            }
            conn.pragma_update(None, "user_version", applied as i64).unwrap();
            conn.pragma_update(None, "application_id", app_id).unwrap();
        }
        let mut store = open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
        drop(store);
        assert_eq!(schema_of_file(&path), full, "from version {applied}");
    }
}

#[test]
fn the_schema_is_reviewed_on_every_change() {
    let desk = Desk::new();
    drop(open(&desk.db).unwrap());
    let snapshot = format!(
        "-- user_version {}\n\n{};\n",
        pragma(&desk.db, "user_version"),
        schema_of_file(&desk.db)
    );
    insta::assert_snapshot!("schema", snapshot);
}

#[test]
fn only_create_makes_a_missing_file_and_a_folder_or_device_is_refused() {
    let desk = Desk::empty();
    let path = desk.dir().join("typo/folder/fd.db");
    let options = OpenOptions::default();
    for err in [
        Store::open(&path, &options).err().expect("a missing file was opened"),
        Store::examine(&path, &options)
            .err()
            .expect("a missing file was examined"),
    ] {
        assert!(matches!(err, StoreError::Missing { .. }), "{err:?}");
        let told = frontdesk::i18n::describe_store(&err, frontdesk::i18n::Lang::En.strings());
        assert!(told.contains("frontdesk init"), "{told}");
        assert!(!desk.dir().join("typo").exists(), "folders were created");
    }
    let mut store = Store::create(&path, &options).unwrap();
    add_customer(&mut store, "张三");
    drop(store);
    assert_eq!(
        Store::open(&path, &options).unwrap().schema_version().unwrap(),
        LATEST_VERSION
    );
    for not_a_file in [desk.dir(), Path::new("/dev/null")] {
        for err in [
            Store::open(not_a_file, &options).err().unwrap(),
            Store::create(not_a_file, &options).err().unwrap(),
            Store::examine(not_a_file, &options).err().unwrap(),
        ] {
            assert!(matches!(err, StoreError::Invalid(_)), "{not_a_file:?}: {err:?}");
        }
    }
}
