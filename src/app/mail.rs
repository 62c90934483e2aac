//! Mail on the ticket page (issue #15): each message with its sender, its
//! time and its new text, the quoted history folded to one line; the
//! outbox state beside each reply sent by e-mail; the ticket's attachments
//! as lines to save. Built into the page's document like the rest of it,
//! from what the ticket's read brought: nothing here reads anything.

use super::doc::{Doc, piece};
use super::format::{self, local_short};
use super::model::Model;
use super::navigation::LineTarget;
use super::theme::Role;
use crate::domain::enums::{Channel, Direction};
use crate::domain::interaction::Interaction;
use crate::domain::mail::quote;
use crate::domain::mail::{OutboxEntry, OutboxState};
use crate::domain::text::{fit, sanitize_line};
use crate::domain::ticket::Ticket;
use crate::i18n::fill;
use crate::service::mail::thread::{OutboxCounts, TicketMail};
use std::path::PathBuf;

/// What the model keeps of mail beyond the page on screen.
#[derive(Debug, Clone)]
pub struct MailState {
    /// Replies waiting in the outbox and failed ones, for the header.
    pub outbox: OutboxCounts,
    /// Where an attachment is offered to go: the download folder, or the
    /// current one (found once at start, see `tui::run`).
    pub downloads: PathBuf,
    /// `[mail] fetch_every_minutes`: the background fetch's interval; 0 off.
    pub fetch_every_minutes: u64,
    /// A fetch is running: never two at once.
    pub fetching: bool,
    /// When the last fetch was asked for (the timer counts from it).
    pub fetched_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl Default for MailState {
    fn default() -> MailState {
        MailState {
            outbox: OutboxCounts::default(),
            downloads: PathBuf::from("."),
            fetch_every_minutes: 0,
            fetching: false,
            fetched_at: None,
        }
    }
}

/// The mail of the ticket page and whether its quotes are shown.
#[derive(Clone, Copy)]
pub struct Thread<'a> {
    pub mail: Option<&'a TicketMail>,
    pub quotes_open: bool,
}

/// An interaction that is a message: one came in or went out as mail, or
/// it is an e-mail contact of an e-mail ticket.
fn is_mail(ticket: &Ticket, i: &Interaction, mail: Option<&TicketMail>) -> bool {
    mail.is_some_and(|m| m.message(i.id).is_some() || m.outbox_of(i.id).is_some())
        || (ticket.channel == Channel::Email && i.channel == Channel::Email)
}

/// The mail's text: the body as received when kept, else the summary.
fn text_of(i: &Interaction) -> &str {
    if i.body.trim().is_empty() { &i.summary } else { &i.body }
}

/// Pushes interaction `i` as a message when it is one; false otherwise (the
/// page shows it as any other contact).
pub fn message(doc: &mut Doc, model: &Model, ticket: &Ticket, i: &Interaction, thread: Thread) -> bool {
    if !is_mail(ticket, i, thread.mail) {
        return false;
    }
    let (s, tz, now) = (model.strings, model.session.timezone, model.now);
    let m = &s.mail_tui;
    let masked = model.session.masked;
    let sender = match thread.mail.and_then(|mail| mail.message(i.id)) {
        Some(msg) => {
            let address = format::email(&msg.from_address, masked);
            match msg.from_name.trim() {
                "" => address,
                name => format!("{name} <{address}>"),
            }
        }
        None if i.direction == Direction::Inbound => ticket.customer_name.clone(),
        None => i.agent.clone(),
    };
    // The line that edits the interaction (Enter, `e`), as in any history.
    doc.push_link(
        vec![
            piece(format!("  {} ", local_short(i.at, now, tz)), Role::Muted),
            piece(s.direction_mark(i.direction), format::direction_role(Some(i.direction))),
            piece(" ", Role::Muted),
            piece(sanitize_line(&fill(m.from, &[("sender", &sender)])), Role::Text),
        ],
        LineTarget::Interaction(i.id),
    );
    if let Some(entry) = thread.mail.and_then(|mail| mail.outbox_of(i.id)) {
        let (text, role) = outbox_state(model, entry);
        doc.paragraph(&text, role, 6);
    }
    let split = quote::split(text_of(i));
    if !split.new.is_empty() {
        doc.paragraph(split.new, Role::Text, 6);
    }
    let lines = split.quoted_lines();
    if lines > 0 {
        if thread.quotes_open {
            doc.push(vec![piece(format!("      {}", m.quoted_open), Role::Muted)]);
            doc.paragraph(split.quoted, Role::Muted, 8);
        } else {
            let folded = m.quoted_folded.of(lines as i64, &[]);
            doc.push(vec![piece(format!("      {folded}"), Role::Muted)]);
        }
    }
    true
}

/// Where a reply stands in the outbox, in words, and its colour.
fn outbox_state(model: &Model, entry: &OutboxEntry) -> (String, Role) {
    let (m, tz, now) = (&model.strings.mail_tui, model.session.timezone, model.now);
    match entry.state {
        OutboxState::Queued if entry.attempts > 0 => (
            fill(
                m.retrying,
                &[
                    ("when", &local_short(entry.next_attempt_at, now, tz)),
                    ("count", &entry.attempts.to_string()),
                ],
            ),
            Role::AtRisk,
        ),
        OutboxState::Queued => (m.queued.to_string(), Role::Notice),
        OutboxState::Sending => (m.sending.to_string(), Role::Notice),
        OutboxState::Sent => {
            let when = entry.sent_at.map(|t| local_short(t, now, tz)).unwrap_or_default();
            (fill(m.sent, &[("when", &when)]).trim_end().to_string(), Role::Met)
        }
        // The server's words are data: one line, made safe.
        OutboxState::Failed => (
            fill(m.failed, &[("error", &sanitize_line(&entry.last_error))]),
            Role::Breached,
        ),
    }
}

/// The ticket's attachments, one line each (name, type, size): a line is
/// a link that asks where to save it. Never opened, never rendered.
pub fn attachments(doc: &mut Doc, model: &Model, mail: Option<&TicketMail>) {
    let Some(mail) = mail.filter(|m| !m.attachments.is_empty()) else {
        return;
    };
    let m = &model.strings.mail_tui;
    doc.heading(&fill(m.attachments, &[("count", &mail.attachments.len().to_string())]));
    // Indent, name, type and size with two columns between them.
    let name_cols = doc.width.saturating_sub(2 + 2 + 20 + 2 + 9).clamp(12, 48);
    for a in &mail.attachments {
        doc.push_link(
            vec![
                piece("  ", Role::Text),
                piece(
                    format!("{}  ", fit(&sanitize_line(&a.file_name), name_cols)),
                    Role::Text,
                ),
                piece(format!("{}  ", fit(&sanitize_line(&a.mime_type), 20)), Role::Muted),
                piece(format!("{:>9}", size(a.size)), Role::Muted),
            ],
            LineTarget::Attachment(a.id),
        );
    }
}

/// Bytes as people read them: `512 B`, `12.5 KB`, `3.0 MB`.
pub fn size(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if bytes < 1024 {
        format!("{} B", bytes.max(0))
    } else if b < 1024.0 * 1024.0 {
        format!("{:.1} KB", b / 1024.0)
    } else {
        format!("{:.1} MB", b / (1024.0 * 1024.0))
    }
}

/// The page has quoted history to fold or show.
pub fn has_quotes(detail: &crate::service::tickets::TicketDetail, mail: Option<&TicketMail>) -> bool {
    let ticket = &detail.view.ticket;
    detail
        .interactions
        .iter()
        .any(|i| is_mail(ticket, i, mail) && quote::split(text_of(i)).quoted_lines() > 0)
}

/// The ticket page on screen has quoted history (for the footer's hints).
pub fn page_has_quotes(model: &Model) -> bool {
    match model.screens.detail() {
        Some(super::model::Detail::Ticket {
            detail: Some(detail),
            mail,
            ..
        }) => has_quotes(detail, mail.as_deref()),
        _ => false,
    }
}

/// The ticket page on screen lists attachments.
pub fn page_has_attachments(model: &Model) -> bool {
    matches!(
        model.screens.detail(),
        Some(super::model::Detail::Ticket { mail: Some(mail), .. }) if !mail.attachments.is_empty()
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_read_as_people_say_them() {
        for (bytes, want) in [
            (0, "0 B"),
            (512, "512 B"),
            (12_800, "12.5 KB"),
            (3 * 1024 * 1024, "3.0 MB"),
            (-1, "0 B"),
        ] {
            assert_eq!(super::size(bytes), want);
        }
    }
}
