//! Which mail is set aside instead of ticketed (issue #15 "not everything
//! is a ticket"): the team's own mail (a loop), bounces, auto-replies, list
//! and bulk mail. Set-aside mail is stored and counted, never ticketed and
//! never answered, so two auto-responders cannot talk to each other through
//! frontdesk.
//!
//! Decisions:
//! - A subject alone ("Out of Office", "自动回复") never sets a message
//!   aside: a customer may write those words. With a weak header sign
//!   (`Precedence: bulk|junk`, an empty `Return-Path: <>`) it makes the
//!   message an auto-reply rather than bulk.
//! - `List-Unsubscribe` without `List-Id` is bulk: mail programs of people
//!   never add it; newsletters and marketing senders do.

use super::SetAside;
use mail_parser::{Message, MimeHeaders};

/// The header signs of one message that the rules read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signs {
    /// `Auto-Submitted`, lower case (`no` means a person sent it).
    pub auto_submitted: Option<String>,
    /// `X-Autoreply` or `X-Autorespond` present.
    pub x_autoreply: bool,
    /// `Precedence`, lower case.
    pub precedence: Option<String>,
    /// The root part is `multipart/report` with this `report-type`, lower case.
    pub report_type: Option<String>,
    pub list_id: bool,
    pub list_unsubscribe: bool,
    /// `Return-Path: <>`: a message no one may answer (bounces, auto-replies).
    pub null_return_path: bool,
}

impl Signs {
    pub fn of(message: &Message) -> Signs {
        let raw = |name: &str| message.header_raw(name).map(|v| v.trim().to_ascii_lowercase());
        let report_type = message.root_part().content_type().and_then(|ct| {
            let is_report = ct.ctype().eq_ignore_ascii_case("multipart")
                && ct.subtype().is_some_and(|s| s.eq_ignore_ascii_case("report"));
            is_report.then(|| ct.attribute("report-type").unwrap_or("").to_ascii_lowercase())
        });
        Signs {
            auto_submitted: raw("Auto-Submitted"),
            x_autoreply: raw("X-Autoreply").is_some() || raw("X-Autorespond").is_some(),
            precedence: raw("Precedence"),
            report_type,
            list_id: raw("List-Id").is_some(),
            list_unsubscribe: raw("List-Unsubscribe").is_some(),
            null_return_path: raw("Return-Path")
                .is_some_and(|v| v.trim_matches(|c| c == '<' || c == '>' || c == ' ').is_empty()),
        }
    }
}

/// Why a message from `from` (lower case) with `subject` and `signs` is set
/// aside, or `None` when it is a customer's mail. `own` are the team's
/// addresses (`MailConfig::own_addresses`).
pub fn classify(from: &str, subject: &str, signs: &Signs, own: &[String]) -> Option<SetAside> {
    let from = from.trim().to_lowercase();
    if own.contains(&from) {
        return Some(SetAside::Loop);
    }
    let local = from.split('@').next().unwrap_or("");
    let precedence = signs.precedence.as_deref().unwrap_or("");
    if signs.report_type.as_deref() == Some("delivery-status") || matches!(local, "mailer-daemon" | "postmaster") {
        return Some(SetAside::Bounce);
    }
    let auto_submitted = signs
        .auto_submitted
        .as_deref()
        .is_some_and(|v| !v.is_empty() && !v.starts_with("no"));
    if auto_submitted || signs.x_autoreply || precedence == "auto_reply" {
        return Some(SetAside::AutoReply);
    }
    let weak_sign = matches!(precedence, "bulk" | "junk") || signs.null_return_path;
    if weak_sign && looks_like_auto_reply(subject) {
        return Some(SetAside::AutoReply);
    }
    if signs.list_id || precedence == "list" {
        return Some(SetAside::List);
    }
    if matches!(precedence, "bulk" | "junk") || signs.list_unsubscribe {
        return Some(SetAside::Bulk);
    }
    None
}

/// Subjects vacation programs write, in English and Chinese.
fn looks_like_auto_reply(subject: &str) -> bool {
    let lower = subject.to_lowercase();
    [
        "out of office",
        "out of the office",
        "auto-reply",
        "autoreply",
        "automatic reply",
        "auto reply",
        "vacation",
        "自动回复",
        "自動回覆",
        "休假",
        "不在办公室",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
#[path = "classify_tests.rs"]
mod tests;
