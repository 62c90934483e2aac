//! The hot reads on both engines, in process, on the same data: the queue's
//! first 50 and a full-text search, on a SQLite file and on the same
//! database copied to PostgreSQL (`frontdesk copy --from FILE --to URL`).
//! Run: `FRONTDESK_BENCH_DB=demo.db FRONTDESK_BENCH_PG_DB=postgres://…/NAME
//! cargo bench --bench engines` (FRONTDESK_BENCH_RUNS, default 20). Each
//! figure is the median of the runs after one warm-up, side by side.

use frontdesk::service::{Ctx, search, tickets};
use frontdesk::store::{OpenOptions, Store};
use std::time::{Duration, Instant};

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(runs: usize, mut work: impl FnMut()) -> Duration {
    work();
    median(
        (0..runs)
            .map(|_| {
                let began = Instant::now();
                work();
                began.elapsed()
            })
            .collect(),
    )
}

fn measure(name: &str, store: &mut Store, runs: usize) -> [Duration; 3] {
    let ctx = Ctx::new("bench", chrono::Utc::now());
    let queue = time(runs, || {
        tickets::queue(store, &ctx, Some(50)).expect("queue");
    });
    let word = time(runs, || {
        search::tickets(store, &ctx, "refund", true, 50).expect("search");
    });
    let chinese = time(runs, || {
        search::tickets(store, &ctx, "退款", true, 50).expect("search");
    });
    println!(
        "{name:<10} {:>10.2} {:>14.2} {:>14.2}",
        queue.as_secs_f64() * 1000.0,
        word.as_secs_f64() * 1000.0,
        chinese.as_secs_f64() * 1000.0
    );
    [queue, word, chinese]
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
    println!("engines: median of {runs} runs, ms, in process");
    println!(
        "{:<10} {:>10} {:>14} {:>14}",
        "engine", "queue 50", "search refund", "search 退款"
    );
    let a = measure("sqlite", &mut sqlite, runs);
    let b = measure("postgres", &mut postgres, runs);
    let ratio = |i: usize| b[i].as_secs_f64() / a[i].as_secs_f64();
    println!(
        "{:<10} {:>9.2}x {:>13.2}x {:>13.2}x",
        "ratio",
        ratio(0),
        ratio(1),
        ratio(2)
    );
}
