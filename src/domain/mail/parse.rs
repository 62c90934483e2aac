//! Raw mail bytes → what the ingest needs of a message ([`ParsedMail`]):
//! its key, threading headers, sender, subject, date, readable text and
//! attachments, plus the header signs the set-aside rules read. Decoding
//! (MIME, quoted-printable, base64, RFC 2047 words, GBK/GB18030/Big5) is
//! mail-parser's; what this adds is the choices: which key, which date,
//! which text, what an unnamed part is called. Never panics on any bytes.

use super::classify::Signs;
use crate::domain::validate::{LINE_MAX, TEXT_MAX};
use chrono::{DateTime, Duration, TimeZone, Utc};
use mail_parser::{Address, HeaderValue, MessageParser, MimeHeaders, PartType};
use sha2::{Digest, Sha256};

/// One message as the ingest sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedMail {
    /// The Message-ID without `<>`, else `sha256:` and the hex of the bytes.
    pub message_key: String,
    /// `In-Reply-To` ids, without `<>`.
    pub in_reply_to: Vec<String>,
    /// `References` ids, oldest first, without `<>`.
    pub references: Vec<String>,
    /// The sender's address, lower case.
    pub from_address: String,
    /// The sender's display name (decoded), possibly empty.
    pub from_name: String,
    /// The first `To` address, lower case, possibly empty.
    pub to_address: String,
    /// The decoded subject, one line, at most `LINE_MAX` characters.
    pub subject: String,
    /// The `Date` header, or the arrival time when it is missing or absurd.
    pub date: DateTime<Utc>,
    /// The readable text: the text/plain parts, else the HTML made text.
    pub text: String,
    pub attachments: Vec<MailAttachment>,
    /// What the set-aside rules read.
    pub signs: Signs,
}

/// A part kept beside the text: a file, an inline image, a forwarded message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttachment {
    /// The name the sender gave (control characters removed), or one made
    /// from the type (`image-1.png`).
    pub file_name: String,
    pub mime_type: String,
    pub data: Vec<u8>,
}

/// Why bytes are not a message one can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing like a message (no headers).
    NotMail,
    /// No sender address to answer or find a customer by.
    NoSender,
}

/// The key of bytes that carry no Message-ID: the same bytes always give
/// the same key, so an unreadable message is also stored once.
pub fn hash_key(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    let mut key = String::with_capacity(7 + 64);
    key.push_str("sha256:");
    key.push_str(&hex(&digest));
    key
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Reads one message; `arrived` stands in for a missing or absurd date.
pub fn parse(raw: &[u8], arrived: DateTime<Utc>) -> Result<ParsedMail, ParseError> {
    let message = MessageParser::default().parse(raw).ok_or(ParseError::NotMail)?;
    if message.headers().is_empty() {
        return Err(ParseError::NotMail);
    }
    let (from_address, from_name) = first_address(message.from()).ok_or(ParseError::NoSender)?;
    if !from_address.contains('@') {
        return Err(ParseError::NoSender);
    }
    let to_address = first_address(message.to()).map(|(a, _)| a).unwrap_or_default();
    let message_key = message
        .message_id()
        .map(clean_id)
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| hash_key(raw));
    let subject = one_line(message.subject().unwrap_or(""), LINE_MAX);
    let date = message
        .date()
        .filter(|d| d.is_valid())
        .and_then(|d| Utc.timestamp_opt(d.to_timestamp(), 0).single())
        .filter(|d| sane_date(*d, arrived))
        .unwrap_or(arrived);
    let mut parts = Vec::new();
    for pos in 0..message.text_body_count() {
        if let Some(text) = message.body_text(pos) {
            let text = text.replace("\r\n", "\n").replace('\0', "");
            if !text.trim().is_empty() {
                parts.push(text.trim_end().to_string());
            }
        }
    }
    let text = truncate_chars(parts.join("\n\n").trim(), TEXT_MAX);
    let mut attachments = Vec::new();
    for (n, part) in message.attachments().enumerate() {
        if matches!(part.body, PartType::Multipart(_)) {
            continue;
        }
        let mime_type = part
            .content_type()
            .map(|ct| match ct.subtype() {
                Some(sub) => format!("{}/{}", ct.ctype(), sub),
                None => ct.ctype().to_string(),
            })
            .unwrap_or_else(|| "application/octet-stream".to_string())
            .to_ascii_lowercase();
        let given = part
            .attachment_name()
            .map(|n| one_line(n, LINE_MAX))
            .unwrap_or_default();
        let file_name = if given.is_empty() {
            name_by_type(&mime_type, n + 1)
        } else {
            given
        };
        attachments.push(MailAttachment {
            file_name,
            mime_type,
            data: part.contents().to_vec(),
        });
    }
    let signs = Signs::of(&message);
    Ok(ParsedMail {
        message_key,
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        from_address,
        from_name,
        to_address,
        subject,
        date,
        text,
        attachments,
        signs,
    })
}

/// A date more than a day ahead of the arrival (clocks drift a little) or
/// before e-mail was common is a wrong clock, not a fact.
fn sane_date(date: DateTime<Utc>, arrived: DateTime<Utc>) -> bool {
    let earliest = Utc.with_ymd_and_hms(1990, 1, 1, 0, 0, 0).single();
    earliest.is_some_and(|e| date >= e) && date <= arrived + Duration::days(1)
}

fn first_address(address: Option<&Address>) -> Option<(String, String)> {
    let addr = address?.first()?;
    let email = addr
        .address()
        .map(|a| a.trim().to_lowercase())
        .filter(|a| !a.is_empty())?;
    let name = addr.name().map(|n| one_line(n, LINE_MAX)).unwrap_or_default();
    Some((one_line(&email, 254), name))
}

/// Message-IDs of a header (`In-Reply-To`, `References`), without `<>`.
fn ids(value: &HeaderValue) -> Vec<String> {
    let list: Vec<&str> = match value {
        HeaderValue::Text(t) => vec![t.as_ref()],
        HeaderValue::TextList(list) => list.iter().map(|t| t.as_ref()).collect(),
        _ => Vec::new(),
    };
    list.into_iter()
        .flat_map(|t| t.split_whitespace())
        .map(clean_id)
        .filter(|id| !id.is_empty())
        .collect()
}

fn clean_id(id: &str) -> String {
    one_line(id.trim().trim_start_matches('<').trim_end_matches('>'), 998)
}

/// One line of text: control characters (line breaks included) become
/// spaces, runs of spaces one, at most `max` characters.
pub fn one_line(s: &str, max: usize) -> String {
    let spaced: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    truncate_chars(&joined, max)
}

fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => s[..end].to_string(),
        None => s.to_string(),
    }
}

/// A name for a part sent without one: its type and position
/// (`image-1.png`, `message-2.eml`).
fn name_by_type(mime_type: &str, n: usize) -> String {
    let (top, sub) = mime_type.split_once('/').unwrap_or((mime_type, ""));
    let ext = match sub {
        "jpeg" | "pjpeg" => "jpg",
        "plain" => "txt",
        "rfc822" => "eml",
        "svg+xml" => "svg",
        "octet-stream" | "" => "bin",
        other if other.chars().all(|c| c.is_ascii_alphanumeric()) && other.len() <= 8 => other,
        _ => "bin",
    };
    let top = if top.chars().all(|c| c.is_ascii_alphanumeric()) && !top.is_empty() {
        top
    } else {
        "part"
    };
    format!("{top}-{n}.{ext}")
}

/// A file name safe to create in a folder: the last path component only,
/// no control characters, no leading dots (no hidden files, no `..`), at
/// most 120 characters; `attachment` when nothing is left.
pub fn safe_file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    let cleaned = truncate_chars(cleaned, 120);
    if cleaned.is_empty() {
        "attachment".to_string()
    } else {
        cleaned
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
