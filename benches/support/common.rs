//! What the benchmarks share: their sizes from the environment and the
//! CPU time of the process.

use frontdesk::service::demo::Sizes;

pub fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// 100k customers, 200k tickets, 1M interactions unless
/// `FRONTDESK_BENCH_CUSTOMERS` / `_TICKETS` / `_INTERACTIONS` say otherwise.
pub fn sizes() -> Sizes {
    Sizes {
        customers: env_number("FRONTDESK_BENCH_CUSTOMERS", 100_000),
        tickets: env_number("FRONTDESK_BENCH_TICKETS", 200_000),
        interactions: env_number("FRONTDESK_BENCH_INTERACTIONS", 1_000_000),
    }
}

/// CPU seconds this process has used (user + system), where the system
/// tells (Linux `/proc`): on a shared machine it says more than wall time.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // The kernel's USER_HZ is 100 on every Linux this runs on.
    Some(ticks / 100.0)
}
