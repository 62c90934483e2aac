//! What the terminal UI reads of mail: a ticket's messages, attachments and
//! the outbox state of its replies, read in the same transaction as the
//! ticket itself (so the page never shows a message beside a history that
//! lacks it), and the outbox counts of the header.

use crate::domain::mail::{AttachmentInfo, MessageInfo, OutboxEntry};
use crate::service::tickets::{TicketDetail, detail_in};
use crate::service::{Ctx, Database, Error};
use serde::Serialize;

/// The mail behind a ticket's interactions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketMail {
    pub messages: Vec<MessageInfo>,
    pub attachments: Vec<AttachmentInfo>,
    pub outbox: Vec<OutboxEntry>,
    /// The customer has an e-mail address: a reply can go by e-mail.
    pub customer_has_email: bool,
}

impl TicketMail {
    /// The message an interaction came in or went out as.
    pub fn message(&self, interaction_id: i64) -> Option<&MessageInfo> {
        self.messages.iter().find(|m| m.interaction_id == interaction_id)
    }

    /// Where the reply recorded as this interaction stands in the outbox.
    pub fn outbox_of(&self, interaction_id: i64) -> Option<&OutboxEntry> {
        self.outbox.iter().find(|o| o.interaction_id == interaction_id)
    }
}

/// Replies still to leave and replies that failed for good: the header's count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct OutboxCounts {
    pub waiting: usize,
    pub failed: usize,
}

/// A ticket's page as the TUI shows it: its detail and its mail, one read.
pub fn ticket_page(store: &mut Database, ctx: &Ctx, id: i64) -> Result<(TicketDetail, TicketMail), Error> {
    store.read(|tx| {
        let detail = detail_in(tx, ctx, id)?;
        let mail = TicketMail {
            messages: tx.ticket_messages(id)?,
            attachments: tx.ticket_attachments(id)?,
            outbox: tx.ticket_outbox(id)?,
            customer_has_email: !tx.customer(detail.view.ticket.customer_id)?.email.trim().is_empty(),
        };
        Ok((detail, mail))
    })
}

pub fn outbox_counts(store: &mut Database) -> Result<OutboxCounts, Error> {
    store.read(|tx| {
        let (waiting, failed) = tx.outbox_counts()?;
        Ok(OutboxCounts { waiting, failed })
    })
}
