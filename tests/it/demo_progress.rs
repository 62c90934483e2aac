//! The demo tells its progress stage by stage, in batches: every item
//! counted once, never one call per row.

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::service::demo::{self, Existing, Sizes};
use frontdesk::service::progress::{Progress, Stage};
use frontdesk::service::{Ctx, setup};
use frontdesk::store::{OpenOptions, Store};
use std::sync::Mutex;

/// Each stage with the steps told for it, call by call.
#[derive(Default)]
struct Recorded(Mutex<Vec<(Stage, Vec<u64>)>>);

impl Progress for Recorded {
    fn stage(&self, stage: Stage, _: Option<u64>) {
        self.0.lock().unwrap().push((stage, Vec::new()));
    }
    fn advance(&self, steps: u64) {
        if let Some((_, steps_told)) = self.0.lock().unwrap().last_mut() {
            steps_told.push(steps);
        }
    }
}

#[test]
fn the_demo_counts_each_stage_in_batches() {
    let now: DateTime<Utc> = "2026-06-15T10:00:00Z".parse().unwrap();
    let ctx = Ctx::new("tester", now);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::create(&dir.path().join("demo.db"), &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx, &Config::defaults()).unwrap();
    let sizes = Sizes {
        customers: 1200,
        tickets: 1100,
        interactions: 5000,
    };
    let recorded = Recorded::default();
    let report = demo::generate_with(
        &mut store,
        &ctx,
        &Config::defaults(),
        sizes,
        1,
        Existing::Refuse,
        &recorded,
    )
    .unwrap();
    let stages = recorded.0.into_inner().unwrap();
    let names: Vec<Stage> = stages.iter().map(|(s, _)| *s).collect();
    assert_eq!(
        names,
        [
            Stage::Customers,
            Stage::Tickets,
            Stage::Interactions,
            Stage::Indexes,
            Stage::SearchIndex,
            Stage::Segments
        ]
    );
    let standalone: i64 = rusqlite::Connection::open(dir.path().join("demo.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM interactions WHERE ticket_id IS NULL", [], |r| {
            r.get(0)
        })
        .unwrap();
    let standalone = standalone as usize;
    assert!(
        standalone > 1000,
        "enough ticketless contacts for a batch: {standalone}"
    );
    for ((stage, steps), total) in stages.iter().zip([report.customers, report.tickets, standalone]) {
        assert_eq!(steps.iter().sum::<u64>(), total as u64, "{stage:?}: {steps:?}");
        assert!(steps.iter().all(|&n| n <= 1000), "{stage:?}: {steps:?}");
        assert!(
            steps.len() <= total / 1000 + 1,
            "{stage:?}: one call per batch, not per row"
        );
    }
}
