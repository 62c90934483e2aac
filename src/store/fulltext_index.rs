//! Keeps the full-text index exact: the triggers of migration 0011 record
//! in `search_dirty` which tickets and ticketless interactions changed; just
//! before every commit the store rewrites their index rows from the texts
//! as they now are. Rewriting whole rows in Rust (not in the triggers) is
//! what lets frontdesk build the index text itself (see
//! `domain::fulltext`) while the sqlite3 shell can still write the file.

use super::sql::{Db, Dialect, Row, Stmt, ToParam, params};
use super::{StoreError, Tx};
use crate::domain::fulltext::{IndexText, separated_words};
use rusqlite::Connection;

impl Tx<'_> {
    /// Rewrites the index rows `search_dirty` names and empties it. When
    /// nothing changed this costs one probe of `search_dirty`. Statements
    /// are prepared once per flush, so a load of 200k tickets is one pass.
    /// Both engines keep their index this way (PostgreSQL's tables derive
    /// their tsvector from the texts written here).
    pub(super) fn flush_search_index(&self) -> Result<(), StoreError> {
        let dirty: Vec<(String, i64)> = self.db.query_map("SELECT kind, id FROM search_dirty", params![], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        if dirty.is_empty() {
            return Ok(());
        }
        let mut tickets = TicketRows::prepare(self.db)?;
        let mut contacts = ContactRows::prepare(self.db)?;
        for (kind, id) in dirty {
            match kind.as_str() {
                "ticket" => tickets.rewrite(id)?,
                _ => contacts.rewrite(id)?,
            }
        }
        self.db.execute("DELETE FROM search_dirty", params![])?;
        Ok(())
    }
}

const TICKET_TEXT: &str = "ticket_text";
const TICKET_TEXT_COLUMNS: &[&str] = &["subject_words", "subject_cjk1", "subject_cjk2", "words", "cjk1", "cjk2"];
const CONTACT_TEXT: &str = "contact_text";
const CONTACT_TEXT_COLUMNS: &[&str] = &["words", "cjk1", "cjk2"];

/// One index table's rows, replaced whole. SQLite's FTS5 table is keyed by
/// `rowid` and cannot be upserted: a row is dropped (when indexed) and
/// written anew. PostgreSQL's is a plain table keyed by `id`: one upsert,
/// or a delete when the record is gone.
struct IndexRows<'c> {
    /// SQLite only: whether the contentless table holds a row.
    indexed: Option<Stmt<'c>>,
    delete: Stmt<'c>,
    write: Stmt<'c>,
    /// PostgreSQL only: which texts are `words` columns, written as FTS5
    /// splits them (see `separated_words`) so both engines see one token
    /// list.
    words_at: Vec<usize>,
}

impl<'c> IndexRows<'c> {
    /// `table` and `columns` come from the constants of this file.
    fn prepare(db: Db<'c>, table: &str, names: &[&str]) -> Result<Self, StoreError> {
        let slots: Vec<String> = (2..=names.len() + 1).map(|n| format!("?{n}")).collect();
        let (columns, slots) = (names.join(", "), slots.join(", "));
        Ok(match db.dialect() {
            Dialect::Sqlite => IndexRows {
                // A contentless table cannot say whether it holds a row; its
                // docsize shadow table can (one row per indexed document).
                indexed: Some(db.prepare(&format!("SELECT 1 FROM {table}_docsize WHERE id = ?1"))?),
                delete: db.prepare(&format!("DELETE FROM {table} WHERE rowid = ?1"))?,
                write: db.prepare(&format!("INSERT INTO {table} (rowid, {columns}) VALUES (?1, {slots})"))?,
                words_at: Vec::new(),
            },
            Dialect::Postgres => {
                let updates: Vec<String> = names.iter().map(|c| format!("{c} = excluded.{c}")).collect();
                IndexRows {
                    indexed: None,
                    delete: db.prepare(&format!("DELETE FROM {table} WHERE id = ?1"))?,
                    write: db.prepare(&format!(
                        "INSERT INTO {table} (id, {columns}) VALUES (?1, {slots})
                         ON CONFLICT (id) DO UPDATE SET {}",
                        updates.join(", ")
                    ))?,
                    words_at: (0..names.len()).filter(|&i| names[i].ends_with("words")).collect(),
                }
            }
        })
    }

    /// Makes row `id` hold `texts` (the table's columns in order), or
    /// removes it when `texts` is None (the record is gone or not indexed
    /// in this table).
    fn replace(&mut self, id: i64, texts: Option<&[&str]>) -> Result<(), StoreError> {
        if let Some(indexed) = &mut self.indexed {
            // Deleting an absent row from a contentless-delete table would
            // still record a tombstone: probe first.
            if indexed.exists([id])? {
                self.delete.execute([id])?;
            }
        } else if texts.is_none() {
            self.delete.execute([id])?;
        }
        if let Some(texts) = texts {
            if !self.words_at.is_empty() {
                let split: Vec<String> = texts
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        if self.words_at.contains(&i) {
                            separated_words(t)
                        } else {
                            (*t).to_string()
                        }
                    })
                    .collect();
                let split: Vec<&str> = split.iter().map(String::as_str).collect();
                return self.insert(id, &split);
            }
            self.insert(id, texts)?;
        }
        Ok(())
    }

    /// Binds from an array on the stack: this runs for every row a load
    /// indexes.
    fn insert(&mut self, id: i64, texts: &[&str]) -> Result<(), StoreError> {
        let mut values: [&dyn ToParam; 1 + TICKET_TEXT_COLUMNS.len()] = [&id; 1 + TICKET_TEXT_COLUMNS.len()];
        for (slot, text) in values[1..].iter_mut().zip(texts) {
            *slot = text;
        }
        self.write.execute(&values[..=texts.len()])?;
        Ok(())
    }
}

/// Rewrites `ticket_text` rows.
struct TicketRows<'c> {
    ticket: Stmt<'c>,
    interactions: Stmt<'c>,
    index: IndexRows<'c>,
}

impl<'c> TicketRows<'c> {
    fn prepare(db: Db<'c>) -> Result<Self, StoreError> {
        Ok(TicketRows {
            ticket: db.prepare("SELECT subject, description FROM tickets WHERE id = ?1")?,
            interactions: db.prepare("SELECT summary, body FROM interactions WHERE ticket_id = ?1 ORDER BY at, id")?,
            index: IndexRows::prepare(db, TICKET_TEXT, TICKET_TEXT_COLUMNS)?,
        })
    }

    fn rewrite(&mut self, id: i64) -> Result<(), StoreError> {
        let Some(mut text) = self.ticket.query_opt([id], |r| TicketText::new(r, 0))? else {
            return self.index.replace(id, None); // deleted: its row goes
        };
        let mut rows = self.interactions.query([id])?;
        while let Some(row) = rows.next()? {
            text.add_interaction(&row, 0)?;
        }
        text.write(&mut self.index, id)
    }
}

/// Column `at` of `row` as text; empty when it holds none.
fn text_at<'r>(row: &'r Row, at: usize) -> Result<&'r str, StoreError> {
    Ok(row.value(at)?.as_str().unwrap_or(""))
}

/// One ticket's index row as it is built: the subject, then the
/// description and each interaction's summary and body in time order.
struct TicketText {
    head: IndexText,
    rest: IndexText,
}

impl TicketText {
    /// From the subject and description at columns `at` and `at + 1`.
    fn new(row: &Row, at: usize) -> Result<Self, StoreError> {
        Ok(TicketText {
            head: IndexText::of(&[text_at(row, at)?]),
            rest: IndexText::of(&[text_at(row, at + 1)?]),
        })
    }

    /// Adds the summary and body found at columns `at` and `at + 1`.
    fn add_interaction(&mut self, row: &Row, at: usize) -> Result<(), StoreError> {
        self.rest.add(text_at(row, at)?);
        self.rest.add(text_at(row, at + 1)?);
        Ok(())
    }

    fn write(self, index: &mut IndexRows, id: i64) -> Result<(), StoreError> {
        let (head, rest) = (self.head, self.rest);
        index.replace(
            id,
            Some(&[
                head.words.as_str(),
                head.cjk1.as_str(),
                head.cjk2.as_str(),
                rest.words.as_str(),
                rest.cjk1.as_str(),
                rest.cjk2.as_str(),
            ]),
        )
    }
}

/// One ticketless interaction's index texts, from its summary and body at
/// columns `at` and `at + 1`.
fn contact_text(row: &Row, at: usize) -> Result<IndexText, StoreError> {
    Ok(IndexText::of(&[text_at(row, at)?, text_at(row, at + 1)?]))
}

fn write_contact(index: &mut IndexRows, id: i64, text: Option<&IndexText>) -> Result<(), StoreError> {
    match text {
        Some(t) => index.replace(id, Some(&[t.words.as_str(), t.cjk1.as_str(), t.cjk2.as_str()])),
        None => index.replace(id, None),
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

/// Marks the tickets from before a load (ids up to `?2`) that gained
/// contacts in it (ids after `?1`), found among the load's rows by id:
/// `+` keeps the planner off the ticket index, which would read every
/// contact of a large file.
pub(super) const CONTACTS_ON_EARLIER_TICKETS_SQL: &str = "INSERT OR IGNORE INTO search_dirty (kind, id)
     SELECT DISTINCT 'ticket', ticket_id FROM interactions WHERE id > ?1 AND +ticket_id <= ?2";

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
    let db = Db::sqlite(conn);
    // A new file has no tickets from before the load.
    if start.last_ticket > 0 {
        db.execute(
            CONTACTS_ON_EARLIER_TICKETS_SQL,
            params![start.last_interaction, start.last_ticket],
        )?;
    }
    let mut index = IndexRows::prepare(db, TICKET_TEXT, TICKET_TEXT_COLUMNS)?;
    let mut tickets = db.prepare_once("SELECT id, subject, description FROM tickets WHERE id > ?1 ORDER BY id")?;
    let mut contacts = db.prepare_once(
        "SELECT ticket_id, summary, body FROM interactions WHERE ticket_id > ?1 ORDER BY ticket_id, at, id",
    )?;
    let mut contact_rows = contacts.query([start.last_ticket])?;
    let mut pending = contact_rows.next()?;
    let mut rows = tickets.query([start.last_ticket])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let mut text = TicketText::new(&row, 1)?;
        while let Some(contact) = &pending {
            let ticket: i64 = contact.get(0)?;
            if ticket > id {
                break;
            }
            if ticket == id {
                text.add_interaction(contact, 1)?;
            }
            pending = contact_rows.next()?;
        }
        text.write(&mut index, id)?;
    }
    let mut index = IndexRows::prepare(db, CONTACT_TEXT, CONTACT_TEXT_COLUMNS)?;
    let mut ticketless =
        db.prepare_once("SELECT id, summary, body FROM interactions WHERE id > ?1 AND ticket_id IS NULL ORDER BY id")?;
    let mut rows = ticketless.query([start.last_interaction])?;
    while let Some(row) = rows.next()? {
        write_contact(&mut index, row.get(0)?, Some(&contact_text(&row, 1)?))?;
    }
    Ok(())
}

/// Rewrites `contact_text` rows.
struct ContactRows<'c> {
    interaction: Stmt<'c>,
    index: IndexRows<'c>,
}

impl<'c> ContactRows<'c> {
    fn prepare(db: Db<'c>) -> Result<Self, StoreError> {
        Ok(ContactRows {
            interaction: db.prepare("SELECT summary, body FROM interactions WHERE id = ?1 AND ticket_id IS NULL")?,
            index: IndexRows::prepare(db, CONTACT_TEXT, CONTACT_TEXT_COLUMNS)?,
        })
    }

    fn rewrite(&mut self, id: i64) -> Result<(), StoreError> {
        // Gone, or now on a ticket (indexed with the ticket): no row here.
        let text = self.interaction.query_opt([id], |r| contact_text(r, 0))?;
        write_contact(&mut self.index, id, text.as_ref())
    }
}
