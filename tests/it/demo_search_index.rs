//! The demo indexes its texts for search in one pass at the end of the
//! load (its insert triggers suspended); the index must be exactly what the
//! incremental path (triggers, `search_dirty`, the flush at commit) builds.

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::service::demo::{self, Existing, Sizes};
use frontdesk::service::progress::Quiet;
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store, StoreError, TicketQuery};
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::path::Path;

const SIZES: Sizes = Sizes {
    customers: 40,
    tickets: 120,
    interactions: 500,
};

fn ctx() -> Ctx {
    let now: DateTime<Utc> = "2026-06-15T10:00:00Z".parse().unwrap();
    Ctx::new("tester", now)
}

/// Every document's size per column, as FTS5 keeps it: equal tables mean
/// the same documents hold the same number of tokens in each column.
fn docsizes(path: &Path, table: &str) -> Vec<(i64, Vec<u8>)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT id, sz FROM {table}_docsize ORDER BY id"))
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Words of the data's own subjects and summaries, English and Chinese.
fn terms(path: &Path) -> BTreeSet<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT subject FROM tickets WHERE id % 17 = 0
             UNION ALL SELECT summary FROM interactions WHERE id % 53 = 0
             UNION ALL SELECT summary FROM interactions WHERE ticket_id IS NULL AND id % 11 = 0",
        )
        .unwrap();
    let texts: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    texts
        .iter()
        .flat_map(|t| {
            t.split_whitespace()
                .take(2)
                .map(|w| w.chars().take(4).collect::<String>())
        })
        .filter(|w| w.chars().all(char::is_alphanumeric))
        .collect()
}

/// What each term finds, best first: tickets and ticketless contacts.
fn findings(store: &mut Store, terms: &BTreeSet<String>) -> Vec<(String, Vec<i64>, Vec<i64>)> {
    terms
        .iter()
        .map(|term| {
            let tickets = store
                .read(|tx| tx.search_tickets(&TicketQuery::default(), term, false))
                .unwrap();
            let contacts = store.read(|tx| tx.search_contacts(term, 100_000)).unwrap();
            (
                term.clone(),
                tickets.iter().map(|t| t.id).collect(),
                contacts.iter().map(|i| i.id).collect(),
            )
        })
        .collect()
}

/// Empties the index and has the incremental path build it again from
/// every ticket and ticketless interaction.
fn reindex_incrementally(store: &mut Store, path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "INSERT INTO ticket_text (ticket_text) VALUES ('delete-all');
         INSERT INTO contact_text (contact_text) VALUES ('delete-all');
         INSERT OR IGNORE INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets;
         INSERT OR IGNORE INTO search_dirty (kind, id)
             SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL;",
    )
    .unwrap();
    drop(conn);
    store.write(|_| Ok::<_, StoreError>(())).unwrap();
}

#[test]
fn the_demo_index_equals_the_incremental_one_after_a_first_and_an_added_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut store = Store::create(&path, &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx(), &Config::defaults()).unwrap();
    demo::generate(&mut store, &ctx(), &Config::defaults(), SIZES, 3).unwrap();
    // A second run adds to a file that already has an index.
    demo::generate_with(
        &mut store,
        &ctx(),
        &Config::defaults(),
        SIZES,
        4,
        Existing::AddTo,
        &Quiet,
    )
    .unwrap();
    let terms = terms(&path);
    assert!(terms.len() > 10, "the data gives words to search for: {terms:?}");
    let loaded = (
        docsizes(&path, "ticket_text"),
        docsizes(&path, "contact_text"),
        findings(&mut store, &terms),
    );
    assert_eq!(loaded.0.len(), 2 * SIZES.tickets, "every ticket is indexed");
    assert!(loaded.2.iter().any(|(_, t, _)| !t.is_empty()));
    assert!(loaded.2.iter().any(|(_, _, c)| !c.is_empty()));

    reindex_incrementally(&mut store, &path);
    let incremental = (
        docsizes(&path, "ticket_text"),
        docsizes(&path, "contact_text"),
        findings(&mut store, &terms),
    );
    assert_eq!(loaded, incremental);

    // The insert triggers are back: a ticket added later is found.
    let conn = Connection::open(&path).unwrap();
    let trigger_count: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'
             AND name IN ('tickets_search_ai', 'interactions_search_ai')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(trigger_count, 2);
}

/// The rows of an index table's shadow tables, in order. The structure
/// record (id 10) starts with a counter of configuration changes, which
/// `delete-all` sets back: it is left out.
fn shadow_rows(path: &Path, table: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let conn = Connection::open(path).unwrap();
    let mut out = Vec::new();
    for part in ["data", "idx", "docsize", "config"] {
        let select = match part {
            "data" => "SELECT id, CASE id WHEN 10 THEN substr(block, 5) ELSE block END FROM",
            _ => "SELECT * FROM",
        };
        let mut stmt = conn.prepare(&format!("{select} {table}_{part}")).unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..columns).map(|i| r.get(i)).collect())
            .unwrap()
            .collect::<Result<Vec<Vec<_>>, _>>()
            .unwrap();
        out.extend(rows);
    }
    out
}

/// FTS5's own check of an index's internal consistency.
fn integrity_checked(path: &Path) {
    let conn = Connection::open(path).unwrap();
    for table in ["ticket_text", "contact_text"] {
        conn.execute(&format!("INSERT INTO {table} ({table}) VALUES ('integrity-check')"), [])
            .unwrap_or_else(|e| panic!("{table}: {e}"));
    }
}

/// A new file's index is built on a helper thread and copied in
/// (`store/fulltext_aside.rs`): its rows must be the very rows the
/// incremental path writes, its settings (`hashsize`) kept, and the
/// connection that searched the empty index before must see the new one
/// (FTS5 caches an index's structure per connection).
#[test]
fn a_new_files_index_built_aside_is_the_one_built_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let mut store = Store::create(&path, &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx(), &Config::defaults()).unwrap();
    let none: BTreeSet<String> = ["refund".to_string()].into();
    assert!(
        findings(&mut store, &none)[0].1.is_empty(),
        "an empty file finds nothing"
    );
    demo::generate(&mut store, &ctx(), &Config::defaults(), SIZES, 3).unwrap();

    let terms = terms(&path);
    let aside = (
        shadow_rows(&path, "ticket_text"),
        shadow_rows(&path, "contact_text"),
        findings(&mut store, &terms),
    );
    assert!(
        aside.2.iter().any(|(_, t, _)| !t.is_empty()),
        "the same connection finds the demo's tickets"
    );
    assert!(aside.2.iter().any(|(_, _, c)| !c.is_empty()));
    integrity_checked(&path);
    let conn = Connection::open(&path).unwrap();
    let hashsize: i64 = conn
        .query_row("SELECT v FROM ticket_text_config WHERE k = 'hashsize'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(hashsize, 33_554_432, "the index keeps its settings");
    drop(conn);

    reindex_incrementally(&mut store, &path);
    let in_place = (
        shadow_rows(&path, "ticket_text"),
        shadow_rows(&path, "contact_text"),
        findings(&mut store, &terms),
    );
    assert_eq!(aside, in_place);
}
