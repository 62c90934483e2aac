//! A load into an empty search index builds the index on a helper thread.
//!
//! FTS5's tokenising is single-threaded work on the writing connection: a
//! fifth of the demo's time. Only that connection sees the load's rows
//! before the commit, so it reads their texts and hands them over; the
//! helper builds the same two FTS5 tables, declared and configured as this
//! file's, in a private temporary database, while this connection works out
//! the load's histories, derived rows and segments. Its rows are then copied
//! into this file's tables: the same declarations in the same SQLite library
//! give the same rows (`tests/it/demo_search_index.rs` compares them).
//!
//! Only an empty index is built this way: a table's rows cannot be merged
//! into an index that already holds documents.

use super::StoreError;
use super::fulltext_index::{CONTACT_TEXT, DocIndex, LoadedDoc, TICKET_TEXT};
use super::sql::Db;
use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// Texts handed over at a time, in bytes: a mebibyte.
const BATCH_BYTES: usize = 1 << 20;

/// One index table as this file declares and configures it.
#[derive(Clone)]
struct Declared {
    name: &'static str,
    sql: String,
    /// Its `_config` settings (`hashsize`…), but the format version, which
    /// FTS5 writes itself.
    settings: Vec<(String, rusqlite::types::Value)>,
}

/// The helper at work.
pub(super) struct Aside {
    /// `None` once the helper stopped taking texts.
    sender: Option<SyncSender<Vec<LoadedDoc>>>,
    batch: Vec<LoadedDoc>,
    batch_bytes: usize,
    worker: JoinHandle<Result<Connection, StoreError>>,
    tables: Vec<Declared>,
}

impl Aside {
    /// A helper, if the index is empty and one can start. The reader may
    /// run ahead of it by `backlog_mib` mebibytes of text.
    pub(super) fn start(conn: &Connection, backlog_mib: usize) -> Result<Option<Aside>, StoreError> {
        if backlog_mib == 0 {
            return Ok(None);
        }
        let mut tables = Vec::new();
        for name in [TICKET_TEXT, CONTACT_TEXT] {
            // An empty index holds its averages and structure records only.
            let records: i64 = conn.query_row(
                &format!("SELECT count(*) FROM (SELECT 1 FROM main.{name}_data LIMIT 3)"),
                [],
                |r| r.get(0),
            )?;
            let sql: Option<String> = conn
                .query_row(
                    "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            let (Some(sql), true) = (sql, records <= 2) else {
                return Ok(None);
            };
            let mut settings = conn.prepare(&format!("SELECT k, v FROM main.{name}_config WHERE k <> 'version'"))?;
            let settings = settings
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            tables.push(Declared { name, sql, settings });
        }
        let (sender, receiver) = sync_channel(backlog_mib);
        let declared = tables.clone();
        let worker = std::thread::Builder::new()
            .name("search-index".into())
            .spawn(move || build(&declared, receiver));
        Ok(worker.ok().map(|worker| Aside {
            sender: Some(sender),
            batch: Vec::new(),
            batch_bytes: 0,
            worker,
            tables,
        }))
    }

    /// Hands one record's texts over. A helper that stopped (on an error)
    /// takes no more; [`Aside::finish`] then says the index is not built.
    pub(super) fn send(&mut self, doc: LoadedDoc) {
        self.batch_bytes += doc.text_len();
        self.batch.push(doc);
        if self.batch_bytes >= BATCH_BYTES {
            self.hand_over();
        }
    }

    fn hand_over(&mut self) {
        let batch = std::mem::take(&mut self.batch);
        self.batch_bytes = 0;
        if let Some(sender) = &self.sender
            && sender.send(batch).is_err()
        {
            self.sender = None;
        }
    }

    /// Waits for the helper and copies its rows into this file's index;
    /// false (nothing copied) if the helper failed.
    pub(super) fn finish(mut self, conn: &Connection) -> Result<bool, StoreError> {
        self.hand_over();
        self.sender = None;
        let Ok(Ok(built)) = self.worker.join() else {
            return Ok(false);
        };
        for table in &self.tables {
            install(conn, &built, table)?;
        }
        Ok(true)
    }
}

/// The helper: both tables in a private temporary database (SQLite removes
/// it when the connection closes), filled from the texts handed over.
fn build(tables: &[Declared], texts: Receiver<Vec<LoadedDoc>>) -> Result<Connection, StoreError> {
    let conn = Connection::open("")?;
    // Scratch: a crash loses nothing the load's own transaction keeps.
    conn.pragma_update(None, "journal_mode", "OFF")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    for table in tables {
        conn.execute_batch(&table.sql)?;
        let name = table.name;
        for (key, value) in &table.settings {
            conn.execute(
                &format!("INSERT INTO {name} ({name}, rank) VALUES (?1, ?2)"),
                rusqlite::params![key, value],
            )?;
        }
    }
    conn.execute_batch("BEGIN")?;
    {
        let mut index = DocIndex::prepare(Db::sqlite(&conn))?;
        for batch in texts {
            for doc in &batch {
                index.write(doc)?;
            }
        }
    }
    conn.execute_batch("COMMIT")?;
    Ok(conn)
}

/// Replaces `table` in this file by the one built aside. The table is
/// dropped and declared again first: FTS5 keeps an index's structure
/// cached per connection, and would not see rows copied under it.
fn install(conn: &Connection, built: &Connection, table: &Declared) -> Result<(), StoreError> {
    let name = table.name;
    conn.execute_batch(&format!("DROP TABLE main.{name}"))?;
    conn.execute_batch(&table.sql)?;
    let mut shadows = built.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB ?1")?;
    let shadows: Vec<String> = shadows
        .query_map([format!("{name}_*")], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for shadow in shadows {
        conn.execute_batch(&format!("DELETE FROM main.{shadow}"))?;
        copy_rows(built, conn, &shadow)?;
    }
    Ok(())
}

/// Every row of `table` from `from` into this file's.
fn copy_rows(from: &Connection, to: &Connection, table: &str) -> Result<(), StoreError> {
    let mut read = from.prepare(&format!("SELECT * FROM {table}"))?;
    let columns = read.column_count();
    let slots: Vec<String> = (1..=columns).map(|n| format!("?{n}")).collect();
    let mut write = to.prepare(&format!("INSERT INTO main.{table} VALUES ({})", slots.join(", ")))?;
    let mut rows = read.query([])?;
    while let Some(row) = rows.next()? {
        for at in 0..columns {
            write.raw_bind_parameter(at + 1, ToSqlOutput::Borrowed(row.get_ref(at)?))?;
        }
        write.raw_execute()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::migrate(&mut conn).unwrap();
        conn
    }

    fn found(conn: &Connection, table: &str, word: &str) -> Vec<i64> {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid"
            ))
            .unwrap();
        stmt.query_map([word], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn an_empty_index_is_built_aside_and_one_with_documents_is_not() {
        let conn = migrated();
        assert!(
            Aside::start(&conn, 0).unwrap().is_none(),
            "no backlog: indexed in place"
        );
        let mut aside = Aside::start(&conn, 1).unwrap().expect("an empty index is built aside");
        aside.send(LoadedDoc::Ticket {
            id: 7,
            subject: "Printer jammed".into(),
            description: "It stops at page two".into(),
            contacts: vec![("Called back".into(), "打印机卡纸".into())],
        });
        aside.send(LoadedDoc::Contact {
            id: 3,
            summary: "Asked about invoices".into(),
            body: String::new(),
        });
        assert!(aside.finish(&conn).unwrap(), "the helper built the rows");
        assert_eq!(found(&conn, "ticket_text", "jammed"), [7]);
        assert_eq!(found(&conn, "ticket_text", "called"), [7]);
        assert_eq!(found(&conn, "ticket_text", "打印"), [7]);
        assert_eq!(found(&conn, "contact_text", "invoices"), [3]);
        assert!(
            Aside::start(&conn, 1).unwrap().is_none(),
            "rows cannot be merged into a filled index"
        );
    }
}
