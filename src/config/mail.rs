//! `[mail]`: where mail is read from and how replies are sent. The URLs are
//! checked when they are used (`mail fetch`, `mail send`), where a bad one
//! is reported with its key; here they are only carried.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Deserialize)]
pub struct MailConfig {
    /// The team's address: the From of replies, never answered itself.
    pub address: String,
    /// The display name beside `address`.
    pub name: String,
    /// Other addresses of the team that must never be answered.
    pub own_addresses: Vec<String>,
    /// `imaps://…`, `imap://…` (STARTTLS), `maildir:/path`, `mbox:/path`.
    pub sources: Vec<String>,
    /// Prints the IMAP password.
    pub password_command: String,
    /// Extra trusted certificates (PEM); empty: the system's only.
    pub ca_file: PathBuf,
    /// `smtps://user@host:465` or `smtp://user@host:587` (STARTTLS).
    pub smtp: String,
    /// Prints the SMTP password.
    pub smtp_password_command: String,
    /// A sendmail command line, used when `smtp` is empty.
    pub sendmail: String,
    /// The ticket tag's prefix in subjects: `[#123]`.
    pub tag_prefix: String,
    /// Larger attachments are listed but not kept.
    pub attachment_max_kb: u64,
    /// The TUI's background fetch interval; 0 turns it off.
    pub fetch_every_minutes: u64,
    /// The kind of a ticket opened by mail (`inquiry`, `complaint`, …);
    /// the routing rules then choose its department and assignee.
    pub default_kind: String,
}

impl MailConfig {
    /// Every address of the team, lower case: mail from one of them is a loop.
    pub fn own_addresses(&self) -> Vec<String> {
        std::iter::once(&self.address)
            .chain(&self.own_addresses)
            .map(|a| a.trim().to_lowercase())
            .filter(|a| !a.is_empty())
            .collect()
    }

    pub fn attachment_max_bytes(&self) -> u64 {
        self.attachment_max_kb.saturating_mul(1024)
    }
}
