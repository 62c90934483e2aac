//! The filter language on a large database: each expression of a table
//! through `service::find` (first 50, as the CLI lists) and `count`, in
//! process, median and fastest of a few runs. Point it at a demo database
//! (`frontdesk --db /tmp/x.db demo --customers 100000 --tickets 200000
//! --interactions 1000000`): `FRONTDESK_BENCH_DB=/tmp/x.db cargo bench --bench find`.

use frontdesk::service::Ctx;
use frontdesk::service::find::{self, Scope};
use frontdesk::store::{OpenOptions, Store};
use std::time::{Duration, Instant};

const EXPRESSIONS: &[(&str, Scope)] = &[
    ("kind:complaint", Scope::All),
    ("kind:complaint priority:>=high opened:>=som", Scope::All),
    ("status:active -assignee:none sort:due", Scope::All),
    ("sla:breached", Scope::All),
    ("sla:breached", Scope::Queue),
    ("assignee:none", Scope::Queue),
    ("tag:vip", Scope::All),
    ("customer:wang kind:complaint", Scope::All),
    ("updated:<-30d sort:updated", Scope::All),
    ("sort:priority", Scope::All),
    ("refund", Scope::All),
    ("退款", Scope::All),
    ("kind:complaint 退款", Scope::All),
];

fn time(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, Duration, usize) {
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let started = Instant::now();
        n = std::hint::black_box(f());
        times.push(started.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times[0], n)
}

fn main() {
    let Ok(path) = std::env::var("FRONTDESK_BENCH_DB") else {
        println!("find: set FRONTDESK_BENCH_DB to a demo database to run this benchmark");
        return;
    };
    let mut store = Store::open(path.as_ref(), &OpenOptions::default()).expect("the database");
    let ctx = Ctx::new("amelia.scott", chrono::Utc::now());
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    println!(
        "{:<48} {:>6} {:>10} {:>10} {:>8} {:>10}",
        "expression", "scope", "find 50", "fastest", "count", "count in"
    );
    for (expr, scope) in EXPRESSIONS {
        let (median, fastest, _) = time(5, || {
            find::find(&mut store, &ctx, expr, *scope, Some(50)).map_or(0, |f| f.tickets.len())
        });
        let (count_median, _, count) = time(3, || find::count(&mut store, &ctx, expr, *scope).unwrap_or(0));
        let scope = if *scope == Scope::All { "all" } else { "queue" };
        println!(
            "{expr:<48} {scope:>6} {:>10} {:>10} {count:>8} {:>10}",
            ms(median),
            ms(fastest),
            ms(count_median)
        );
    }
}
