//! The one rule for data written to standard output: bytes go out exactly
//! to a file or a pipe (so an export imports back unchanged), and are
//! neutralised on a terminal (so a customer name cannot retitle the window,
//! clear the screen or reorder the line it is on).
//!
//! Every data output (CSV exports, `report --format csv`, JSON) goes
//! through [`DataOut`]; the human tables sanitise their cells themselves.

use super::output::{masked, output_error};
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
    /// One element's bytes: the serializer makes many small writes, cheap
    /// into a vector and one write of the whole element to `out`.
    element: Vec<u8>,
}

impl<W: Write> JsonArray<W> {
    pub fn new(out: W) -> Self {
        JsonArray {
            out,
            started: false,
            element: Vec::new(),
        }
    }

    pub fn push(&mut self, value: serde_json::Value) -> Result<(), Error> {
        self.push_serialized(&masked(value))
    }

    /// An element serialized as it is, not masked: for a record whose
    /// value masking would not change (or output that is not masked).
    pub fn push_serialized(&mut self, element: &impl serde::Serialize) -> Result<(), Error> {
        let lead: &[u8] = if self.started { b",\n  " } else { b"[\n  " };
        self.started = true;
        self.element.clear();
        self.element.extend_from_slice(lead);
        // One level in.
        write_serialized(&mut self.element, element, 1)?;
        self.out.write_all(&self.element).map_err(output_error)
    }

    /// Closes the array and gives the writer back.
    pub fn finish(mut self) -> Result<W, Error> {
        let close: &[u8] = if self.started { b"\n]\n" } else { b"[]\n" };
        self.out.write_all(close).map_err(output_error)?;
        Ok(self.out)
    }
}

/// Writes `value` (masked in masked mode) in the JSON layout of every data
/// output, as if `depth` levels inside an array.
pub fn write_json(out: &mut impl Write, value: serde_json::Value, depth: usize) -> Result<(), Error> {
    write_serialized(out, &masked(value), depth)
}

/// [`write_json`] for any serializable value, unmasked.
fn write_serialized(out: &mut impl Write, value: &impl serde::Serialize, depth: usize) -> Result<(), Error> {
    let layout = Layout {
        depth,
        has_value: false,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, layout);
    value
        .serialize(&mut serializer)
        .map_err(|e| Error::Output(e.to_string()))
}

/// serde_json's pretty layout (two spaces a level, `"key": value`), begun
/// `depth` levels in, with strings made inert for a terminal wherever the
/// JSON goes: serde_json escapes C0 controls (ESC included) but writes C1
/// controls, bidi overrides and line separators raw, and some terminals act
/// on them. Inside a string `\uXXXX` is the same value.
pub struct Layout {
    depth: usize,
    has_value: bool,
}

impl Layout {
    fn indent<W: ?Sized + Write>(&self, out: &mut W) -> io::Result<()> {
        // One write for the common depths rather than one per level.
        const SPACES: &[u8] = b"                                ";
        let mut width = self.depth * 2;
        while width > 0 {
            let part = width.min(SPACES.len());
            out.write_all(&SPACES[..part])?;
            width -= part;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            self.indent(out)?;
        }
        out.write_all(bracket)
    }

    fn next<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(out)
    }
}

/// What a terminal acts on that serde_json leaves raw in a string.
fn acts(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next(out, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.next(out, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, out: &mut W, fragment: &str) -> io::Result<()> {
        if fragment.is_ascii() {
            return out.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| acts(*c)) {
            out.write_all(&rest.as_bytes()[..at])?;
            write!(out, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
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

    /// A record serialized straight into the output (no `Value` made); the
    /// caller makes sure masking would not change it.
    pub fn put_direct(
        &mut self,
        record: &impl serde::Serialize,
        row: impl FnOnce() -> Vec<String>,
    ) -> Result<(), Error> {
        match self {
            Records::Json(array) => array.push_serialized(record),
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

    use crate::cli::output::json_text;

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
        // Deeper than one write of indentation covers.
        let deep = (0..40).fold(json!({ "leaf": 1 }), |inner, _| json!({ "k": [inner] }));
        let cases = cases.into_iter().chain([vec![deep]]);
        for values in cases {
            assert_eq!(streamed(&values), whole(&values), "{values:?}");
            // Without terminal controls, exactly serde_json's own pretty text.
            if !format!("{values:?}").contains("owned") {
                let pretty = serde_json::to_string_pretty(&values).unwrap();
                assert_eq!(whole(&values), format!("{pretty}\n"), "{values:?}");
            }
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
