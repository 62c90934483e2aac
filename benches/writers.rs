//! Write throughput and worst-case latency with 1, 4 and 8 concurrent
//! writers, each on its own connection to one database file, each write a
//! short BEGIN IMMEDIATE transaction through the service layer (an internal
//! note on a ticket: read the ticket, insert the interaction, write the
//! audit entry). All writers note the same ticket, the worst case for
//! contention. Run: `cargo bench --bench writers` (set
//! FRONTDESK_BENCH_WRITES to change the writes per writer, default 300).
//! With FRONTDESK_BENCH_PG set to a PostgreSQL superuser URL (such as
//! `.ci/pg-start` prints), the same runs on a fresh database there too
//! (SERIALIZABLE writes, retried whole on a serialization failure).

use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::{Ctx, customers, tickets};
use frontdesk::store::{JournalMode, OpenOptions, Store};
use std::time::{Duration, Instant};

/// Where the writers write.
#[derive(Clone, Copy)]
enum Target<'a> {
    File(&'a std::path::Path, JournalMode),
    /// The URL of an empty database.
    Postgres(&'a str),
}

impl Target<'_> {
    fn open(&self) -> Store {
        match *self {
            Target::File(path, journal) => Store::create(path, &options(journal)).expect("open"),
            Target::Postgres(url) => {
                let client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
                Store::on_postgres(client, url, &OpenOptions::default()).expect("open")
            }
        }
    }
}

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
fn prepare(target: Target) -> i64 {
    let mut store = target.open();
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

fn run(target: Target, writers: usize, per_writer: usize) -> Run {
    let ticket = prepare(target);
    let start = Instant::now();
    let latencies: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                scope.spawn(move || {
                    let mut store = target.open();
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
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("bench.db");
            report(name, run(Target::File(&path, journal), writers, per_writer));
        }
    }
    let Ok(server) = std::env::var("FRONTDESK_BENCH_PG") else {
        println!("postgres: skipped (set FRONTDESK_BENCH_PG to a superuser URL)");
        return;
    };
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).expect("FRONTDESK_BENCH_PG");
    for writers in [1, 4, 8] {
        let name = format!("frontdesk_bench_{}_{writers}", std::process::id());
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create");
        let url = format!("{}/{name}", server.rsplit_once('/').expect("a URL ending in /NAME").0);
        report("postgres", run(Target::Postgres(&url), writers, per_writer));
        admin
            .batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)"))
            .expect("drop");
    }
}

fn report(name: &str, mut r: Run) {
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
