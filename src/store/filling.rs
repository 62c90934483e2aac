//! Filling a file that holds no records yet (the demo on a new file).
//!
//! In WAL mode every page a transaction writes goes to the log first and
//! into the file again at the checkpoint: for the demo's 700 MB, 1.4 s of
//! its time. Under the rollback journal a page beyond the file's end before
//! the transaction needs no journal at all (a rollback cuts the file back),
//! so a load into an empty file writes each page once, and stays
//! all-or-nothing.

use super::{BusyError, Engine, JournalMode, Store, StoreError};

impl Store {
    /// [`Store::write`] of a large load. Into a file without customers or
    /// tickets that is in WAL and has no other connection, it goes through
    /// the rollback journal, and the file is set back to WAL afterwards.
    /// Another connection (an agent's TUI) keeps the file in WAL: leaving
    /// WAL needs the file to itself, and SQLite refuses at once rather than
    /// wait.
    pub fn write_filling<T, E>(&mut self, f: impl FnMut(&super::Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        let empty = self.options.journal == JournalMode::Wal && self.read(|tx| tx.count_records())? == (0, 0);
        let switched = empty && self.set_journal(JournalMode::Delete);
        let out = self.write(f);
        if switched {
            // Should another agent open the file in between, WAL waits for
            // the next open, which sets the configured mode.
            self.set_journal(JournalMode::Wal);
        }
        out
    }

    /// Whether the file is now in `mode`.
    fn set_journal(&mut self, mode: JournalMode) -> bool {
        let Engine::Sqlite(conn) = &self.engine else {
            return false;
        };
        conn.pragma_update_and_check(None, "journal_mode", mode.name(), |r| r.get::<_, String>(0))
            .is_ok_and(|got| got.eq_ignore_ascii_case(mode.name()))
    }
}
