//! The outbox's writes: a reply queued with the message it became, a
//! sender's claim on one due message, and what the server said. The claim
//! is the guard against sending twice: it is taken inside a `BEGIN
//! IMMEDIATE` transaction, so two senders never claim the same row.

use super::sql::params;
use super::{StoreError, Tx};
use chrono::{DateTime, Utc};

/// A reply's message as queued, and the thread row that lets the
/// customer's answer find the ticket again by `In-Reply-To`.
#[derive(Debug, Clone)]
pub struct QueuedMail<'a> {
    pub interaction_id: i64,
    pub ticket_id: i64,
    pub customer_id: i64,
    /// The new Message-ID, without brackets.
    pub message_id: &'a str,
    pub from_address: &'a str,
    pub from_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub in_reply_to: &'a str,
    /// The thread's Message-IDs, space-separated, oldest first.
    pub references: &'a str,
    pub message: &'a [u8],
    pub at: DateTime<Utc>,
}

/// A message a sender claimed and must now send.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub ticket_id: i64,
    pub to_address: String,
    pub message: Vec<u8>,
    pub attempts: i64,
    /// The claim's time: the sender's later writes name it, so a sender
    /// whose claim was taken over (it was presumed dead) changes nothing.
    pub claimed_at: i64,
}

/// What the thread of a ticket already holds: the customer's latest
/// message and every Message-ID, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Thread {
    pub latest_inbound: Option<String>,
    /// The `References` the latest inbound message carried.
    pub inbound_refs: Vec<String>,
    pub message_ids: Vec<String>,
}

/// Due: queued and its time has come, or claimed by a sender so long ago
/// (before `?2`) that the sender must have died.
const DUE: &str = "((state = 'queued' AND next_attempt_at <= ?1) OR (state = 'sending' AND claimed_at <= ?2))";

impl Tx<'_> {
    /// Queues a reply's message and records it in the thread.
    pub fn queue_mail(&self, m: &QueuedMail) -> Result<i64, StoreError> {
        // In the thread like any message, so the customer's answer finds the ticket.
        self.insert_mail_message(&super::NewMailMessage {
            message_key: m.message_id,
            direction: "out",
            ticket_id: Some(m.ticket_id),
            interaction_id: Some(m.interaction_id),
            customer_id: Some(m.customer_id),
            from_address: m.from_address,
            from_name: m.from_name,
            to_address: m.to_address,
            subject: m.subject,
            sent_at: Some(m.at),
            received_at: Some(m.at),
            in_reply_to: m.in_reply_to,
            refs: m.references,
            set_aside: None,
            origin: "outbox",
        })?;
        let at = m.at.timestamp();
        self.db.insert(
            "INSERT INTO mail_outbox (interaction_id, ticket_id, message_key, to_address, subject, message, \
                 state, next_attempt_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'queued', ?7, ?7)",
            params![
                m.interaction_id,
                m.ticket_id,
                m.message_id,
                m.to_address,
                m.subject,
                m.message,
                at
            ],
        )
    }

    /// The ticket's thread as the next reply needs it.
    pub fn mail_thread(&self, ticket_id: i64) -> Result<Thread, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT message_key, direction, refs FROM mail_messages \
             WHERE ticket_id = ?1 AND set_aside IS NULL ORDER BY sent_at, id",
        )?;
        let rows = stmt.query_map([ticket_id], |r| {
            Ok((r.get::<String>(0)?, r.get::<String>(1)?, r.get::<String>(2)?))
        })?;
        let mut thread = Thread::default();
        for (key, direction, refs) in rows {
            if direction == "in" {
                thread.latest_inbound = Some(key.clone());
                thread.inbound_refs = refs.split_whitespace().map(str::to_string).collect();
            }
            thread.message_ids.push(key);
        }
        Ok(thread)
    }

    /// How many messages are due (with `only`, whether that one is). `id`
    /// comes before `?3 IS NULL`: PostgreSQL types a parameter where it first
    /// meets it, and a null alone says nothing.
    pub fn mail_due(
        &self,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        only: Option<i64>,
    ) -> Result<usize, StoreError> {
        let n: i64 = self.db.query_row(
            &format!("SELECT count(*) FROM mail_outbox WHERE {DUE} AND (id = ?3 OR ?3 IS NULL)"),
            params![now.timestamp(), stale_before.timestamp(), only],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// The outbox row of a reply, if it went by e-mail.
    pub fn outbox_of_interaction(&self, interaction_id: i64) -> Result<Option<i64>, StoreError> {
        self.db.query_opt(
            "SELECT id FROM mail_outbox WHERE interaction_id = ?1",
            [interaction_id],
            |r| r.get(0),
        )
    }

    /// Claims the next due message (or, with `only`, that one if it is due):
    /// it becomes 'sending', claimed now. Run in a write transaction.
    pub fn claim_mail(
        &self,
        now: DateTime<Utc>,
        stale_before: DateTime<Utc>,
        only: Option<i64>,
    ) -> Result<Option<Claimed>, StoreError> {
        let found = self.db.query_opt(
            &format!(
                "SELECT id, ticket_id, to_address, message, attempts FROM mail_outbox \
                 WHERE {DUE} AND (id = ?3 OR ?3 IS NULL) ORDER BY next_attempt_at, id LIMIT 1"
            ),
            params![now.timestamp(), stale_before.timestamp(), only],
            |r| {
                Ok(Claimed {
                    id: r.get(0)?,
                    ticket_id: r.get(1)?,
                    to_address: r.get(2)?,
                    message: r.get(3)?,
                    attempts: r.get(4)?,
                    claimed_at: now.timestamp(),
                })
            },
        )?;
        if let Some(c) = &found {
            self.db.execute(
                "UPDATE mail_outbox SET state = 'sending', claimed_at = ?2 WHERE id = ?1",
                params![c.id, c.claimed_at],
            )?;
        }
        Ok(found)
    }

    /// The server took the message. False when the claim was no longer ours.
    pub fn mark_mail_sent(&self, c: &Claimed, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let n = self.db.execute(
            "UPDATE mail_outbox SET state = 'sent', sent_at = ?3, attempts = attempts + 1, last_error = '', \
                 claimed_at = NULL WHERE id = ?1 AND state = 'sending' AND claimed_at = ?2",
            params![c.id, c.claimed_at, now.timestamp()],
        )?;
        Ok(n == 1)
    }

    /// Sending failed: queued again for `next` (`Some`), or failed for good
    /// (`None`), with what went wrong.
    pub fn mark_mail_unsent(&self, c: &Claimed, next: Option<DateTime<Utc>>, error: &str) -> Result<(), StoreError> {
        let (state, next) = match next {
            Some(t) => ("queued", Some(t.timestamp())),
            None => ("failed", None),
        };
        self.db.execute(
            "UPDATE mail_outbox SET state = ?3, attempts = attempts + 1, \
                 next_attempt_at = coalesce(?4, next_attempt_at), last_error = ?5, claimed_at = NULL \
                 WHERE id = ?1 AND state = 'sending' AND claimed_at = ?2",
            params![c.id, c.claimed_at, state, next, error],
        )?;
        Ok(())
    }

    /// Every failed message queued again, due now, its attempts counted
    /// afresh; how many.
    pub fn requeue_failed_mail(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        self.db.execute(
            "UPDATE mail_outbox SET state = 'queued', attempts = 0, next_attempt_at = ?1 WHERE state = 'failed'",
            [now.timestamp()],
        )
    }
}
