//! Reading an IMAP folder (`imaps://…`, `imap://…` with STARTTLS).
//!
//! The seam between the fetch and the IMAP client: `deliver` stores one
//! message and returns only once its transaction committed (or it was found
//! stored already); only then is the message flagged `\Seen` on the server
//! and the folder's position advanced, so a crash between the two repeats
//! nothing and loses nothing: the next fetch reads the message again,
//! `deliver` finds it stored, and it is flagged then.
//!
//! The client is the `imap` crate (3.0 alpha) without its TLS features: it
//! speaks the protocol over a stream we hand it (rustls, see `connect.rs`).

mod connect;
mod password;

use super::Deliver;
use crate::config::MailConfig;
use crate::domain::mail::imap_failure::ImapFailure;
use crate::domain::mail::imap_url::ImapSource;
use crate::domain::text::sanitize_line;
use crate::service::Error;
use crate::service::progress::{Progress, Stage};
use crate::store::{ImapPosition, Store};
use connect::{Stream, Target};
use std::time::Duration;

/// A test-only failpoint: `FRONTDESK_FAILPOINT=imap-after-commit` aborts the
/// process right after a message was committed and before it is flagged,
/// which is the crash the exactly-once promise is about.
pub const FAILPOINT_ENV: &str = "FRONTDESK_FAILPOINT";
const AFTER_COMMIT: &str = "imap-after-commit";

/// Reads the new mail of one IMAP source into `deliver`.
pub fn fetch(
    store: &mut Store,
    config: &MailConfig,
    source: &str,
    progress: &dyn Progress,
    deliver: &mut Deliver<'_>,
) -> Result<(), Error> {
    let imap = ImapSource::parse(source)?;
    // The key of the folder's position: the source less surrounding blanks.
    let source = source.trim();
    let password = password::run(&config.password_command)?;
    let target = Target {
        source,
        imap: &imap,
        timeout: Duration::from_secs(config.timeout_seconds.max(1)),
    };
    let client = connect::connect(&target, &config.ca_file)?;
    let mut session = client
        .login(&imap.user, password.expose())
        .map_err(|(e, _)| login_error(&target, &e))?;
    drop(password);
    let read = read_folder(&mut session, store, &target, progress, deliver);
    // The work is done (or failed) already; a failed goodbye changes nothing.
    let _ = session.logout();
    read
}

type Session = imap::Session<Stream>;

fn read_folder(
    session: &mut Session,
    store: &mut Store,
    target: &Target,
    progress: &dyn Progress,
    deliver: &mut Deliver<'_>,
) -> Result<(), Error> {
    let imap = target.imap;
    let mailbox = session.select(imap.wire_folder()).map_err(|e| match e {
        imap::Error::No(_) | imap::Error::Bad(_) => Error::Imap(ImapFailure::SelectFailed {
            folder: imap.folder.clone(),
            detail: server_text(&e),
        }),
        other => imap_error(target, &other),
    })?;
    let validity = mailbox.uid_validity.unwrap_or(0);
    let known = store.read(|tx| tx.imap_position(target.source))?;
    // UIDs above the stored position while UIDVALIDITY holds; else (a first
    // fetch, or a folder the server renumbered) what is unread.
    let (mut last, query) = match known {
        Some(p) if p.uid_validity == validity && validity != 0 => (p.last_uid, after(p.last_uid)),
        _ => (0, "UNSEEN".to_string()),
    };
    let mut uids: Vec<u32> = match session.uid_search(&query) {
        // `N:*` always matches the highest UID, even one below N.
        Ok(found) => found.into_iter().filter(|uid| *uid > last).collect(),
        Err(e) => return Err(imap_error(target, &e)),
    };
    uids.sort_unstable();
    progress.stage(Stage::Mail, Some(uids.len() as u64));
    for uid in uids {
        let set = uid.to_string();
        let fetched = session
            .uid_fetch(&set, "BODY.PEEK[]")
            .map_err(|e| imap_error(target, &e))?;
        // None: another client expunged it meanwhile; there is nothing to take.
        if let Some(raw) = fetched.iter().find(|f| f.uid == Some(uid)).and_then(|f| f.body()) {
            deliver(store, raw)?;
            failpoint(AFTER_COMMIT);
            session
                .uid_store(&set, "+FLAGS.SILENT (\\Seen)")
                .map_err(|e| imap_error(target, &e))?;
        }
        last = last.max(uid);
        let position = ImapPosition {
            uid_validity: validity,
            last_uid: last,
        };
        let now = chrono::Utc::now().timestamp();
        store.write(|tx| -> Result<(), Error> { Ok(tx.set_imap_position(target.source, position, now)?) })?;
        progress.advance(1);
    }
    Ok(())
}

/// The UID search for everything above `last`.
fn after(last: u32) -> String {
    format!("UID {}:*", last.saturating_add(1))
}

fn failpoint(name: &str) {
    if std::env::var_os(FAILPOINT_ENV).is_some_and(|v| v == name) {
        std::process::abort();
    }
}

fn login_error(target: &Target, e: &imap::Error) -> Error {
    match e {
        imap::Error::No(_) | imap::Error::Bad(_) => Error::Imap(ImapFailure::LoginFailed {
            user: target.imap.user.clone(),
            detail: server_text(e),
        }),
        other => imap_error(target, other),
    }
}

/// Any other failure of the client. The server's words are data:
/// sanitized before they reach a terminal.
fn imap_error(target: &Target, e: &imap::Error) -> Error {
    match e {
        imap::Error::Io(io) => target.io_error(io),
        other => Error::Imap(ImapFailure::ServerFailed {
            detail: server_text(other),
        }),
    }
}

/// What the server said: its `NO`/`BAD`/`BYE` text, or the client's description.
fn server_text(e: &imap::Error) -> String {
    let text = match e {
        imap::Error::No(no) => no.information.clone(),
        imap::Error::Bad(bad) => bad.information.clone(),
        imap::Error::Bye(bye) => bye.information.clone(),
        other => other.to_string(),
    };
    sanitize_line(&text).trim().to_string()
}
