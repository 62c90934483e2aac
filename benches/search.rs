//! The full-text search benchmark: generates the demo database (100k
//! customers, 200k tickets, 1M interactions; sizes overridable as in the
//! scale benchmark) twice, without and with the search index, and reports
//! what the index costs (file size, demo time, building it over an existing
//! file) and what a search takes (the first 50 matches, in process).
//! `FRONTDESK_BENCH_KEEP=PATH` keeps the indexed file there, to time the CLI.
//! Run with `cargo bench --bench search`.

use frontdesk::config::Config;
use frontdesk::service::demo;
use frontdesk::service::{Ctx, search, setup};
use frontdesk::store::{OpenOptions, Store, StoreError, TicketQuery};
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/common.rs"]
mod common;
use common::{cpu_seconds, env_number};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Common and rare English words and Chinese terms of the demo's texts.
const SEARCHES: [&str; 8] = [
    "customer",
    "router",
    "refunds",
    "客户",
    "滤芯",
    "退",
    "北京",
    "打印机 error",
];

const TRIGGERS: [&str; 6] = [
    "tickets_search_ai",
    "tickets_search_au",
    "tickets_search_ad",
    "interactions_search_ai",
    "interactions_search_au",
    "interactions_search_ad",
];

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The file's size with its write-ahead log folded in.
fn size(path: &Path) -> Result<u64> {
    let conn = rusqlite::Connection::open(path)?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    drop(conn);
    Ok(std::fs::metadata(path)?.len())
}

/// A new database with the defaults; without the triggers, nothing is
/// marked for the index, as before migration 0011.
fn fresh(path: &Path, ctx: &Ctx, config: &Config, indexed: bool) -> Result<Store> {
    let mut store = Store::create(path, &OpenOptions::default())?;
    setup::ensure_defaults(&mut store, ctx, config)?;
    let conn = rusqlite::Connection::open(path)?;
    // To try FTS5's pending-data size (bytes) without a new migration.
    if let Ok(size) = std::env::var("FRONTDESK_BENCH_HASHSIZE") {
        for table in ["ticket_text", "contact_text"] {
            conn.execute(
                &format!("INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"),
                [&size],
            )?;
        }
    }
    if !indexed {
        for trigger in TRIGGERS {
            conn.execute_batch(&format!("DROP TRIGGER {trigger}"))?;
        }
    }
    Ok(store)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> Result<()> {
    let sizes = common::sizes();
    let runs = env_number("FRONTDESK_BENCH_RUNS", 5);
    let dir = tempfile::tempdir()?;
    let now = "2026-06-15T10:00:00Z".parse()?;
    let ctx = Ctx::new("bench", now);
    let config = Config::defaults();
    println!(
        "frontdesk search benchmark: {} customers, {} tickets, {} interactions; median of {runs} runs",
        sizes.customers, sizes.tickets, sizes.interactions
    );

    let mut demo_times = Vec::new();
    let mut demo_cpu = Vec::new();
    let mut paths = Vec::new();
    for indexed in [false, true] {
        let path = dir.path().join(if indexed { "with.db" } else { "without.db" });
        let mut store = fresh(&path, &ctx, &config, indexed)?;
        let started = Instant::now();
        let cpu_before = cpu_seconds();
        demo::generate(&mut store, &ctx, &config, sizes, 1)?;
        demo_times.push(started.elapsed());
        demo_cpu.push(
            cpu_seconds()
                .zip(cpu_before)
                .map_or(0.0, |(after, before)| after - before),
        );
        drop(store);
        paths.push(path);
    }
    let (without, with) = (size(&paths[0])?, size(&paths[1])?);
    println!(
        "demo: {:.1} s without the index, {:.1} s with it (+{:.0} %); CPU {:.1} s and {:.1} s (+{:.0} %)",
        demo_times[0].as_secs_f64(),
        demo_times[1].as_secs_f64(),
        (demo_times[1].as_secs_f64() / demo_times[0].as_secs_f64() - 1.0) * 100.0,
        demo_cpu[0],
        demo_cpu[1],
        (demo_cpu[1] / demo_cpu[0] - 1.0) * 100.0
    );
    println!(
        "file: {} without the index, {} with it (+{:.1} %)",
        mib(without),
        mib(with),
        (with as f64 / without as f64 - 1.0) * 100.0
    );

    // Building the index over the existing file, as the migration's first open does.
    let mut store = Store::open(&paths[0], &OpenOptions::default())?;
    let conn = rusqlite::Connection::open(&paths[0])?;
    conn.execute_batch(
        "INSERT INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets;
         INSERT INTO search_dirty (kind, id) SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL;",
    )?;
    drop(conn);
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    store.write(|_| Ok::<_, StoreError>(()))?;
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map_or(0.0, |(after, before)| after - before);
    println!(
        "index built over the existing file in {:.1} s ({cpu:.1} s CPU)",
        started.elapsed().as_secs_f64()
    );
    drop(store);

    let mut store = Store::open(&paths[1], &OpenOptions::default())?;
    let first_50 = TicketQuery {
        limit: Some(50),
        ..TicketQuery::default()
    };
    // On a shared machine wall time says more about the neighbours than
    // about the search: CPU time per search is reported beside it.
    for text in SEARCHES {
        let mut plain = Vec::new();
        let mut full = Vec::new();
        let mut found = 0;
        let (mut plain_cpu, mut full_cpu) = (0.0, 0.0);
        for _ in 0..runs.max(1) {
            let (started, cpu) = (Instant::now(), cpu_seconds());
            found = store.read(|tx| tx.search_tickets(&first_50, text, false))?.len();
            plain.push(started.elapsed());
            plain_cpu += cpu_seconds().zip(cpu).map_or(0.0, |(after, before)| after - before);
            let (started, cpu) = (Instant::now(), cpu_seconds());
            std::hint::black_box(search::tickets(&mut store, &ctx, text, true, 50)?);
            full.push(started.elapsed());
            full_cpu += cpu_seconds().zip(cpu).map_or(0.0, |(after, before)| after - before);
        }
        let per_run = |total: f64| total * 1000.0 / runs.max(1) as f64;
        let matches: i64 = {
            let filter = frontdesk::store::ticket_text_filter(text).ok_or("no term")?;
            let conn = rusqlite::Connection::open(&paths[1])?;
            conn.query_row(
                &format!("SELECT count(*) FROM ticket_text WHERE {}", filter.condition),
                rusqlite::params_from_iter(filter.params.iter()),
                |r| r.get(0),
            )?
        };
        println!(
            "search {text:?}: {matches} matches; first {found}: {} wall, {:.1} ms CPU (store); \
             {} wall, {:.1} ms CPU (with SLA views and snippets)",
            ms(median(plain)),
            per_run(plain_cpu),
            ms(median(full)),
            per_run(full_cpu)
        );
    }
    if let Ok(keep) = std::env::var("FRONTDESK_BENCH_KEEP") {
        drop(store);
        std::fs::copy(&paths[1], &keep)?;
        println!("kept the indexed file as {keep}");
    }
    Ok(())
}
