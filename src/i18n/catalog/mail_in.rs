//! The words of mail that arrives (`mail import`, `mail fetch`, `mail
//! attachments`, `mail save`, a ticket's attachments), reached through
//! `Strings::mail_in`.

crate::i18n::texts::catalogue_struct! {
    pub struct MailInStrings {
        /// The summary's first line: `{count}` messages read.
        pub read: crate::i18n::Plural,
        /// `{count}` new tickets opened.
        pub new_tickets: crate::i18n::Plural,
        /// `{count}` replies joined their tickets, `{reopened}` of them reopened one.
        pub replies: crate::i18n::Plural,
        /// `{count}` messages stored before, nothing added.
        pub duplicates: crate::i18n::Plural,
        /// `{count}` set aside: `{reasons}` (each `reason_count`, joined by `list_separator`).
        pub set_aside: crate::i18n::Plural,
        /// One reason and its count: `{reason}` `{count}`.
        pub reason_count: &'static str,
        pub list_separator: &'static str,
        /// The set-aside reasons, by key.
        pub reason_auto_reply: &'static str,
        pub reason_bounce: &'static str,
        pub reason_bulk: &'static str,
        pub reason_list: &'static str,
        pub reason_loop: &'static str,
        pub reason_unreadable: &'static str,
        /// `mail fetch` with no `[mail] sources`.
        pub no_sources: &'static str,
        /// A source whose form is none of imaps://, imap://, maildir:, mbox:.
        pub unknown_source: &'static str,
        /// A path that is a folder but no Maildir (no cur/ and new/).
        pub not_maildir: &'static str,
        /// `mail save` onto a file that exists, without `--force`.
        pub file_exists: &'static str,
        /// `mail save`: `{name}` written to `{path}`.
        pub saved: &'static str,
        /// Columns of `mail attachments` and of `ticket show`'s attachments.
        pub col_id: &'static str,
        pub col_file: &'static str,
        pub col_type: &'static str,
        pub col_size: &'static str,
        /// `ticket show`'s heading of the attachments.
        pub attachments: &'static str,
        /// `mail attachments` of a ticket with none.
        pub no_attachments: &'static str,
    }
}

use crate::domain::mail::SetAside;

impl MailInStrings {
    /// A set-aside reason in words, by its stored key; an unknown key as it is.
    pub fn reason<'a>(&self, key: &'a str) -> &'a str
    where
        'static: 'a,
    {
        let by = |why: SetAside| why.key() == key;
        if by(SetAside::AutoReply) {
            self.reason_auto_reply
        } else if by(SetAside::Bounce) {
            self.reason_bounce
        } else if by(SetAside::Bulk) {
            self.reason_bulk
        } else if by(SetAside::List) {
            self.reason_list
        } else if by(SetAside::Loop) {
            self.reason_loop
        } else if by(SetAside::Unreadable) {
            self.reason_unreadable
        } else {
            key
        }
    }
}
