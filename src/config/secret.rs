//! A password printed by a command of the user's settings (`pass show
//! work/db`): `[mail] password_command`, `[mail] smtp_password_command`,
//! `[database] password_command`. Run by `sh -c`, its output less the final
//! line break. It is held only in memory for the login: never stored,
//! logged, or put in a message.

use std::process::{Command, Stdio};

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

/// Runs `command` for the password. Its stderr and stdin stay the
/// user's (a GPG agent may ask for a passphrase); only stdout is read.
pub fn run_password_command(command: &str) -> Result<Password, CommandFailure> {
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| CommandFailure::NotRun { detail: e.to_string() })?;
    if !output.status.success() {
        let status = output.status.to_string();
        return Err(CommandFailure::Failed { status });
    }
    let text = String::from_utf8(output.stdout).ok();
    let password = text.map(|mut t| {
        // Only the line break `echo` or `pass` ends with: spaces may be part of a password.
        if t.ends_with('\n') {
            t.pop();
            if t.ends_with('\r') {
                t.pop();
            }
        }
        t
    });
    match password {
        Some(p) if !p.is_empty() => Ok(Password(p)),
        _ => Err(CommandFailure::Empty),
    }
}
