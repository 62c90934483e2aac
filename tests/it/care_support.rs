//! Helpers of the data-care tests (concurrency, crash safety, backups,
//! roles, bad input): a throwaway database and the real binary bound to it.
#![allow(dead_code)]

use serde_json::Value;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// The clock of every command unless a test says otherwise.
pub const NOW: &str = "2026-10-05T09:00:00Z";

pub struct Desk {
    dir: TempDir,
    pub db: PathBuf,
}

impl Desk {
    /// A fresh folder with a database created by `init`.
    pub fn new() -> Desk {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("fd.db");
        let desk = Desk { dir, db };
        desk.ok(&["init"]);
        desk
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary on this database at [`NOW`] as agent `li.na`, with no
    /// config file unless the test writes `config.toml` into the folder.
    pub fn cmd(&self) -> Command {
        self.cmd_as("li.na")
    }

    pub fn cmd_as(&self, agent: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontdesk"));
        cmd.env_remove("FRONTDESK_MASKED")
            .env("FRONTDESK_DB", &self.db)
            .env("FRONTDESK_CONFIG", self.path("config.toml"))
            .env("FRONTDESK_AGENT", agent)
            .env("FRONTDESK_NOW", NOW);
        cmd
    }

    /// Runs `args`; the whole output, whatever the exit code.
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Output {
        self.cmd().args(args).output().expect("run frontdesk")
    }

    pub fn run_as<S: AsRef<OsStr>>(&self, agent: &str, args: &[S]) -> Output {
        self.cmd_as(agent).args(args).output().expect("run frontdesk")
    }

    /// Runs `args`, which must succeed; standard output as text.
    pub fn ok(&self, args: &[&str]) -> String {
        success(self.run(args))
    }

    pub fn ok_as(&self, agent: &str, args: &[&str]) -> String {
        success(self.run_as(agent, args))
    }

    /// `--json` output of a command that must succeed.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        serde_json::from_str(&self.ok(&all)).expect("JSON output")
    }

    /// Rows per table of `db` (by `doctor --json`), to prove nothing was written.
    pub fn counts_of(&self, db: &Path) -> Value {
        let out = self
            .cmd()
            .arg("--db")
            .arg(db)
            .args(["--json", "doctor"])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).expect("doctor JSON");
        report["counts"].clone()
    }

    pub fn counts(&self) -> Value {
        self.counts_of(&self.db)
    }

    /// Adds a customer and a ticket for them; the ticket's id.
    pub fn ticket(&self) -> String {
        let customer = self.ok(&["customer", "add", "--name", "张三", "--phone", "13812345678"]);
        self.ticket_for(customer.trim(), "洗衣机漏水")
    }

    /// Opens a complaint for an existing customer; the ticket's id.
    pub fn ticket_for(&self, customer: &str, subject: &str) -> String {
        let args = [
            "ticket",
            "add",
            "--customer",
            customer,
            "--kind",
            "complaint",
            "--subject",
            subject,
        ];
        self.ok(&args).trim().to_string()
    }
}

/// Standard output of a run that must have succeeded.
pub fn success(out: Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The names of the files in `dir`, sorted.
pub fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}
