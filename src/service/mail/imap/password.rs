//! The IMAP password, from `[mail] password_command` (`pass show work/imap`):
//! run by `sh -c`, its output less the final line break. It is held only in
//! memory for the login: never stored, logged, or put in a message.

use crate::domain::error::{Invalid, Reason};
use crate::domain::mail::imap_failure::ImapFailure;
use crate::service::Error;
use std::process::{Command, Stdio};

/// A password that never shows itself in `{:?}`.
pub(super) struct Password(String);

impl Password {
    pub(super) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// Runs `command` for the password. Its stderr and stdin stay the
/// user's (a GPG agent may ask for a passphrase); only stdout is read.
pub(super) fn run(command: &str) -> Result<Password, Error> {
    if command.trim().is_empty() {
        return Err(Invalid::new("mail.password_command", "", Reason::Required).into());
    }
    let output = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::inherit())
        .stderr(Stdio::inherit())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| Error::Imap(ImapFailure::PasswordNotRun { detail: e.to_string() }))?;
    if !output.status.success() {
        let status = output.status.to_string();
        return Err(Error::Imap(ImapFailure::PasswordFailed { status }));
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
        _ => Err(Error::Imap(ImapFailure::PasswordEmpty)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_output_less_its_final_line_break() {
        let cases = [
            ("printf 's3cret\\n'", "s3cret"),
            ("printf 's3cret\\r\\n'", "s3cret"),
            ("printf ' two words \\n\\n'", " two words \n"),
            ("printf '密码'", "密码"),
        ];
        for (command, password) in cases {
            assert_eq!(run(command).unwrap().expose(), password, "{command}");
        }
    }

    #[test]
    fn a_failing_or_silent_command_is_an_error_without_the_output() {
        for command in ["echo s3cret; exit 3", "printf '\\n'", "true", "printf '\\377\\n'"] {
            let e = run(command).expect_err(command);
            assert!(matches!(e, Error::Imap(_)), "{command}: {e:?}");
            assert_eq!(e.exit_code(), 1);
            assert!(!format!("{e:?}").contains("s3cret"), "{command}: {e:?}");
        }
        let e = run("  ").expect_err("blank");
        assert_eq!(e.exit_code(), 2);
        assert!(format!("{:?}", run("echo x").unwrap()).contains("***"));
    }
}
