//! The figures of the TUI dashboard in one read: the month's KPIs beside the month before
//! (with the satisfaction distribution), the weekly series up to the month's cutoff, and the
//! customers at risk now. The month follows the rules of `report`: a month after the current
//! one is refused, and a past month is seen from its end.

use super::report::{self, MonthlyReport, WeekPoint};
use super::segments::{self, Risk};
use super::{Ctx, Error};
use crate::domain::period::Month;
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
}

pub fn dashboard(store: &mut Store, ctx: &Ctx, month: Month) -> Result<Dashboard, Error> {
    let report = report::monthly(store, ctx, month)?;
    let weeks = report::weekly_of_month(store, ctx, month, WEEKS)?;
    let at_risk = segments::risk(store, ctx, Some(AT_RISK_LIMIT))?;
    Ok(Dashboard {
        report,
        weeks,
        at_risk,
        as_of: ctx.now,
    })
}
