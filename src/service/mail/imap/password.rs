//! The IMAP password, from `[mail] password_command` (`pass show work/imap`),
//! by the runner every password command shares (`config::secret`).

use crate::config::secret::{CommandFailure, Password, run_password_command};
use crate::domain::error::{Invalid, Reason};
use crate::domain::mail::imap_failure::ImapFailure;
use crate::service::Error;

/// Runs `command` for the password (see `config::secret`).
pub(super) fn run(command: &str) -> Result<Password, Error> {
    if command.trim().is_empty() {
        return Err(Invalid::new("mail.password_command", "", Reason::Required).into());
    }
    run_password_command(command).map_err(|failure| {
        Error::Imap(match failure {
            CommandFailure::Failed { status } => ImapFailure::PasswordFailed { status },
            CommandFailure::NotRun { detail } => ImapFailure::PasswordNotRun { detail },
            CommandFailure::Empty => ImapFailure::PasswordEmpty,
        })
    })
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
