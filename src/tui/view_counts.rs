//! The views bar's counts, kept on the worker between reads. They were
//! counted again after every queue read and every `F1`…`F9`: five queries
//! over 200k tickets each time, though nothing had changed. They are kept
//! under the file's change stamp and the minute, so a write by anyone (this
//! connection's own included) or a minute passing counts them again: SLA
//! terms (`sla:breached`) and dates (`opened:>=sow`) move with the clock,
//! as the queue itself, read again every minute.

use crate::domain::views::SavedView;
use crate::service::database::Database;
use crate::service::views::{self, ViewsRead};
use crate::service::{Ctx, Error};

/// The file's change stamp and the minute.
type Stamp = ((i64, i64), i64);

/// Every view with its count, as the views bar shows them.
type Counted = Vec<(SavedView, Option<usize>)>;

#[derive(Default)]
pub struct ViewCounts {
    kept: Option<(Stamp, Counted)>,
}

impl ViewCounts {
    /// The views bar's read: the counts kept when still current, else
    /// counted again; the selected view's tickets are always read.
    pub fn read(&mut self, store: &mut Database, ctx: &Ctx, selected: Option<i64>) -> Result<ViewsRead, Error> {
        // Taken before counting: a commit during the count changes it, and
        // the next read counts again.
        let stamp = (store.change_stamp()?, ctx.now.timestamp().div_euclid(60));
        let counted = match self.kept.take() {
            Some((kept, counted)) if kept == stamp => counted,
            _ => views::count_all(store, ctx)?,
        };
        self.kept = Some((stamp, counted.clone()));
        views::with_tickets(store, ctx, counted, selected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::database::OpenOptions;
    use crate::service::tickets::{self, TicketInput};

    fn counts(read: &ViewsRead) -> Vec<Option<usize>> {
        read.counted.iter().map(|(_, n)| *n).collect()
    }

    #[test]
    fn counts_follow_every_write_and_the_clock_and_are_kept_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fd.db");
        let ctx = Ctx::new("li.na", "2026-11-20T02:00:00Z".parse().unwrap());
        let mut writer = Database::create(&path, &OpenOptions::default()).unwrap();
        crate::service::setup::ensure_defaults(&mut writer, &ctx, &crate::config::Config::defaults()).unwrap();
        let customer = crate::domain::customer::CustomerInput {
            name: Some("张三".into()),
            ..Default::default()
        };
        let code = crate::service::customers::add(&mut writer, &ctx, &customer)
            .unwrap()
            .code;
        let mut reader = Database::open(&path, &OpenOptions::default()).unwrap();
        let mut kept = ViewCounts::default();
        let before = counts(&kept.read(&mut reader, &ctx, None).unwrap());
        let unassigned = |c: &[Option<usize>]| c[1];
        assert_eq!(unassigned(&before), Some(0));
        // Another connection opens an unassigned ticket: counted at once.
        let input = TicketInput {
            customer: code,
            kind: "complaint".into(),
            subject: "屏幕坏点".into(),
            ..Default::default()
        };
        tickets::add(&mut writer, &ctx, &input).unwrap();
        let after = kept.read(&mut reader, &ctx, None).unwrap();
        assert_eq!(unassigned(&counts(&after)), Some(1), "{:?}", counts(&after));
        // Nothing written since: the same counts, the selected view's tickets read.
        let position = after.counted[1].0.position;
        let again = kept.read(&mut reader, &ctx, Some(position)).unwrap();
        assert_eq!(counts(&again), counts(&after));
        assert_eq!(again.tickets.map(|(_, t)| t.len()), Some(1));
        // A write through the reader's own connection (which `data_version`
        // does not see) counts again too.
        tickets::add(&mut reader, &ctx, &input).unwrap();
        assert_eq!(
            unassigned(&counts(&kept.read(&mut reader, &ctx, None).unwrap())),
            Some(2)
        );
    }
}
