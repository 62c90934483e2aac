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
