//! Rows sent to PostgreSQL by `COPY … FROM STDIN` in its text format: the
//! fast way in for many rows (one statement per batch, no per-row round
//! trip, no plan), used by `copy` into a server.
//!
//! The text format is read by each column's own input function, so the
//! driver's engine-neutral values need no knowledge of the column types:
//! an integer written as digits is read as BIGINT, INTEGER or BOOLEAN
//! (`0`/`1` are booleans' input too), a blob as BYTEA's hex form.

use super::StoreError;
use super::sql::{Db, ValueRef};
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
    pub fn new(table: &str, columns: &[String]) -> CopyBatch {
        let quoted: Vec<String> = columns.iter().map(|c| quote(c)).collect();
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
        let mut batch = CopyBatch::new("t", &["a".to_string(), "b\"c".to_string()]);
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
