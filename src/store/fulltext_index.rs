//! Keeps the full-text index exact: the triggers of migration 0011 record
//! in `search_dirty` which tickets and ticketless interactions changed; just
//! before every commit the store rewrites their index rows from the texts
//! as they now are. Rewriting whole rows in Rust (not in the triggers) is
//! what lets frontdesk build the index text itself (see
//! `domain::fulltext`) while the sqlite3 shell can still write the file.

use super::{StoreError, Tx};
use crate::domain::fulltext::IndexText;
use rusqlite::{CachedStatement, Connection, OptionalExtension, params};

impl Tx<'_> {
    /// Rewrites the index rows `search_dirty` names and empties it. When
    /// nothing changed this costs one probe of `search_dirty`. Statements
    /// are prepared once per flush, so a load of 200k tickets is one pass.
    pub(super) fn flush_search_index(&self) -> Result<(), StoreError> {
        let Some(conn) = self.conn else {
            // PostgreSQL keeps its search index by itself (see its schema).
            return Ok(());
        };
        let dirty: Vec<(String, i64)> = {
            let mut stmt = conn.prepare_cached("SELECT kind, id FROM search_dirty")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        if dirty.is_empty() {
            return Ok(());
        }
        let mut tickets = TicketRows::prepare(self)?;
        let mut contacts = ContactRows::prepare(self)?;
        for (kind, id) in dirty {
            match kind.as_str() {
                "ticket" => tickets.rewrite(id)?,
                _ => contacts.rewrite(id)?,
            }
        }
        conn.prepare_cached("DELETE FROM search_dirty")?.execute([])?;
        Ok(())
    }
}

/// One FTS table's rows: dropped when indexed, written anew.
struct IndexRows<'a> {
    indexed: CachedStatement<'a>,
    delete: CachedStatement<'a>,
    insert: CachedStatement<'a>,
}

impl<'a> IndexRows<'a> {
    /// `table` and `columns` come from the constants of this file.
    fn prepare(conn: &'a Connection, table: &str, columns: &[&str]) -> Result<Self, StoreError> {
        let slots: Vec<String> = (2..=columns.len() + 1).map(|n| format!("?{n}")).collect();
        Ok(IndexRows {
            // A contentless table cannot say whether it holds a row; its
            // docsize shadow table can (one row per indexed document).
            indexed: conn.prepare_cached(&format!("SELECT 1 FROM {table}_docsize WHERE id = ?1"))?,
            delete: conn.prepare_cached(&format!("DELETE FROM {table} WHERE rowid = ?1"))?,
            insert: conn.prepare_cached(&format!(
                "INSERT INTO {table} (rowid, {}) VALUES (?1, {})",
                columns.join(", "),
                slots.join(", ")
            ))?,
        })
    }

    /// Drops row `id` if the index holds it (deleting an absent row from a
    /// contentless-delete table would still record a tombstone).
    fn drop_row(&mut self, id: i64) -> Result<(), StoreError> {
        if self.indexed.exists([id])? {
            self.delete.execute([id])?;
        }
        Ok(())
    }
}

/// Rewrites `ticket_text` rows.
struct TicketRows<'a> {
    ticket: CachedStatement<'a>,
    interactions: CachedStatement<'a>,
    index: IndexRows<'a>,
}

impl<'a> TicketRows<'a> {
    fn prepare(tx: &Tx<'a>) -> Result<Self, StoreError> {
        let conn = tx.sqlite()?;
        Ok(TicketRows {
            ticket: conn.prepare_cached("SELECT subject, description FROM tickets WHERE id = ?1")?,
            interactions: conn
                .prepare_cached("SELECT summary, body FROM interactions WHERE ticket_id = ?1 ORDER BY at, id")?,
            index: IndexRows::prepare(
                conn,
                "ticket_text",
                &["subject_words", "subject_cjk1", "subject_cjk2", "words", "cjk1", "cjk2"],
            )?,
        })
    }

    fn rewrite(&mut self, id: i64) -> Result<(), StoreError> {
        self.index.drop_row(id)?;
        let Some((subject, description)) = self
            .ticket
            .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .optional()?
        else {
            return Ok(()); // deleted: its row is gone
        };
        let mut text = TicketText::new(&subject, &description);
        let mut rows = self.interactions.query([id])?;
        while let Some(row) = rows.next()? {
            text.add_interaction(row, 0)?;
        }
        text.insert(&mut self.index, id)
    }
}

/// One ticket's index row as it is built: the subject, then the
/// description and each interaction's summary and body in time order.
struct TicketText {
    head: IndexText,
    rest: IndexText,
}

impl TicketText {
    fn new(subject: &str, description: &str) -> Self {
        TicketText {
            head: IndexText::of(&[subject]),
            rest: IndexText::of(&[description]),
        }
    }

    /// Adds the summary and body found at columns `at` and `at + 1`.
    fn add_interaction(&mut self, row: &rusqlite::Row, at: usize) -> Result<(), StoreError> {
        self.rest.add(row.get_ref(at)?.as_str().unwrap_or(""));
        self.rest.add(row.get_ref(at + 1)?.as_str().unwrap_or(""));
        Ok(())
    }

    fn insert(self, index: &mut IndexRows, id: i64) -> Result<(), StoreError> {
        let (head, rest) = (self.head, self.rest);
        index.insert.execute(params![
            id, head.words, head.cjk1, head.cjk2, rest.words, rest.cjk1, rest.cjk2
        ])?;
        Ok(())
    }
}

/// Where a bulk load started: the largest ticket and interaction ids
/// before it. Rows above them are the load's own.
#[derive(Debug, Clone, Copy)]
pub(super) struct LoadStart {
    pub last_ticket: i64,
    pub last_interaction: i64,
}

/// The full-text triggers a bulk load suspends: they record each inserted
/// ticket and interaction in `search_dirty` (a million trigger runs for the
/// demo), after which the flush would read every ticket back by id. The
/// load instead indexes its rows in one ordered pass ([`index_loaded`]).
pub(super) const INSERT_TRIGGERS: &[&str] = &["tickets_search_ai", "interactions_search_ai"];

pub(super) fn load_start(conn: &Connection) -> Result<LoadStart, StoreError> {
    Ok(conn.query_row(
        "SELECT (SELECT coalesce(max(id), 0) FROM tickets), (SELECT coalesce(max(id), 0) FROM interactions)",
        [],
        |r| {
            Ok(LoadStart {
                last_ticket: r.get(0)?,
                last_interaction: r.get(1)?,
            })
        },
    )?)
}

/// Writes the index rows of everything a bulk load inserted while the
/// insert triggers were suspended, exactly as the flush would have: new
/// tickets in one pass over them and their interactions (both in ticket
/// order, the interactions by the `interactions_ticket` index), new
/// ticketless interactions in id order, and tickets from before the load
/// that gained interactions marked in `search_dirty` for the flush.
pub(super) fn index_loaded(conn: &Connection, start: LoadStart) -> Result<(), StoreError> {
    conn.execute(
        "INSERT OR IGNORE INTO search_dirty (kind, id)
         SELECT DISTINCT 'ticket', ticket_id FROM interactions WHERE id > ?1 AND ticket_id <= ?2",
        params![start.last_interaction, start.last_ticket],
    )?;
    let mut index = IndexRows::prepare(
        conn,
        "ticket_text",
        &["subject_words", "subject_cjk1", "subject_cjk2", "words", "cjk1", "cjk2"],
    )?;
    let mut tickets = conn.prepare("SELECT id, subject, description FROM tickets WHERE id > ?1 ORDER BY id")?;
    let mut contacts = conn
        .prepare("SELECT ticket_id, summary, body FROM interactions WHERE ticket_id > ?1 ORDER BY ticket_id, at, id")?;
    let mut contact_rows = contacts.query([start.last_ticket])?;
    let mut pending = contact_rows.next()?;
    let mut rows = tickets.query([start.last_ticket])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        index.drop_row(id)?;
        let mut text = TicketText::new(
            row.get_ref(1)?.as_str().unwrap_or(""),
            row.get_ref(2)?.as_str().unwrap_or(""),
        );
        while let Some(contact) = pending {
            let ticket: i64 = contact.get(0)?;
            if ticket > id {
                break;
            }
            if ticket == id {
                text.add_interaction(contact, 1)?;
            }
            pending = contact_rows.next()?;
        }
        text.insert(&mut index, id)?;
    }
    let mut index = IndexRows::prepare(conn, "contact_text", &["words", "cjk1", "cjk2"])?;
    let mut ticketless =
        conn.prepare("SELECT id, summary, body FROM interactions WHERE id > ?1 AND ticket_id IS NULL ORDER BY id")?;
    let mut rows = ticketless.query([start.last_interaction])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        index.drop_row(id)?;
        let text = IndexText::of(&[
            row.get_ref(1)?.as_str().unwrap_or(""),
            row.get_ref(2)?.as_str().unwrap_or(""),
        ]);
        index.insert.execute(params![id, text.words, text.cjk1, text.cjk2])?;
    }
    Ok(())
}

/// Rewrites `contact_text` rows.
struct ContactRows<'a> {
    interaction: CachedStatement<'a>,
    index: IndexRows<'a>,
}

impl<'a> ContactRows<'a> {
    fn prepare(tx: &Tx<'a>) -> Result<Self, StoreError> {
        let conn = tx.sqlite()?;
        Ok(ContactRows {
            interaction: conn
                .prepare_cached("SELECT summary, body FROM interactions WHERE id = ?1 AND ticket_id IS NULL")?,
            index: IndexRows::prepare(conn, "contact_text", &["words", "cjk1", "cjk2"])?,
        })
    }

    fn rewrite(&mut self, id: i64) -> Result<(), StoreError> {
        self.index.drop_row(id)?;
        let found = self
            .interaction
            .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .optional()?;
        // Gone, or now on a ticket (indexed with the ticket): no row here.
        if let Some((summary, body)) = found {
            let text = IndexText::of(&[&summary, &body]);
            self.index
                .insert
                .execute(params![id, text.words, text.cjk1, text.cjk2])?;
        }
        Ok(())
    }
}
