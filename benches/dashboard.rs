//! The TUI dashboard's reads on a large database, in process: opening it (the current
//! month read whole), paging to a month not seen yet (read whole), and paging back to a
//! month already seen (only the report stamp read, the kept figures shown). Median and
//! fastest of a few runs. Point it at a copy of a demo database (it migrates the file):
//! `FRONTDESK_BENCH_DB=/tmp/x.db cargo bench --bench dashboard`.

use frontdesk::service::Ctx;
use frontdesk::service::dashboard;
use frontdesk::service::report::current_month;
use frontdesk::store::{OpenOptions, Store};
use std::time::{Duration, Instant};

/// One of the reads timed.
type Read<'a> = dyn FnMut(&mut Store) + 'a;

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let started = Instant::now();
        f();
        times.push(started.elapsed());
    }
    times.sort();
    (times[times.len() / 2], times[0])
}

fn main() {
    let Ok(path) = std::env::var("FRONTDESK_BENCH_DB") else {
        println!("dashboard: set FRONTDESK_BENCH_DB to a copy of a demo database to run this benchmark");
        return;
    };
    let runs = std::env::var("FRONTDESK_BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut store = Store::open(path.as_ref(), &OpenOptions::default()).expect("the database");
    let ctx = Ctx::new("amelia.scott", chrono::Utc::now());
    let month = current_month(&ctx);
    let previous = month.previous();
    let ms = |d: Duration| format!("{:>9.3} ms", d.as_secs_f64() * 1000.0);
    let rows: [(&str, Box<Read>); 4] = [
        (
            "open: the current month read whole",
            Box::new(|s: &mut Store| drop(dashboard::dashboard(s, &ctx, month).unwrap())),
        ),
        (
            "page to a month not seen: read whole",
            Box::new(|s: &mut Store| drop(dashboard::dashboard(s, &ctx, previous).unwrap())),
        ),
        (
            "the report stamp alone",
            Box::new(|s: &mut Store| {
                std::hint::black_box(s.read(|tx| tx.report_stamp()).unwrap());
            }),
        ),
        (
            "page back to a month seen: stamp unchanged",
            Box::new(|s: &mut Store| {
                let known = s.read(|tx| tx.report_stamp()).unwrap();
                assert!(
                    dashboard::dashboard_if_changed(s, &ctx, previous, known)
                        .unwrap()
                        .is_none()
                );
            }),
        ),
    ];
    println!("{:<46} {:>11} {:>11}", "dashboard read", "median", "fastest");
    for (label, mut read) in rows {
        let (median, fastest) = time(runs, || read(&mut store));
        println!("{label:<46} {} {}", ms(median), ms(fastest));
    }
}
