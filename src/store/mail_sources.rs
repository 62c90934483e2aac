//! Where each IMAP folder was read up to (`mail_sources`): the folder's
//! UIDVALIDITY and the highest UID taken and flagged. It only saves asking
//! for old mail again; exactly-once rests on `mail_messages`.

use super::sql::params;
use super::{StoreError, Tx};

/// A folder's position: UIDs above `last_uid` are new while the server's
/// UIDVALIDITY is still `uid_validity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImapPosition {
    pub uid_validity: u32,
    pub last_uid: u32,
}

impl Tx<'_> {
    /// The position of `source` (as configured), if it was ever read.
    pub fn imap_position(&self, source: &str) -> Result<Option<ImapPosition>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT uid_validity, last_uid FROM mail_sources WHERE source = ?1")?;
        let row = stmt.query_opt([source], |r| {
            Ok(ImapPosition {
                uid_validity: r.get(0)?,
                last_uid: r.get(1)?,
            })
        })?;
        Ok(row)
    }

    /// Records that `source` was read up to `position` at `now` (unix seconds).
    pub fn set_imap_position(&self, source: &str, position: ImapPosition, now: i64) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT INTO mail_sources (source, uid_validity, last_uid, fetched_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT(source) DO UPDATE SET uid_validity = ?2, last_uid = ?3, fetched_at = ?4",
            params![source, position.uid_validity, position.last_uid, now],
        )?;
        Ok(())
    }
}
