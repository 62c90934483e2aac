//! Reading a CSV export as other systems write them: a header row, quoted
//! fields with line breaks, a byte-order mark, and bare carriage returns
//! inside unquoted fields (which a strict reader would split into two rows).
//!
//! Rows are read one at a time ([`open`] then [`Rows::next_row`]), so an
//! import of a large file holds one row, not the whole file as strings.

use crate::domain::error::{FileProblem, Invalid, Reason};

/// One data row: its line number in the file (for error messages) and fields.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

#[cfg(test)]
#[derive(Debug)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// The data rows of a file after its header, read on demand.
pub struct Rows<'a> {
    bytes: &'a [u8],
    file: &'a str,
    reader: csv::Reader<&'a [u8]>,
    record: csv::ByteRecord,
    header_len: usize,
    // Line numbers come from byte offsets: the reader's own count skips blank lines.
    counted_to: usize,
    line: u64,
}

/// Reads the whole file (the tests' way to see what a pass yields).
#[cfg(test)]
pub fn read(bytes: &[u8], file: &str) -> Result<Table, Invalid> {
    let (header, mut rows) = open(bytes, file)?;
    let mut all = Vec::new();
    while let Some(row) = rows.next_row()? {
        all.push(row);
    }
    Ok(Table { header, rows: all })
}

/// The header of a file and a reader of the rows after it.
pub fn open<'a>(bytes: &'a [u8], file: &'a str) -> Result<(Vec<String>, Rows<'a>), Invalid> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Records end at '\n' only; a '\r' before it is trimmed below, and a bare
    // '\r' stays part of its field.
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(bytes);
    let mut rows = Rows {
        bytes,
        file,
        reader,
        record: csv::ByteRecord::new(),
        header_len: 0,
        counted_to: 0,
        line: 1,
    };
    let header = rows
        .next_fields()?
        .map(|(_, fields)| fields)
        .ok_or_else(|| Invalid::new("file", file, Reason::File(FileProblem::Empty)))?;
    rows.header_len = header.len();
    Ok((header, rows))
}

impl Rows<'_> {
    /// The next data row, `None` after the last; a row with another number
    /// of fields than the header is refused.
    pub fn next_row(&mut self) -> Result<Option<Row>, Invalid> {
        let Some((line, fields)) = self.next_fields()? else {
            return Ok(None);
        };
        if fields.len() != self.header_len {
            // The file is the value, the line and the fault the reason:
            // `invalid file "f.csv": line 2 has 3 fields; the header (line 1) has 2`.
            return Err(Invalid::new(
                "file",
                self.file,
                Reason::File(FileProblem::FieldCount {
                    line,
                    found: fields.len(),
                    header: self.header_len,
                }),
            ));
        }
        Ok(Some(Row { line, fields }))
    }

    /// How far into the file the reader is (bytes), for progress.
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }

    /// The next record that is not blank, with its line number.
    fn next_fields(&mut self) -> Result<Option<(u64, Vec<String>)>, Invalid> {
        loop {
            let more = self.reader.read_byte_record(&mut self.record).map_err(|e| {
                Invalid::new(
                    "file",
                    self.file,
                    Reason::File(FileProblem::NotCsv { detail: e.to_string() }),
                )
            })?;
            if !more {
                return Ok(None);
            }
            let bytes = self.bytes;
            let mut start = self
                .record
                .position()
                .map_or(self.counted_to, |p| p.byte() as usize)
                .min(bytes.len());
            // A record's position includes the blank lines skipped before it.
            while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
                start += 1;
            }
            if start > self.counted_to {
                self.line += bytes[self.counted_to..start].iter().filter(|b| **b == b'\n').count() as u64;
                self.counted_to = start;
            }
            let line = self.line;
            let count = self.record.len();
            let mut fields = Vec::with_capacity(count);
            for (index, raw) in self.record.iter().enumerate() {
                let raw = if index + 1 == count {
                    raw.strip_suffix(b"\r").unwrap_or(raw)
                } else {
                    raw
                };
                let text = std::str::from_utf8(raw)
                    .map_err(|_| Invalid::new("file", self.file, Reason::File(FileProblem::LineNotUtf8 { line })))?;
                fields.push(text.to_string());
            }
            if !fields.iter().all(|f| f.trim().is_empty()) {
                return Ok(Some((line, fields)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_exports_contain() {
        let text = "\u{feff}name,notes\r\n张三,\"two\nlines\"\r\nbare,a\rb\n\n李四,\n";
        let table = read(text.as_bytes(), "x.csv").unwrap();
        assert_eq!(table.header, vec!["name", "notes"]);
        let rows: Vec<(u64, Vec<&str>)> = table
            .rows
            .iter()
            .map(|r| (r.line, r.fields.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (2, vec!["张三", "two\nlines"]),
                (4, vec!["bare", "a\rb"]),
                (6, vec!["李四", ""])
            ]
        );
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(read(b"", "x.csv").is_err());
        let err = read(b"a,b\n1,2,3\n", "x.csv").unwrap_err();
        let fields = crate::domain::error::FileProblem::FieldCount {
            line: 2,
            found: 3,
            header: 2,
        };
        assert_eq!((err.field.as_str(), err.value.as_str()), ("file", "x.csv"));
        assert_eq!(err.reason, crate::domain::error::Reason::File(fields));
        let err = read(b"a\n\xff\n", "x.csv").unwrap_err();
        assert_eq!(
            err.reason,
            crate::domain::error::Reason::File(crate::domain::error::FileProblem::LineNotUtf8 { line: 2 })
        );
    }
}
