//! The monthly report reads only what a month needs (range scans, a look-back for callbacks,
//! the SLA engine only where a clock can count, the backlog of untouched tickets from their
//! status). This test checks those shortcuts against a brute-force reading of every record of
//! a demo database: every ticket's whole history judged at each month's cutoff, every survey,
//! every sign of life of every customer — the same formulas, none of the shortcuts.

use chrono::{DateTime, Utc};
use frontdesk::config::Config;
use frontdesk::domain::kpi::{Kpi, Tally, TicketFacts, Window, resolved_at};
use frontdesk::domain::period::Month;
use frontdesk::domain::sla::TicketEvent;
use frontdesk::domain::survey::Scores;
use frontdesk::domain::time::from_unix;
use frontdesk::service::report::{self, MonthlyReport};
use frontdesk::service::sla::{Rules, clocks};
use frontdesk::service::{Ctx, demo, setup};
use frontdesk::store::{OpenOptions, Store};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn now() -> DateTime<Utc> {
    "2026-06-15T10:00:00Z".parse().unwrap()
}

fn demo_store(path: &Path) -> (Store, Ctx) {
    let mut config = Config::defaults();
    config.sla.timezone = "Asia/Shanghai".into();
    let mut ctx = Ctx::new("tester", now());
    ctx.settings = frontdesk::service::Settings::from_config(&config);
    let mut store = Store::create(path, &OpenOptions::default()).unwrap();
    setup::ensure_defaults(&mut store, &ctx, &config).unwrap();
    let sizes = demo::Sizes {
        customers: 300,
        tickets: 1500,
        interactions: 6000,
    };
    demo::generate(&mut store, &ctx, &config, sizes, 11).unwrap();
    (store, ctx)
}

fn column<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str) -> Vec<Vec<T>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every KPI of `windows` (previous, month), overall and by assignee, the slow way.
fn brute_force(store: &mut Store, ctx: &Ctx, path: &Path, windows: [Window; 2]) -> BTreeMap<String, [Tally; 2]> {
    let conn = Connection::open(path).unwrap();
    let mut tallies: BTreeMap<String, [Tally; 2]> = BTreeMap::new();
    let mut add = |group: Option<&str>, i: usize, f: &dyn Fn(&mut Tally)| {
        f(&mut tallies.entry("*".into()).or_default()[i]);
        if let Some(g) = group {
            f(&mut tallies.entry(g.to_string()).or_default()[i]);
        }
    };
    let tickets: Vec<(i64, String, String, String, String, i64, String)> = {
        let mut stmt = conn
            .prepare(
                "SELECT t.id, t.kind, t.priority, t.channel, c.tier, t.opened_at, t.assignee
                 FROM tickets t JOIN customers c ON c.id = t.customer_id",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    let mut outbound: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for row in column::<i64>(
        &conn,
        "SELECT ticket_id, at FROM interactions WHERE direction = 'out' AND ticket_id IS NOT NULL",
    ) {
        outbound.entry(row[0]).or_default().push(from_unix(row[1]));
    }
    store
        .read(|tx| {
            let rules = Rules::load(tx)?;
            for (id, kind, priority, channel, tier, opened, assignee) in &tickets {
                let all = tx.ticket_events(*id)?;
                let targets = rules.targets_matching(
                    kind.parse().unwrap(),
                    priority.parse().unwrap(),
                    channel.parse().unwrap(),
                    tier.parse().unwrap(),
                );
                for (i, w) in windows.iter().enumerate() {
                    let opened_at = from_unix(*opened);
                    if opened_at >= w.cutoff {
                        continue;
                    }
                    let before: Vec<(DateTime<Utc>, TicketEvent)> =
                        all.iter().copied().filter(|(at, _)| *at < w.cutoff).collect();
                    let sla = clocks(before.clone(), &targets, w.as_of, ctx.settings.at_risk_share);
                    let resolved = resolved_at(&before);
                    let contacts = outbound.get(id).map(Vec::as_slice).unwrap_or_default();
                    let facts = TicketFacts {
                        kind: kind.parse().unwrap(),
                        opened_at,
                        sla: &sla,
                        resolved_at: resolved,
                        reopened: before.iter().any(|(_, e)| *e == TicketEvent::Reopened),
                        outbound_until_resolved: resolved.map_or(0, |r| contacts.iter().filter(|&&at| at <= r).count()),
                    };
                    add(Some(assignee), i, &|t| t.add_ticket(&facts, w));
                }
            }
            Ok::<_, frontdesk::service::Error>(())
        })
        .unwrap();
    let surveys = column::<Option<i64>>(
        &conn,
        "SELECT s.at, s.quality, s.response, s.communication, t.id FROM surveys s
         LEFT JOIN tickets t ON t.id = s.ticket_id",
    );
    let assignees: HashMap<i64, String> = tickets.iter().map(|t| (t.0, t.6.clone())).collect();
    for s in surveys {
        let scores = Scores {
            quality: s[1].unwrap() as u8,
            response: s[2].unwrap() as u8,
            communication: s[3].unwrap() as u8,
        };
        let group = s[4].and_then(|t| assignees.get(&t)).map(String::as_str);
        for (i, w) in windows.iter().enumerate() {
            if w.contains(from_unix(s[0].unwrap())) {
                add(group, i, &|t| t.add_survey(&scores));
            }
        }
    }
    let mut activity: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for row in column::<i64>(
        &conn,
        "SELECT customer_id, at FROM interactions WHERE direction <> 'note'
         UNION ALL SELECT customer_id, opened_at FROM tickets
         UNION ALL SELECT customer_id, at FROM orders",
    ) {
        activity.entry(row[0]).or_default().push(from_unix(row[1]));
    }
    for times in activity.values() {
        let within = |(a, b): (DateTime<Utc>, DateTime<Utc>)| times.iter().any(|t| a <= *t && *t < b);
        for (i, w) in windows.iter().enumerate() {
            let (start, cutoff) = (within(w.activity_at_start()), within(w.activity_at_cutoff()));
            add(None, i, &|t| t.add_customer(start, cutoff));
        }
    }
    tallies
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
        (a, b) => a == b,
    }
}

fn compare(label: &str, got: &[frontdesk::service::report::KpiValue], want: &[Tally; 2]) {
    for v in got {
        let (value, previous) = (want[1].value(v.kpi), want[0].value(v.kpi));
        assert!(
            close(v.value, value) && close(v.previous, previous),
            "{label} {}: report {:?}/{:?}, brute force {value:?}/{previous:?}",
            v.kpi.key(),
            v.value,
            v.previous
        );
    }
}

#[test]
fn the_report_matches_a_brute_force_reading_of_every_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.db");
    let (mut store, ctx) = demo_store(&path);
    let tz = ctx.settings.timezone;
    // The month in progress, and a closed one.
    for month in ["2026-06", "2026-04"] {
        let month: Month = month.parse().unwrap();
        let windows = [
            Window::new(month.previous(), tz, ctx.now),
            Window::new(month, tz, ctx.now),
        ];
        let want = brute_force(&mut store, &ctx, &path, windows);
        let got: MonthlyReport =
            report::monthly_by(&mut store, &ctx, month, Some(frontdesk::domain::kpi::Breakdown::Agent)).unwrap();
        compare(&format!("{month}"), &got.kpis, &want["*"]);
        // Something was measured, or the comparison proves little.
        for kpi in [
            Kpi::FirstResponseCompliance,
            Kpi::CallbackOnTimeRate,
            Kpi::ChurnRate,
            Kpi::SatisfactionAvg,
        ] {
            assert!(
                got.kpis.iter().any(|v| v.kpi == kpi && v.measured.unwrap_or(0) > 10),
                "{month} {kpi:?}"
            );
        }
        for g in &got.breakdown {
            let want = want
                .get(&g.group)
                .unwrap_or_else(|| panic!("{month}: no group {:?}", g.group));
            let without_churn: Vec<_> = g.kpis.iter().copied().filter(|v| v.kpi != Kpi::ChurnRate).collect();
            compare(&format!("{month} {}", g.group), &without_churn, want);
        }
    }
}
