//! Why a PostgreSQL server could not be reached or used, as data: the
//! connection code says what happened (from SQLSTATE codes and I/O error
//! kinds, never from message text), the catalogue words it
//! (`i18n::pg_connect`). No variant can hold a password.

use crate::domain::secret::CommandFailure;

/// Where the password that was sent came from, so a refused one can be
/// found and corrected (the password itself is never shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    /// The `PGPASSWORD` environment variable.
    Environment,
    /// A line of this password file (`PGPASSFILE` or `~/.pgpass`).
    PassFile(String),
    /// `[database] password_command`.
    Command,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgFailure {
    /// Nothing answered at the host and port: refused, timed out, no such
    /// host, no route. `detail` is the operating system's word.
    Unreachable { target: String, detail: String },
    /// The server refused the password (28P01).
    WrongPassword {
        target: String,
        user: String,
        source: PasswordSource,
    },
    /// The server asks for a password and none of the sources had one.
    NoPassword { target: String, user: String },
    /// The server does not let this user in from here (28000:
    /// `pg_hba.conf`, a role without LOGIN).
    NotAllowed {
        target: String,
        user: String,
        detail: String,
    },
    /// The server is there, the database is not (3D000).
    NoDatabase { target: String, database: String },
    /// `sslmode` requires TLS and the server does not offer it.
    TlsRefused { target: String, sslmode: &'static str },
    /// The TLS handshake failed: an untrusted or wrong certificate, or a
    /// protocol error.
    Tls {
        target: String,
        sslmode: &'static str,
        detail: String,
    },
    /// `sslrootcert` cannot be read or holds no certificate.
    RootCert { path: String, detail: String },
    /// `[database] password_command` gave no password.
    PasswordCommand(CommandFailure),
    /// Anything else the server answered: its SQLSTATE and message.
    Server {
        target: String,
        code: String,
        detail: String,
    },
}

impl PgFailure {
    /// A thing not found (exit 4) rather than a failure (exit 1).
    pub fn is_not_found(&self) -> bool {
        matches!(self, PgFailure::NoDatabase { .. })
    }
}
