//! One message into the database, in ONE write transaction: stored once by
//! its key, set aside with its reason, or joined to its customer and ticket
//! (a new ticket, or a reply that may reopen one), with its attachments.
//! A crash before the commit leaves nothing; after it, fetching the message
//! again finds it stored and adds nothing.

use super::Ingested;
use crate::config::MailConfig;
use crate::domain::customer::{Customer, CustomerInput};
use crate::domain::enums::{Channel, Direction, Priority, TicketKind, TicketStatus};
use crate::domain::mail::SetAside;
use crate::domain::mail::classify::classify;
use crate::domain::mail::parse::{MailAttachment, ParsedMail, hash_key, hex, parse};
use crate::domain::mail::tag::ticket_in_subject;
use crate::domain::validate::LINE_MAX;
use crate::service::tickets::{NewTicket, move_to, open_in, record_contact_with_body};
use crate::service::{Ctx, Error, customers};
use crate::store::{NewMailMessage, Store, StoreError, Tx};
use sha2::{Digest, Sha256};

/// Stores one raw message that came from `origin` ("import", or the source
/// as configured) and says what became of it; returns once it committed.
pub fn ingest(store: &mut Store, ctx: &Ctx, config: &MailConfig, raw: &[u8], origin: &str) -> Result<Ingested, Error> {
    // The kind of a new ticket, checked before anything is written.
    let kind = default_kind(config)?;
    let parsed = match parse(raw, ctx.now) {
        Ok(parsed) => parsed,
        Err(_) => return store.write(|tx| set_aside_unreadable(tx, ctx, raw, origin)),
    };
    store.write(|tx| take(tx, ctx, config, kind, &parsed, origin))
}

/// The kind of a ticket opened by mail (`[mail] default_kind`); a bad
/// one is refused naming the setting. Checked before a fetch or import
/// reads anything, and again by each message.
pub fn default_kind(config: &MailConfig) -> Result<TicketKind, crate::domain::error::Invalid> {
    config
        .default_kind
        .parse()
        .map_err(|mut e: crate::domain::error::Invalid| {
            e.field = "mail.default_kind".into();
            e
        })
}

/// Stores many messages in ONE write transaction (what [`ingest`] does for
/// each), for the sources read from this machine: a commit per message
/// rewrote the same index pages for each. If the batch cannot be taken as a
/// whole (one message a check refuses), each is tried on its own, so the
/// others still go in and the failure is that message's alone.
pub fn ingest_batch(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    raws: &[Vec<u8>],
    origin: &str,
    taken: &mut dyn FnMut(&Ingested),
) -> Result<(), Error> {
    let kind: TicketKind = config.default_kind.parse()?;
    let parsed: Vec<Option<ParsedMail>> = raws.iter().map(|raw| parse(raw, ctx.now).ok()).collect();
    let together = store.write(|tx| {
        raws.iter()
            .zip(&parsed)
            .map(|(raw, parsed)| match parsed {
                Some(m) => take(tx, ctx, config, kind, m, origin),
                None => set_aside_unreadable(tx, ctx, raw, origin),
            })
            .collect::<Result<Vec<_>, Error>>()
    });
    match together {
        Ok(outcomes) => {
            outcomes.iter().for_each(taken);
            Ok(())
        }
        Err(Error::Storage(e)) => Err(Error::Storage(e)),
        Err(_) if raws.len() > 1 => {
            for raw in raws {
                taken(&ingest(store, ctx, config, raw, origin)?);
            }
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// Bytes that are no message are kept by their hash, so they are counted
/// once and never block the messages after them.
fn set_aside_unreadable(tx: &Tx, ctx: &Ctx, raw: &[u8], origin: &str) -> Result<Ingested, Error> {
    let key = hash_key(raw);
    if tx.mail_message_known(&key)? {
        return Ok(Ingested::Duplicate);
    }
    tx.insert_mail_message(&NewMailMessage {
        message_key: &key,
        direction: "in",
        sent_at: Some(ctx.now),
        received_at: Some(ctx.now),
        set_aside: Some(SetAside::Unreadable.key()),
        origin,
        ..Default::default()
    })?;
    Ok(Ingested::SetAside(SetAside::Unreadable))
}

fn take(
    tx: &Tx,
    ctx: &Ctx,
    config: &MailConfig,
    kind: TicketKind,
    m: &ParsedMail,
    origin: &str,
) -> Result<Ingested, Error> {
    if tx.mail_message_known(&m.message_key)? {
        return Ok(Ingested::Duplicate);
    }
    let in_reply_to = m.in_reply_to.join(" ");
    let refs = m.references.join(" ");
    // Never later than now: a sender's clock a little ahead is not a
    // ticket opened in the future.
    let at = m.date.min(ctx.now);
    let mut row = NewMailMessage {
        message_key: &m.message_key,
        direction: "in",
        from_address: &m.from_address,
        from_name: &m.from_name,
        to_address: &m.to_address,
        subject: &m.subject,
        sent_at: Some(at),
        received_at: Some(ctx.now),
        in_reply_to: &in_reply_to,
        refs: &refs,
        origin,
        ..Default::default()
    };
    if let Some(why) = classify(&m.from_address, &m.subject, &m.signs, &config.own_addresses()) {
        row.set_aside = Some(why.key());
        tx.insert_mail_message(&row)?;
        return Ok(Ingested::SetAside(why));
    }
    let customer = sender(tx, ctx, m)?;
    let (body, kept) = body_and_kept(m, config.attachment_max_bytes());
    let summary = if m.subject.is_empty() {
        first_line(&m.text)
    } else {
        m.subject.clone()
    };
    let (ticket_id, interaction_id, outcome) = match thread(tx, config, m, customer.id)? {
        Some(ticket_id) => {
            let mut t = tx.ticket(ticket_id)?;
            let reopened = !t.status.is_open();
            if reopened {
                move_to(tx, ctx, &mut t, TicketStatus::Open)?;
            }
            let i = record_contact_with_body(tx, ctx, &t, Channel::Email, Direction::Inbound, &summary, &body, at)?;
            let outcome = Ingested::Reply {
                ticket_id,
                interaction_id: i.id,
                reopened,
            };
            (ticket_id, i.id, outcome)
        }
        None => {
            let new = NewTicket {
                kind,
                category: String::new(),
                priority: Priority::Normal,
                channel: Channel::Email,
                subject: summary.clone(),
                description: body.clone(),
                opened_at: at,
            };
            let ticket_id = open_in(tx, ctx, &customer, &new)?;
            let t = tx.ticket(ticket_id)?;
            let i = record_contact_with_body(tx, ctx, &t, Channel::Email, Direction::Inbound, &summary, &body, at)?;
            let outcome = Ingested::NewTicket {
                ticket_id,
                interaction_id: i.id,
            };
            (ticket_id, i.id, outcome)
        }
    };
    row.ticket_id = Some(ticket_id);
    row.interaction_id = Some(interaction_id);
    row.customer_id = Some(customer.id);
    let message_id = tx.insert_mail_message(&row)?;
    for a in kept {
        let sha = hex(&Sha256::digest(&a.data));
        tx.insert_mail_attachment(message_id, Some(ticket_id), &a.file_name, &a.mime_type, &sha, &a.data)?;
    }
    Ok(outcome)
}

/// The sender's customer: by a recorded address, else by a customer's
/// e-mail (letter case aside), else a new person customer named by the
/// display name. The address is recorded for next time.
fn sender(tx: &Tx, ctx: &Ctx, m: &ParsedMail) -> Result<Customer, Error> {
    let address = &m.from_address;
    let known = match tx.mail_address_customer(address)? {
        Some(id) => Some(id),
        None => tx.customer_id_by_email(address)?,
    };
    let customer = match known {
        Some(id) => tx.customer(id)?,
        None => {
            let name = if m.from_name.is_empty() {
                address.clone()
            } else {
                m.from_name.clone()
            };
            let input = |email: Option<String>| CustomerInput {
                name: Some(name.clone()),
                kind: Some("person".into()),
                channel: Some("email".into()),
                email,
                ..Default::default()
            };
            // An address the customer form would refuse is still the
            // sender's: it is kept in the addresses, not on the record.
            let fields = match input(Some(address.clone())).validate_on(ctx.today()) {
                Ok(fields) => fields,
                Err(_) => input(None).validate_on(ctx.today())?,
            };
            customers::insert(tx, ctx, &fields)?
        }
    };
    tx.add_mail_address(address, customer.id)?;
    Ok(customer)
}

/// The ticket a message answers: by `In-Reply-To`, then `References`
/// newest first (received and sent messages alike), then the subject's tag
/// of a ticket of the sender's own: a tag is easily typed, so a stranger's
/// `[#12]` opens a ticket of their own instead of writing into another
/// customer's.
fn thread(tx: &Tx, config: &MailConfig, m: &ParsedMail, sender: i64) -> Result<Option<i64>, Error> {
    for id in m.in_reply_to.iter().chain(m.references.iter().rev()) {
        if let Some(ticket) = tx.ticket_of_message(id)? {
            return Ok(Some(ticket));
        }
    }
    let Some(id) = ticket_in_subject(&m.subject, &config.tag_prefix) else {
        return Ok(None);
    };
    match tx.ticket(id) {
        Ok(t) if t.customer_id == sender => Ok(Some(id)),
        // Another customer's ticket, or none: a new ticket.
        Ok(_) | Err(StoreError::NotFound { .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// The interaction's text and the attachments kept. One larger than the
/// cap is not kept; the text says so in a line of its own (the text is
/// data, so it is written in English, as the sender's words are kept).
fn body_and_kept(m: &ParsedMail, max_bytes: u64) -> (String, Vec<&MailAttachment>) {
    let mut body = m.text.clone();
    let mut kept = Vec::new();
    for a in &m.attachments {
        if a.data.len() as u64 > max_bytes {
            body.push_str(&format!(
                "\n\n[attachment not kept, {} bytes over the limit: {}]",
                a.data.len(),
                a.file_name
            ));
        } else {
            kept.push(a);
        }
    }
    (body.trim().to_string(), kept)
}

/// A subject for a message that has none.
fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let line = crate::domain::mail::parse::one_line(line, LINE_MAX);
    if line.is_empty() {
        "(no subject)".to_string()
    } else {
        line
    }
}
