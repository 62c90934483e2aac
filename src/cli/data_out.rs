//! The one rule for data written to standard output: bytes go out exactly
//! to a file or a pipe (so an export imports back unchanged), and are
//! neutralised on a terminal (so a customer name cannot retitle the window,
//! clear the screen or reorder the line it is on).
//!
//! Every data output (CSV exports, `report --format csv`, JSON) goes
//! through [`DataOut`]; the human tables sanitise their cells themselves.

use super::output::{json_text, output_error};
use crate::domain::text::sanitize_block;
use crate::service::Error;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

/// Standard output for data, chosen by whether it is a terminal.
pub fn stdout() -> DataOut<io::Stdout> {
    let out = io::stdout();
    let terminal = out.is_terminal();
    DataOut::new(out, terminal)
}

/// Bytes gathered before a write: standard output is line-buffered, so a
/// stream of records written to it directly costs a write per line.
const STREAM_BUFFER: usize = 64 * 1024;

/// Standard output for a stream of records: [`stdout`]'s rule over a large
/// buffer, flushed by [`DataOut::finish`].
pub fn buffered_stdout() -> DataOut<BufWriter<StdoutLock<'static>>> {
    let out = io::stdout();
    let terminal = out.is_terminal();
    DataOut::new(BufWriter::with_capacity(STREAM_BUFFER, out.lock()), terminal)
}

/// A JSON array written an element at a time, byte for byte what
/// [`super::output::print_json`] prints for the whole array: serde_json's
/// pretty layout (`[`, each element on its own lines indented two spaces,
/// `]`; `[]` when empty). A string never holds a raw line break, so
/// indenting every line of an element indents exactly its structure.
pub struct JsonArray<W: Write> {
    out: W,
    started: bool,
}

impl<W: Write> JsonArray<W> {
    pub fn new(out: W) -> Self {
        JsonArray { out, started: false }
    }

    pub fn push(&mut self, value: serde_json::Value) -> Result<(), Error> {
        let text = json_text(value)?;
        let lead: &[u8] = if self.started { b",\n  " } else { b"[\n  " };
        self.started = true;
        self.out.write_all(lead).map_err(output_error)?;
        self.out
            .write_all(text.replace('\n', "\n  ").as_bytes())
            .map_err(output_error)
    }

    /// Closes the array and gives the writer back.
    pub fn finish(mut self) -> Result<W, Error> {
        let close: &[u8] = if self.started { b"\n]\n" } else { b"[]\n" };
        self.out.write_all(close).map_err(output_error)?;
        Ok(self.out)
    }
}

/// Where exported records go as they come: a JSON array, or CSV rows under
/// a header, through [`buffered_stdout`].
pub enum Records {
    Json(JsonArray<DataOut<BufWriter<StdoutLock<'static>>>>),
    // Boxed: the CSV writer carries its own buffer inline.
    Csv(Box<csv::Writer<DataOut<BufWriter<StdoutLock<'static>>>>>),
}

impl Records {
    /// Starts the output: JSON, or CSV whose header is written now (an
    /// export of no records is its header).
    pub fn new(json: bool, header: &[&str]) -> Result<Records, Error> {
        let out = buffered_stdout();
        if json {
            return Ok(Records::Json(JsonArray::new(out)));
        }
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(header).map_err(csv_error)?;
        Ok(Records::Csv(Box::new(csv)))
    }

    /// One record: `json` makes its JSON value, `row` its CSV cells; only
    /// the one the output needs is called.
    pub fn put(
        &mut self,
        json: impl FnOnce() -> Result<serde_json::Value, Error>,
        row: impl FnOnce() -> Vec<String>,
    ) -> Result<(), Error> {
        match self {
            Records::Json(array) => array.push(json()?),
            Records::Csv(csv) => csv.write_record(row()).map_err(csv_error),
        }
    }

    /// A record whose JSON is its serde shape.
    pub fn put_serialized<T: serde::Serialize>(
        &mut self,
        record: &T,
        row: impl FnOnce(&T) -> Vec<String>,
    ) -> Result<(), Error> {
        let json = || serde_json::to_value(record).map_err(|e| Error::Output(e.to_string()));
        self.put(json, || row(record))
    }

    /// Ends the output and flushes it; a write that fails here fails the command.
    pub fn finish(self) -> Result<(), Error> {
        let out = match self {
            Records::Json(array) => array.finish()?,
            Records::Csv(csv) => csv.into_inner().map_err(|e| output_error(e.into_error()))?,
        };
        out.finish().map_err(output_error)?;
        Ok(())
    }
}

fn csv_error(e: csv::Error) -> Error {
    Error::Output(e.to_string())
}

/// Line and paragraph separators and NEL: the human outputs turn them into
/// line breaks, but in a data line that would split one record over two.
fn is_separator(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Text made safe for a terminal: control, escape, C1 and bidi characters
/// removed or replaced as every human output does, separators as spaces.
pub fn neutralise(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if is_separator(c) { ' ' } else { c }).collect();
    sanitize_block(&spaced).into_owned()
}

/// A writer that passes bytes through, or on a terminal neutralises them a
/// whole line at a time (an escape sequence never spans a line break, and a
/// whole line is whole UTF-8, so nothing is cut in half).
pub struct DataOut<W: Write> {
    inner: W,
    terminal: bool,
    /// On a terminal: the bytes of the line not yet complete.
    pending: Vec<u8>,
}

impl<W: Write> DataOut<W> {
    pub fn new(inner: W, terminal: bool) -> Self {
        DataOut {
            inner,
            terminal,
            pending: Vec::new(),
        }
    }

    fn write_neutralised(&mut self, bytes: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(bytes);
        self.inner.write_all(neutralise(&text).as_bytes())
    }

    /// Writes what is left of an unfinished last line, flushes, and gives
    /// the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.write_neutralised(&rest)?;
        }
        self.inner.flush()?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for DataOut<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.terminal {
            return self.inner.write(buf);
        }
        self.pending.extend_from_slice(buf);
        if let Some(end) = self.pending.iter().rposition(|b| *b == b'\n') {
            let lines: Vec<u8> = self.pending.drain(..=end).collect();
            self.write_neutralised(&lines)?;
        }
        Ok(buf.len())
    }

    /// Flushes the complete lines; an unfinished one waits for its end (or
    /// for [`DataOut::finish`]) so a sequence is never judged in halves.
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "张\u{1b}]0;owned\u{7}三\u{1b}[2J\u{9b}31m\u{202e}x\u{2028}y";

    fn through(terminal: bool, chunks: &[&[u8]]) -> Vec<u8> {
        let mut out = DataOut::new(Vec::new(), terminal);
        for chunk in chunks {
            out.write_all(chunk).unwrap();
        }
        out.finish().unwrap()
    }

    /// What `print_json` prints for the whole array.
    fn whole(values: &[serde_json::Value]) -> String {
        format!("{}\n", json_text(serde_json::Value::Array(values.to_vec())).unwrap())
    }

    fn streamed(values: &[serde_json::Value]) -> String {
        let mut array = JsonArray::new(Vec::new());
        for value in values {
            array.push(value.clone()).unwrap();
        }
        String::from_utf8(array.finish().unwrap()).unwrap()
    }

    #[test]
    fn a_streamed_array_prints_the_bytes_of_the_whole_one() {
        use serde_json::json;
        let cases: Vec<Vec<serde_json::Value>> = vec![
            vec![],
            vec![json!(1)],
            vec![json!({})],
            vec![json!([])],
            vec![
                json!({ "a": 1, "b": [1, 2, {"c": null}], "d": {}, "e": [] }),
                json!("x"),
            ],
            vec![
                json!({ "name": "张三\n\"引号\"", "tags": ["vip"], "sla": { "due": null } }),
                json!({ "name": HOSTILE }),
                json!([[], [[]], {"k": [{"k": "v"}]}]),
            ],
        ];
        for values in cases {
            assert_eq!(streamed(&values), whole(&values), "{values:?}");
        }
    }

    #[test]
    fn a_pipe_gets_the_exact_bytes() {
        let text = format!("name\n\"{HOSTILE}\"\n");
        assert_eq!(through(false, &[text.as_bytes()]), text.as_bytes());
    }

    #[test]
    fn a_terminal_gets_no_sequence_even_when_written_in_pieces() {
        let text = format!("name\n\"{HOSTILE}\"\nlast");
        let bytes = text.as_bytes();
        // Cut inside the OSC sequence and inside a multi-byte character.
        let cuts: [&[u8]; 3] = [&bytes[..9], &bytes[9..14], &bytes[14..]];
        let shown = String::from_utf8(through(true, &cuts)).unwrap();
        assert_eq!(shown, "name\n\"张三x y\"\nlast");
    }
}
