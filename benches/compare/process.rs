//! Whole processes timed as a user feels them: wall time, the child's own
//! user+sys CPU and its peak resident memory, read from `wait4` (the
//! kernel's accounting of that one child, not of this process).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One run of a process, or the median of several (each field on its own).
#[derive(Debug, Clone, Copy, Default)]
pub struct Run {
    pub wall: Duration,
    pub cpu: Duration,
    pub rss_kib: i64,
}

impl Run {
    pub fn median(runs: &[Run]) -> Run {
        fn mid<T: Ord + Copy>(mut v: Vec<T>) -> T {
            v.sort();
            v[v.len() / 2]
        }
        Run {
            wall: mid(runs.iter().map(|r| r.wall).collect()),
            cpu: mid(runs.iter().map(|r| r.cpu).collect()),
            rss_kib: mid(runs.iter().map(|r| r.rss_kib).collect()),
        }
    }
}

/// Runs `cmd` to its end, its output thrown away (or into `stdout`).
pub fn run(cmd: &mut Command, stdout: Stdio) -> Run {
    let started = Instant::now();
    let child = cmd
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let (ok, cpu, rss_kib) = wait(child);
    let wall = started.elapsed();
    assert!(ok, "{cmd:?} failed");
    Run { wall, cpu, rss_kib }
}

/// `cmd | head -1` measured from our end of the pipe: the wall time is the
/// time to the first byte of output; then the pipe is closed, as `head`
/// closes it, and the process must end (killed or stopped by the closed
/// pipe) — its CPU and memory are counted to its end.
pub fn first_byte(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut out = child.stdout.take().expect("piped");
    let mut byte = [0u8; 1];
    let got = out.read(&mut byte).unwrap_or(0);
    let wall = started.elapsed();
    drop(out);
    let (_, cpu, rss_kib) = wait(child);
    assert_eq!(got, 1, "{cmd:?} printed nothing");
    Run { wall, cpu, rss_kib }
}

/// Waits for `child` (reaped here by `wait4`, which also tells its own
/// usage): whether it exited 0, its CPU time and peak RSS.
fn wait(child: std::process::Child) -> (bool, Duration, i64) {
    let pid = child.id();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value; wait4 only writes to the
    // status and rusage it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid as libc::pid_t, "wait4 failed");
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, time(usage.ru_utime) + time(usage.ru_stime), usage.ru_maxrss)
}

/// `runs` runs of `ours` and of each peer, taken in turn (ours, peer, ours,
/// peer …) so that the machine's load falls on both alike; the medians.
pub fn alternate(runs: usize, ours: &mut dyn FnMut() -> Run, peers: &mut [&mut dyn FnMut() -> Run]) -> (Run, Vec<Run>) {
    let mut mine = Vec::new();
    let mut theirs: Vec<Vec<Run>> = vec![Vec::new(); peers.len()];
    for _ in 0..runs.max(1) {
        mine.push(ours());
        for (peer, out) in peers.iter_mut().zip(theirs.iter_mut()) {
            out.push(peer());
        }
    }
    (Run::median(&mine), theirs.iter().map(|r| Run::median(r)).collect())
}

/// Whether `program` can be run (`program --version` starts).
pub fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
