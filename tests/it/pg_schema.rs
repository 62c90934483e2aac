//! The PostgreSQL schema on a real server (assets/migrations/pg/): it is
//! reached from an empty database and stays put on a second run, it agrees
//! with the schema of a SQLite file table by table, and every SQLite
//! trigger has a twin with the same effect (tests/it/pg_triggers.rs).

use crate::pg_server::TestDb;
use frontdesk::store::pg_migrations::migrate_for_tests as migrate;
use frontdesk::store::{Foreign, LATEST_VERSION, OpenOptions, Store, StoreError};
use postgres::Client;
use std::collections::BTreeSet;

/// A migrated SQLite file (through the store) and a plain connection to it,
/// which sees the schema as SQLite made it.
pub fn sqlite_database(dir: &tempfile::TempDir) -> rusqlite::Connection {
    let path = dir.path().join("twin.db");
    drop(Store::create(&path, &OpenOptions::default()).expect("create the SQLite database"));
    rusqlite::Connection::open(&path).unwrap()
}

/// Everything a migration could change, as sorted lines: columns, indexes,
/// triggers, functions, the version row and the seeded rows.
fn schema_snapshot(client: &mut Client) -> String {
    client
        .query_one(
            "SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                  FROM information_schema.columns WHERE table_schema = current_schema()
                UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()
                UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL SELECT 'function ' || proname FROM pg_proc
                  WHERE pronamespace = current_schema()::regnamespace
                UNION ALL SELECT 'schema ' || version || ' ' || application FROM frontdesk_schema
                UNION ALL SELECT 'views ' || count(*) FROM views
                UNION ALL SELECT 'meta ' || count(*) FROM meta
            ) lines(x)",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn a_fresh_database_reaches_the_latest_version_and_a_second_run_changes_nothing() {
    let Some(db) = TestDb::fresh() else { return };
    let mut client = db.admin();
    assert_eq!(migrate(&mut client).unwrap(), LATEST_VERSION);
    let (version, application): (i64, String) = {
        let row = client
            .query_one("SELECT version, application FROM frontdesk_schema", &[])
            .unwrap();
        (row.get(0), row.get(1))
    };
    assert_eq!((version, application.as_str()), (LATEST_VERSION, "frontdesk"));
    let first = schema_snapshot(&mut client);
    assert_eq!(migrate(&mut client).unwrap(), LATEST_VERSION);
    assert_eq!(schema_snapshot(&mut client), first);
}

/// A SQLite table's columns: name, declared type, whether NULL is refused
/// (a primary key column counts as refusing it, as PostgreSQL makes every
/// one; frontdesk never stores a NULL key on SQLite either).
fn sqlite_columns(conn: &rusqlite::Connection, table: &str) -> Vec<(String, String, bool)> {
    // table_xinfo, not table_info: the generated `is_active` is hidden from the latter.
    let mut stmt = conn
        .prepare("SELECT name, type, \"notnull\" OR pk > 0 FROM pragma_table_xinfo(?1) WHERE hidden <> 1 ORDER BY cid")
        .unwrap();
    let rows = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn pg_columns(client: &mut Client, table: &str) -> Vec<(String, String, bool)> {
    client
        .query(
            "SELECT attname::text, format_type(atttypid, atttypmod), attnotnull
               FROM pg_attribute JOIN pg_class c ON c.oid = attrelid
              WHERE attrelid = to_regclass($1) AND c.relkind = 'r' AND attnum > 0 AND NOT attisdropped
              ORDER BY attnum",
            &[&table],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

/// The flags queries test bare (`WHERE t.is_active`, `NOT c.archived`):
/// BOOLEAN on PostgreSQL, so one query text serves both engines.
const FLAGS: [&str; 3] = ["customers.archived", "customers.tier_pinned", "tickets.is_active"];

/// The PostgreSQL type a SQLite declared type becomes (the rules of
/// assets/migrations/pg/0001_initial.sql).
fn pg_type(column: &str, sqlite: &str) -> &'static str {
    if FLAGS.contains(&column) {
        return "boolean";
    }
    match sqlite.to_ascii_uppercase().as_str() {
        "INTEGER" => "bigint",
        "TEXT" => "text",
        "BLOB" => "bytea",
        "REAL" => "double precision",
        other => panic!("no PostgreSQL type for SQLite's {other}"),
    }
}

/// The key columns (or expressions) of each unique index of `table`.
fn pg_unique_keys(client: &mut Client, table: &str) -> Vec<Vec<String>> {
    client
        .query(
            "SELECT array(SELECT pg_get_indexdef(i.indexrelid, k, true)
                            FROM generate_series(1, i.indnkeyatts) k ORDER BY k)
               FROM pg_index i WHERE i.indrelid = to_regclass($1) AND i.indisunique",
            &[&table],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

/// FTS5 keeps each virtual table's index in shadow tables of its own
/// (`T_data`, `T_idx`, `T_docsize`, `T_config`, `T_content`): how SQLite
/// stores an index, not tables of frontdesk's; PostgreSQL's GIN indexes
/// hold the same inside the server.
fn is_fts_shadow(name: &str, virtual_tables: &[String]) -> bool {
    virtual_tables.iter().any(|v| {
        name.strip_prefix(v.as_str())
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|suffix| ["data", "idx", "docsize", "config", "content"].contains(&suffix))
    })
}

#[test]
fn the_postgresql_schema_agrees_with_the_sqlite_one_table_by_table() {
    let Some(db) = TestDb::fresh() else { return };
    let mut client = db.admin();
    migrate(&mut client).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite_database(&dir);
    let tables: Vec<(String, String)> = {
        let mut stmt = sqlite
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(Result::unwrap).collect()
    };
    let virtual_tables: Vec<String> = tables
        .iter()
        .filter(|(_, sql)| sql.starts_with("CREATE VIRTUAL TABLE"))
        .map(|(name, _)| name.clone())
        .collect();
    assert_eq!(virtual_tables, ["contact_text", "kb_fts", "ticket_text"]);
    let mut compared = BTreeSet::new();
    for (table, _) in &tables {
        if is_fts_shadow(table, &virtual_tables) {
            continue;
        }
        compared.insert(table.clone());
        let want = sqlite_columns(&sqlite, table);
        let have = pg_columns(&mut client, table);
        let names = |cols: &[(String, String, bool)]| cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        match table.as_str() {
            // The trigram index over the articles themselves (0002_kb.sql):
            // an index named kb_fts, no table.
            "kb_fts" => {
                assert!(have.is_empty(), "kb_fts is no table on PostgreSQL");
                let on: Option<String> = client
                    .query_opt("SELECT tablename::text FROM pg_indexes WHERE indexname = 'kb_fts'", &[])
                    .unwrap()
                    .map(|r| r.get(0));
                assert_eq!(on.as_deref(), Some("kb_articles"));
            }
            // SQLite's rowid is `id`, and the server derives `document` from
            // the index texts (0011_search.sql).
            "ticket_text" | "contact_text" => {
                let mut expected = vec!["id".to_string()];
                expected.extend(names(&want));
                expected.push("document".to_string());
                assert_eq!(names(&have), expected, "{table}");
            }
            _ => {
                assert_eq!(
                    names(&have),
                    names(&want),
                    "{table}: the same columns in the same order"
                );
                for ((name, sqlite_type, sqlite_not_null), (_, pg_type_found, pg_not_null)) in want.iter().zip(&have) {
                    assert_eq!(pg_not_null, sqlite_not_null, "{table}.{name}: NOT NULL");
                    assert_eq!(
                        pg_type_found,
                        pg_type(&format!("{table}.{name}"), sqlite_type),
                        "{table}.{name}: type"
                    );
                }
                same_indexes(&sqlite, &mut client, table);
            }
        }
    }
    // Nothing on PostgreSQL that SQLite lacks, but the version table and
    // the index tables of the full-text search.
    let pg_tables: BTreeSet<String> = client
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .filter(|t: &String| t != "frontdesk_schema")
        .collect();
    compared.remove("kb_fts");
    assert_eq!(pg_tables, compared);
}

/// The key columns of a SQLite index, in order: a COLLATE NOCASE column as
/// `lower(column)` (its twin on PostgreSQL, 0010 and 0012), an expression
/// as None.
fn sqlite_index_keys(sqlite: &rusqlite::Connection, index: &str) -> Vec<Option<String>> {
    let mut stmt = sqlite
        .prepare("SELECT name, coll FROM pragma_index_xinfo(?1) WHERE key ORDER BY seqno")
        .unwrap();
    stmt.query_map([index], |r| {
        Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .map(|(name, coll)| {
        name.map(|name| {
            if coll == "NOCASE" {
                format!("lower({name})")
            } else {
                name
            }
        })
    })
    .collect()
}

/// The key columns (or expressions) of PostgreSQL's index `index` on
/// `table`, and whether it is unique; None where there is no such index.
fn pg_index_keys(client: &mut Client, table: &str, index: &str) -> Option<(Vec<String>, bool)> {
    client
        .query_opt(
            "SELECT array(SELECT pg_get_indexdef(i.indexrelid, k, true)
                            FROM generate_series(1, i.indnkeyatts) k ORDER BY k), i.indisunique
               FROM pg_index i
              WHERE i.indexrelid = to_regclass($1) AND i.indrelid = to_regclass($2)",
            &[&index, &table],
        )
        .unwrap()
        .map(|r| (r.get(0), r.get(1)))
}

/// Every SQLite index of `table` has its PostgreSQL twin: a named one by its
/// name, on the same columns in the same order (an expression's text
/// differs between the dialects: only its place is compared) and as unique;
/// one SQLite made for a UNIQUE or PRIMARY KEY (`sqlite_autoindex_…`, a
/// name of SQLite's) as a unique index on the same columns. Partial
/// indexes' conditions are written in each dialect and not compared.
fn same_indexes(sqlite: &rusqlite::Connection, client: &mut Client, table: &str) {
    let mut stmt = sqlite
        .prepare("SELECT name, origin, \"unique\" FROM pragma_index_list(?1)")
        .unwrap();
    let indexes: Vec<(String, String, bool)> = stmt
        .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let unique = pg_unique_keys(client, table);
    for (index, origin, is_unique) in indexes {
        let want = sqlite_index_keys(sqlite, &index);
        if origin == "c" {
            let Some((have, pg_unique)) = pg_index_keys(client, table, &index) else {
                panic!("{table}: no index {index} on PostgreSQL");
            };
            assert_eq!(pg_unique, is_unique, "{index}: unique");
            assert_eq!(have.len(), want.len(), "{index}: {have:?} for {want:?}");
            for (have, want) in have.iter().zip(&want) {
                if let Some(want) = want {
                    assert_eq!(have, want, "{index}: {have:?} for {want:?}");
                }
            }
            continue;
        }
        let keys: Vec<String> = want
            .into_iter()
            .map(|key| key.expect("a constraint's key is a column"))
            .collect();
        assert!(
            unique.contains(&keys),
            "{table}: a unique index on {keys:?} ({index}), found {unique:?}"
        );
    }
}

#[test]
fn a_database_of_a_newer_frontdesk_is_refused_and_left_untouched() {
    let Some(db) = TestDb::fresh() else { return };
    let mut client = db.admin();
    migrate(&mut client).unwrap();
    client
        .execute("UPDATE frontdesk_schema SET version = $1", &[&(LATEST_VERSION + 1)])
        .unwrap();
    let before = schema_snapshot(&mut client);
    match migrate(&mut client) {
        Err(StoreError::NewerSchema { found, known, .. }) => {
            assert_eq!((found, known), (LATEST_VERSION + 1, LATEST_VERSION));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(schema_snapshot(&mut client), before);
}

fn table_names(client: &mut Client) -> Vec<String> {
    client
        .query(
            "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

#[test]
fn a_database_with_someone_elses_tables_is_refused_and_left_untouched() {
    let cases = [
        ("a table of another program", "CREATE TABLE invoices (id BIGINT)"),
        (
            "a version table of another application",
            "CREATE TABLE frontdesk_schema (version BIGINT, application TEXT);
             INSERT INTO frontdesk_schema VALUES (1, 'backdesk')",
        ),
        (
            "a version table without its row",
            "CREATE TABLE frontdesk_schema (version BIGINT, application TEXT)",
        ),
    ];
    for (case, sql) in cases {
        let Some(db) = TestDb::fresh() else { return };
        let mut client = db.admin();
        client.batch_execute(sql).unwrap();
        let before = table_names(&mut client);
        match migrate(&mut client) {
            Err(StoreError::NotFrontdesk { path, why }) => {
                assert_eq!(why, Foreign::OtherTables, "{case}");
                assert_eq!(path, db.name, "{case}: the database is named");
            }
            other => panic!("{case}: {other:?}"),
        }
        assert_eq!(table_names(&mut client), before, "{case}: nothing made");
    }
}

/// Two frontdesks starting on one empty database: the advisory lock makes
/// the second wait and then find the schema made; both succeed.
#[test]
fn two_frontdesks_migrating_one_empty_database_at_once_make_one_schema() {
    let Some(db) = TestDb::fresh() else { return };
    let start = std::sync::Barrier::new(2);
    let results: Vec<Result<i64, StoreError>> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..2)
            .map(|_| {
                let mut client = db.admin();
                let start = &start;
                scope.spawn(move || {
                    start.wait();
                    migrate(&mut client)
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    for result in results {
        assert_eq!(result.unwrap(), LATEST_VERSION);
    }
    let mut client = db.admin();
    let rows: i64 = client
        .query_one("SELECT count(*) FROM frontdesk_schema", &[])
        .unwrap()
        .get(0);
    assert_eq!(rows, 1);
    let views: i64 = client.query_one("SELECT count(*) FROM views", &[]).unwrap().get(0);
    assert_eq!(views, 5, "the shipped views seeded once");
}

/// A database a frontdesk of version 10 made (its migrations applied by
/// hand, with a ticket in it) is brought up step by step to the very schema
/// a fresh database gets, and the later migrations' backfills see its rows
/// (0011 marks the ticket for the search index).
#[test]
fn an_older_database_is_migrated_step_by_step_to_the_schema_of_a_fresh_one() {
    let Some(fresh) = TestDb::fresh() else { return };
    let Some(old) = TestDb::fresh() else { return };
    let mut client = old.admin();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/migrations/pg");
    let mut files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut tx = client.transaction().unwrap();
    tx.batch_execute(
        "CREATE TABLE frontdesk_schema (version BIGINT NOT NULL, application TEXT NOT NULL);
         CREATE UNIQUE INDEX frontdesk_schema_one_row ON frontdesk_schema ((true));
         INSERT INTO frontdesk_schema VALUES (10, 'frontdesk');",
    )
    .unwrap();
    for file in &files[..10] {
        tx.batch_execute(&std::fs::read_to_string(file).unwrap()).unwrap();
    }
    tx.batch_execute(
        "INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'C1', 'Ada', 1, 1);
         INSERT INTO tickets (id, customer_id, kind, subject, opened_at, created_at, updated_at)
             VALUES (7, 1, 'inquiry', 'Printer', 1, 1, 1);",
    )
    .unwrap();
    tx.commit().unwrap();
    assert_eq!(migrate(&mut client).unwrap(), LATEST_VERSION);
    let mut fresh_client = fresh.admin();
    migrate(&mut fresh_client).unwrap();
    assert_eq!(schema_snapshot(&mut client), schema_snapshot(&mut fresh_client));
    let marked: Vec<(String, i64)> = client
        .query("SELECT kind, id FROM search_dirty", &[])
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(marked, [("ticket".to_string(), 7)]);
    let keyed: i64 = client
        .query_one("SELECT count(*) FROM customer_keys_dirty WHERE id = 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(keyed, 1, "0014 marks the customer for its key");
}
