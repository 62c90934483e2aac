//! Printing: JSON in the shapes of ../shared/CLI.md, or aligned human tables
//! whose text is stripped of control and escape sequences first.

use crate::domain::sla::ClockView;
use crate::domain::text::{fit, sanitize_line, width};
use crate::domain::time::rfc3339;
use crate::service::tickets::TicketView;
use crate::service::{Error, Settings, privacy};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether this process prints in masked mode (set once by `cli::run`
/// from the settings, so every JSON output is masked without each command
/// having to remember it).
static MASKED: AtomicBool = AtomicBool::new(false);

pub fn set_masked(masked: bool) {
    MASKED.store(masked, Ordering::Relaxed);
}

pub fn print_json<T: Serialize + ?Sized>(value: &T) {
    let text = serde_json::to_value(value)
        .map_err(|e| Error::Output(e.to_string()))
        .and_then(json_text);
    match text.and_then(|text| print_data(&format!("{text}\n"))) {
        Err(Error::Output(why)) => failed_output(why),
        Err(other) => failed_output(other.to_string()),
        Ok(()) => {}
    }
}

/// `value` as every JSON output prints it: masked in masked mode, pretty,
/// and with what a terminal acts on escaped ([`super::data_out::Layout`]).
/// Used whole by [`print_json`]; a streamed array
/// ([`super::data_out::JsonArray`]) writes its elements by the same layout.
pub fn json_text(value: Value) -> Result<String, Error> {
    let mut text = Vec::new();
    super::data_out::write_json(&mut text, value, 0)?;
    String::from_utf8(text).map_err(|e| Error::Output(e.to_string()))
}

/// `value` masked when this process prints in masked mode.
/// Whether data output is masked (values rewritten before they are written).
pub fn is_masked() -> bool {
    MASKED.load(Ordering::Relaxed)
}

pub fn masked(mut value: Value) -> Value {
    if MASKED.load(Ordering::Relaxed) {
        privacy::mask_json(&mut value, masking());
    }
    value
}

/// The settings JSON is masked by: the defaults' (which parse the default
/// config), made once rather than for each record of a long output.
fn masking() -> &'static Settings {
    static MASKING: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();
    MASKING.get_or_init(|| Settings {
        masked: true,
        ..Settings::default()
    })
}

/// The first failure to write standard output, if any: after it nothing
/// more is written, and the command fails with it.
static OUTPUT_FAILURE: Mutex<Option<String>> = Mutex::new(None);

fn failed_output(why: String) {
    let mut failure = OUTPUT_FAILURE.lock().unwrap_or_else(|e| e.into_inner());
    failure.get_or_insert(why);
}

/// Writes human output ([`outln!`] and [`out!`]). `println!` would panic on a
/// full disk or a closed terminal; this remembers the failure instead.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    if OUTPUT_FAILURE.lock().unwrap_or_else(|e| e.into_inner()).is_some() {
        return;
    }
    if let Err(e) = std::io::stdout().lock().write_fmt(args) {
        failed_output(e.to_string());
    }
}

/// Flushes standard output; a write that failed during the command makes it
/// fail (exit 1), so a script never takes cut-short output for the whole.
pub fn finish() -> Result<(), Error> {
    if let Err(e) = std::io::stdout().flush() {
        failed_output(e.to_string());
    }
    match OUTPUT_FAILURE.lock().unwrap_or_else(|e| e.into_inner()).take() {
        Some(why) => Err(Error::Output(why)),
        None => Ok(()),
    }
}

/// Prints data (CSV, JSON) by the output rule of [`super::data_out`]:
/// exact to a file or pipe, neutralised on a terminal.
pub fn print_data(text: &str) -> Result<(), Error> {
    let mut out = super::data_out::stdout();
    out.write_all(text.as_bytes())
        .and_then(|()| out.finish().map(drop))
        .map_err(|e| Error::Output(e.to_string()))
}

pub fn instant(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, |t| Value::String(rfc3339(t)))
}

fn clock(c: &ClockView) -> Value {
    json!({
        "due": instant(c.due),
        "state": c.state,
        "seconds_left": c.seconds_left,
    })
}

/// A ticket as the JSON contract describes it: the record, its urgency score
/// (with the breakdown beside it) and its three SLA clocks.
pub fn ticket_json(v: &TicketView) -> Value {
    let mut value = serde_json::to_value(&v.ticket).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        map.insert("urgency".into(), json!(v.urgency.score));
        map.insert("band".into(), json!(v.urgency.band));
        map.insert(
            "urgency_breakdown".into(),
            Value::Array(v.urgency.parts.iter().map(|p| json!(p)).collect()),
        );
        let mut callback = clock(&v.sla.callback);
        callback["outcome"] = json!(v.ticket.callback_outcome);
        map.insert(
            "sla".into(),
            json!({
                "first_response": clock(&v.sla.first_response),
                "resolution": clock(&v.sla.resolution),
                "callback": callback,
            }),
        );
    }
    value
}

/// The width of a table column that is never cut (numbers, codes): as wide
/// as its widest cell, so `10234` never prints as `102…`.
pub const WHOLE: usize = 0;

/// A plain table: a header row and cells cut to their column widths, all
/// measured in terminal columns (a Chinese character takes two), so the
/// columns line up in every language.
pub struct Table {
    widths: Vec<usize>,
    /// Columns that grow to their widest cell rather than cut it.
    whole: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns as (header, width); a column is never narrower than its
    /// header, whose words depend on the language. A width of [`WHOLE`]
    /// sizes the column by its cells instead of cutting them.
    pub fn new(header: &[(&str, usize)]) -> Self {
        Table {
            widths: header.iter().map(|(h, w)| (*w).max(width(h))).collect(),
            whole: header.iter().map(|(_, w)| *w == WHOLE).collect(),
            rows: vec![header.iter().map(|(h, _)| h.to_string()).collect()],
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        for ((cell, cols), whole) in cells.iter().zip(&mut self.widths).zip(&self.whole) {
            if *whole {
                *cols = (*cols).max(width(&sanitize_line(cell)));
            }
        }
        self.rows.push(cells);
    }

    /// Prints the table in one write: standard output flushes at each line
    /// break, so printing row by row took a system call per row.
    pub fn print(&self) {
        self.print_with_notes(&[]);
    }

    /// Prints the table with a line under each row that has a note (a
    /// search's snippet), indented; `notes` in the order of the rows.
    pub fn print_with_notes(&self, notes: &[Option<String>]) {
        let mut text = String::new();
        let mut lines = self.lines().into_iter();
        if let Some(header) = lines.next() {
            text.push_str(&header);
            text.push('\n');
        }
        for (line, note) in lines.zip(notes.iter().chain(std::iter::repeat(&None))) {
            text.push_str(&line);
            text.push('\n');
            if let Some(note) = note {
                text.push_str("    ");
                text.push_str(&sanitize_line(note));
                text.push('\n');
            }
        }
        out!("{text}");
    }

    /// The printed lines, header first.
    fn lines(&self) -> Vec<String> {
        self.rows.iter().map(|row| self.line(row)).collect()
    }

    /// One row's printed line: each cell sanitised and fitted to its
    /// column; a [`WHOLE`] cell wider than its column (met after the widths
    /// were fixed, in a [`StreamedTable`]) is never cut, only shifts the rest.
    fn line(&self, row: &[String]) -> String {
        let cells: Vec<String> = row
            .iter()
            .zip(self.widths.iter().zip(&self.whole))
            .map(|(cell, (width, whole))| {
                let cell = sanitize_line(cell);
                match *whole {
                    true => pad(&cell, *width),
                    false => fit(&cell, *width),
                }
            })
            .collect();
        cells.join("  ").trim_end().to_string()
    }
}

/// Rows a [`StreamedTable`] holds back to size its columns before the
/// first line goes out: one screen and more, a fraction of a second's work.
pub const STREAM_PAGE: usize = 200;

/// A table printed while its rows are still being read. A table of up to
/// [`STREAM_PAGE`] rows prints exactly as a [`Table`] (columns sized by all
/// of them); a longer one sizes its columns by the first page, prints it,
/// and prints every later row at once to those widths (cells cut as
/// always; a number never, so a later, longer one shifts its row). Memory
/// stays a page whatever the length.
pub struct StreamedTable<W: Write> {
    table: Table,
    out: W,
    /// The first page is out and the widths are fixed.
    flowing: bool,
}

impl<W: Write> StreamedTable<W> {
    pub fn new(table: Table, out: W) -> Self {
        StreamedTable {
            table,
            out,
            flowing: false,
        }
    }

    pub fn row(&mut self, cells: Vec<String>) -> Result<(), Error> {
        if self.flowing {
            let line = self.table.line(&cells);
            return writeln!(self.out, "{line}").map_err(output_error);
        }
        self.table.row(cells);
        // The header is a row too.
        if self.table.rows.len() > STREAM_PAGE {
            self.print_held()?;
            self.flowing = true;
        }
        Ok(())
    }

    /// Prints the rows held back (with the header unless it is out).
    fn print_held(&mut self) -> Result<(), Error> {
        for line in self.table.lines() {
            writeln!(self.out, "{line}").map_err(output_error)?;
        }
        self.table.rows.clear();
        Ok(())
    }

    /// Prints what is held back and flushes.
    pub fn finish(mut self) -> Result<(), Error> {
        self.print_held()?;
        self.out.flush().map_err(output_error)
    }
}

/// A failed write of standard output, as commands report it.
pub fn output_error(e: std::io::Error) -> Error {
    Error::Output(e.to_string())
}

/// The width a column of enum labels needs: `least`, or the widest label
/// of this language if that is wider (so no label is cut).
pub fn label_width<'a>(least: usize, labels: impl IntoIterator<Item = &'a str>) -> usize {
    labels.into_iter().map(width).fold(least, usize::max)
}

/// Widths of columns of the shared enum labels: at least `least`, wider
/// when a label of this language needs it.
pub mod columns {
    use super::label_width;
    use crate::i18n::Strings;

    pub fn status(s: &Strings, least: usize) -> usize {
        label_width(least, s.statuses.iter().map(|e| e.1))
    }
    pub fn priority(s: &Strings, least: usize) -> usize {
        label_width(least, s.priorities.iter().map(|e| e.1))
    }
    pub fn kind(s: &Strings, least: usize) -> usize {
        label_width(least, s.kinds.iter().map(|e| e.1))
    }
    pub fn tier(s: &Strings, least: usize) -> usize {
        label_width(least, s.tiers.iter().map(|e| e.1))
    }
    pub fn channel(s: &Strings, least: usize) -> usize {
        label_width(least, s.channels.iter().map(|e| e.1))
    }
    pub fn sla_state(s: &Strings, least: usize) -> usize {
        label_width(least, s.sla_states.iter().map(|e| e.1))
    }
}

/// `text` followed by spaces up to `cols` terminal columns; never cut.
/// For the aligned parts of lines outside tables.
pub fn pad(text: &str, cols: usize) -> String {
    let fill = cols.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// Spaces and then `text`, right-aligned in `cols` terminal columns; never cut.
pub fn pad_left(text: &str, cols: usize) -> String {
    let fill = cols.saturating_sub(width(text));
    format!("{}{text}", " ".repeat(fill))
}

/// The display zone of this process's human output (`[ui] timezone`), set
/// once by `cli::run` beside [`set_masked`]; UTC until then.
static ZONE: Mutex<Option<chrono_tz::Tz>> = Mutex::new(None);

pub fn set_zone(zone: chrono_tz::Tz) {
    *ZONE.lock().unwrap_or_else(|e| e.into_inner()) = Some(zone);
}

fn zone() -> chrono_tz::Tz {
    ZONE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .unwrap_or(chrono_tz::Tz::UTC)
}

/// The columns a [`short_time`] takes: `2026-10-05 17:30 +08:00`.
pub const TIME_COLS: usize = 23;

/// `2026-10-05 17:30 +08:00` in the display zone, for human output; JSON
/// keeps RFC 3339 UTC ([`instant`]).
pub fn short_time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| crate::domain::time::shown(t, zone()))
        .unwrap_or_else(|| "—".into())
}

/// A labelled line of a `show` page, sanitized; the values line up
/// whatever the language of the labels.
pub fn field(label: &str, value: &str) {
    let label = crate::i18n::fill(crate::i18n::get().cli_records.field_label, &[("label", label)]);
    // An empty value (an article without tags) leaves no trailing spaces.
    let line = format!("{} {}", pad(&label, 14), sanitize_line(value));
    outln!("{}", line.trim_end());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_value_but_loses_terminal_controls() {
        let value = json!({ "name": "a\u{9b}31m\u{202e}b\u{1b}[0m张\u{2028}" });
        let escaped = json_text(value.clone()).unwrap();
        assert!(
            !escaped
                .chars()
                .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c) || c == '\u{2028}')
        );
        let back: Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn table_columns_line_up_by_display_width() {
        let mut table = Table::new(&[("编号", 3), ("名称", 6), ("客户分层", 2)]);
        table.row(vec!["1".into(), "张三".into(), "高价值".into()]);
        table.row(vec!["22".into(), "Acme 上海公司".into(), "x".into()]);
        table.row(vec!["3".into(), "a\u{1b}[31mb".into(), "".into()]);
        let lines = table.lines();
        // Columns as wide as their headers; cells cut with '…' by columns.
        assert_eq!(lines[0], "编号  名称    客户分层");
        assert_eq!(lines[1], "1     张三    高价值");
        assert_eq!(lines[2], "22    Acme …  x");
        assert_eq!(lines[3], "3     ab", "escape sequences are stripped");
        // Where the third column starts, in display columns, is the same on every line.
        for line in &lines[..3] {
            let (head, _) = line.split_at(line.rfind("  ").unwrap() + 2);
            assert_eq!(width(head), 14, "{line}");
        }
    }

    /// Numbers and codes are never cut: their column grows to the widest
    /// cell, by display width, and the columns after it still line up.
    #[test]
    fn whole_columns_grow_to_their_widest_cell() {
        let mut table = Table::new(&[("#", WHOLE), ("代码", WHOLE), ("Name", 6)]);
        table.row(vec!["7".into(), "C1".into(), "Alice Wong".into()]);
        table.row(vec!["1234567".into(), "客户C20260001".into(), "张三".into()]);
        let lines = table.lines();
        assert_eq!(lines[0], "#        代码           Name");
        assert_eq!(lines[1], "7        C1             Alice…");
        assert_eq!(lines[2], "1234567  客户C20260001  张三");
    }

    fn ticket_like() -> Table {
        Table::new(&[("#", WHOLE), ("Name", 6)])
    }

    fn streamed(rows: &[Vec<String>]) -> Vec<String> {
        let mut out = Vec::new();
        let mut table = StreamedTable::new(ticket_like(), &mut out);
        for row in rows {
            table.row(row.clone()).unwrap();
        }
        table.finish().unwrap();
        String::from_utf8(out).unwrap().lines().map(str::to_string).collect()
    }

    /// Up to a page, a streamed table prints what the whole table prints.
    #[test]
    fn a_short_streamed_table_is_the_whole_table() {
        for n in [0, 1, 7, STREAM_PAGE] {
            let rows: Vec<Vec<String>> = (0..n)
                .map(|i| vec![(i * 37).to_string(), format!("客户{i} Wong")])
                .collect();
            let mut whole = ticket_like();
            rows.iter().for_each(|r| whole.row(r.clone()));
            assert_eq!(streamed(&rows), whole.lines(), "{n} rows");
        }
    }

    /// Past a page the widths are the first page's: a later longer name is
    /// cut as always, a later longer number is never cut, only shifts its row.
    #[test]
    fn a_long_streamed_table_keeps_the_first_pages_widths() {
        let mut rows: Vec<Vec<String>> = (0..STREAM_PAGE).map(|i| vec![i.to_string(), "Ann".into()]).collect();
        rows.push(vec!["7".into(), "张三丰 Wong".into()]);
        rows.push(vec!["123456".into(), "Bo".into()]);
        let lines = streamed(&rows);
        assert_eq!(lines.len(), STREAM_PAGE + 3);
        assert_eq!(lines[0], "#    Name");
        assert_eq!(lines[1], "0    Ann");
        assert_eq!(lines[STREAM_PAGE + 1], "7    张三…");
        assert_eq!(lines[STREAM_PAGE + 2], "123456  Bo");
    }

    #[test]
    fn pads_measure_display_width_and_never_cut() {
        assert_eq!(pad("张三", 6), "张三  ");
        assert_eq!(pad("abc", 2), "abc");
        assert_eq!(pad_left("已取消", 8), "  已取消");
        assert_eq!(label_width(3, ["ab", "流失风险"]), 8);
        assert_eq!(label_width(9, ["met"]), 9);
    }
}
