//! Words a [`PgFailure`] and a bad database URL in the catalogue's language.

use super::{Strings, fill};
use crate::config::secret::CommandFailure;
use crate::domain::error::PgUrlProblem;
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

pub fn engine_unavailable(target: &str, s: &Strings) -> String {
    fill(s.pg_connect.engine_unavailable, &[("target", target)])
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
