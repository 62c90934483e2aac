//! An IMAP source as written in `[mail] sources`: `imaps://user@host[:port]/FOLDER`
//! (TLS from the first byte) or `imap://…` (STARTTLS, required). The user and
//! the folder are percent-decoded; the folder defaults to INBOX and goes to the
//! server in IMAP's modified UTF-7, so a folder named 工单 works.
//!
//! A password never belongs in the URL (it comes from `password_command`): a
//! URL holding one is refused, and the value shown in the error hides it.

use super::super::error::{ImapUrlProblem, Invalid, Reason};
use super::url::{percent_decode, redacted};

/// How the connection is secured before the password is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// `imaps://`: TLS from the start (port 993).
    Tls,
    /// `imap://`: plain text until STARTTLS, which the server must offer (port 143).
    StartTls,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImapSource {
    pub security: Security,
    pub user: String,
    pub host: String,
    pub port: u16,
    /// As the user wrote it (decoded): for messages.
    pub folder: String,
}

const FIELD: &str = "mail.sources";

impl ImapSource {
    pub fn parse(source: &str) -> Result<ImapSource, Invalid> {
        let bad = |problem| Invalid::new(FIELD, redacted(source), Reason::ImapUrl(problem));
        let trimmed = source.trim();
        let (security, rest) = split_scheme(trimmed).ok_or_else(|| bad(ImapUrlProblem::Scheme))?;
        if rest.contains(['?', '#']) {
            return Err(bad(ImapUrlProblem::QueryOrFragment));
        }
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (userinfo, hostport) = authority.rsplit_once('@').ok_or_else(|| bad(ImapUrlProblem::NoUser))?;
        if userinfo.contains(':') {
            return Err(bad(ImapUrlProblem::PasswordInUrl));
        }
        let user = percent_decode(userinfo).ok_or_else(|| bad(ImapUrlProblem::Encoding))?;
        if user.is_empty() {
            return Err(bad(ImapUrlProblem::NoUser));
        }
        let default_port = match security {
            Security::Tls => 993,
            Security::StartTls => 143,
        };
        let (host, port) = split_port(hostport, default_port).ok_or_else(|| bad(ImapUrlProblem::Port))?;
        if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad(ImapUrlProblem::NoHost));
        }
        let folder = percent_decode(path.trim_end_matches('/')).ok_or_else(|| bad(ImapUrlProblem::Encoding))?;
        if folder.chars().any(char::is_control) {
            return Err(bad(ImapUrlProblem::Encoding));
        }
        Ok(ImapSource {
            security,
            user,
            host: host.to_string(),
            port,
            folder: if folder.is_empty() { "INBOX".into() } else { folder },
        })
    }

    /// The folder's name on the wire: modified UTF-7 (RFC 3501 §5.1.3).
    pub fn wire_folder(&self) -> String {
        utf7_imap(&self.folder)
    }
}

fn split_scheme(s: &str) -> Option<(Security, &str)> {
    let lower = s.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    if lower == "imaps://" {
        Some((Security::Tls, &s[8..]))
    } else if lower.starts_with("imap://") {
        Some((Security::StartTls, &s[7..]))
    } else {
        None
    }
}

/// `host`, `host:port`, `[v6]` or `[v6]:port`; `None` for a bad port.
fn split_port(hostport: &str, default: u16) -> Option<(&str, u16)> {
    let (host, port) = if let Some(v6) = hostport.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (host, after.strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (hostport, None),
        }
    };
    let port = match port {
        None => default,
        Some(p) => p.parse::<u16>().ok().filter(|p| *p > 0)?,
    };
    Some((host, port))
}

/// RFC 3501's modified UTF-7: printable ASCII stands for itself (`&` as
/// `&-`); anything else is UTF-16 in base64 with `,` for `/`, between `&` and `-`.
pub fn utf7_imap(name: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        for chunk in bytes.chunks(3) {
            let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            // 1 byte → 2 characters, 2 → 3, 3 → 4; no padding.
            for k in 0..=chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            }
        }
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            out.push(c);
            if c == '&' {
                out.push('-');
            }
        } else {
            pending.extend(c.encode_utf16(&mut [0; 2]).iter());
        }
    }
    flush(&mut pending, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(url: &str) -> ImapSource {
        ImapSource::parse(url).unwrap_or_else(|e| panic!("{url}: {e}"))
    }

    #[test]
    fn the_forms_people_write() {
        let cases: &[(&str, Security, &str, &str, u16, &str)] = &[
            (
                "imaps://support@mail.example.com/INBOX",
                Security::Tls,
                "support",
                "mail.example.com",
                993,
                "INBOX",
            ),
            (
                "imaps://support@mail.example.com",
                Security::Tls,
                "support",
                "mail.example.com",
                993,
                "INBOX",
            ),
            (
                "imaps://support@mail.example.com/",
                Security::Tls,
                "support",
                "mail.example.com",
                993,
                "INBOX",
            ),
            (
                "imap://support@mail.example.com/Support",
                Security::StartTls,
                "support",
                "mail.example.com",
                143,
                "Support",
            ),
            (
                "IMAPS://a%40acme.com@127.0.0.1:10993/INBOX",
                Security::Tls,
                "a@acme.com",
                "127.0.0.1",
                10993,
                "INBOX",
            ),
            (
                "imap://u@[::1]:1143/Lists/Team",
                Security::StartTls,
                "u",
                "::1",
                1143,
                "Lists/Team",
            ),
            ("imaps://u@h/%E5%B7%A5%E5%8D%95", Security::Tls, "u", "h", 993, "工单"),
            ("imaps://u@h/客服", Security::Tls, "u", "h", 993, "客服"),
        ];
        for (url, security, user, host, port, folder) in cases {
            let s = ok(url);
            assert_eq!(
                (s.security, s.user.as_str(), s.host.as_str(), s.port, s.folder.as_str()),
                (*security, *user, *host, *port, *folder),
                "{url}"
            );
        }
    }

    #[test]
    fn bad_urls_name_the_problem_and_never_the_password() {
        let cases: &[(&str, ImapUrlProblem, &str)] = &[
            ("pop3://u@h/INBOX", ImapUrlProblem::Scheme, "pop3://u@h/INBOX"),
            ("imaps://h/INBOX", ImapUrlProblem::NoUser, "imaps://h/INBOX"),
            ("imaps://@h/INBOX", ImapUrlProblem::NoUser, "imaps://@h/INBOX"),
            (
                "imaps://u:s3cret@h/INBOX",
                ImapUrlProblem::PasswordInUrl,
                "imaps://u:***@h/INBOX",
            ),
            ("imaps://u@h:0/INBOX", ImapUrlProblem::Port, "imaps://u@h:0/INBOX"),
            (
                "imaps://u@h:99999/INBOX",
                ImapUrlProblem::Port,
                "imaps://u@h:99999/INBOX",
            ),
            ("imaps://u@h:x/INBOX", ImapUrlProblem::Port, "imaps://u@h:x/INBOX"),
            ("imaps://u@/INBOX", ImapUrlProblem::NoHost, "imaps://u@/INBOX"),
            ("imaps://u@h/IN%ZZ", ImapUrlProblem::Encoding, "imaps://u@h/IN%ZZ"),
            ("imaps://u@h/a%0Db", ImapUrlProblem::Encoding, "imaps://u@h/a%0Db"),
            (
                "imaps://u@h/INBOX?x=1",
                ImapUrlProblem::QueryOrFragment,
                "imaps://u@h/INBOX?x=1",
            ),
        ];
        for (url, problem, shown) in cases {
            let e = ImapSource::parse(url).expect_err(url);
            assert_eq!(
                e,
                Invalid::new("mail.sources", *shown, Reason::ImapUrl(*problem)),
                "{url}"
            );
        }
    }

    #[test]
    fn folder_names_in_modified_utf7() {
        // RFC 3501 §5.1.3's example and the cases around it.
        let cases = [
            ("INBOX", "INBOX"),
            ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
            ("Tom & Jerry", "Tom &- Jerry"),
            ("工单", "&XeVTVQ-"),
            ("Entwürfe", "Entw&APw-rfe"),
            ("😀", "&2D3eAA-"),
        ];
        for (name, wire) in cases {
            assert_eq!(utf7_imap(name), wire, "{name}");
        }
    }
}
