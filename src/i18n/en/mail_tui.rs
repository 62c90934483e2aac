//! English: mail in the terminal UI.

use crate::i18n::Plural;
use crate::i18n::catalog::mail_tui::MailTuiStrings;

pub const MAIL_TUI: MailTuiStrings = MailTuiStrings {
    thread: "Messages",
    from: "From {sender}",
    quoted_folded: Plural {
        one: "▸ quoted text, {count} line",
        other: "▸ quoted text, {count} lines",
    },
    quoted_open: "▾ quoted text",
    no_quotes: "No quoted text on this page.",
    queued: "queued to send",
    retrying: "queued, next try {when} (tried {count}×)",
    sending: "sending…",
    sent: "sent {when}",
    failed: "sending failed: {error}",
    attachments: "Attachments ({count})",
    select_attachment: "Select an attachment line first.",
    save_title: "Save attachment · {name}",
    fields: &[
        ("path", "Save to"),
        ("overwrite", "Replace a file"),
        ("send_email", "Send by e-mail"),
    ],
    choices: &[("no", "no"), ("yes", "yes")],
    saved: "Attachment saved to {path}",
    exists: "{path} already exists: set “Replace a file” to yes to replace it, or type another path.",
    gone: "This attachment is no longer stored.",
    no_path: "Type where to save it.",
    write_failed: "Cannot write {path}: {why}",
    header_waiting: "to send {count}",
    header_failed: "send failed {count}",
    reply_queued: "Reply to #{ticket} recorded and queued to send by e-mail.",
    mail_sent: "Mail: {sent} sent, {waiting} to retry, {failed} failed.",
    send_failed: "Mail not sent: {why}",
    fetched: "Mail fetched: new tickets {new}, replies {replies}, set aside {set_aside}, sources failed {failed}.",
    already_fetching: "Mail is already being fetched.",
};
