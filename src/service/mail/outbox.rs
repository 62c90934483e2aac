//! Replies that leave by e-mail: recorded and queued in one transaction
//! ([`reply`]), then delivered by a sender ([`send_due`]) that claims one
//! message at a time, sends it outside any transaction and writes down what
//! became of it. The claim is what keeps two senders from sending the same
//! message; a sender that dies mid-send leaves a claim that expires after
//! [`CLAIM_TIMEOUT`], and the message is tried again.

use super::transport::{self, Route, SendFailure, Transport};
use crate::config::MailConfig;
use crate::domain::enums::Channel;
use crate::domain::error::{Invalid, Reason};
use crate::domain::interaction::Interaction;
use crate::domain::mail::compose::{self, Draft};
use crate::domain::mail::tag::reply_subject;
use crate::service::progress::{Progress, Stage};
use crate::service::{Ctx, Error, tickets};
use crate::store::{Claimed, QueuedMail, Store};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A claim older than this belongs to a sender that died: the message is due again.
pub const CLAIM_TIMEOUT: Duration = Duration::minutes(10);
/// After this many failed attempts a message is failed for good.
pub const MAX_ATTEMPTS: i64 = 8;

/// How long to wait before the next attempt, after `attempts` failed ones:
/// 1 minute, 5, 30, 2 hours, then every 6 hours.
pub fn retry_delay(attempts: i64) -> Duration {
    match attempts {
        ..=1 => Duration::minutes(1),
        2 => Duration::minutes(5),
        3 => Duration::minutes(30),
        4 => Duration::hours(2),
        _ => Duration::hours(6),
    }
}

/// Records the reply (as `tickets::reply_with` does, on the e-mail channel)
/// and, in the same transaction, queues it as a message to the customer and
/// adds it to the ticket's thread, so the customer's answer finds the ticket
/// by `In-Reply-To`. Invalid settings or a customer with no e-mail address
/// write nothing.
pub fn reply(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    id: i64,
    summary: Option<&str>,
    article: Option<i64>,
) -> Result<Interaction, Error> {
    let summary = tickets::reply_summary(summary, article)?;
    transport::check(config)?;
    store.write(|tx| {
        let ticket = tx.ticket(id)?;
        let customer = tx.customer(ticket.customer_id)?;
        if customer.email.trim().is_empty() {
            return Err(Invalid::new("email", "", Reason::Required).into());
        }
        let interaction = tickets::reply_in(tx, ctx, id, summary.as_deref(), Some(Channel::Email), article)?;
        let thread = tx.mail_thread(id)?;
        let subject = reply_subject(&ticket.subject, id, &config.tag_prefix);
        let message_id = compose::message_id(&config.address, &unique_part(ctx.now, id, interaction.id));
        let mut references = thread.inbound_refs.clone();
        references.extend(thread.message_ids.iter().cloned());
        let message = compose::build(&Draft {
            from_name: &config.name,
            from_address: config.address.trim(),
            to_name: &customer.name,
            to_address: customer.email.trim(),
            subject: &subject,
            message_id: &message_id,
            in_reply_to: thread.latest_inbound.as_deref(),
            references: &references,
            date: ctx.now,
            body: &interaction.summary,
        })?;
        tx.queue_mail(&QueuedMail {
            interaction_id: interaction.id,
            ticket_id: id,
            customer_id: customer.id,
            message_id: &message_id,
            from_address: config.address.trim(),
            from_name: &compose::one_line(&config.name),
            to_address: customer.email.trim(),
            subject: &compose::one_line(&subject),
            in_reply_to: thread.latest_inbound.as_deref().unwrap_or_default(),
            references: &references.join(" "),
            message: &message,
            at: ctx.now,
        })?;
        Ok(interaction)
    })
}

/// Unique across databases and runs: the time (to the nanosecond, the real
/// clock beside `--now`), the process, the ticket and the interaction.
fn unique_part(now: DateTime<Utc>, ticket: i64, interaction: i64) -> String {
    let real = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!("{now:?}/{real}/{}/{ticket}/{interaction}", std::process::id());
    let hash = Sha256::digest(seed.as_bytes());
    let hex: String = hash.iter().take(10).map(|b| format!("{b:02x}")).collect();
    format!("{ticket}.{interaction}.{hex}")
}

/// What one message's attempt came to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attempt {
    pub outbox_id: i64,
    pub ticket_id: i64,
    pub to_address: String,
    /// "sent", "queued" (to be tried again) or "failed" (for good).
    pub state: &'static str,
    /// What the server or command said, when it was not a success.
    pub error: String,
    pub next_attempt_at: Option<DateTime<Utc>>,
}

/// The sum of a `mail send`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SendReport {
    pub attempts: Vec<Attempt>,
}

impl SendReport {
    pub fn count(&self, state: &str) -> usize {
        self.attempts.iter().filter(|a| a.state == state).count()
    }

    /// Something did not leave (to be retried, or failed for good).
    pub fn any_unsent(&self) -> bool {
        self.attempts.iter().any(|a| a.state != "sent")
    }
}

/// Sends every message that is due, one claim at a time.
pub fn send_due(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    progress: &dyn Progress,
) -> Result<SendReport, Error> {
    send(store, ctx, config, None, progress)
}

/// Sends the message of one reply now if it is due (`ticket reply --send`);
/// `None` when it is not waiting (another sender took it).
pub fn send_reply(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    interaction_id: i64,
) -> Result<Option<Attempt>, Error> {
    let Some(outbox_id) = store.read(|tx| tx.outbox_of_interaction(interaction_id))? else {
        return Ok(None);
    };
    let report = send(store, ctx, config, Some(outbox_id), &crate::service::progress::Quiet)?;
    Ok(report.attempts.into_iter().next())
}

/// Queues every failed message again, due now (`mail send --retry-failed`).
pub fn requeue_failed(store: &mut Store, ctx: &Ctx) -> Result<usize, Error> {
    store.write(|tx| Ok(tx.requeue_failed_mail(ctx.now)?))
}

fn send(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    only: Option<i64>,
    progress: &dyn Progress,
) -> Result<SendReport, Error> {
    let stale_before = ctx.now - CLAIM_TIMEOUT;
    let mut report = SendReport::default();
    // Nothing due: no password command runs, no server is called.
    if store.read(|tx| tx.mail_due(ctx.now, stale_before, only))? == 0 {
        return Ok(report);
    }
    let route: Route = transport::check(config)?;
    let transport = Transport::open(config, &route)?;
    progress.stage(Stage::Interactions, None);
    while let Some(claimed) = store.write(|tx| Ok::<_, Error>(tx.claim_mail(ctx.now, stale_before, only)?))? {
        let outcome = transport.send(config.address.trim(), &claimed.to_address, &claimed.message);
        report.attempts.push(record(store, ctx, &claimed, outcome)?);
        progress.advance(1);
        if only.is_some() {
            break;
        }
    }
    Ok(report)
}

/// Writes down what became of a claimed message.
fn record(store: &mut Store, ctx: &Ctx, claimed: &Claimed, outcome: Result<(), SendFailure>) -> Result<Attempt, Error> {
    let mut attempt = Attempt {
        outbox_id: claimed.id,
        ticket_id: claimed.ticket_id,
        to_address: claimed.to_address.clone(),
        state: "sent",
        error: String::new(),
        next_attempt_at: None,
    };
    match outcome {
        Ok(()) => {
            store.write(|tx| Ok::<_, Error>(tx.mark_mail_sent(claimed, ctx.now)?))?;
        }
        Err(failure) => {
            let attempts = claimed.attempts + 1;
            let next = (!failure.permanent && attempts < MAX_ATTEMPTS).then(|| ctx.now + retry_delay(attempts));
            store.write(|tx| Ok::<_, Error>(tx.mark_mail_unsent(claimed, next, &failure.message)?))?;
            attempt.state = if next.is_some() { "queued" } else { "failed" };
            attempt.error = failure.message;
            attempt.next_attempt_at = next;
        }
    }
    Ok(attempt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_six_hours() {
        let minutes: Vec<i64> = (1..=7).map(|n| retry_delay(n).num_minutes()).collect();
        assert_eq!(minutes, [1, 5, 30, 120, 360, 360, 360]);
    }
}
