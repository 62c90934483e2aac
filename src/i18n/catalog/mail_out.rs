//! The words of replies sent by e-mail (`ticket reply --send`, `mail
//! outbox`, `mail send`), reached through `Strings::mail_out`.

use crate::i18n::Plural;

crate::i18n::texts::catalogue_struct! {
    pub struct MailOutStrings {
        /// `mail outbox` columns.
        pub col_id: &'static str,
        pub col_ticket: &'static str,
        pub col_to: &'static str,
        pub col_state: &'static str,
        pub col_attempts: &'static str,
        pub col_next: &'static str,
        pub col_error: &'static str,
        /// Outbox states.
        pub queued: &'static str,
        pub sending: &'static str,
        pub sent: &'static str,
        pub failed: &'static str,
        /// `mail outbox` with nothing in it.
        pub outbox_empty: &'static str,
        /// `mail send` with nothing due.
        pub nothing_due: &'static str,
        /// `mail send`'s summary: `{sent}`, `{queued}` (to be tried again), `{failed}`.
        pub send_summary: &'static str,
        /// A message that stays queued: `{id}` outbox id, `{ticket}`, `{to}`,
        /// `{next}` the next try, `{error}` the server's words.
        pub attempt_queued: &'static str,
        /// A message refused for good: `{id}`, `{ticket}`, `{to}`, `{error}`.
        pub attempt_failed: &'static str,
        /// `ticket reply --send`: `{interaction}` the reply, `{to}` the customer's address.
        pub reply_sent: &'static str,
        /// The reply is recorded, its message stays queued: `{interaction}`,
        /// `{next}`, `{error}`.
        pub reply_queued: &'static str,
        /// The reply is recorded, its message was refused for good.
        pub reply_failed: &'static str,
        /// The reply is recorded, its message left with another sender.
        pub reply_elsewhere: &'static str,
        /// `mail send --retry-failed`.
        pub requeued: Plural,
    }
}
