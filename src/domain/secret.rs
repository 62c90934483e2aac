//! A password held in memory for one login, and why a password command gave
//! none: data only (the command is run by `config::secret`). A password is
//! never stored, logged, or put in a message.

/// A password that never shows itself in `{:?}`.
pub struct Password(String);

impl Password {
    pub fn new(text: String) -> Password {
        Password(text)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Why a password command gave no password; its output is never kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandFailure {
    /// It exited unsuccessfully (`status` as the OS says it).
    Failed { status: String },
    /// It could not be started.
    NotRun { detail: String },
    /// It printed nothing, or not UTF-8 text.
    Empty,
}
