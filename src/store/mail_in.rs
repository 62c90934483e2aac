//! The writes of mail that arrives (`service::mail::ingest`): each message
//! once by its key, the senders' addresses, and attachments by content.
//! Everything here runs inside the ingest's one transaction per message.

use super::sql::params;
use super::{StoreError, Tx};
use chrono::{DateTime, Utc};

/// A `mail_messages` row as the ingest writes it.
#[derive(Debug, Clone, Default)]
pub struct NewMailMessage<'a> {
    pub message_key: &'a str,
    /// "in" or "out".
    pub direction: &'a str,
    pub ticket_id: Option<i64>,
    pub interaction_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub from_address: &'a str,
    pub from_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub sent_at: Option<DateTime<Utc>>,
    pub received_at: Option<DateTime<Utc>>,
    pub in_reply_to: &'a str,
    /// Space-separated ids, oldest first.
    pub refs: &'a str,
    /// The reason key of set-aside mail; `None` for mail in a ticket.
    pub set_aside: Option<&'a str>,
    pub origin: &'a str,
}

/// On the folded-address index (0018): a new sender is not a scan of
/// every customer.
pub(super) const CUSTOMER_BY_EMAIL_SQL: &str =
    "SELECT id FROM customers WHERE lower(trim(email)) = ?1 AND email <> '' AND NOT archived ORDER BY id LIMIT 1";

impl Tx<'_> {
    /// A message with this key is stored already (in or out).
    pub fn mail_message_known(&self, key: &str) -> Result<bool, StoreError> {
        let mut stmt = self.db.prepare("SELECT 1 FROM mail_messages WHERE message_key = ?1")?;
        stmt.exists([key])
    }

    pub fn insert_mail_message(&self, m: &NewMailMessage) -> Result<i64, StoreError> {
        let at = |t: Option<DateTime<Utc>>| t.map_or(0, |t| t.timestamp());
        self.db.insert(
            "INSERT INTO mail_messages (message_key, direction, ticket_id, interaction_id, customer_id,
                   from_address, from_name, to_address, subject, sent_at, received_at, in_reply_to, refs,
                   set_aside, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                m.message_key,
                m.direction,
                m.ticket_id,
                m.interaction_id,
                m.customer_id,
                m.from_address,
                m.from_name,
                m.to_address,
                m.subject,
                at(m.sent_at),
                at(m.received_at),
                m.in_reply_to,
                m.refs,
                m.set_aside,
                m.origin,
            ],
        )
    }

    /// The customer a recorded address (lower case) belongs to.
    pub fn mail_address_customer(&self, address: &str) -> Result<Option<i64>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT customer_id FROM mail_addresses WHERE address = ?1")?;
        stmt.query_opt([address], |r| r.get(0))
    }

    /// The oldest active customer whose e-mail is `address`, letter case aside.
    pub fn customer_id_by_email(&self, address: &str) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.db.prepare(CUSTOMER_BY_EMAIL_SQL)?;
        stmt.query_opt([address], |r| r.get(0))
    }

    /// Records `address` as `customer`'s; an address recorded already keeps its customer.
    pub fn add_mail_address(&self, address: &str, customer: i64) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT OR IGNORE INTO mail_addresses (address, customer_id) VALUES (?1, ?2)",
            params![address, customer],
        )?;
        Ok(())
    }

    /// The ticket of the message with this Message-ID, received or sent
    /// (a reply queued in the outbox counts before it is sent).
    pub fn ticket_of_message(&self, key: &str) -> Result<Option<i64>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT ticket_id FROM mail_messages WHERE message_key = ?1 AND ticket_id IS NOT NULL
             UNION ALL SELECT ticket_id FROM mail_outbox WHERE message_key = ?1 LIMIT 1",
        )?;
        stmt.query_opt([key], |r| r.get(0))
    }

    /// Keeps one attachment of message `message_id`: its content once by
    /// hash (a second copy anywhere adds only the row), and its row.
    pub fn insert_mail_attachment(
        &self,
        message_id: i64,
        ticket_id: Option<i64>,
        file_name: &str,
        mime_type: &str,
        sha256: &str,
        data: &[u8],
    ) -> Result<i64, StoreError> {
        self.db.execute(
            "INSERT OR IGNORE INTO mail_blobs (sha256, size, data) VALUES (?1, ?2, ?3)",
            params![sha256, data.len() as i64, data],
        )?;
        self.db.insert(
            "INSERT INTO mail_attachments (message_id, ticket_id, file_name, mime_type, size, sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![message_id, ticket_id, file_name, mime_type, data.len() as i64, sha256],
        )
    }
}
