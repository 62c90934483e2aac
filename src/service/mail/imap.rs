//! Reading an IMAP folder (`imaps://…`, `imap://…` with STARTTLS).
//!
//! The seam between the fetch and the IMAP client: `deliver` stores one
//! message and returns only once its transaction committed (or it was found
//! stored already); only then is the message flagged on the server, so a
//! crash between the two repeats nothing and loses nothing.

use super::Deliver;
use crate::config::MailConfig;
use crate::service::Error;
use crate::service::progress::Progress;
use crate::store::Store;

/// Reads the new mail of one IMAP source into `deliver`.
pub fn fetch(
    store: &mut Store,
    config: &MailConfig,
    source: &str,
    progress: &dyn Progress,
    deliver: &mut Deliver<'_>,
) -> Result<(), Error> {
    let _ = (store, config, progress, deliver);
    Err(Error::Mail(format!(
        "{source}: IMAP is not built into this frontdesk yet"
    )))
}
