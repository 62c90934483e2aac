//! The words of mail in the terminal UI (issue #15): an e-mail ticket's
//! thread, its attachments and the outbox state of its replies, reached
//! through `Strings::mail_tui`.

use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct MailTuiStrings {
        /// The heading over an e-mail ticket's messages.
        pub thread: &'static str,
        /// Before a message's sender: `{sender}` is "name <address>".
        pub from: &'static str,
        /// A message's quoted history, folded: `{count}` lines of it.
        pub quoted_folded: Plural,
        /// Over a message's quoted history, unfolded.
        pub quoted_open: &'static str,
        /// On a ticket page without quoted history, when asked to fold it.
        pub no_quotes: &'static str,
        /// Outbox states beside a reply sent by e-mail.
        pub queued: &'static str,
        /// Queued again after a failed try: `{when}` the next one, `{count}` tries so far.
        pub retrying: &'static str,
        pub sending: &'static str,
        /// `{when}` it was sent.
        pub sent: &'static str,
        /// `{error}` is what the server said.
        pub failed: &'static str,
        /// The heading over a ticket's attachments: `{count}` of them.
        pub attachments: &'static str,
        /// Asked to save an attachment with none selected.
        pub select_attachment: &'static str,
        /// The title of the form saving an attachment: `{name}` its file name.
        pub save_title: &'static str,
        /// Labels of the save form's boxes, by field key.
        pub fields: &'static [(&'static str, &'static str)],
        /// The save form's "replace the file" choice, by key (`no`, `yes`).
        pub choices: &'static [(&'static str, &'static str)],
        /// The attachment was written to `{path}`.
        pub saved: &'static str,
        /// A file is at `{path}` and replacing it was not asked for.
        pub exists: &'static str,
        /// The attachment is no longer stored.
        pub gone: &'static str,
        /// The path box was left empty.
        pub no_path: &'static str,
        /// Writing `{path}` failed: `{why}` the system's words.
        pub write_failed: &'static str,
        /// In the header: `{count}` replies waiting to be sent by e-mail.
        pub header_waiting: &'static str,
        /// In the header: `{count}` replies whose sending failed for good.
        pub header_failed: &'static str,
        /// A reply to ticket `{ticket}` was recorded and queued as mail.
        pub reply_queued: &'static str,
        /// After sending the outbox: `{sent}` left, `{waiting}` wait for a
        /// retry, `{failed}` failed for good.
        pub mail_sent: &'static str,
        /// The outbox could not be sent: `{why}`.
        pub send_failed: &'static str,
        /// After a fetch: `{new}` new tickets, `{replies}` replies joined,
        /// `{set_aside}` messages set aside, `{failed}` sources that failed.
        pub fetched: &'static str,
        /// A fetch was asked for while one runs.
        pub already_fetching: &'static str,
    }
}
