//! The figures of the TUI dashboard in one read: the month's KPIs beside the month before
//! (with the satisfaction distribution), the weekly series up to the month's cutoff, and the
//! customers at risk now. The month follows the rules of `report`: a month after the current
//! one is refused, and a past month is seen from its end.
//!
//! Each read carries the report stamp taken before it (`store::ReportStamp`): while the
//! stamp is unchanged, no write has touched what the figures are made of, so a reader that
//! kept them (the TUI, for the months already seen) may show them again instead of reading
//! them anew; see [`dashboard_if_changed`].

use super::report::{self, MonthlyReport, WeekPoint};
use super::segments::{self, Risk};
use super::{Ctx, Error};
use crate::domain::period::Month;
/// Re-exported for the layers above the services (the TUI keeps figures with it).
pub use crate::store::ReportStamp;
use crate::store::Store;
use chrono::{DateTime, Utc};

/// Weeks in the charts.
pub const WEEKS: usize = 8;
/// At-risk customers listed, most warnings first: more do not fit on a screen.
pub const AT_RISK_LIMIT: usize = 30;

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    pub report: MonthlyReport,
    /// The last [`WEEKS`] weeks up to the month's cutoff, oldest first.
    pub weeks: Vec<WeekPoint>,
    /// Customers with churn warnings at `as_of`, most warnings first.
    pub at_risk: Vec<Risk>,
    /// When the figures were read.
    pub as_of: DateTime<Utc>,
    /// The report stamp read before the figures.
    pub stamp: ReportStamp,
}

pub fn dashboard(store: &mut Store, ctx: &Ctx, month: Month) -> Result<Dashboard, Error> {
    // Before the figures: a write in between makes the stamp older than them, never newer.
    let stamp = store.read(|tx| tx.report_stamp())?;
    let (report, weeks) = report::monthly_with_weeks(store, ctx, month, WEEKS)?;
    let at_risk = segments::risk(store, ctx, Some(AT_RISK_LIMIT))?;
    Ok(Dashboard {
        report,
        weeks,
        at_risk,
        as_of: ctx.now,
        stamp,
    })
}

/// The figures of `month` unless the stamp is still `known` (`None`: the figures read with
/// it still hold, and nothing was read but the stamp).
pub fn dashboard_if_changed(
    store: &mut Store,
    ctx: &Ctx,
    month: Month,
    known: ReportStamp,
) -> Result<Option<Dashboard>, Error> {
    if store.read(|tx| tx.report_stamp())? == known {
        return Ok(None);
    }
    dashboard(store, ctx, month).map(Some)
}
