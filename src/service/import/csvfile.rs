//! Reading a CSV export as other systems write them: a header row, quoted
//! fields with line breaks, a byte-order mark, and bare carriage returns
//! inside unquoted fields (which a strict reader would split into two rows).

use crate::domain::error::Invalid;

/// One data row: its line number in the file (for error messages) and fields.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

#[derive(Debug)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

pub fn read(bytes: &[u8], file: &str) -> Result<Table, Invalid> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Records end at '\n' only; a '\r' before it is trimmed below, and a bare
    // '\r' stays part of its field.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(bytes);
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    // Line numbers come from byte offsets: the reader's own count skips blank lines.
    let (mut counted_to, mut line) = (0usize, 1u64);
    for record in reader.byte_records() {
        let record = record.map_err(|e| {
            Invalid::new(
                "file",
                file,
                crate::domain::error::Reason::File(crate::domain::error::FileProblem::NotCsv { detail: e.to_string() }),
            )
        })?;
        let mut start = record
            .position()
            .map_or(counted_to, |p| p.byte() as usize)
            .min(bytes.len());
        // A record's position includes the blank lines skipped before it.
        while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
            start += 1;
        }
        if start > counted_to {
            line += bytes[counted_to..start].iter().filter(|b| **b == b'\n').count() as u64;
            counted_to = start;
        }
        let mut fields = Vec::with_capacity(record.len());
        for (index, raw) in record.iter().enumerate() {
            let raw = if index + 1 == record.len() {
                raw.strip_suffix(b"\r").unwrap_or(raw)
            } else {
                raw
            };
            let text = std::str::from_utf8(raw).map_err(|_| {
                Invalid::new(
                    "file",
                    file,
                    crate::domain::error::Reason::File(crate::domain::error::FileProblem::LineNotUtf8 { line }),
                )
            })?;
            fields.push(text.to_string());
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        match &header {
            None => header = Some(fields),
            Some(h) if fields.len() != h.len() => {
                // The file is the value, the line and the fault the reason:
                // `invalid file "f.csv": line 2 has 3 fields; the header (line 1) has 2`.
                return Err(Invalid::new(
                    "file",
                    file,
                    crate::domain::error::Reason::File(crate::domain::error::FileProblem::FieldCount {
                        line,
                        found: fields.len(),
                        header: h.len(),
                    }),
                ));
            }
            Some(_) => rows.push(Row { line, fields }),
        }
    }
    let header = header.ok_or_else(|| {
        Invalid::new(
            "file",
            file,
            crate::domain::error::Reason::File(crate::domain::error::FileProblem::Empty),
        )
    })?;
    Ok(Table { header, rows })
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
