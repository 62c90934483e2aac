//! Reaching a PostgreSQL server: the password from where libpq would look
//! (then `[database] password_command`), TLS as `sslmode` says, and every
//! failure typed from the server's SQLSTATE or the I/O error's kind, so the
//! user is told what to do: start the server, fix the password, create the
//! database, trust the certificate.

mod failure;
mod pgpass;
mod tls;

pub use failure::{PasswordSource, PgFailure};

use super::StoreError;
use super::location::{PgTarget, SslMode};
use crate::domain::secret::{CommandFailure, Password};
use postgres::error::SqlState;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

/// Where a password may come from, read once from the process's
/// environment ([`PgSecrets::from_env`]) or given by a test.
pub struct PgSecrets {
    /// `PGPASSWORD`.
    pub pgpassword: Option<Password>,
    /// `PGPASSFILE`, else `~/.pgpass`.
    pub passfile: Option<PathBuf>,
    /// `[database] password_command`; empty: none.
    pub password_command: String,
    /// Runs it (`config::secret::run_password_command`: the store runs
    /// no commands of the settings on its own).
    pub run_command: fn(&str) -> Result<Password, CommandFailure>,
    /// Told when the password file is skipped (others may read it).
    pub warn: fn(&PgWarning),
}

/// Not a failure, but worth a line on standard error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PgWarning {
    /// The password file may be read by others, so it was not used.
    PassFileOpen { path: String },
}

impl PgSecrets {
    pub fn from_env(
        password_command: &str,
        run_command: fn(&str) -> Result<Password, CommandFailure>,
        warn: fn(&PgWarning),
    ) -> PgSecrets {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let passfile = var("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".pgpass")));
        PgSecrets {
            pgpassword: std::env::var("PGPASSWORD")
                .ok()
                .filter(|p| !p.is_empty())
                .map(Password::new),
            passfile,
            password_command: password_command.to_string(),
            run_command,
            warn,
        }
    }

    /// The first source that has a password, in libpq's order and then
    /// ours; `None` lets the server decide (trust, peer).
    fn password(&self, target: &PgTarget) -> Result<Option<(Password, PasswordSource)>, PgFailure> {
        if let Some(p) = &self.pgpassword {
            return Ok(Some((
                Password::new(p.expose().to_string()),
                PasswordSource::Environment,
            )));
        }
        if let Some(path) = &self.passfile {
            let shown = path.display().to_string();
            match pgpass::look_up(path, target) {
                pgpass::Lookup::Found(p) => return Ok(Some((p, PasswordSource::PassFile(shown)))),
                pgpass::Lookup::TooOpen => (self.warn)(&PgWarning::PassFileOpen { path: shown }),
                pgpass::Lookup::Nothing => {}
            }
        }
        if self.password_command.trim().is_empty() {
            return Ok(None);
        }
        let p = (self.run_command)(&self.password_command).map_err(PgFailure::PasswordCommand)?;
        Ok(Some((p, PasswordSource::Command)))
    }
}

/// A connection to `target`, or why there is none.
pub fn connect(target: &PgTarget, secrets: &PgSecrets) -> Result<postgres::Client, StoreError> {
    connect_typed(target, secrets).map_err(StoreError::Postgres)
}

fn connect_typed(target: &PgTarget, secrets: &PgSecrets) -> Result<postgres::Client, PgFailure> {
    let password = secrets.password(target)?;
    let mut config = postgres::Config::new();
    config
        .user(&target.user)
        .host(&target.host)
        .port(target.port)
        .dbname(&target.database)
        .application_name(&target.application_name)
        .ssl_mode(match target.sslmode {
            SslMode::Disable => postgres::config::SslMode::Disable,
            SslMode::Prefer => postgres::config::SslMode::Prefer,
            _ => postgres::config::SslMode::Require,
        });
    if let Some(timeout) = target.connect_timeout {
        config.connect_timeout(timeout);
    }
    if let Some((p, _)) = &password {
        config.password(p.expose());
    }
    let connector = tls::RustlsConnector::new(target)?;
    let handshake_started = connector.handshake_started.clone();
    config.connect(connector).map_err(|e| {
        let tried_tls = handshake_started.load(Ordering::SeqCst);
        classify(&e, target, password.map(|(_, source)| source), tried_tls)
    })
}

/// Asks the server to cancel what the connection of `token` is running,
/// over TLS as `target` says (a cancel request is a connection of its own).
pub(super) fn cancel(token: &postgres::CancelToken, target: &PgTarget) -> Result<(), StoreError> {
    let connector = tls::RustlsConnector::new(target).map_err(StoreError::Postgres)?;
    Ok(token.cancel_query(connector)?)
}

/// The driver's error as a [`PgFailure`], by SQLSTATE and error types.
fn classify(e: &postgres::Error, target: &PgTarget, source: Option<PasswordSource>, tried_tls: bool) -> PgFailure {
    let shown = target.to_string();
    if let Some(db) = e.as_db_error() {
        let code = db.code();
        return if *code == SqlState::INVALID_PASSWORD {
            match source {
                Some(source) => PgFailure::WrongPassword {
                    target: shown,
                    user: target.user.clone(),
                    source,
                },
                None => PgFailure::NoPassword {
                    target: shown,
                    user: target.user.clone(),
                },
            }
        } else if *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION {
            PgFailure::NotAllowed {
                target: shown,
                user: target.user.clone(),
                detail: db.message().to_string(),
            }
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            PgFailure::NoDatabase {
                target: shown,
                database: target.database.clone(),
            }
        } else if *code == SqlState::CANNOT_CONNECT_NOW || *code == SqlState::TOO_MANY_CONNECTIONS {
            // Starting up, shutting down, or full: as good as down for now.
            PgFailure::Unreachable {
                target: shown,
                detail: db.message().to_string(),
            }
        } else {
            PgFailure::Server {
                target: shown,
                code: code.code().to_string(),
                detail: db.message().to_string(),
            }
        };
    }
    let mut cause: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    while let Some(err) = cause {
        if let Some(handshake) = err.downcast_ref::<tls::HandshakeFailed>() {
            return PgFailure::Tls {
                target: shown,
                sslmode: target.sslmode.key(),
                detail: handshake.to_string(),
            };
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return PgFailure::Unreachable {
                target: shown,
                detail: io.to_string(),
            };
        }
        cause = err.source();
    }
    // Neither the server's answer nor an I/O failure: the driver refused
    // to go on. Before TLS under a mode that needs it, the server said
    // it has none; after it, with no password, the server asked for one.
    if target.sslmode.needs_tls() && !tried_tls {
        PgFailure::TlsRefused {
            target: shown,
            sslmode: target.sslmode.key(),
        }
    } else if source.is_none() {
        PgFailure::NoPassword {
            target: shown,
            user: target.user.clone(),
        }
    } else {
        PgFailure::Server {
            target: shown,
            code: String::new(),
            detail: e.to_string(),
        }
    }
}
