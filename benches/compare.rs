//! The comparison of issue #14 in one command: `cargo bench --bench compare`.
//!
//! Builds the demo once (100k customers / 200k tickets / 1M interactions;
//! `FRONTDESK_BENCH_CUSTOMERS` / `_TICKETS` / `_INTERACTIONS` change the
//! sizes; `FRONTDESK_BENCH_DB=path` copies an existing demo instead and
//! never writes to it) and prints the table: frontdesk's figure,
//! the peer's on the same data in the same run where one is installed
//! (`sqlite3`, taskwarrior's `task`, `fzf`), the ratio, the target and
//! whether it is met. Whole-process rows run the release binary
//! (`FRONTDESK_BIN` runs another, e.g. an older build), the median of
//! `FRONTDESK_BENCH_RUNS` (30) runs taken in turn with the peer's; the long
//! ones (export, import) run `FRONTDESK_BENCH_LONG_RUNS` times (1). TUI rows
//! run in process through the library of this build (see compare/tui.rs).

#[allow(dead_code)]
#[path = "support/common.rs"]
mod common;
#[path = "compare/peers.rs"]
mod peers;
#[path = "compare/process.rs"]
mod process;
#[path = "compare/tmux.rs"]
mod tmux;
#[path = "compare/tui.rs"]
mod tui;

use chrono::{Datelike, Months};
use process::{Run, alternate, first_byte, installed, run};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// What a row must reach.
#[derive(Clone, Copy)]
enum Target {
    /// Wall time at most this many ms.
    Ms(f64),
    /// Wall time and peak memory at most (ms, MB).
    MsMb(f64, f64),
    /// At most this many times the peer's wall time.
    AtMostPeer(f64),
    /// At least this many times faster than the peer.
    FasterThanPeer(f64),
    /// Peak memory at most this many MB.
    Mb(f64),
}

struct Row {
    work: String,
    ours: Option<Run>,
    peer: Option<(String, Run)>,
    target: Target,
    note: String,
}

fn fmt_ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1e3)
    } else {
        format!("{ms:.1} ms")
    }
}

fn mb(kib: i64) -> f64 {
    kib as f64 * 1024.0 / 1e6
}

impl Row {
    fn ratio(&self) -> Option<f64> {
        let (ours, (_, peer)) = (self.ours?, self.peer.as_ref()?);
        Some(ours.wall.as_secs_f64() / peer.wall.as_secs_f64().max(1e-9))
    }

    fn met(&self) -> Option<bool> {
        let ours = self.ours?;
        let wall = ours.wall.as_secs_f64() * 1e3;
        Some(match self.target {
            Target::Ms(most) => wall <= most,
            Target::MsMb(most, megabytes) => wall <= most && mb(ours.rss_kib) <= megabytes,
            Target::AtMostPeer(x) => self.ratio()? <= x,
            Target::FasterThanPeer(x) => 1.0 / self.ratio()? >= x,
            Target::Mb(megabytes) => mb(ours.rss_kib) <= megabytes,
        })
    }

    fn target_text(&self) -> String {
        match self.target {
            Target::Ms(most) => format!("<= {most} ms"),
            Target::MsMb(most, megabytes) => format!("<= {} s, <= {megabytes} MB", most / 1e3),
            Target::AtMostPeer(x) => format!("<= {x}x peer"),
            Target::FasterThanPeer(x) => format!(">= {x}x faster"),
            Target::Mb(megabytes) => format!("<= {megabytes} MB"),
        }
    }
}

fn print(rows: &[Row]) {
    println!(
        "{:<44} {:>10} {:>10} {:>9}  {:<22} {:>8}  {:<22} {:<4} note",
        "work", "wall", "cpu", "peak", "peer", "ratio", "target", "met"
    );
    for row in rows {
        let (wall, cpu, peak) = match row.ours {
            Some(r) if r.rss_kib == 0 && r.cpu.is_zero() => (fmt_ms(r.wall), "-".into(), "-".into()),
            Some(r) if r.wall.is_zero() => ("-".into(), "-".into(), format!("{:.0} MB", mb(r.rss_kib))),
            Some(r) => (fmt_ms(r.wall), fmt_ms(r.cpu), format!("{:.0} MB", mb(r.rss_kib))),
            None => ("-".into(), "-".into(), "-".into()),
        };
        let peer = row
            .peer
            .as_ref()
            .map_or("-".to_string(), |(name, r)| format!("{name} {}", fmt_ms(r.wall)));
        // Against a much slower peer "1/28.6x" reads better than "0.03x".
        let ratio = match (row.ratio(), row.target) {
            (Some(r), Target::FasterThanPeer(_)) => format!("1/{:.1}x", 1.0 / r),
            (Some(r), _) => format!("{r:.2}x"),
            (None, _) => "-".to_string(),
        };
        let met = match row.met() {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "-",
        };
        println!(
            "{:<44} {wall:>10} {cpu:>10} {peak:>9}  {peer:<22} {ratio:>8}  {:<22} {met:<4} {}",
            row.work,
            row.target_text(),
            row.note
        );
    }
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn own_rss_kib() -> i64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_string();
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

fn commit() -> String {
    Command::new("git")
        .args(["-C", env!("CARGO_MANIFEST_DIR"), "log", "-1", "--format=%h %s"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().chars().take(80).collect())
        .unwrap_or_default()
}

/// The binary and the files every frontdesk child runs with: an empty
/// settings file (no backup folder of the user's, English words).
struct Frontdesk {
    bin: PathBuf,
    db: PathBuf,
    config: PathBuf,
}

impl Frontdesk {
    fn command(&self, db: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env_remove("LANGUAGE")
            .env("LC_ALL", "C")
            .env("LANG", "C")
            .arg("--db")
            .arg(db)
            .arg("--config")
            .arg(&self.config)
            .args(["--agent", "bench"])
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        run(&mut self.command(&self.db, args), Stdio::null())
    }
}

fn main() {
    let sizes = common::sizes();
    // On a shared 2-core machine the median of 10 moved by 15 % between two
    // rows timing the same binary; 30 hold the queue's ratios steady.
    let runs = common::env_number("FRONTDESK_BENCH_RUNS", 30);
    let long_runs = common::env_number("FRONTDESK_BENCH_LONG_RUNS", 1);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let bin =
        std::env::var_os("FRONTDESK_BIN").map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_frontdesk")), PathBuf::from);
    let fd = Frontdesk {
        bin,
        db: dir.path().join("demo.db"),
        config,
    };
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!("frontdesk comparison (issue #14)");
    println!("machine: {cores} cores; load average before: {}", loadavg());
    println!("commit: {}", commit());
    println!("binary: {}", fd.bin.display());
    println!("median of {runs} runs (export, import: {long_runs}), frontdesk and peer runs taken in turn\n");

    let mut rows = Vec::new();
    match std::env::var_os("FRONTDESK_BENCH_DB") {
        Some(given) => {
            std::fs::copy(&given, &fd.db).expect("the given demo file copies");
            println!(
                "demo: copied from {} (not built, not timed)",
                Path::new(&given).display()
            );
        }
        None => {
            let (c, t, i) = (
                sizes.customers.to_string(),
                sizes.tickets.to_string(),
                sizes.interactions.to_string(),
            );
            let demo = fd.run(&["demo", "--customers", &c, "--tickets", &t, "--interactions", &i]);
            println!("demo: {c} customers, {t} tickets, {i} interactions built");
            rows.push(Row {
                work: format!(
                    "demo {}k/{}k/{}k",
                    sizes.customers / 1000,
                    sizes.tickets / 1000,
                    sizes.interactions / 1000
                ),
                ours: Some(demo),
                peer: None,
                target: Target::Ms(10_000.0),
                note: "the one build, timed once".into(),
            });
        }
    }
    // Linux counts the parent's resident memory at the child's exec into the
    // child's peak (std spawns with vfork): this process's is a floor under
    // every peak below, so it is said.
    println!(
        "this process's resident memory, a floor under each peak: {:.0} MB",
        mb(own_rss_kib())
    );
    println!("wall times include waiting for a core on a loaded machine; CPU is the work itself\n");
    // Opened once first: a file made by another version migrates here, not in a timed run.
    fd.run(&["ticket", "list", "--queue", "--limit", "1"]);
    whole_processes(&fd, dir.path(), runs, long_runs, &mut rows);
    for figure in tui::rows(&fd.db, runs) {
        let target = match figure.work {
            w if w.contains("filter") => Target::Ms(5.0),
            w if w.contains("triage") => Target::Ms(20.0),
            w if w.contains("queue") => Target::Ms(200.0),
            w if w.contains("dashboard") => Target::Ms(150.0),
            w if w.contains("reminders") => Target::Ms(100.0),
            _ => Target::Ms(300.0),
        };
        rows.push(Row {
            work: figure.work.to_string(),
            ours: Some(figure.run),
            peer: None,
            target,
            note: figure.note,
        });
    }
    match tmux::peak_memory(&fd.bin, &fd.db, &fd.config) {
        Some((start, after)) => {
            for (work, kib) in [
                ("TUI peak memory at start", start),
                ("TUI peak memory, dashboard + reminders", after),
            ] {
                rows.push(Row {
                    work: work.into(),
                    ours: Some(Run {
                        wall: Duration::ZERO,
                        cpu: Duration::ZERO,
                        rss_kib: kib,
                    }),
                    peer: None,
                    target: Target::Mb(80.0),
                    note: "VmHWM of the binary in tmux".into(),
                });
            }
        }
        None => println!("TUI peak memory: skipped (tmux missing or the pane could not be read)"),
    }
    println!();
    print(&rows);
    println!("\nload average after: {}", loadavg());
}

fn whole_processes(fd: &Frontdesk, dir: &Path, runs: usize, long_runs: usize, rows: &mut Vec<Row>) {
    let now = chrono::Utc::now();
    let mut ours_queue = || fd.run(&["ticket", "list", "--queue", "--limit", "50"]);
    let queue_sql = peers::queue_sql(50, now);
    if installed("sqlite3") {
        let mut sqlite = || run(&mut peers::sqlite3(&fd.db, &queue_sql), Stdio::null());
        let (ours, peer) = alternate(runs, &mut ours_queue, &mut [&mut sqlite]);
        rows.push(Row {
            work: "ticket list --queue --limit 50".into(),
            ours: Some(ours),
            peer: Some(("sqlite3".into(), peer[0])),
            target: Target::AtMostPeer(1.5),
            note: "sqlite3 runs QUEUE_SQL".into(),
        });
        if installed("task") {
            let task = peers::Taskwarrior::load(&fd.db, dir);
            let mut next = || run(task.command().args(["next", "limit:50"]), Stdio::null());
            let (ours, peer) = alternate(runs, &mut ours_queue, &mut [&mut next]);
            rows.push(Row {
                work: "ticket list --queue --limit 50".into(),
                ours: Some(ours),
                peer: Some(("task next".into(), peer[0])),
                target: Target::FasterThanPeer(50.0),
                note: format!("taskwarrior on {}k tasks", peers::TASKS / 1000),
            });
        } else {
            println!("taskwarrior: skipped (`task` is not installed)");
        }
    } else {
        println!("sqlite3 and taskwarrior: skipped (`sqlite3` is not installed)");
    }

    let mut ours_filter = || fd.run(&["customer", "list", "--filter", "zw", "--limit", "50"]);
    let (ours, peer) = if installed("fzf") {
        let names = peers::names_file(&fd.db, dir);
        let mut fzf = || {
            let file = std::fs::File::open(&names).unwrap();
            run(Command::new("fzf").args(["--filter", "zw"]).stdin(file), Stdio::null())
        };
        let (ours, peer) = alternate(runs, &mut ours_filter, &mut [&mut fzf]);
        (ours, Some(("fzf".to_string(), peer[0])))
    } else {
        println!("fzf: skipped (not installed)");
        (alternate(runs, &mut ours_filter, &mut []).0, None)
    };
    rows.push(Row {
        work: "customer list --filter zw --limit 50".into(),
        ours: Some(ours),
        peer,
        target: Target::AtMostPeer(1.0),
        note: "pinyin included; fzf over the names".into(),
    });

    let last_month = now.date_naive().with_day(1).unwrap() - Months::new(1);
    let last = last_month.format("%Y-%m").to_string();
    for (work, args) in [
        ("report (this month)", vec!["report"]),
        ("report (last month)", vec!["report", "--month", last.as_str()]),
        ("reminder list --limit 50", vec!["reminder", "list", "--limit", "50"]),
    ] {
        let target = if work.starts_with("reminder") { 100.0 } else { 150.0 };
        rows.push(Row {
            work: work.into(),
            ours: Some(alternate(runs, &mut || fd.run(&args), &mut []).0),
            peer: None,
            target: Target::Ms(target),
            note: String::new(),
        });
    }
    let mut head = || first_byte(&mut fd.command(&fd.db, &["ticket", "list", "--limit", "0"]));
    rows.push(Row {
        work: "ticket list --limit 0 | head -1".into(),
        ours: Some(alternate(runs, &mut head, &mut []).0),
        peer: None,
        target: Target::Ms(50.0),
        note: "time to the first byte".into(),
    });
    let mut export = || fd.run(&["export", "tickets", "--format", "json"]);
    rows.push(Row {
        work: "export tickets --format json".into(),
        ours: Some(alternate(long_runs, &mut export, &mut []).0),
        peer: None,
        target: Target::MsMb(3_000.0, 100.0),
        note: "to /dev/null".into(),
    });
    import(fd, dir, long_runs, rows);
}

/// `import tickets` of the demo's own CSV export into a fresh `init`ed
/// file (its customers are created by name), each run on a new file.
fn import(fd: &Frontdesk, dir: &Path, runs: usize, rows: &mut Vec<Row>) {
    let csv = dir.join("tickets.csv");
    let file = std::fs::File::create(&csv).unwrap();
    run(
        &mut fd.command(&fd.db, &["export", "tickets", "--format", "csv"]),
        Stdio::from(file),
    );
    let tickets = std::fs::read_to_string(&csv).map_or(0, |s| s.lines().count().saturating_sub(1));
    let mut n = 0;
    let mut import = || {
        n += 1;
        let fresh = dir.join(format!("import-{n}.db"));
        run(&mut fd.command(&fresh, &["init"]), Stdio::null());
        let r = run(fd.command(&fresh, &["import", "tickets"]).arg(&csv), Stdio::null());
        let _ = std::fs::remove_file(&fresh);
        for side in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("import-{n}.db{side}")));
        }
        r
    };
    rows.push(Row {
        work: format!("import tickets ({}k rows)", tickets / 1000),
        ours: Some(alternate(runs, &mut import, &mut []).0),
        peer: None,
        target: Target::MsMb(15_000.0, 150.0),
        note: "into a fresh init'ed file".into(),
    });
}
