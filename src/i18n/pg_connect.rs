//! Words a [`PgFailure`] and a bad database URL in the catalogue's language.

use super::{Strings, fill};
use crate::domain::error::PgUrlProblem;
use crate::domain::secret::CommandFailure;
use crate::domain::text::sanitize_line;
use crate::service::database::{PasswordSource, PgFailure, PgWarning};

pub fn failure(f: &PgFailure, s: &Strings) -> String {
    let p = s.pg_connect;
    // The server's and the system's words are data: never terminal controls.
    let clean = |t: &str| sanitize_line(t).into_owned();
    match f {
        PgFailure::Unreachable { target, detail } => {
            fill(p.unreachable, &[("target", target), ("detail", &clean(detail))])
        }
        PgFailure::WrongPassword { target, user, source } => fill(
            p.wrong_password,
            &[
                ("target", target),
                ("user", user),
                ("source", &password_source(source, s)),
            ],
        ),
        PgFailure::NoPassword { target, user } => fill(p.no_password, &[("target", target), ("user", user)]),
        PgFailure::NotAllowed { target, user, detail } => fill(
            p.not_allowed,
            &[("target", target), ("user", user), ("detail", &clean(detail))],
        ),
        PgFailure::NoDatabase { target, database } => {
            fill(p.no_database, &[("target", target), ("database", database)])
        }
        PgFailure::TlsRefused { target, sslmode } => fill(p.tls_refused, &[("target", target), ("sslmode", sslmode)]),
        PgFailure::Tls {
            target,
            sslmode,
            detail,
        } => fill(
            p.tls_failed,
            &[("target", target), ("sslmode", sslmode), ("detail", &clean(detail))],
        ),
        PgFailure::RootCert { path, detail } => fill(p.root_cert, &[("path", path), ("detail", &clean(detail))]),
        PgFailure::PasswordCommand(CommandFailure::Failed { status }) => fill(p.password_failed, &[("status", status)]),
        PgFailure::PasswordCommand(CommandFailure::NotRun { detail }) => {
            fill(p.password_not_run, &[("detail", &clean(detail))])
        }
        PgFailure::PasswordCommand(CommandFailure::Empty) => p.password_empty.into(),
        PgFailure::Server { target, code, detail } => fill(
            p.server,
            &[("target", target), ("code", code), ("detail", &clean(detail))],
        ),
    }
}

pub fn agent_not_login(login: &str, agent: &str, s: &Strings) -> String {
    fill(s.pg_connect.agent_not_login, &[("login", login), ("agent", agent)])
}

pub fn warning(w: &PgWarning, s: &Strings) -> String {
    match w {
        PgWarning::PassFileOpen { path } => fill(s.pg_connect.passfile_open, &[("path", path)]),
    }
}

fn password_source(source: &PasswordSource, s: &Strings) -> String {
    let p = s.pg_connect;
    match source {
        PasswordSource::Environment => p.from_environment.into(),
        PasswordSource::PassFile(path) => fill(p.from_passfile, &[("path", path)]),
        PasswordSource::Command => p.from_command.into(),
    }
}

pub fn url_problem(problem: PgUrlProblem, s: &Strings) -> &'static str {
    let p = s.pg_connect;
    match problem {
        PgUrlProblem::Scheme => p.url_scheme,
        PgUrlProblem::PasswordInUrl => p.url_password,
        PgUrlProblem::Host => p.url_host,
        PgUrlProblem::Port => p.url_port,
        PgUrlProblem::Encoding => p.url_encoding,
        PgUrlProblem::SslMode => p.url_sslmode,
        PgUrlProblem::Timeout => p.url_timeout,
        PgUrlProblem::Parameter => p.url_parameter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn every_failure() -> Vec<PgFailure> {
        let target = || "postgres://ann@db.example:5432/fd".to_string();
        let user = || "ann".to_string();
        vec![
            PgFailure::Unreachable {
                target: target(),
                detail: "Connection refused".into(),
            },
            PgFailure::WrongPassword {
                target: target(),
                user: user(),
                source: PasswordSource::Environment,
            },
            PgFailure::WrongPassword {
                target: target(),
                user: user(),
                source: PasswordSource::PassFile("/home/ann/.pgpass".into()),
            },
            PgFailure::WrongPassword {
                target: target(),
                user: user(),
                source: PasswordSource::Command,
            },
            PgFailure::NoPassword {
                target: target(),
                user: user(),
            },
            PgFailure::NotAllowed {
                target: target(),
                user: user(),
                detail: "role \"ann\" is not permitted to log in\x1b[2J".into(),
            },
            PgFailure::NoDatabase {
                target: target(),
                database: "fd".into(),
            },
            PgFailure::TlsRefused {
                target: target(),
                sslmode: "require",
            },
            PgFailure::Tls {
                target: target(),
                sslmode: "verify-full",
                detail: "invalid peer certificate".into(),
            },
            PgFailure::RootCert {
                path: "/etc/ca.pem".into(),
                detail: "No such file".into(),
            },
            PgFailure::PasswordCommand(CommandFailure::Failed {
                status: "exit status: 3".into(),
            }),
            PgFailure::PasswordCommand(CommandFailure::NotRun { detail: "no sh".into() }),
            PgFailure::PasswordCommand(CommandFailure::Empty),
            PgFailure::Server {
                target: target(),
                code: "53100".into(),
                detail: "disk full".into(),
            },
        ]
    }

    /// Every failure in every language: filled, distinct between
    /// languages, and free of terminal controls from the server's words.
    #[test]
    fn every_failure_is_told_in_every_language() {
        for f in every_failure() {
            let told: Vec<String> = Lang::ALL.iter().map(|l| failure(&f, l.strings())).collect();
            for text in &told {
                assert!(!text.contains('{') && !text.contains('\x1b'), "{f:?}: {text}");
            }
            assert_ne!(told[0], told[1], "{f:?}");
        }
        let missing = PgFailure::NoDatabase {
            target: "postgres://ann@h:5432/fd".into(),
            database: "fd".into(),
        };
        assert!(failure(&missing, Lang::En.strings()).contains("createdb fd"));
        assert!(failure(&missing, Lang::ZhCn.strings()).contains("createdb fd"));
    }
}
