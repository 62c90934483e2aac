//! The hot reads on both engines, in process, on the same data: the queue's
//! first 50 and a full-text search, on a SQLite file and on the same
//! database copied to PostgreSQL (`frontdesk copy --from FILE --to URL`).
//! Run: `FRONTDESK_BENCH_DB=demo.db FRONTDESK_BENCH_PG_DB=postgres://…/NAME
//! cargo bench --bench engines` (FRONTDESK_BENCH_RUNS, default 20). Each
//! figure is the median of the runs after one warm-up, the two engines run
//! in turn.

use frontdesk::service::{Ctx, search, tickets};
use frontdesk::store::{OpenOptions, Store};
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn timed(work: &mut impl FnMut(&mut Store)) -> impl FnMut(&mut Store) -> Duration {
    move |store| {
        let began = Instant::now();
        work(store);
        began.elapsed()
    }
}

/// `work` on both engines, one run of each in turn after a warm-up of
/// each: on a shared, noisy machine a slow spell then falls on both alike.
/// The medians, SQLite's first.
fn side_by_side(runs: usize, stores: [&mut Store; 2], mut work: impl FnMut(&mut Store)) -> [Duration; 2] {
    let [sqlite, postgres] = stores;
    let mut time = timed(&mut work);
    time(sqlite);
    time(postgres);
    let (mut a, mut b) = (Vec::with_capacity(runs), Vec::with_capacity(runs));
    for _ in 0..runs {
        a.push(time(sqlite));
        b.push(time(postgres));
    }
    [median(a), median(b)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let (Ok(file), Ok(url)) = (
        std::env::var("FRONTDESK_BENCH_DB"),
        std::env::var("FRONTDESK_BENCH_PG_DB"),
    ) else {
        println!(
            "engines: skipped (set FRONTDESK_BENCH_DB and FRONTDESK_BENCH_PG_DB to the same data on both engines)"
        );
        return;
    };
    let runs = std::env::var("FRONTDESK_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let options = OpenOptions::default();
    let mut sqlite = Store::open(std::path::Path::new(&file), &options).expect("open the file");
    let client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let mut postgres = Store::on_postgres(client, &url, &options).expect("open the server database");
    let ctx = Ctx::new("bench", chrono::Utc::now());
    println!("engines: median of {runs} runs each, ms, in process, the engines in turn");
    println!("{:<16} {:>10} {:>10} {:>8}", "", "sqlite", "postgres", "ratio");
    let mut row = |name: &str, work: &mut dyn FnMut(&mut Store)| {
        let [a, b] = side_by_side(runs, [&mut sqlite, &mut postgres], work);
        println!("{name:<16} {:>10.2} {:>10.2} {:>7.2}x", ms(a), ms(b), ms(b) / ms(a));
    };
    row("queue 50", &mut |store| {
        tickets::queue(store, &ctx, Some(50)).expect("queue");
    });
    row("search refund", &mut |store| {
        search::tickets(store, &ctx, "refund", true, 50).expect("search");
    });
    row("search 退款", &mut |store| {
        search::tickets(store, &ctx, "退款", true, 50).expect("search");
    });
}
