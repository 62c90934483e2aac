//! The real binary's peak memory in a terminal: started in a tmux pane on
//! the demo copy, the dashboard and the reminders opened with the real keys
//! (assets/keymap.toml: `d`, `m`, Esc closes), then VmHWM read from
//! /proc/PID/status.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn status_kib(pid: &str, field: &str) -> Option<i64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Waits until the process's resident memory has not grown for a while
/// (its reads are done), at most `most`.
fn quiet(pid: &str, most: Duration) {
    let started = Instant::now();
    let mut last = (status_kib(pid, "VmRSS:"), Instant::now());
    while started.elapsed() < most {
        std::thread::sleep(Duration::from_millis(250));
        let now = status_kib(pid, "VmRSS:");
        if now != last.0 {
            last = (now, Instant::now());
        } else if last.1.elapsed() > Duration::from_millis(1500) {
            return;
        }
    }
}

/// VmHWM in KiB at start, and after the dashboard and the reminders;
/// `None` when tmux is missing or the pane's process cannot be read.
pub fn peak_memory(bin: &Path, db: &Path, config: &Path) -> Option<(i64, i64)> {
    let session = format!("frontdesk-compare-{}", std::process::id());
    let command = format!(
        "exec '{}' --db '{}' --config '{}' --agent bench",
        bin.display(),
        db.display(),
        config.display()
    );
    tmux(&["new-session", "-d", "-s", &session, "-x", "120", "-y", "40", &command])?;
    let result = (|| {
        let pid = tmux(&["display-message", "-p", "-t", &session, "#{pane_pid}"])?;
        quiet(&pid, Duration::from_secs(30));
        let start = status_kib(&pid, "VmHWM:")?;
        for key in ["d", "Escape", "m", "Escape"] {
            tmux(&["send-keys", "-t", &session, key])?;
            quiet(&pid, Duration::from_secs(30));
        }
        Some((start, status_kib(&pid, "VmHWM:")?))
    })();
    let _ = tmux(&["kill-session", "-t", &session]);
    result
}
