//! The stored customer search keys (migration 0014) kept exact through
//! every kind of write: a customer added, edited, archived, merged,
//! imported or changed by another program (as the sqlite3 shell would) is
//! found by its new fields and not by its old ones at once; a file made
//! before the keys were stored gets them on first open; and a search over
//! the stored keys ranks exactly as one over keys built from the rows.

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::customers::{self, CustomerQuery, SearchIndex};
use frontdesk::service::demo::{self, Sizes};
use frontdesk::service::import::{self, ImportKind};
use frontdesk::service::{Ctx, merge, setup};
use frontdesk::store::{OpenOptions, Store, StoreError};
use rusqlite::Connection;
use std::path::Path;

fn now() -> DateTime<Utc> {
    "2026-03-02T08:00:00Z".parse().unwrap()
}

fn ctx() -> Ctx {
    Ctx::new("王五", now())
}

fn person(code: &str, name: &str, phone: &str) -> CustomerInput {
    CustomerInput {
        code: Some(code.into()),
        name: Some(name.into()),
        phone: (!phone.is_empty()).then(|| phone.into()),
        ..Default::default()
    }
}

/// The codes `customer list --filter QUERY` shows, best first.
fn found(store: &mut Store, query: &str) -> Vec<String> {
    customers::list(store, &CustomerQuery::default(), Some(query))
        .unwrap()
        .into_iter()
        .map(|c| c.code)
        .collect()
}

fn count(path: &Path, sql: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

struct Desk {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: Store,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fd.db");
    let store = Store::create(&path, &OpenOptions::default()).unwrap();
    Desk { _dir: dir, path, store }
}

/// A file holding 400 varied demo customers (seeded).
fn demo_desk(seed: u64) -> Desk {
    let mut d = desk();
    setup::ensure_defaults(&mut d.store, &ctx(), &Config::defaults()).unwrap();
    let sizes = Sizes {
        customers: 400,
        tickets: 200,
        interactions: 400,
    };
    demo::generate(&mut d.store, &ctx(), &Config::defaults(), sizes, seed).unwrap();
    d
}

#[test]
fn an_added_or_edited_customer_is_found_by_its_new_fields_only() {
    let mut d = desk();
    let s = &mut d.store;
    customers::add(s, &ctx(), &person("C1", "张三", "13800138000")).unwrap();
    assert_eq!(found(s, "zhangsan"), ["C1"]);
    assert_eq!(found(s, "zs"), ["C1"]);
    assert_eq!(found(s, "138 0013 8000"), ["C1"]);

    let rename = CustomerInput {
        name: Some("李四".into()),
        phone: Some("13912345678".into()),
        ..Default::default()
    };
    customers::edit(s, &ctx(), "C1", &rename, None).unwrap();
    assert_eq!(found(s, "lisi"), ["C1"]);
    assert_eq!(found(s, "13912345678"), ["C1"]);
    assert!(found(s, "zhangsan").is_empty());
    assert!(found(s, "13800138000").is_empty());
    // Nothing is left for a later write to do.
    assert_eq!(count(&d.path, "SELECT count(*) FROM customer_keys_dirty"), 0);
}

#[test]
fn an_archived_or_merged_away_customer_is_no_longer_found() {
    let mut d = desk();
    let s = &mut d.store;
    customers::add(s, &ctx(), &person("C1", "王伟", "")).unwrap();
    customers::add(s, &ctx(), &person("C2", "王伟东", "13700001111")).unwrap();
    customers::add(s, &ctx(), &person("C3", "赵敏", "")).unwrap();
    assert_eq!(found(s, "wangwei"), ["C1", "C2"]);

    // The kept customer takes the duplicate's phone; the duplicate is archived.
    merge::merge(s, &ctx(), "C1", "C2").unwrap();
    assert_eq!(found(s, "wangwei"), ["C1"]);
    assert_eq!(found(s, "13700001111"), ["C1"]);

    customers::archive(s, &ctx(), "C3").unwrap();
    assert!(found(s, "zhaomin").is_empty());
    assert_eq!(count(&d.path, "SELECT count(*) FROM customer_keys"), 1);
}

#[test]
fn imported_customers_are_found_by_their_pinyin() {
    let mut d = desk();
    let file = d.path.with_file_name("customers.csv");
    std::fs::write(&file, "code,name,phone\nC7,欧阳娜娜,13512345678\nC8,Smith Ltd,\n").unwrap();
    let report = import::run(&mut d.store, &ctx(), ImportKind::Customers, &file, None, false).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(found(&mut d.store, "oyn"), ["C7"]);
    assert_eq!(found(&mut d.store, "ouyang"), ["C7"]);
    assert_eq!(found(&mut d.store, "sl"), ["C8"]);
}

#[test]
fn rows_written_by_another_program_are_found_by_their_new_fields_at_once() {
    let mut d = desk();
    customers::add(&mut d.store, &ctx(), &person("C1", "张三", "")).unwrap();
    customers::add(&mut d.store, &ctx(), &person("C2", "张山", "")).unwrap();
    // As the sqlite3 shell would: no frontdesk code runs for these writes.
    let shell = Connection::open(&d.path).unwrap();
    shell
        .execute_batch(
            "UPDATE customers SET name = '孙悟空' WHERE code = 'C1';
             INSERT INTO customers (code, name, created_at, updated_at)
                 VALUES ('C9', '猪八戒', 1, 1);
             UPDATE customers SET archived = 1 WHERE code = 'C2';",
        )
        .unwrap();
    let s = &mut d.store;
    assert_eq!(found(s, "swk"), ["C1"]);
    assert_eq!(found(s, "zhubajie"), ["C9"]);
    assert!(found(s, "zhangsan").is_empty());
    assert!(found(s, "zhangshan").is_empty());

    // Contact moves the tie-break at once too: the kept activity follows.
    customers::add(s, &ctx(), &person("C3", "孙悟饭", "")).unwrap();
    let order = || found(&mut Store::open(&d.path, &OpenOptions::default()).unwrap(), "sunwu");
    shell
        .execute(
            "UPDATE customers SET last_activity_at = 2000000000 WHERE code = 'C1'",
            [],
        )
        .unwrap();
    assert_eq!(order(), ["C1", "C3"]);
    shell
        .execute(
            "UPDATE customers SET last_activity_at = 2100000000 WHERE code = 'C3'",
            [],
        )
        .unwrap();
    assert_eq!(order(), ["C3", "C1"]);

    // The next frontdesk write stores what the shell changed.
    customers::add(s, &ctx(), &person("C4", "唐僧", "")).unwrap();
    assert_eq!(count(&d.path, "SELECT count(*) FROM customer_keys_dirty"), 0);
    assert_eq!(count(&d.path, "SELECT count(*) FROM customer_keys"), 4);
    assert_eq!(found(s, "swk"), ["C1"]);
}

#[test]
fn a_damaged_or_foreign_key_blob_is_built_again_from_the_fields() {
    let mut d = desk();
    customers::add(&mut d.store, &ctx(), &person("C1", "张三", "")).unwrap();
    let shell = Connection::open(&d.path).unwrap();
    for blob in ["x'01'", "x''", "x'ff00ff'", "'text'", "NULL"] {
        // NOT NULL refuses the last; the others are stored as they are.
        let _ = shell.execute(&format!("UPDATE customer_keys SET key = {blob}"), []);
        assert_eq!(found(&mut d.store, "zhangsan"), ["C1"], "{blob}");
    }
}

#[test]
fn a_file_made_before_the_keys_were_stored_gets_them_on_first_open() {
    let d = desk();
    let old = d.path.with_file_name("v13.db");
    // What a build of migration 13 left: its schema and a customer, no keys.
    {
        let conn = Connection::open(&old).unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/migrations");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in &files[..13] {
            conn.execute_batch(&std::fs::read_to_string(file).unwrap()).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C1', '曾国藩', 0, 0);
             PRAGMA user_version = 13;",
        )
        .unwrap();
        conn.pragma_update(None, "application_id", frontdesk::store::APPLICATION_ID)
            .unwrap();
    }
    let mut store = Store::open(&old, &OpenOptions::default()).unwrap();
    assert_eq!(count(&old, "SELECT count(*) FROM customer_keys"), 1);
    assert_eq!(count(&old, "SELECT count(*) FROM customer_keys_dirty"), 0);
    assert_eq!(found(&mut store, "zengguofan"), ["C1"]);
}

/// The contract of the change: stored keys rank every query exactly as
/// keys built from the rows did, on varied demo customers.
#[test]
fn stored_keys_rank_exactly_as_keys_built_from_the_rows() {
    let mut d = demo_desk(11);
    let (stored, built) = d
        .store
        .read(|tx| Ok::<_, StoreError>((SearchIndex::load(tx)?, SearchIndex::new(tx.customer_search_rows()?))))
        .unwrap();
    assert_eq!(stored.len(), built.len());
    assert!(stored.len() > 300, "{}", stored.len());
    for query in [
        "zw", "z", "wang", "wang wei", "zhangs", "bj", "北京", "华", "smith", "ltd", "co", "138", "+86 138", "c2026",
        "example", "a", "xyz", "ou yang", "lv",
    ] {
        assert_eq!(stored.find_with_hits(query), built.find_with_hits(query), "{query}");
    }
}

/// `customer list --filter` reads the keys in two halves on a file (one on
/// a reader apart, see `customers::list`): it ranks exactly as one pass
/// over every key does — ties in id order across the halves, scattered
/// letters dropped when either half matched better. Several customers
/// share a name, so ties meet at the split.
#[test]
fn a_search_read_in_halves_ranks_as_one_pass() {
    let mut d = demo_desk(7);
    for n in 0..6 {
        customers::add(&mut d.store, &ctx(), &person(&format!("T{n}"), "Zora Wu", "")).unwrap();
    }
    let one_pass = d.store.read(SearchIndex::load).unwrap();
    let everyone = CustomerQuery {
        limit: None,
        ..Default::default()
    };
    for query in ["zw", "zora wu", "wu", "z", "wang", "北京", "138", "xyz", "zrw"] {
        let listed: Vec<i64> = customers::list(&mut d.store, &everyone, Some(query))
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(listed, one_pass.find(query), "{query}");
    }
}
