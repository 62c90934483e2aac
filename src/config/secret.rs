//! A password printed by a command of the user's settings (`pass show
//! work/db`): `[mail] password_command` and `[database] password_command`.
//! Run by `sh -c`, its output less the final
//! line break. It is held only in memory for the login: never stored,
//! logged, or put in a message.

pub use crate::domain::secret::{CommandFailure, Password};
use std::process::{Command, Stdio};

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
        Some(p) if !p.is_empty() => Ok(Password::new(p)),
        _ => Err(CommandFailure::Empty),
    }
}
