//! Keeps the full-text index exact: the triggers of migration 0011 record
//! in `search_dirty` which tickets and ticketless interactions changed; just
//! before every commit the store rewrites their index rows from the texts
//! as they now are. Rewriting whole rows in Rust (not in the triggers) is
//! what lets frontdesk build the index text itself (see
//! `domain::fulltext`) while the sqlite3 shell can still write the file.

use super::sql::{Db, Dialect, Row, Stmt, ToParam, params};
use super::{StoreError, Tx};
use crate::domain::fulltext::{IndexText, separated_words};

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

pub(super) const TICKET_TEXT: &str = "ticket_text";
const TICKET_TEXT_COLUMNS: &[&str] = &["subject_words", "subject_cjk1", "subject_cjk2", "words", "cjk1", "cjk2"];
pub(super) const CONTACT_TEXT: &str = "contact_text";
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
        Ok(TicketText::of(text_at(row, at)?, text_at(row, at + 1)?))
    }

    fn of(subject: &str, description: &str) -> Self {
        TicketText {
            head: IndexText::of(&[subject]),
            rest: IndexText::of(&[description]),
        }
    }

    /// Adds the summary and body found at columns `at` and `at + 1`.
    fn add_interaction(&mut self, row: &Row, at: usize) -> Result<(), StoreError> {
        self.add(text_at(row, at)?, text_at(row, at + 1)?);
        Ok(())
    }

    fn add(&mut self, summary: &str, body: &str) {
        self.rest.add(summary);
        self.rest.add(body);
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

/// A record a bulk load wrote, with the texts its index row is built from
/// (see `fulltext_load`), owned so that a helper thread can build the row.
pub(super) enum LoadedDoc {
    /// A ticket, its contacts in time order.
    Ticket {
        id: i64,
        subject: String,
        description: String,
        contacts: Vec<(String, String)>,
    },
    /// An interaction without a ticket: its summary and body.
    Contact { id: i64, summary: String, body: String },
}

impl LoadedDoc {
    /// Bytes of text it holds, to bound what waits for a helper.
    pub(super) fn text_len(&self) -> usize {
        match self {
            LoadedDoc::Ticket {
                subject,
                description,
                contacts,
                ..
            } => subject.len() + description.len() + contacts.iter().map(|(s, b)| s.len() + b.len()).sum::<usize>(),
            LoadedDoc::Contact { summary, body, .. } => summary.len() + body.len(),
        }
    }
}

/// Both index tables, written one loaded record at a time.
pub(super) struct DocIndex<'c> {
    tickets: IndexRows<'c>,
    contacts: IndexRows<'c>,
}

impl<'c> DocIndex<'c> {
    pub(super) fn prepare(db: Db<'c>) -> Result<Self, StoreError> {
        Ok(DocIndex {
            tickets: IndexRows::prepare(db, TICKET_TEXT, TICKET_TEXT_COLUMNS)?,
            contacts: IndexRows::prepare(db, CONTACT_TEXT, CONTACT_TEXT_COLUMNS)?,
        })
    }

    pub(super) fn write(&mut self, doc: &LoadedDoc) -> Result<(), StoreError> {
        match doc {
            LoadedDoc::Ticket {
                id,
                subject,
                description,
                contacts,
            } => {
                let mut text = TicketText::of(subject, description);
                for (summary, body) in contacts {
                    text.add(summary, body);
                }
                text.write(&mut self.tickets, *id)
            }
            LoadedDoc::Contact { id, summary, body } => {
                write_contact(&mut self.contacts, *id, Some(&IndexText::of(&[summary, body])))
            }
        }
    }
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
