//! E-mail in and out (issue #15): mail read from the configured sources or
//! imported becomes tickets and their interactions; replies leave through
//! the outbox.

pub mod attachment_file;
pub mod attachments;
pub mod fetch;
pub mod imap;
pub mod ingest;
mod local;
pub mod outbox;
pub mod thread;
pub mod transport;

pub use ingest::ingest;

use crate::domain::mail::SetAside;
use serde::Serialize;

/// What became of one message handed to the ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ingested {
    /// It opened a ticket.
    NewTicket { ticket_id: i64, interaction_id: i64 },
    /// It joined a ticket (reopening it when it was resolved or closed).
    Reply {
        ticket_id: i64,
        interaction_id: i64,
        reopened: bool,
    },
    /// It was stored before: nothing was written.
    Duplicate,
    /// Kept and counted, never ticketed or answered.
    SetAside(SetAside),
}

/// Stores one raw message (its own transaction) and says what became of it;
/// it returns only once that transaction committed.
pub type Deliver<'a> = dyn FnMut(&mut crate::store::Store, &[u8]) -> Result<Ingested, crate::service::Error> + 'a;

/// A source that could not be read to the end: the others still are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFailure {
    /// The source as configured (never with a password).
    pub source: String,
    pub message: String,
}

/// The sum of a fetch or an import, for the CLI's summary and the TUI.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FetchReport {
    /// Messages read from the sources.
    pub read: usize,
    pub new_tickets: usize,
    pub replies: usize,
    /// Replies that reopened a resolved or closed ticket.
    pub reopened: usize,
    /// Messages already stored by an earlier fetch or import.
    pub duplicates: usize,
    /// Set aside, by reason key (`auto-reply`, `bounce`, …).
    pub set_aside: std::collections::BTreeMap<String, usize>,
    pub failed: Vec<SourceFailure>,
}

impl FetchReport {
    pub fn count(&mut self, outcome: &Ingested) {
        self.read += 1;
        match outcome {
            Ingested::NewTicket { .. } => self.new_tickets += 1,
            Ingested::Reply { reopened, .. } => {
                self.replies += 1;
                if *reopened {
                    self.reopened += 1;
                }
            }
            Ingested::Duplicate => self.duplicates += 1,
            Ingested::SetAside(why) => *self.set_aside.entry(why.key().to_string()).or_default() += 1,
        }
    }
}
