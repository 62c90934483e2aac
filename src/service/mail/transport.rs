//! How a built message leaves: an SMTP server over TLS (`[mail] smtp`,
//! `smtps://` implicit TLS or `smtp://` with STARTTLS required) or a
//! sendmail command (`[mail] sendmail`, the message on its standard input).
//! The settings are checked before a reply is queued ([`check`]), so a reply
//! is never queued that nothing could send; the SMTP password is read only
//! when sending, from `[mail] smtp_password_command`, and never kept.

use crate::config::MailConfig;
use crate::domain::error::{Form, Invalid, Reason};
use crate::domain::mail::url::{percent_decode, redacted};
use crate::service::Error;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{SmtpTransport, Transport as _};
use std::io::{Seek as _, Write as _};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A server that says nothing for this long is given up on (and tried again later).
const TIMEOUT: Duration = Duration::from_secs(60);
/// The longest server text kept with a message (`last_error`).
const ERROR_MAX: usize = 500;

/// Where messages go, as `[mail]` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Smtp(SmtpUrl),
    /// The command line, run by `sh -c`.
    Sendmail(String),
}

/// `[mail] smtp` taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpUrl {
    /// `smtps://`: TLS from the first byte; else STARTTLS, required.
    pub implicit_tls: bool,
    pub user: String,
    pub host: String,
    pub port: u16,
}

/// A send that did not happen: `permanent` when the server refused the
/// message for good (SMTP 5xx), else worth trying again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendFailure {
    pub permanent: bool,
    pub message: String,
}

/// The route `[mail]` names, checked: `[mail] address` set, and `smtp` (a
/// URL of the two forms) or `sendmail`. Invalid settings name their key.
pub fn check(config: &MailConfig) -> Result<Route, Invalid> {
    if config.address.trim().is_empty() {
        return Err(Invalid::new("[mail] address", "", Reason::Required));
    }
    if config.address.trim().parse::<lettre::Address>().is_err() {
        return Err(Invalid::new(
            "[mail] address",
            config.address.clone(),
            Reason::Format(Form::Email),
        ));
    }
    if !config.smtp.trim().is_empty() {
        let url = parse_smtp(config.smtp.trim())?;
        // A login needs its password: refused before a reply is queued.
        if !url.user.is_empty() && config.smtp_password_command.trim().is_empty() {
            return Err(Invalid::new("[mail] smtp_password_command", "", Reason::Required));
        }
        return Ok(Route::Smtp(url));
    }
    if !config.sendmail.trim().is_empty() {
        return Ok(Route::Sendmail(config.sendmail.trim().to_string()));
    }
    Err(Invalid::new(
        "[mail] smtp",
        "",
        Reason::GiveEither {
            first: "[mail] smtp".into(),
            second: "[mail] sendmail".into(),
        },
    ))
}

/// `smtps://user@host:465` or `smtp://user@host:587`; the user is optional
/// (no login) and may be percent-encoded (`me%40example.com`). A password in
/// the URL is refused, and never repeated in the message.
pub fn parse_smtp(url: &str) -> Result<SmtpUrl, Invalid> {
    let bad = || {
        Invalid::new(
            "[mail] smtp",
            redacted(url),
            Reason::NotOneOf {
                allowed: vec!["smtps://USER@HOST:465".into(), "smtp://USER@HOST:587".into()],
            },
        )
    };
    let (implicit_tls, rest) = if let Some(rest) = url.strip_prefix("smtps://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("smtp://") {
        (false, rest)
    } else {
        return Err(bad());
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let (user, host_port) = match rest.rsplit_once('@') {
        Some((user, host)) => (user, host),
        None => ("", rest),
    };
    if user.contains(':') || host_port.contains(['/', '?', '#']) {
        return Err(bad());
    }
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) => (host, port.parse::<u16>().map_err(|_| bad())?),
        None => (host_port, if implicit_tls { 465 } else { 587 }),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    if !host_ok || port == 0 {
        return Err(bad());
    }
    Ok(SmtpUrl {
        implicit_tls,
        user: percent_decode(user).ok_or_else(bad)?,
        host: host.to_string(),
        port,
    })
}

/// A route ready to send: the SMTP client built (password read, extra
/// certificates loaded) or the sendmail command.
pub enum Transport {
    Smtp(Box<SmtpTransport>),
    Sendmail(String),
}

impl Transport {
    /// Builds the route's client. A failing password command or an
    /// unreadable `ca_file` is `Error::Mail`; nothing was claimed yet.
    pub fn open(config: &MailConfig, route: &Route) -> Result<Transport, Error> {
        let url = match route {
            Route::Sendmail(command) => return Ok(Transport::Sendmail(command.clone())),
            Route::Smtp(url) => url,
        };
        let mut tls = TlsParameters::builder(url.host.clone());
        if !config.ca_file.as_os_str().is_empty() {
            let pem = std::fs::read(&config.ca_file)
                .map_err(|e| Error::Mail(format!("[mail] ca_file {}: {e}", config.ca_file.display())))?;
            let certs = Certificate::from_pem(&pem)
                .map_err(|e| Error::Mail(format!("[mail] ca_file {}: {e}", config.ca_file.display())))?;
            tls = tls.add_root_certificate(certs);
        }
        let tls = tls.build().map_err(|e| Error::Mail(format!("TLS: {e}")))?;
        let mut builder = SmtpTransport::builder_dangerous(url.host.clone())
            .port(url.port)
            .timeout(Some(TIMEOUT))
            .tls(if url.implicit_tls {
                Tls::Wrapper(tls)
            } else {
                Tls::Required(tls)
            });
        if !url.user.is_empty() {
            let password = password(&config.smtp_password_command)?;
            builder = builder.credentials(Credentials::new(url.user.clone(), password));
        }
        Ok(Transport::Smtp(Box::new(builder.build())))
    }

    /// Hands one message to the route: `from` and `to` are the envelope.
    pub fn send(&self, from: &str, to: &str, message: &[u8]) -> Result<(), SendFailure> {
        match self {
            Transport::Smtp(smtp) => {
                let envelope = envelope(from, to)?;
                smtp.send_raw(&envelope, message).map(drop).map_err(|e| SendFailure {
                    permanent: e.is_permanent(),
                    message: short(&e.to_string()),
                })
            }
            Transport::Sendmail(command) => sendmail(command, message),
        }
    }
}

fn envelope(from: &str, to: &str) -> Result<Envelope, SendFailure> {
    let permanent = |what: &str| SendFailure {
        permanent: true,
        message: format!("not an address: {what}"),
    };
    let from = from.trim().parse().map_err(|_| permanent(from))?;
    let to = to.trim().parse().map_err(|_| permanent(to))?;
    Envelope::new(Some(from), vec![to]).map_err(|e| SendFailure {
        permanent: true,
        message: e.to_string(),
    })
}

/// The SMTP password: what the command prints, trimmed. Never stored.
fn password(command: &str) -> Result<String, Error> {
    let out = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| Error::Mail(format!("[mail] smtp_password_command: {e}")))?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Mail(format!(
            "[mail] smtp_password_command: {}: {}",
            out.status,
            short(&stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs the sendmail command with the message on its standard input; a
/// non-zero exit is a failure worth retrying, with what it printed.
fn sendmail(command: &str, message: &[u8]) -> Result<(), SendFailure> {
    let failed = |message: String| SendFailure {
        permanent: false,
        message: short(&message),
    };
    // From a file, not a pipe: a command that exits without reading its
    // input must not end this process by SIGPIPE (the CLI restores it).
    let input = message_file(message).map_err(|e| failed(format!("{command}: {e}")))?;
    let out = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| failed(format!("{command}: {e}")))?;
    if out.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    Err(failed(format!("{command}: {}: {}", out.status, stderr.trim())))
}

/// The message in a temporary file that only this process can open, unlinked
/// at once: it goes when the command is done with it.
fn message_file(message: &[u8]) -> std::io::Result<std::fs::File> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!("frontdesk-mail-{}-{nanos}.eml", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(&path)?;
    let _ = std::fs::remove_file(&path);
    file.write_all(message)?;
    file.seek(std::io::SeekFrom::Start(0))?;
    Ok(file)
}

/// Server text as kept: one line, at most [`ERROR_MAX`] characters.
fn short(text: &str) -> String {
    let line = crate::domain::mail::compose::one_line(text);
    line.chars().take(ERROR_MAX).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_are_taken_apart_or_refused_by_key() {
        let ok = [
            ("smtps://me@mail.example:465", true, "me", "mail.example", 465),
            ("smtp://me@mail.example:587", false, "me", "mail.example", 587),
            ("smtps://mail.example", true, "", "mail.example", 465),
            (
                "smtp://me%40acme.example@127.0.0.1:2525/",
                false,
                "me@acme.example",
                "127.0.0.1",
                2525,
            ),
        ];
        for (url, tls, user, host, port) in ok {
            let got = parse_smtp(url).unwrap();
            assert_eq!(
                (got.implicit_tls, &got.user[..], &got.host[..], got.port),
                (tls, user, host, port),
                "{url}"
            );
        }
        let bad = [
            "http://mail.example",
            "smtp://",
            "smtp://me@mail.example:99999",
            "smtp://me@mail.example:0",
            "smtp://mail.example/path",
            "smtp://me:secret@mail.example",
            "smtp://bad host",
        ];
        for url in bad {
            let e = parse_smtp(url).unwrap_err();
            assert_eq!(e.field, "[mail] smtp", "{url}");
            assert!(!e.value.contains("secret"), "{url}: {}", e.value);
        }
    }

    #[test]
    fn settings_name_what_is_missing() {
        let base = crate::config::Config::defaults().mail;
        let mut c = base.clone();
        assert_eq!(check(&c).unwrap_err().field, "[mail] address");
        c.address = "support".into();
        assert_eq!(check(&c).unwrap_err().field, "[mail] address");
        c.address = "support@acme.example".into();
        assert_eq!(check(&c).unwrap_err().field, "[mail] smtp");
        c.sendmail = "/usr/sbin/sendmail -t -i".into();
        assert_eq!(check(&c).unwrap(), Route::Sendmail("/usr/sbin/sendmail -t -i".into()));
        c.smtp = "ftp://x".into();
        assert_eq!(check(&c).unwrap_err().field, "[mail] smtp");
        c.smtp = "smtp://me@mail.example".into();
        assert_eq!(check(&c).unwrap_err().field, "[mail] smtp_password_command");
        c.smtp_password_command = "pass show smtp".into();
        assert!(matches!(check(&c), Ok(Route::Smtp(_))));
    }
}
