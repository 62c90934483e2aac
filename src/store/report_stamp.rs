//! The report stamp: read in microseconds, it tells whether the facts behind
//! the monthly review and the dashboard may have changed since it was last
//! read, so figures computed after reading it can be shown again while it is
//! unchanged. Insertions into the id-ordered tables raise their largest id;
//! every other change moves the counter kept by the triggers of migration
//! 0015 (see `assets/migrations/0015_report_stamp.sql` for what is watched).

use super::sql::params;
use super::{StoreError, Tx};

/// The tables whose insertions the stamp sees by their largest id.
const STAMP_SQL: &str = "SELECT (SELECT n FROM report_epoch WHERE id = 1),
        (SELECT max(id) FROM tickets), (SELECT max(id) FROM ticket_events),
        (SELECT max(id) FROM interactions), (SELECT max(id) FROM surveys),
        (SELECT max(id) FROM orders), (SELECT max(id) FROM order_corrections),
        (SELECT max(id) FROM customers), (SELECT max(id) FROM sla_policies)";

/// Equal stamps: nothing the figures are made of changed between the reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ReportStamp([i64; 9]);

impl Tx<'_> {
    /// The stamp as of this transaction's snapshot.
    pub fn report_stamp(&self) -> Result<ReportStamp, StoreError> {
        let mut stmt = self.db.prepare(STAMP_SQL)?;
        let parts = stmt.query_row(params![], |r| {
            let mut parts = [0i64; 9];
            for (i, part) in parts.iter_mut().enumerate() {
                *part = r.get::<Option<i64>>(i)?.unwrap_or(0);
            }
            Ok(parts)
        })?;
        Ok(ReportStamp(parts))
    }
}

/// The stamp's statement, so a test can keep every part of it on an index.
pub fn report_stamp_sql() -> &'static str {
    STAMP_SQL
}
