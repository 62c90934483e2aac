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
        let conn = self.conn;
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
        let conn = tx.conn;
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
        let head = IndexText::of(&[&subject]);
        let mut rest = IndexText::of(&[&description]);
        let mut rows = self.interactions.query([id])?;
        while let Some(row) = rows.next()? {
            rest.add(row.get_ref(0)?.as_str().unwrap_or(""));
            rest.add(row.get_ref(1)?.as_str().unwrap_or(""));
        }
        self.index.insert.execute(params![
            id, head.words, head.cjk1, head.cjk2, rest.words, rest.cjk1, rest.cjk2
        ])?;
        Ok(())
    }
}

/// Rewrites `contact_text` rows.
struct ContactRows<'a> {
    interaction: CachedStatement<'a>,
    index: IndexRows<'a>,
}

impl<'a> ContactRows<'a> {
    fn prepare(tx: &Tx<'a>) -> Result<Self, StoreError> {
        let conn = tx.conn;
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
