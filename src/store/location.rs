//! Where the database is, whatever its engine: a SQLite file (a path, as
//! always) or a PostgreSQL server named by a `postgres://` URL.
//!
//! The URL follows libpq's form, `postgres[ql]://USER@HOST:PORT/NAME?k=v`,
//! with the parameters frontdesk uses. A password never belongs in it: a
//! URL on a command line or in an environment shows in `ps` and in shell
//! histories, so one holding a password is refused and shown with `***`.
//! Passwords come from PGPASSWORD, the password file or `[database]
//! password_command` (see `pg_connect`).

use crate::domain::error::{Invalid, PgUrlProblem, Reason};
use crate::domain::mail::url::{percent_decode, redacted};
use std::ffi::OsStr;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::path::PathBuf;
use std::time::Duration;

/// The port PostgreSQL listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 5432;
/// How long a server may take to answer before it counts as down.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// What the server's `pg_stat_activity` shows for our sessions.
pub const DEFAULT_APPLICATION_NAME: &str = "frontdesk";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Postgres(PgTarget),
}

/// A PostgreSQL database to reach: everything but the password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgTarget {
    pub user: String,
    /// A name, an IPv4 address or an IPv6 address (without brackets).
    pub host: String,
    pub port: u16,
    pub database: String,
    pub sslmode: SslMode,
    /// Trusted roots for verify-ca / verify-full instead of the system's.
    pub sslrootcert: Option<PathBuf>,
    /// `None`: as long as the operating system waits (`connect_timeout=0`).
    pub connect_timeout: Option<Duration>,
    pub application_name: String,
}

/// libpq's `sslmode`, with its meanings (prefer is libpq's default too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// TLS when the server offers it, else plain; the certificate unchecked.
    #[default]
    Prefer,
    /// TLS or nothing; the certificate unchecked (as libpq without a root file).
    Require,
    /// TLS with a certificate signed by a trusted root, any host name.
    VerifyCa,
    /// TLS with a trusted certificate issued for the host.
    VerifyFull,
}

impl SslMode {
    pub const ALL: [SslMode; 5] = [
        SslMode::Disable,
        SslMode::Prefer,
        SslMode::Require,
        SslMode::VerifyCa,
        SslMode::VerifyFull,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// Whether a connection without TLS is refused.
    pub fn needs_tls(self) -> bool {
        !matches!(self, SslMode::Disable | SslMode::Prefer)
    }
}

impl Location {
    /// `--db` (or `FRONTDESK_DB`, which clap hands over as `--db`).
    pub fn parse(value: &OsStr) -> Result<Location, Invalid> {
        Location::parse_field("--db", value)
    }

    /// A URL for PostgreSQL, anything else a file path as it always was.
    /// `field` names where the value came from in a refusal.
    pub fn parse_field(field: &str, value: &OsStr) -> Result<Location, Invalid> {
        let bytes = value.as_encoded_bytes();
        let Some(rest) = strip_scheme(bytes) else {
            return Ok(Location::File(PathBuf::from(value)));
        };
        let Some(text) = value.to_str() else {
            let shown = redacted(&value.to_string_lossy());
            return Err(Invalid::new(field, shown, Reason::PgUrl(PgUrlProblem::Encoding)));
        };
        let rest = &text[text.len() - rest.len()..];
        parse_url(rest)
            .map(Location::Postgres)
            .map_err(|problem| Invalid::new(field, redacted(text), Reason::PgUrl(problem)))
    }
}

/// What follows `postgres://` or `postgresql://` (any case), if `bytes` starts so.
fn strip_scheme(bytes: &[u8]) -> Option<&[u8]> {
    ["postgresql://", "postgres://"].iter().find_map(|scheme| {
        let head = bytes.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme.as_bytes())
            .then(|| &bytes[scheme.len()..])
    })
}

fn parse_url(rest: &str) -> Result<PgTarget, PgUrlProblem> {
    if rest.contains('#') {
        return Err(PgUrlProblem::Parameter);
    }
    let (main, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = main.split_once('/').unwrap_or((main, ""));
    let (userinfo, hostport) = match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => (Some(userinfo), hostport),
        None => (None, authority),
    };
    // Even `user:@` (an empty password) is refused: a colon there means a
    // password was meant to be written into the URL.
    if userinfo.is_some_and(|u| u.contains(':')) {
        return Err(PgUrlProblem::PasswordInUrl);
    }
    let user = match userinfo {
        Some(u) if !u.is_empty() => decoded(u)?,
        _ => login_name(),
    };
    let (host, port) = split_host(hostport)?;
    let database = match path.trim_end_matches('/') {
        "" => user.clone(),
        name => decoded(name)?,
    };
    let mut target = PgTarget {
        user,
        host,
        port,
        database,
        sslmode: SslMode::default(),
        sslrootcert: None,
        connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
        application_name: DEFAULT_APPLICATION_NAME.into(),
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decoded(value)?;
        match key {
            "sslmode" => {
                target.sslmode = SslMode::ALL
                    .into_iter()
                    .find(|m| m.key() == value)
                    .ok_or(PgUrlProblem::SslMode)?
            }
            "sslrootcert" if !value.is_empty() => target.sslrootcert = Some(PathBuf::from(value)),
            "connect_timeout" => {
                let seconds: u64 = value.parse().map_err(|_| PgUrlProblem::Timeout)?;
                target.connect_timeout = (seconds > 0).then(|| Duration::from_secs(seconds));
            }
            "application_name" => target.application_name = value,
            _ => return Err(PgUrlProblem::Parameter),
        }
    }
    Ok(target)
}

/// Percent-decoded, refusing bytes that are not UTF-8 and control
/// characters (which would act on a terminal when the name is shown).
fn decoded(s: &str) -> Result<String, PgUrlProblem> {
    percent_decode(s)
        .filter(|d| !d.chars().any(char::is_control))
        .ok_or(PgUrlProblem::Encoding)
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`.
fn split_host(hostport: &str) -> Result<(String, u16), PgUrlProblem> {
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (host, after) = v6.split_once(']').ok_or(PgUrlProblem::Host)?;
        host.parse::<Ipv6Addr>().map_err(|_| PgUrlProblem::Host)?;
        match after {
            "" => (host, None),
            _ => (host, Some(after.strip_prefix(':').ok_or(PgUrlProblem::Port)?)),
        }
    } else {
        match hostport.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (hostport, None),
        }
    };
    if !hostport.starts_with('[') && !is_host_name(host) && host.parse::<Ipv4Addr>().is_err() {
        return Err(PgUrlProblem::Host);
    }
    let port = match port {
        None => DEFAULT_PORT,
        Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0).ok_or(PgUrlProblem::Port)?,
    };
    Ok((host.to_string(), port))
}

/// A DNS name: labels of letters, digits, `-` and `_`, dot-separated. A
/// list of hosts (libpq's `h1,h2`) and Unix socket folders are not taken.
fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host
            .split('.')
            .all(|label| !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

/// libpq's default user: the login name of the process.
fn login_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "postgres".into())
}

impl fmt::Display for PgTarget {
    /// The URL as the user would type it again; there is no password to
    /// show, the target never holds one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        write!(
            f,
            "postgres://{}@{host}:{}/{}",
            encoded(&self.user),
            self.port,
            encoded(&self.database)
        )?;
        if self.sslmode != SslMode::default() {
            write!(f, "?sslmode={}", self.sslmode.key())?;
        }
        Ok(())
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(path) => write!(f, "{}", path.display()),
            Location::Postgres(target) => target.fmt(f),
        }
    }
}

/// The characters that would change a URL's meaning, escaped; any other
/// text (Chinese names included) stays readable.
fn encoded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '@' | ':' | '/' | '?' | '#' | '&' | '=' | ' ' | '[' | ']') {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[path = "location_tests.rs"]
mod tests;
