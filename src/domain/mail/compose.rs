//! A reply as an RFC 5322 message (lettre's builder): From the team, To the
//! customer, the tagged `Re:` subject, threading headers, a UTF-8 text body.
//! No I/O: the Message-ID's unique part and the date come in as arguments.
//!
//! Message-IDs are kept WITHOUT their angle brackets (as mail-parser gives
//! them, and as `mail_messages.message_key` stores them); the brackets are
//! added here, where they are written.

use super::super::error::{Form, Invalid, Reason};
use chrono::{DateTime, Utc};
use lettre::message::SinglePart;
use lettre::message::{Mailbox, Message};

/// At most this many Message-IDs in `References`: the newest ones (with the
/// first, which names the thread), as RFC 5322 suggests trimming.
const REFERENCES_MAX: usize = 20;

/// Everything a reply message says.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    /// `[mail] name`, `[mail] address`.
    pub from_name: &'a str,
    pub from_address: &'a str,
    /// The customer.
    pub to_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    /// The new message's id, without brackets (see [`message_id`]).
    pub message_id: &'a str,
    /// The customer's latest message on the ticket, without brackets.
    pub in_reply_to: Option<&'a str>,
    /// The thread's Message-IDs, oldest first, without brackets.
    pub references: &'a [String],
    pub date: DateTime<Utc>,
    pub body: &'a str,
}

/// A new Message-ID (without brackets) in the domain of the team's address:
/// `unique` must differ for every message (the caller hashes what makes it so).
pub fn message_id(from_address: &str, unique: &str) -> String {
    let domain = from_address
        .rsplit_once('@')
        .map_or("frontdesk.invalid", |(_, d)| d.trim());
    format!("frontdesk.{unique}@{}", domain.to_ascii_lowercase())
}

/// A Message-ID as stored (with or without brackets) that is safe to write
/// in a header: `local@domain`, printable ASCII, no spaces, no brackets
/// inside. Anything else (a hash key of a message that had none, bytes a
/// hostile sender chose) is left out of the threading headers.
pub fn clean_message_id(id: &str) -> Option<&str> {
    let id = id.trim();
    let id = id.strip_prefix('<').unwrap_or(id);
    let id = id.strip_suffix('>').unwrap_or(id);
    let printable = |c: char| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '"' | '\\' | '(' | ')' | ',');
    let (local, domain) = id.split_once('@')?;
    (!local.is_empty() && !domain.is_empty() && id.len() <= 250 && id.chars().all(printable)).then_some(id)
}

/// A name or subject as one header line: control characters (CR and LF
/// above all, which would start a header of their own) become spaces, so no
/// text of a customer's or an agent's can add a header.
pub fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The message's bytes. An address that is not one is `Invalid`, naming
/// where it came from (`[mail] address`, the customer's `email`).
pub fn build(draft: &Draft) -> Result<Vec<u8>, Invalid> {
    let from = mailbox("[mail] address", draft.from_name, draft.from_address)?;
    let to = mailbox("email", draft.to_name, draft.to_address)?;
    let id = clean_message_id(draft.message_id)
        .ok_or_else(|| Invalid::new("message-id", draft.message_id, Reason::Format(Form::Email)))?;
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(one_line(draft.subject))
        .message_id(Some(format!("<{id}>")))
        .date(draft.date.into());
    if let Some(parent) = draft.in_reply_to.and_then(clean_message_id) {
        builder = builder.in_reply_to(format!("<{parent}>"));
    }
    let references = references(draft.references);
    if !references.is_empty() {
        builder = builder.references(references);
    }
    // A single text part: the builder adds `MIME-Version: 1.0`, picks
    // quoted-printable or base64 for a non-ASCII body and encodes non-ASCII
    // headers (RFC 2047).
    let message = builder
        .singlepart(SinglePart::plain(draft.body.replace("\r\n", "\n")))
        .map_err(|_| Invalid::new("email", draft.to_address, Reason::Format(Form::Email)))?;
    Ok(message.formatted())
}

fn mailbox(field: &str, name: &str, address: &str) -> Result<Mailbox, Invalid> {
    let bad = || Invalid::new(field, address, Reason::Format(Form::Email));
    let address: lettre::Address = address.trim().parse().map_err(|_| bad())?;
    let name = one_line(name);
    Ok(Mailbox::new((!name.is_empty()).then_some(name), address))
}

/// The `References` value: the safe ids, each once, the first and the newest
/// ones kept when there are too many.
fn references(ids: &[String]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids.iter().filter_map(|id| clean_message_id(id)) {
        if !seen.contains(&id) {
            seen.push(id);
        }
    }
    if seen.len() > REFERENCES_MAX {
        let tail = seen.split_off(seen.len() - (REFERENCES_MAX - 1));
        seen.truncate(1);
        seen.extend(tail);
    }
    seen.iter().map(|id| format!("<{id}>")).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "compose_tests.rs"]
mod tests;
