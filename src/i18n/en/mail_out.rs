//! English: mail_out.

use crate::i18n::Plural;
use crate::i18n::catalog::mail_out::MailOutStrings;

pub const MAIL_OUT: MailOutStrings = MailOutStrings {
    col_id: "ID",
    col_ticket: "TICKET",
    col_to: "TO",
    col_state: "STATE",
    col_attempts: "TRIES",
    col_next: "NEXT TRY",
    col_error: "LAST ERROR",
    queued: "queued",
    sending: "sending",
    sent: "sent",
    failed: "failed",
    outbox_empty: "The outbox is empty.",
    nothing_due: "Nothing to send.",
    send_summary: "{sent} sent, {queued} to try again, {failed} failed.",
    attempt_queued: "#{id} to {to} (ticket #{ticket}) not sent, next try {next}: {error}",
    attempt_failed: "#{id} to {to} (ticket #{ticket}) refused for good: {error}",
    reply_sent: "Reply {interaction} recorded and sent to {to}.",
    reply_queued: "Reply {interaction} recorded; its e-mail is not sent yet and stays queued (next try {next}, or `frontdesk mail send`): {error}",
    reply_failed: "Reply {interaction} recorded; the server refused its e-mail for good (see `frontdesk mail outbox`): {error}",
    reply_elsewhere: "Reply {interaction} recorded; its e-mail is with another sender (see `frontdesk mail outbox`).",
    requeued: Plural {
        one: "{count} failed message queued again.",
        other: "{count} failed messages queued again.",
    },
};
