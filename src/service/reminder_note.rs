//! What a computed reminder is about, as data. The service words it in
//! English for `--json` and the stored rows (stable, like every JSON value);
//! the CLI's tables and the TUI word the same facts through the catalogue
//! (`i18n::reminder_note`), so a Chinese screen shows no English note.

use crate::domain::enums::Tier;
use chrono::NaiveDate;

/// The facts behind a reminder's note.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum NoteFacts {
    /// A stored reminder: its note is the agent's own text, shown as typed.
    #[default]
    Typed,
    /// A tier's contact cadence is due; the last outbound contact, if any.
    Cadence {
        tier: Tier,
        last_outbound: Option<NaiveDate>,
    },
    /// A resolved ticket's callback (回访) is owed.
    Callback {
        ticket: i64,
        subject: String,
    },
    Birthday {
        day: NaiveDate,
        turns: i32,
    },
    Anniversary {
        years: i32,
        since: NaiveDate,
    },
    /// The latest low survey's scores, how many earlier ones the same call
    /// answers, and the start of its comment (already cut, `…` when cut).
    Survey {
        scores: [i64; 3],
        earlier: usize,
        comment: Option<String>,
    },
}

impl NoteFacts {
    /// The English note, as `--json` and earlier versions gave it.
    pub fn english(&self) -> String {
        match self {
            NoteFacts::Typed => String::new(),
            NoteFacts::Cadence {
                tier,
                last_outbound: Some(at),
            } => {
                format!("{tier} contact; last outbound {}", at.format("%Y-%m-%d"))
            }
            NoteFacts::Cadence {
                tier,
                last_outbound: None,
            } => format!("{tier} contact; no outbound contact yet"),
            NoteFacts::Callback { ticket, subject } => format!("callback for #{ticket} {subject}"),
            NoteFacts::Birthday { day, turns } => format!("birthday {} (turns {turns})", day.format("%m-%d")),
            NoteFacts::Anniversary { years, since } => {
                let unit = if *years == 1 { "year" } else { "years" };
                format!("{years} {unit} a customer (since {since})")
            }
            NoteFacts::Survey {
                scores: [q, r, c],
                earlier,
                comment,
            } => {
                let mut note = format!("survey {q}/{r}/{c}");
                if *earlier > 0 {
                    note.push_str(&format!(" (+{earlier} earlier)"));
                }
                if let Some(quoted) = comment {
                    note.push_str(&format!(": '{quoted}'"));
                }
                note
            }
        }
    }
}
