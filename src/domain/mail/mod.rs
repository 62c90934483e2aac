//! E-mail as a channel (issue #15): what the rest of the program knows about
//! mail that arrived or is leaving, without any I/O.

pub mod classify;
pub mod compose;
pub mod file_name;
pub mod imap_failure;
pub mod imap_url;
pub mod parse;
pub mod quote;
pub mod tag;
pub mod url;

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Why a message was set aside instead of becoming part of a ticket. Set
/// aside mail is counted and kept (so it is never taken again), never
/// ticketed and never answered: that is what makes mail loops impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SetAside {
    /// `Auto-Submitted`, `X-Autoreply`, `Precedence: auto_reply`, vacation replies.
    AutoReply,
    /// A delivery failure report (mailer-daemon, `multipart/report`).
    Bounce,
    /// `Precedence: bulk` / `junk`, newsletters.
    Bulk,
    /// Mailing-list traffic (`List-Id`, `Precedence: list`).
    List,
    /// Mail from the team's own addresses.
    Loop,
    /// Bytes that are not a mail message at all.
    Unreadable,
}

impl SetAside {
    pub fn key(self) -> &'static str {
        match self {
            SetAside::AutoReply => "auto-reply",
            SetAside::Bounce => "bounce",
            SetAside::Bulk => "bulk",
            SetAside::List => "list",
            SetAside::Loop => "loop",
            SetAside::Unreadable => "unreadable",
        }
    }
}

/// An attachment kept with a ticket: its name as the sender gave it (never
/// used as a path without cleaning) and its content by hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentInfo {
    pub id: i64,
    pub ticket_id: Option<i64>,
    /// The interaction of the message it came with, if any.
    pub interaction_id: Option<i64>,
    pub file_name: String,
    pub mime_type: String,
    pub size: i64,
    pub sha256: String,
}

/// Where a reply sent by e-mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OutboxState {
    /// Waiting for a sender (`mail send`, or the next retry).
    Queued,
    /// A sender claimed it and is talking to the server.
    Sending,
    Sent,
    /// The server refused it for good; it is never tried again by itself.
    Failed,
}

impl OutboxState {
    pub fn key(self) -> &'static str {
        match self {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Sent => "sent",
            OutboxState::Failed => "failed",
        }
    }

    pub fn from_key(key: &str) -> Option<OutboxState> {
        Some(match key {
            "queued" => OutboxState::Queued,
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent,
            "failed" => OutboxState::Failed,
            _ => return None,
        })
    }

    /// Still to leave: counted in the TUI header and sent by `mail send`.
    pub fn is_waiting(self) -> bool {
        matches!(self, OutboxState::Queued | OutboxState::Sending)
    }
}

/// One message of the outbox.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutboxEntry {
    pub id: i64,
    pub interaction_id: i64,
    pub ticket_id: i64,
    pub message_id: String,
    pub to_address: String,
    pub subject: String,
    pub state: OutboxState,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// What is known of the message behind an interaction of an e-mail ticket:
/// the thread view shows it beside the interaction's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MessageInfo {
    pub interaction_id: i64,
    pub message_id: String,
    /// "in" or "out".
    pub inbound: bool,
    pub from_address: String,
    pub from_name: String,
    pub to_address: String,
    pub subject: String,
    pub sent_at: DateTime<Utc>,
}
