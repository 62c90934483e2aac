//! The peers a row is compared with, set up once on the same data:
//! `sqlite3` running the queue's own query on the same file, taskwarrior
//! holding 20k tasks made from the demo's tickets, and `fzf` over the same
//! customer names.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The tasks taskwarrior gets (its `next` report is measured on 20k).
pub const TASKS: usize = 20_000;

/// `sqlite3 FILE SQL` as a command; output thrown away by the caller.
pub fn sqlite3(db: &Path, sql: &str) -> Command {
    let mut cmd = Command::new("sqlite3");
    cmd.arg(db).arg(sql);
    cmd
}

/// The query `ticket list --queue` runs first (the current band of
/// `frontdesk::store::QUEUE_SQL`), its parameters written in: the limit and
/// the long-overdue cutoff at `now`.
pub fn queue_sql(limit: usize, now: chrono::DateTime<chrono::Utc>) -> String {
    let cutoff = frontdesk::domain::urgency::long_overdue_cutoff(now).timestamp();
    frontdesk::store::QUEUE_SQL
        .replace("?1", &limit.to_string())
        .replace("?2", &cutoff.to_string())
}

fn query(db: &Path, sql: &str) -> String {
    let out = Command::new("sqlite3")
        .args(["-batch", "-noheader", "-separator", "\t"])
        .arg(db)
        .arg(sql)
        .output()
        .expect("sqlite3 runs");
    assert!(
        out.status.success(),
        "sqlite3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The customers' names, one a line, for `fzf --filter`.
pub fn names_file(db: &Path, dir: &Path) -> PathBuf {
    let path = dir.join("names.txt");
    std::fs::write(
        &path,
        query(db, "SELECT replace(name, char(10), ' ') FROM customers ORDER BY id"),
    )
    .unwrap();
    path
}

/// A taskwarrior data folder and rc file holding the first [`TASKS`]
/// tickets as pending tasks (subject, priority, kind as project, opened as
/// entry, the next due time as due), loaded once with `task import`.
pub struct Taskwarrior {
    pub data: PathBuf,
    pub rc: PathBuf,
}

impl Taskwarrior {
    pub fn load(db: &Path, dir: &Path) -> Taskwarrior {
        let data = dir.join("taskdata");
        std::fs::create_dir_all(&data).unwrap();
        let rc = dir.join("taskrc");
        std::fs::write(
            &rc,
            format!("data.location={}\nconfirmation=off\nverbose=nothing\n", data.display()),
        )
        .unwrap();
        let rows = query(
            db,
            &format!(
                "SELECT id, priority, kind, opened_at, coalesce(next_due, 0), \
                 replace(replace(subject, char(10), ' '), char(9), ' ') FROM tickets ORDER BY id LIMIT {TASKS}"
            ),
        );
        let stamp = |unix: i64| {
            chrono::DateTime::from_timestamp(unix, 0)
                .unwrap_or_default()
                .format("%Y%m%dT%H%M%SZ")
                .to_string()
        };
        let mut json = String::from("[\n");
        for (i, line) in rows.lines().enumerate() {
            let f: Vec<&str> = line.splitn(6, '\t').collect();
            if f.len() < 6 {
                continue;
            }
            let priority = match f[1] {
                "urgent" | "high" => "H",
                "normal" => "M",
                _ => "L",
            };
            let mut task = serde_json::json!({
                "uuid": format!("{:08x}-0000-4000-8000-{:012x}", i + 1, f[0].parse::<u64>().unwrap_or(0)),
                "status": "pending",
                "description": f[5],
                "priority": priority,
                "project": f[2],
                "entry": stamp(f[3].parse().unwrap_or(0)),
            });
            let due: i64 = f[4].parse().unwrap_or(0);
            if due > 0 {
                task["due"] = stamp(due).into();
            }
            if i > 0 {
                json.push_str(",\n");
            }
            json.push_str(&task.to_string());
        }
        json.push_str("\n]\n");
        let file = dir.join("tasks.json");
        std::fs::write(&file, json).unwrap();
        let taskwarrior = Taskwarrior { data, rc };
        let status = taskwarrior
            .command()
            .arg("import")
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("task runs");
        assert!(status.success(), "task import failed");
        taskwarrior
    }

    /// `task …` on this data, with no rc file of the user's.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new("task");
        cmd.env("TASKRC", &self.rc)
            .env("TASKDATA", &self.data)
            .arg("rc.confirmation=off");
        cmd
    }
}
