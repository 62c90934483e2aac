//! The words of reading mail over IMAP (`mail fetch` of `imaps://` and
//! `imap://` sources), kept beside the main catalogue and reached through
//! `Strings::mail_imap`. The caller names the source beside each message
//! (`SourceFailure`), so none repeats it.

crate::i18n::texts::catalogue_struct! {
    pub struct MailImapStrings {
        /// Reasons a `[mail] sources` entry is not an IMAP URL: the predicate
        /// of "invalid mail.sources VALUE: …".
        pub url_scheme: &'static str,
        pub url_no_user: &'static str,
        pub url_password: &'static str,
        pub url_no_host: &'static str,
        pub url_port: &'static str,
        pub url_encoding: &'static str,
        pub url_query: &'static str,
        /// `[mail] password_command` exited with `{status}`.
        pub password_failed: &'static str,
        /// It could not be started: `{detail}` is the OS's message.
        pub password_not_run: &'static str,
        /// It printed nothing, or not UTF-8 text.
        pub password_empty: &'static str,
        /// `[mail] ca_file` `{path}` holds no PEM certificate.
        pub ca_file_empty: &'static str,
        /// The host `{host}` has no address: `{detail}`.
        pub no_address: &'static str,
        /// Connecting to `{address}` failed: `{detail}`.
        pub connect_failed: &'static str,
        /// The server said nothing within `{seconds}` seconds.
        pub timed_out: &'static str,
        /// An `imap://` server that does not offer STARTTLS.
        pub no_starttls: &'static str,
        /// The TLS handshake failed (certificate, protocol): `{detail}`.
        pub tls_failed: &'static str,
        /// The server refused `{user}`'s login: `{detail}` is its answer.
        pub login_failed: &'static str,
        /// The folder `{folder}` cannot be opened: `{detail}`.
        pub select_failed: &'static str,
        /// The server failed in the middle of the fetch: `{detail}`.
        pub server_failed: &'static str,
    }
}
