//! What the screens and the CLI read of mail (`domain::mail`): a ticket's
//! attachments and messages, and the outbox. The writes live with the code
//! that receives and sends mail.

use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::mail::{AttachmentInfo, MessageInfo, OutboxEntry, OutboxState};
use crate::domain::time::from_unix;

const ATTACHMENT_COLUMNS: &str = "a.id, a.ticket_id, m.interaction_id, a.file_name, a.mime_type, a.size, a.sha256";

fn attachment_row(r: &Row) -> Result<AttachmentInfo, StoreError> {
    Ok(AttachmentInfo {
        id: r.get(0)?,
        ticket_id: r.get(1)?,
        interaction_id: r.get(2)?,
        file_name: r.get(3)?,
        mime_type: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
    })
}

const OUTBOX_COLUMNS: &str = "id, interaction_id, ticket_id, message_key, to_address, subject, state, \
     attempts, next_attempt_at, last_error, created_at, sent_at";

fn outbox_row(r: &Row) -> Result<OutboxEntry, StoreError> {
    let state: String = r.get(6)?;
    let sent_at: Option<i64> = r.get(11)?;
    Ok(OutboxEntry {
        id: r.get(0)?,
        interaction_id: r.get(1)?,
        ticket_id: r.get(2)?,
        message_id: r.get(3)?,
        to_address: r.get(4)?,
        subject: r.get(5)?,
        // The CHECK constraint allows only the four keys.
        state: OutboxState::from_key(&state).unwrap_or(OutboxState::Failed),
        attempts: r.get(7)?,
        next_attempt_at: from_unix(r.get(8)?),
        last_error: r.get(9)?,
        created_at: from_unix(r.get(10)?),
        sent_at: sent_at.map(from_unix),
    })
}

impl Tx<'_> {
    /// A ticket's attachments, in the order they arrived.
    pub fn ticket_attachments(&self, ticket_id: i64) -> Result<Vec<AttachmentInfo>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {ATTACHMENT_COLUMNS} FROM mail_attachments a JOIN mail_messages m ON m.id = a.message_id \
             WHERE a.ticket_id = ?1 ORDER BY a.id"
        ))?;
        let rows = stmt.query_map([ticket_id], attachment_row)?;
        Ok(rows)
    }

    /// One attachment and its content; `None` when there is no such attachment.
    pub fn attachment_content(&self, id: i64) -> Result<Option<(AttachmentInfo, Vec<u8>)>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {ATTACHMENT_COLUMNS}, b.data FROM mail_attachments a \
             JOIN mail_messages m ON m.id = a.message_id JOIN mail_blobs b ON b.sha256 = a.sha256 \
             WHERE a.id = ?1"
        ))?;
        stmt.query_opt([id], |r| Ok((attachment_row(r)?, r.get::<Vec<u8>>(7)?)))
    }

    /// The messages behind a ticket's interactions, oldest first.
    pub fn ticket_messages(&self, ticket_id: i64) -> Result<Vec<MessageInfo>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT interaction_id, message_key, direction, from_address, from_name, to_address, subject, sent_at \
             FROM mail_messages WHERE ticket_id = ?1 AND interaction_id IS NOT NULL ORDER BY sent_at, id",
        )?;
        let rows = stmt.query_map([ticket_id], |r| {
            let direction: String = r.get(2)?;
            Ok(MessageInfo {
                interaction_id: r.get(0)?,
                message_id: r.get(1)?,
                inbound: direction == "in",
                from_address: r.get(3)?,
                from_name: r.get(4)?,
                to_address: r.get(5)?,
                subject: r.get(6)?,
                sent_at: from_unix(r.get(7)?),
            })
        })?;
        Ok(rows)
    }

    /// The outbox entries of a ticket's replies, oldest first.
    pub fn ticket_outbox(&self, ticket_id: i64) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut stmt = self.db.prepare(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM mail_outbox WHERE ticket_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([ticket_id], outbox_row)?;
        Ok(rows)
    }

    /// The outbox, newest first: everything not yet sent, and with
    /// `include_sent` the sent ones too; `limit` 0 means all.
    pub fn outbox(&self, include_sent: bool, limit: usize) -> Result<Vec<OutboxEntry>, StoreError> {
        let filter = if include_sent { "" } else { "WHERE state <> 'sent'" };
        let mut stmt = self.db.prepare(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM mail_outbox {filter} ORDER BY id DESC LIMIT ?1"
        ))?;
        // -1 is "no limit" on both engines (see `sql::pg::translate`); a
        // number past PostgreSQL's integer would not bind there.
        let limit = if limit == 0 { -1 } else { limit as i64 };
        let rows = stmt.query_map(params![limit], outbox_row)?;
        Ok(rows)
    }

    /// How many replies wait to leave, and how many failed for good: the
    /// TUI header shows both.
    pub fn outbox_counts(&self) -> Result<(usize, usize), StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT count(*) FILTER (WHERE state IN ('queued','sending')), \
                    count(*) FILTER (WHERE state = 'failed') FROM mail_outbox",
        )?;
        let (waiting, failed): (i64, i64) = stmt.query_row(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((waiting as usize, failed as usize))
    }
}
