//! The scale benchmark: generates a demo database of 100k customers, 200k
//! tickets and 1M interactions (sizes overridable by
//! `FRONTDESK_BENCH_CUSTOMERS`, `FRONTDESK_BENCH_TICKETS`,
//! `FRONTDESK_BENCH_INTERACTIONS`; runs per measurement by
//! `FRONTDESK_BENCH_RUNS`) in a temporary directory, then times the hot
//! paths an agent feels: the queue, customer search, ticket detail, a busy
//! customer's timeline. Run with `cargo bench --bench scale`.

use frontdesk::config::Config;
use frontdesk::domain::agenda::Filter;
use frontdesk::domain::cadence::When;
use frontdesk::service::agenda::{self, Page};
use frontdesk::service::customers::{self, SearchIndex};
use frontdesk::service::demo::{self, Sizes};
use frontdesk::service::{Ctx, dashboard, interactions, quality, reminders, report, screens, setup, tickets};
use frontdesk::store::{CustomerQuery, LONG_OVERDUE_SQL, OpenOptions, QUEUE_SQL, Store, StoreError};
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const FILTERS: [&str; 3] = ["zs", "smith", "c2026"];

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Median and fastest of `runs` timed calls of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> Result<T>) -> Result<(Duration, Duration)> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        std::hint::black_box(f()?);
        times.push(started.elapsed());
    }
    times.sort();
    Ok((times[times.len() / 2], times[0]))
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// CPU seconds this process has used (user + system), where the system
/// tells (Linux `/proc`): on a shared machine it says more than wall time.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel's USER_HZ is 100 on every Linux this runs on.
    Some(ticks / 100.0)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() -> Result<()> {
    let sizes = Sizes {
        customers: env_number("FRONTDESK_BENCH_CUSTOMERS", 100_000),
        tickets: env_number("FRONTDESK_BENCH_TICKETS", 200_000),
        interactions: env_number("FRONTDESK_BENCH_INTERACTIONS", 1_000_000),
    };
    let runs = env_number("FRONTDESK_BENCH_RUNS", 5);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("scale.db");
    let now = "2026-06-15T10:00:00Z".parse()?;
    let ctx = Ctx::new("bench", now);
    let config = Config::defaults();
    let mut store = Store::create(&path, &OpenOptions::default())?;
    setup::ensure_defaults(&mut store, &ctx, &config)?;

    println!(
        "frontdesk scale benchmark: {} customers, {} tickets, {} interactions; median of {runs} runs",
        sizes.customers, sizes.tickets, sizes.interactions
    );
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let report = demo::generate(&mut store, &ctx, &config, sizes, 1)?;
    let generation = started.elapsed();
    let cpu = cpu_seconds().zip(cpu_before).map(|(after, before)| after - before);
    store.checkpoint()?;
    let file_size = std::fs::metadata(&path)?.len();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "generation: {:.2} s wall, {} CPU; load average {} (added {} customers, {} tickets, {} interactions, {} orders, {} surveys)",
        generation.as_secs_f64(),
        cpu.map_or("?".to_string(), |c| format!("{c:.2} s")),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
        report.customers,
        report.tickets,
        report.interactions,
        report.orders,
        report.surveys
    );
    println!("file size:  {} (after a WAL checkpoint)", mib(file_size));

    let mut rows: Vec<(String, (Duration, Duration), String)> = Vec::new();
    let queue = tickets::queue(&mut store, &ctx, Some(50))?;
    rows.push((
        "queue, service (limit 50)".into(),
        time(runs, || Ok(tickets::queue(&mut store, &ctx, Some(50))?))?,
        format!("{} tickets", queue.len()),
    ));
    rows.push((
        "queue, raw QUEUE_SQL (limit 50)".into(),
        time(runs, || Ok(store.read(|tx| tx.queue_ids(ctx.now, 50))?))?,
        String::new(),
    ));
    let mut build = || -> Result<SearchIndex> {
        Ok(store.read(|tx| Ok::<_, StoreError>(SearchIndex::new(tx.customer_search_rows()?)))?)
    };
    let index = build()?;
    rows.push((
        "customer SearchIndex build (load + keys)".into(),
        time(runs, build)?,
        format!("{} customers", index.len()),
    ));
    for filter in FILTERS {
        rows.push((
            format!("  filter {filter:?} over the index"),
            time(runs, || Ok(index.find(filter).len()))?,
            format!("{} matches", index.find(filter).len()),
        ));
    }
    let query = CustomerQuery {
        limit: Some(50),
        ..Default::default()
    };
    for filter in FILTERS {
        rows.push((
            format!("customer list --filter {filter:?} (end to end)"),
            time(runs, || Ok(customers::list(&mut store, &query, Some(filter))?))?,
            String::new(),
        ));
    }
    screen_reads(&mut store, &ctx, runs, &mut rows)?;
    let busiest_ticket = store.read(|tx| tx.busiest_ticket())?;
    for (which, id) in [
        ("top of the queue", queue.first().map(|v| v.ticket.id)),
        ("busiest", busiest_ticket),
    ] {
        let Some(id) = id else { continue };
        let detail = tickets::detail(&mut store, &ctx, id)?;
        rows.push((
            format!("ticket show {id} ({which})"),
            time(runs, || Ok(tickets::detail(&mut store, &ctx, id)?))?,
            format!(
                "{} interactions, {} audit entries",
                detail.interactions.len(),
                detail.audit.len()
            ),
        ));
    }
    if let Some(busiest) = store.read(|tx| tx.busiest_customer())? {
        let key = busiest.to_string();
        rows.push((
            format!("timeline {key} (busiest customer, limit 50)"),
            time(runs, || Ok(interactions::timeline(&mut store, &key, 50)?))?,
            format!(
                "{} timeline entries in all",
                interactions::timeline(&mut store, &key, usize::MAX >> 1)?.len()
            ),
        ));
    }

    println!();
    println!("{:<48} {:>12} {:>12}  note", "what", "median", "fastest");
    for (what, (median, fastest), note) in &rows {
        println!("{what:<48} {:>12} {:>12}  {note}", ms(*median), ms(*fastest));
    }
    println!();
    for (name, sql) in [("QUEUE_SQL", QUEUE_SQL), ("LONG_OVERDUE_SQL", LONG_OVERDUE_SQL)] {
        println!("EXPLAIN QUERY PLAN of {name}:");
        for line in store.query_plan(sql)? {
            println!("  {line}");
        }
    }
    Ok(())
}

/// The reads behind the terminal UI's screens, which the event loop waits
/// for: the main screen (on start and after another agent's write), the
/// dashboard, the Reminders view, the Data quality view and the monthly report alone.
fn screen_reads(
    store: &mut Store,
    ctx: &Ctx,
    runs: usize,
    rows: &mut Vec<(String, (Duration, Duration), String)>,
) -> Result<()> {
    let overview = screens::overview(store, ctx)?;
    rows.push((
        "main screen (customers, search index, queue)".into(),
        time(runs, || Ok(screens::overview(store, ctx)?))?,
        format!("{} customers", overview.customers.len()),
    ));
    let month = report::current_month(ctx);
    rows.push((
        format!("report {month} (monthly review)"),
        time(runs, || Ok(report::monthly(store, ctx, month)?))?,
        String::new(),
    ));
    let board = dashboard::dashboard(store, ctx, month)?;
    rows.push((
        "dashboard (report, 8 weeks, customers at risk)".into(),
        time(runs, || Ok(dashboard::dashboard(store, ctx, month)?))?,
        format!("{} at risk listed", board.at_risk.len()),
    ));
    let everyone = Filter::default();
    let all = reminders::list(store, ctx, When::All, &everyone)?;
    rows.push((
        "reminders (all)".into(),
        time(runs, || Ok(reminders::list(store, ctx, When::All, &everyone)?))?,
        format!("{} reminders", all.len()),
    ));
    let page = Page {
        limit: Some(50),
        overdue: false,
    };
    let first = agenda::agenda(store, ctx, &everyone, page)?;
    rows.push((
        "reminders agenda (first screen: today, upcoming page, overdue count)".into(),
        time(runs, || Ok(agenda::agenda(store, ctx, &everyone, page)?))?,
        format!("{} overdue counted", first.counts.overdue),
    ));
    let review = quality::review(store)?;
    rows.push((
        "data quality (duplicates, missing contacts)".into(),
        time(runs, || Ok(quality::review(store)?))?,
        format!(
            "{} pairs, {} missing",
            review.duplicates.len(),
            review.missing_contact.len()
        ),
    ));
    Ok(())
}
