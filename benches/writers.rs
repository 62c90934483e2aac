//! Write throughput and worst-case latency with 1, 4 and 8 concurrent
//! writers, each on its own connection to one database file, each write a
//! short BEGIN IMMEDIATE transaction through the service layer (an internal
//! note on a ticket: read the ticket, insert the interaction, write the
//! audit entry). All writers note the same ticket, the worst case for
//! contention. Run: `cargo bench --bench writers` (set
//! FRONTDESK_BENCH_WRITES to change the writes per writer, default 300).

use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers, tickets};
use frontdesk::store::{JournalMode, OpenOptions, Store};
use std::path::Path;
use std::time::{Duration, Instant};

struct Run {
    writers: usize,
    writes: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

fn options(journal: JournalMode) -> OpenOptions {
    OpenOptions {
        journal,
        ..OpenOptions::default()
    }
}

fn ctx(agent: &str) -> Ctx {
    Ctx::new(agent, chrono::Utc::now())
}

/// A fresh database with one customer and one ticket; the ticket's id.
fn prepare(path: &Path, journal: JournalMode) -> i64 {
    let mut store = Store::create(path, &options(journal)).expect("open");
    let input = CustomerInput {
        name: Some("张三".into()),
        ..Default::default()
    };
    let customer = customers::add(&mut store, &ctx("setup"), &input).expect("customer");
    let ticket = tickets::TicketInput {
        customer: customer.id.to_string(),
        kind: "complaint".into(),
        subject: "washing machine leaks".into(),
        ..Default::default()
    };
    tickets::add(&mut store, &ctx("setup"), &ticket)
        .expect("ticket")
        .ticket
        .id
}

fn run(journal: JournalMode, writers: usize, per_writer: usize) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    let ticket = prepare(&path, journal);
    let start = Instant::now();
    let latencies: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let path = &path;
                scope.spawn(move || {
                    let mut store = Store::open(path, &options(journal)).expect("open");
                    let agent = format!("agent-{w}");
                    (0..per_writer)
                        .map(|i| {
                            let ctx = ctx(&agent);
                            let began = Instant::now();
                            tickets::note(&mut store, &ctx, ticket, &format!("note {i}")).expect("note");
                            began.elapsed()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("writer")).collect()
    });
    Run {
        writers,
        writes: latencies.len(),
        elapsed: start.elapsed(),
        latencies,
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let per_writer = std::env::var("FRONTDESK_BENCH_WRITES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    println!("writers: {per_writer} notes per writer, one connection each, one shared ticket");
    println!(
        "{:<8} {:>7} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "journal", "writers", "writes", "writes/s", "p50 ms", "p99 ms", "max ms", "total s"
    );
    for (name, journal) in [("wal", JournalMode::Wal), ("delete", JournalMode::Delete)] {
        for writers in [1, 4, 8] {
            let mut r = run(journal, writers, per_writer);
            r.latencies.sort();
            println!(
                "{:<8} {:>7} {:>6} {:>9.0} {:>9} {:>9} {:>9} {:>9.2}",
                name,
                r.writers,
                r.writes,
                r.writes as f64 / r.elapsed.as_secs_f64(),
                ms(percentile(&r.latencies, 0.5)),
                ms(percentile(&r.latencies, 0.99)),
                ms(*r.latencies.last().expect("writes")),
                r.elapsed.as_secs_f64()
            );
        }
    }
}
