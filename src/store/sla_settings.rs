//! The settings the SLA engine reads for every view of a ticket — the
//! calendars and the policies — remembered by a store between its reads
//! while they are unchanged, so a read of the queue takes one statement
//! for them instead of three (on a server, two round trips fewer).
//!
//! Every insert, update and delete of a calendar or a policy moves the
//! report stamp's epoch (migration 0015, both engines): a read that finds
//! the epoch it remembered the settings at finds the same settings. Only
//! reads remember — their snapshot holds committed rows only, where a
//! write could remember what it then rolls back.

use super::sql::params;
use super::{StoreError, Tx};
use crate::domain::policy::{CalendarSpec, SlaPolicy};
use std::cell::RefCell;
use std::sync::Arc;

/// The calendars (by name) and the policies (in order).
#[derive(Debug)]
pub struct SlaSettings {
    pub calendars: Vec<CalendarSpec>,
    pub policies: Vec<SlaPolicy>,
}

/// A store's memory of [`SlaSettings`], with the epoch they were read at.
#[derive(Debug, Default)]
pub struct SettingsMemo(Option<(i64, Arc<SlaSettings>)>);

/// The epoch and one meta value, read together.
const EPOCH_AND_META_SQL: &str =
    "SELECT (SELECT n FROM report_epoch WHERE id = 1), (SELECT value FROM meta WHERE key = ?1)";

impl Tx<'_> {
    /// The SLA settings, and the meta value `key` beside them (read each
    /// time: meta does not move the epoch).
    pub fn sla_settings(&self, key: &str) -> Result<(Arc<SlaSettings>, Option<String>), StoreError> {
        let (epoch, value): (Option<i64>, Option<String>) =
            self.db
                .query_row(EPOCH_AND_META_SQL, params![key], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let memo = self.memo.filter(|_| epoch.is_some());
        if let Some(memo) = memo
            && let Some((at, settings)) = &memo.borrow().0
            && Some(*at) == epoch
        {
            return Ok((Arc::clone(settings), value));
        }
        let settings = Arc::new(SlaSettings {
            calendars: self.calendars()?,
            policies: self.policies()?,
        });
        if let (Some(memo), Some(epoch)) = (memo, epoch) {
            memo.borrow_mut().0 = Some((epoch, Arc::clone(&settings)));
        }
        Ok((settings, value))
    }

    /// This transaction as a read that may use and fill `memo`.
    pub(super) fn remembering<'m>(&'m self, memo: &'m RefCell<SettingsMemo>) -> Tx<'m> {
        Tx {
            conn: self.conn,
            db: self.db,
            memo: Some(memo),
        }
    }
}
