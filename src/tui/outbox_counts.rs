//! The header's outbox counts, kept on the worker between reads. Every
//! reload asks for them (another agent's write, a save, `refresh`), but only
//! a write can move them: they are kept under the file's change stamp, as
//! the views bar's counts are (see `view_counts`), and counted again only
//! when it has moved.

use crate::service::database::Database;
use crate::service::mail::thread::{self, OutboxCounts};

#[derive(Default)]
pub struct KeptOutboxCounts {
    kept: Option<((i64, i64), OutboxCounts)>,
}

impl KeptOutboxCounts {
    pub fn read(&mut self, store: &mut Database) -> Result<OutboxCounts, String> {
        let told = |e: crate::service::Error| crate::i18n::told(&e);
        // Taken before counting: a commit during the count moves it, and
        // the next read counts again.
        let stamp = store.change_stamp().map_err(|e| told(e.into()))?;
        if let Some((kept, counts)) = self.kept
            && kept == stamp
        {
            return Ok(counts);
        }
        let counts = thread::outbox_counts(store).map_err(told)?;
        self.kept = Some((stamp, counts));
        Ok(counts)
    }
}
