//! The size of the queue's long-overdue band, counted on the queue index
//! instead of working out every active ticket's clocks: `ticket list
//! --queue` tells the band's size under a short list on every call.

use super::{StoreError, Tx};
use chrono::{DateTime, Utc};

/// Active tickets whose stored next due is at or before the long-overdue
/// cutoff `?1`: the band [`super::LONG_OVERDUE_SQL`] reads, by the same
/// index and the same edge the urgency score uses.
pub const LONG_OVERDUE_COUNT_SQL: &str = "SELECT count(*) FROM tickets t WHERE t.is_active AND t.next_due <= ?1";

impl Tx<'_> {
    pub fn count_long_overdue(&self, cutoff: DateTime<Utc>) -> Result<usize, StoreError> {
        let mut stmt = self.db.prepare(LONG_OVERDUE_COUNT_SQL)?;
        let count: i64 = stmt.query_row([cutoff.timestamp()], |r| r.get(0))?;
        Ok(usize::try_from(count).unwrap_or(0))
    }
}
