//! English: mail in.

use crate::i18n::Plural;
use crate::i18n::catalog::mail_in::MailInStrings;

pub const MAIL_IN: MailInStrings = MailInStrings {
    read: Plural {
        one: "{count} message read",
        other: "{count} messages read",
    },
    new_tickets: Plural {
        one: "{count} new ticket",
        other: "{count} new tickets",
    },
    replies: Plural {
        one: "{count} reply added to its ticket ({reopened} reopened)",
        other: "{count} replies added to their tickets ({reopened} reopened)",
    },
    duplicates: Plural {
        one: "{count} message stored before (nothing added)",
        other: "{count} messages stored before (nothing added)",
    },
    set_aside: Plural {
        one: "{count} set aside: {reasons}",
        other: "{count} set aside: {reasons}",
    },
    reason_count: "{reason} {count}",
    list_separator: ", ",
    reason_auto_reply: "auto-reply",
    reason_bounce: "bounce",
    reason_bulk: "bulk mail",
    reason_list: "mailing list",
    reason_loop: "from our own address",
    reason_unreadable: "unreadable",
    no_sources: "no mail sources: set [mail] sources in the settings file",
    unknown_source: "not a mail source (imaps://, imap://, maildir:/path or mbox:/path)",
    not_maildir: "is a folder but not a Maildir (it has no cur/ and new/ folders)",
    file_exists: "exists already; give --force to overwrite it",
    saved: "Saved {name} to {path}",
    col_id: "ID",
    col_file: "File",
    col_type: "Type",
    col_size: "Size",
    attachments: "Attachments",
    no_attachments: "No attachments",
};
