//! Rows sent to PostgreSQL by `COPY … FROM STDIN` in its text format: the
//! fast way in for many rows (one statement per batch, no per-row round
//! trip, no plan), used by `copy` into a server and by a load's search
//! index ([`index_marked`]).
//!
//! The text format is read by each column's own input function, so the
//! driver's engine-neutral values need no knowledge of the column types:
//! an integer written as digits is read as BIGINT, INTEGER or BOOLEAN
//! (`0`/`1` are booleans' input too), a blob as BYTEA's hex form.

use super::StoreError;
use super::bulk::Loaded;
use super::sql::{Db, Row, ToParam, ValueRef, params};
use crate::domain::fulltext::{IndexText, separated_words};
use std::collections::VecDeque;
use std::io::Write;

/// Bytes of COPY input gathered before they are sent: large enough that
/// the statement's own cost vanishes, small enough to bound the memory.
pub const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// Rows of one table gathered for `COPY table (columns) FROM STDIN`.
pub struct CopyBatch {
    sql: String,
    data: Vec<u8>,
    rows: u64,
    /// Whether the row being written has a column yet (for the tab).
    in_row: bool,
}

impl CopyBatch {
    /// A batch for `table`'s `columns`, names from the schema's catalog or
    /// the store's constants (quoted all the same).
    pub fn new(table: &str, columns: &[impl AsRef<str>]) -> CopyBatch {
        let quoted: Vec<String> = columns.iter().map(|c| quote(c.as_ref())).collect();
        CopyBatch {
            sql: format!("COPY {} ({}) FROM STDIN", quote(table), quoted.join(", ")),
            data: Vec::with_capacity(BATCH_BYTES + 64 * 1024),
            rows: 0,
            in_row: false,
        }
    }

    /// One column of the current row.
    pub fn value(&mut self, value: ValueRef) {
        if self.in_row {
            self.data.push(b'\t');
        }
        self.in_row = true;
        match value {
            ValueRef::Null => self.data.extend_from_slice(b"\\N"),
            // Writing to a Vec cannot fail.
            ValueRef::Integer(i) => {
                let _ = write!(self.data, "{i}");
            }
            ValueRef::Real(f) => self.real(f),
            ValueRef::Text(s) => self.text(s),
            ValueRef::Blob(b) => {
                // BYTEA's hex input `\x…`, its backslash escaped for COPY.
                self.data.extend_from_slice(b"\\\\x");
                for byte in b {
                    write_hex(&mut self.data, *byte);
                }
            }
        }
    }

    /// Ends the current row.
    pub fn end_row(&mut self) {
        self.data.push(b'\n');
        self.rows += 1;
        self.in_row = false;
    }

    /// Rows gathered and not yet sent.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Whether the batch is big enough to send.
    pub fn full(&self) -> bool {
        self.data.len() >= BATCH_BYTES
    }

    /// Sends the rows gathered (if any) inside `db`'s transaction.
    pub fn send(&mut self, db: Db) -> Result<u64, StoreError> {
        if self.rows == 0 {
            return Ok(0);
        }
        let written = db.copy_in(&self.sql, &self.data)?;
        if written != self.rows {
            return Err(StoreError::Sqlite(format!(
                "COPY wrote {written} rows of {}: {}",
                self.rows, self.sql
            )));
        }
        self.data.clear();
        self.rows = 0;
        Ok(written)
    }

    fn real(&mut self, f: f64) {
        let text = if f.is_nan() {
            "NaN".to_string()
        } else if f.is_infinite() {
            if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
        } else {
            // Rust's shortest form that reads back as the same f64
            // (`1e300`, `0.1`), which float8in reads.
            format!("{f:?}")
        };
        self.data.extend_from_slice(text.as_bytes());
    }

    /// Text with COPY's escapes: backslash, and the characters that end a
    /// column or a row.
    fn text(&mut self, s: &str) {
        for byte in s.bytes() {
            match byte {
                b'\\' => self.data.extend_from_slice(b"\\\\"),
                b'\t' => self.data.extend_from_slice(b"\\t"),
                b'\n' => self.data.extend_from_slice(b"\\n"),
                b'\r' => self.data.extend_from_slice(b"\\r"),
                other => self.data.push(other),
            }
        }
    }
}

/// Ids a load's writer takes from a table's sequence at a time: one round
/// trip per block; what a load leaves unused is a gap, as a rolled-back
/// insert leaves one.
const ID_BLOCK: i64 = 10_000;

/// The rows of a load's writer on PostgreSQL (see `Tx::load_writer`),
/// gathered per table and sent by COPY, every table's batch at once in the
/// order of the foreign keys when one is full. The ids the writer hands
/// back are given in the rows, taken in blocks from the tables' own
/// sequences (`nextval`), so the server numbers what comes after past them.
pub struct Gathered<'a> {
    db: Db<'a>,
    /// One per [`Loaded`], in its order.
    batches: Vec<CopyBatch>,
    /// The ids taken and not yet given, per [`Loaded`].
    ids: Vec<VecDeque<i64>>,
    /// Customers' last contacts (id, at), applied by one UPDATE at the end.
    touches: Option<CopyBatch>,
}

impl<'a> Gathered<'a> {
    pub fn new(db: Db<'a>) -> Gathered<'a> {
        let batches = Loaded::ALL
            .iter()
            .map(|table| {
                let mut columns: Vec<&str> = Vec::new();
                if table.numbered() {
                    columns.push("id");
                }
                columns.extend(table.columns());
                CopyBatch::new(table.table(), &columns)
            })
            .collect();
        Gathered {
            db,
            batches,
            ids: vec![VecDeque::new(); Loaded::ALL.len()],
            touches: None,
        }
    }

    /// Gathers one row; its id where the table is numbered, else 0.
    pub fn row(&mut self, table: Loaded, values: &[&dyn ToParam]) -> Result<i64, StoreError> {
        let id = if table.numbered() { self.next_id(table)? } else { 0 };
        let batch = &mut self.batches[table as usize];
        if table.numbered() {
            batch.value(ValueRef::Integer(id));
        }
        for value in values {
            batch.value(value.param());
        }
        batch.end_row();
        if batch.full() {
            self.send()?;
        }
        Ok(id)
    }

    fn next_id(&mut self, table: Loaded) -> Result<i64, StoreError> {
        let ids = &mut self.ids[table as usize];
        if ids.is_empty() {
            // `nextval` alone: an agent's login may use the sequences,
            // not set them. The table name comes from the store's
            // constants.
            let taken: Vec<i64> = self.db.query_map(
                &format!(
                    "SELECT nextval(pg_get_serial_sequence('{}', 'id')) FROM generate_series(1, {ID_BLOCK})",
                    table.table()
                ),
                params![],
                |r| r.get(0),
            )?;
            ids.extend(taken);
        }
        ids.pop_front()
            .ok_or_else(|| StoreError::Sqlite(format!("no id taken for {}", table.table())))
    }

    /// Sends every table's rows, parents first.
    fn send(&mut self) -> Result<(), StoreError> {
        for batch in &mut self.batches {
            batch.send(self.db)?;
        }
        Ok(())
    }

    /// Notes contact with a customer at `at` (as `touch_customer`).
    pub fn touch(&mut self, id: i64, at: i64) -> Result<(), StoreError> {
        if self.touches.is_none() {
            self.db.execute(
                "CREATE TEMP TABLE frontdesk_touches (id BIGINT NOT NULL, at BIGINT NOT NULL) ON COMMIT DROP",
                params![],
            )?;
        }
        let touches = self
            .touches
            .get_or_insert_with(|| CopyBatch::new("frontdesk_touches", &["id", "at"]));
        touches.value(ValueRef::Integer(id));
        touches.value(ValueRef::Integer(at));
        touches.end_row();
        if touches.full() {
            touches.send(self.db)?;
        }
        Ok(())
    }

    /// Sends the rest, then moves each touched customer's last contact
    /// forward as `touch_customer` does, in one statement.
    pub fn finish(&mut self) -> Result<(), StoreError> {
        self.send()?;
        if let Some(mut touches) = self.touches.take() {
            touches.send(self.db)?;
            self.db.execute(
                "UPDATE customers c SET last_activity_at = greatest(coalesce(c.last_activity_at, 0), t.at)
                   FROM (SELECT id, max(at) AS at FROM frontdesk_touches GROUP BY id) t
                  WHERE c.id = t.id",
                params![],
            )?;
            self.db.execute("DROP TABLE frontdesk_touches", params![])?;
        }
        Ok(())
    }
}

/// Writes the search rows of everything marked in `search_dirty`, as the
/// store's flush before a commit would, in a few statements instead of
/// three round trips per record: after a load of a hundred thousand
/// tickets and contacts the flush's round trips were three quarters of
/// the time. The marked records' rows are deleted, the texts read in two
/// ordered scans (tickets beside their interactions), the new rows sent by
/// COPY, and the marks emptied, so the flush at the commit finds nothing.
pub fn index_marked(db: Db) -> Result<(), StoreError> {
    db.execute(
        "DELETE FROM ticket_text WHERE id IN (SELECT id FROM search_dirty WHERE kind = 'ticket')",
        params![],
    )?;
    db.execute(
        "DELETE FROM contact_text WHERE id IN (SELECT id FROM search_dirty WHERE kind = 'contact')",
        params![],
    )?;
    let names = |list: &[&str]| list.iter().map(|c| (*c).to_string()).collect::<Vec<_>>();
    let mut batch = CopyBatch::new(
        "ticket_text",
        &names(&[
            "id",
            "subject_words",
            "subject_cjk1",
            "subject_cjk2",
            "words",
            "cjk1",
            "cjk2",
        ]),
    );
    let mut tickets = db.prepare_once(
        "SELECT t.id, t.subject, t.description FROM tickets t
           JOIN search_dirty d ON d.kind = 'ticket' AND d.id = t.id ORDER BY t.id",
    )?;
    let mut contacts = db.prepare_once(
        "SELECT i.ticket_id, i.summary, i.body FROM interactions i
           JOIN search_dirty d ON d.kind = 'ticket' AND d.id = i.ticket_id ORDER BY i.ticket_id, i.at, i.id",
    )?;
    let mut contact_rows = contacts.query(params![])?;
    let mut pending = contact_rows.next()?;
    let mut rows = tickets.query(params![])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let head = IndexText::of(&[text_at(&row, 1)?]);
        let mut rest = IndexText::of(&[text_at(&row, 2)?]);
        while let Some(contact) = &pending {
            let ticket: i64 = contact.get(0)?;
            if ticket > id {
                break;
            }
            if ticket == id {
                rest.add(text_at(contact, 1)?);
                rest.add(text_at(contact, 2)?);
            }
            pending = contact_rows.next()?;
        }
        batch.value(ValueRef::Integer(id));
        index_columns(&mut batch, &head);
        index_columns(&mut batch, &rest);
        batch.end_row();
        if batch.full() {
            batch.send(db)?;
        }
    }
    batch.send(db)?;
    let mut batch = CopyBatch::new("contact_text", &["id", "words", "cjk1", "cjk2"]);
    let mut ticketless = db.prepare_once(
        "SELECT i.id, i.summary, i.body FROM interactions i
           JOIN search_dirty d ON d.kind = 'contact' AND d.id = i.id
          WHERE i.ticket_id IS NULL ORDER BY i.id",
    )?;
    let mut rows = ticketless.query(params![])?;
    while let Some(row) = rows.next()? {
        let text = IndexText::of(&[text_at(&row, 1)?, text_at(&row, 2)?]);
        batch.value(ValueRef::Integer(row.get(0)?));
        index_columns(&mut batch, &text);
        batch.end_row();
        if batch.full() {
            batch.send(db)?;
        }
    }
    batch.send(db)?;
    db.execute("DELETE FROM search_dirty", params![])?;
    Ok(())
}

/// The three columns of one text: its words as FTS5 splits them (as the
/// flush writes them, so both engines see one token list), then the CJK
/// unigrams and bigrams.
fn index_columns(batch: &mut CopyBatch, text: &IndexText) {
    batch.value(ValueRef::Text(&separated_words(&text.words)));
    batch.value(ValueRef::Text(&text.cjk1));
    batch.value(ValueRef::Text(&text.cjk2));
}

/// Column `at` of `row` as text; empty when it holds none.
fn text_at<'r>(row: &'r Row, at: usize) -> Result<&'r str, StoreError> {
    Ok(row.value(at)?.as_str().unwrap_or(""))
}

fn write_hex(out: &mut Vec<u8>, byte: u8) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push(DIGITS[usize::from(byte >> 4)]);
    out.push(DIGITS[usize::from(byte & 0x0f)]);
}

/// An identifier quoted for PostgreSQL.
fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_in_copys_text_form() {
        let mut batch = CopyBatch::new("t", &["a", "b\"c"]);
        assert_eq!(batch.sql, "COPY \"t\" (\"a\", \"b\"\"c\") FROM STDIN");
        batch.value(ValueRef::Integer(-7));
        batch.value(ValueRef::Null);
        batch.end_row();
        batch.value(ValueRef::Text("a\\b\tc\nd\re 工单"));
        batch.value(ValueRef::Blob(&[0x00, 0xff, 0x10]));
        batch.end_row();
        batch.value(ValueRef::Real(0.1));
        batch.value(ValueRef::Real(f64::NEG_INFINITY));
        batch.end_row();
        assert_eq!(
            String::from_utf8(batch.data.clone()).unwrap(),
            "-7\t\\N\na\\\\b\\tc\\nd\\re 工单\t\\\\x00ff10\n0.1\t-Infinity\n"
        );
        assert_eq!(batch.rows(), 3);
        assert!(!batch.full());
    }
}
