//! The one rule for data written to standard output: bytes go out exactly
//! to a file or a pipe (so an export imports back unchanged), and are
//! neutralised on a terminal (so a customer name cannot retitle the window,
//! clear the screen or reorder the line it is on).
//!
//! Every data output (CSV exports, `report --format csv`, JSON) goes
//! through [`DataOut`]; the human tables sanitise their cells themselves.

use crate::domain::text::sanitize_block;
use std::io::{self, IsTerminal, Write};

/// Standard output for data, chosen by whether it is a terminal.
pub fn stdout() -> DataOut<io::Stdout> {
    let out = io::stdout();
    let terminal = out.is_terminal();
    DataOut::new(out, terminal)
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
