//! Why reading an IMAP source failed, as data: the service says what
//! happened, the edge words it (`i18n::mail_imap`). Texts from outside
//! (the OS's, the server's) travel as `detail`, sanitized before they were
//! put here. None of them holds the password.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImapFailure {
    /// `[mail] password_command` exited unsuccessfully (`status` as the OS says it).
    PasswordFailed {
        status: String,
    },
    /// It could not be started.
    PasswordNotRun {
        detail: String,
    },
    /// It printed nothing, or not UTF-8 text.
    PasswordEmpty,
    /// `[mail] ca_file` holds no certificate rustls can use.
    CaFileEmpty {
        path: String,
    },
    NoAddress {
        host: String,
        detail: String,
    },
    ConnectFailed {
        address: String,
        detail: String,
    },
    /// No answer within `[mail] timeout_seconds`.
    TimedOut {
        seconds: u64,
    },
    /// An `imap://` server that does not offer STARTTLS: nothing was sent.
    NoStartTls,
    /// The TLS handshake failed (an untrusted certificate, a protocol error).
    TlsFailed {
        detail: String,
    },
    LoginFailed {
        user: String,
        detail: String,
    },
    SelectFailed {
        folder: String,
        detail: String,
    },
    ServerFailed {
        detail: String,
    },
}
