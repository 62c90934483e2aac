//! Printing: JSON in the shapes of ../shared/CLI.md, or aligned human tables
//! whose text is stripped of control and escape sequences first.

use crate::domain::sla::ClockView;
use crate::domain::text::{fit, sanitize_line};
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
    let text = serde_json::to_value(value).and_then(|mut value| {
        let settings = Settings {
            masked: MASKED.load(Ordering::Relaxed),
            ..Settings::default()
        };
        privacy::mask_json(&mut value, &settings);
        serde_json::to_string_pretty(&value)
    });
    let printed = match text {
        Ok(text) => print_data(&format!("{}\n", escape_terminal_controls(&text))),
        Err(e) => Err(Error::Output(e.to_string())),
    };
    match printed {
        Err(Error::Output(why)) => failed_output(why),
        Err(other) => failed_output(other.to_string()),
        Ok(()) => {}
    }
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

/// serde_json already escapes C0 controls (ESC included); C1 controls, bidi
/// overrides and line separators it writes raw, and some terminals act on
/// them. They can only occur inside strings, where `\uXXXX` is the same JSON
/// value, so they are escaped wherever the JSON goes.
fn escape_terminal_controls(json: &str) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}');
    if !json.chars().any(acts) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if acts(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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

/// A plain table: a header row and cells cut to their column widths.
pub struct Table {
    widths: Vec<usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[(&str, usize)]) -> Self {
        Table {
            widths: header.iter().map(|(_, w)| *w).collect(),
            rows: vec![header.iter().map(|(h, _)| h.to_string()).collect()],
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn print(&self) {
        for row in &self.rows {
            let line: Vec<String> = row
                .iter()
                .zip(&self.widths)
                .map(|(cell, width)| fit(&sanitize_line(cell), *width))
                .collect();
            outln!("{}", line.join("  ").trim_end());
        }
    }
}

/// `2026-10-05 09:30` in UTC, for human output.
pub fn short_time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| "—".into())
}

/// A labelled line of a `show` page, sanitized.
pub fn field(label: &str, value: &str) {
    outln!("{:<14} {}", format!("{label}:"), sanitize_line(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keeps_its_value_but_loses_terminal_controls() {
        let value = json!({ "name": "a\u{9b}31m\u{202e}b\u{1b}[0m张\u{2028}" });
        let text = serde_json::to_string(&value).unwrap();
        let escaped = escape_terminal_controls(&text);
        assert!(
            !escaped
                .chars()
                .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || c == '\u{2028}')
        );
        let back: Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
    }
}
