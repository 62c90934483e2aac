//! The search index of what a bulk load wrote. Its insert triggers are
//! suspended for the load; at the end its tickets and ticketless contacts
//! are read back in one ordered pass and indexed exactly as the flush
//! would have indexed them one by one. Into an empty index (a new file),
//! for a load that allows texts to wait for it (`LoadShape::search_backlog_mib`),
//! the rows are built on a helper thread (see `fulltext_aside`) while this
//! connection finishes the load's other work.

use super::StoreError;
use super::fulltext_aside::Aside;
use super::fulltext_index::{DocIndex, LoadedDoc};
use super::sql::{Db, Row, params};
use rusqlite::Connection;

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
/// load instead indexes its rows in one ordered pass ([`begin`]).
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

/// The indexing of a load's rows once [`begin`] has read them.
pub(super) enum LoadIndexing {
    /// Written on this connection already.
    Done,
    /// Being built on a helper thread; [`LoadIndexing::finish`] puts it in.
    Aside(Aside, LoadStart),
}

/// Starts indexing everything a bulk load inserted while the insert
/// triggers were suspended: new tickets in one pass over them and their
/// interactions (both in ticket order, the interactions by the
/// `interactions_ticket` index), new ticketless interactions in id order,
/// and tickets from before the load that gained interactions marked in
/// `search_dirty` for the flush. An empty index is built aside, the texts
/// read ahead of the helper by at most `backlog_mib` mebibytes; any other,
/// or any index when `backlog_mib` is 0, is written here and now.
pub(super) fn begin(conn: &Connection, start: LoadStart, backlog_mib: usize) -> Result<LoadIndexing, StoreError> {
    // A new file has no tickets from before the load.
    if start.last_ticket > 0 {
        Db::sqlite(conn).execute(
            CONTACTS_ON_EARLIER_TICKETS_SQL,
            params![start.last_interaction, start.last_ticket],
        )?;
    }
    if let Some(mut aside) = Aside::start(conn, backlog_mib)? {
        each_loaded(conn, start, |doc| {
            aside.send(doc);
            Ok(())
        })?;
        return Ok(LoadIndexing::Aside(aside, start));
    }
    index_here(conn, start)?;
    Ok(LoadIndexing::Done)
}

impl LoadIndexing {
    /// Puts the rows built aside into the index; should the helper have
    /// failed, builds them here instead.
    pub(super) fn finish(self, conn: &Connection) -> Result<(), StoreError> {
        match self {
            LoadIndexing::Done => Ok(()),
            LoadIndexing::Aside(aside, start) => {
                if aside.finish(conn)? {
                    Ok(())
                } else {
                    index_here(conn, start)
                }
            }
        }
    }
}

fn index_here(conn: &Connection, start: LoadStart) -> Result<(), StoreError> {
    let mut index = DocIndex::prepare(Db::sqlite(conn))?;
    each_loaded(conn, start, |doc| index.write(&doc))
}

/// Each ticket the load wrote, in id order with its contacts, then each
/// ticketless contact it wrote, in id order.
fn each_loaded(
    conn: &Connection,
    start: LoadStart,
    mut each: impl FnMut(LoadedDoc) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let db = Db::sqlite(conn);
    let mut tickets = db.prepare_once("SELECT id, subject, description FROM tickets WHERE id > ?1 ORDER BY id")?;
    let mut contacts = db.prepare_once(
        "SELECT ticket_id, summary, body FROM interactions WHERE ticket_id > ?1 ORDER BY ticket_id, at, id",
    )?;
    let mut contact_rows = contacts.query([start.last_ticket])?;
    let mut pending = contact_rows.next()?;
    let mut rows = tickets.query([start.last_ticket])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let mut ticket_contacts = Vec::new();
        while let Some(contact) = &pending {
            let ticket: i64 = contact.get(0)?;
            if ticket > id {
                break;
            }
            if ticket == id {
                ticket_contacts.push((text(contact, 1)?, text(contact, 2)?));
            }
            pending = contact_rows.next()?;
        }
        each(LoadedDoc::Ticket {
            id,
            subject: text(&row, 1)?,
            description: text(&row, 2)?,
            contacts: ticket_contacts,
        })?;
    }
    let mut ticketless =
        db.prepare_once("SELECT id, summary, body FROM interactions WHERE id > ?1 AND ticket_id IS NULL ORDER BY id")?;
    let mut rows = ticketless.query([start.last_interaction])?;
    while let Some(row) = rows.next()? {
        each(LoadedDoc::Contact {
            id: row.get(0)?,
            summary: text(&row, 1)?,
            body: text(&row, 2)?,
        })?;
    }
    Ok(())
}

/// Column `at` of `row` as text; empty when it holds none.
fn text(row: &Row, at: usize) -> Result<String, StoreError> {
    Ok(row.value(at)?.as_str().unwrap_or("").to_string())
}
