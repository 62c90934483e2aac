//! End-to-end on a PostgreSQL server: the real binary in tmux on
//! `--db postgres://…`. Another process's write shows within a second or
//! two (LISTEN/NOTIFY), and when the server drops every session of the
//! program (`pg_terminate_backend`, as a restart does) a form open at the
//! time keeps its text and saves on a new connection. Skips where tmux or
//! FRONTDESK_TEST_PG is missing.

use crate::e2e_tmux::tmux_missing;
use crate::pg_server::TestDb;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_frontdesk");
const PATIENCE: Duration = Duration::from_secs(30);

/// A CLI command on the server database, as another process.
fn cli(dir: &Path, url: &str, args: &[&str]) -> Output {
    let out = Command::new(BIN)
        .args(["--db", url])
        .args(args)
        .env("FRONTDESK_CONFIG", dir.join("no-config.toml"))
        .env("FRONTDESK_AGENT", "e2e")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("frontdesk runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `frontdesk --db URL` in a tmux server of its own; killed when dropped.
struct Tui {
    socket: String,
    status: PathBuf,
}

impl Tui {
    fn start(test: &str, dir: &Path, url: &str) -> Tui {
        let status = dir.join("status");
        let socket = format!("frontdesk-e2e-pg-{}-{test}", std::process::id());
        let script = format!(
            "LC_ALL=C.UTF-8 FRONTDESK_CONFIG='{config}' FRONTDESK_AGENT=e2e '{BIN}' --db '{url}'; echo \"exit=$?\" > '{status}'; sleep 120",
            config = dir.join("no-config.toml").display(),
            status = status.display(),
        );
        let tui = Tui { socket, status };
        tui.tmux(&["new-session", "-d", "-x", "160", "-y", "45", "sh", "-c", &script]);
        tui
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "0", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// Polls until the screen satisfies `ok`; how long it took, or a
    /// failure with the last screen.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return started.elapsed();
            }
            assert!(
                started.elapsed() < PATIENCE,
                "timed out waiting for {what}; the screen was:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn exit(&self) -> String {
        let started = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&self.status) {
                return text.trim().to_string();
            }
            assert!(
                started.elapsed() < PATIENCE,
                "frontdesk did not exit:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
    }
}

/// Ends every session of frontdesk on the database, as a server restart
/// would; how many there were.
fn terminate_sessions(db: &TestDb) -> u64 {
    let mut admin = db.admin();
    let ended = admin
        .query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = $1 AND application_name = 'frontdesk'",
            &[&db.name],
        )
        .expect("terminate the sessions");
    ended.len() as u64
}

fn stored(dir: &Path, url: &str, name: &str) -> Vec<serde_json::Value> {
    let out = cli(dir, url, &["--json", "customer", "list", "--filter", name]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_tui_on_a_server_shows_others_writes_at_once_and_a_form_outlives_a_dropped_connection() {
    if tmux_missing() {
        return;
    }
    let Some(db) = TestDb::fresh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = db.url.clone();
    cli(dir.path(), &url, &["customer", "add", "--name", "张三"]);
    let tui = Tui::start("live", dir.path(), &url);
    tui.wait("the panes on the server", |s| {
        s.contains("Customers") && s.contains("张三")
    });

    // Another process adds a customer: it shows within a second or two.
    let added = Instant::now();
    cli(dir.path(), &url, &["customer", "add", "--name", "外部新增客户"]);
    tui.wait("their customer", |s| s.contains("外部新增客户"));
    let shown = added.elapsed();
    eprintln!("another process's customer shown after {shown:?} (its command's run included)");
    assert!(shown < Duration::from_millis(2500), "shown after {shown:?}");

    // A form is open with text typed when the server drops every session.
    tui.keys(&["1", "n"]);
    tui.wait("the form", |s| s.contains("New customer"));
    tui.text("断线后的客户");
    tui.wait("the text typed", |s| s.contains("断线后的客户"));
    assert!(terminate_sessions(&db) >= 2, "the program's sessions were ended");
    tui.keys(&["C-s"]);
    tui.wait("the save on a new connection", |s| {
        s.contains("Added customer") && !s.contains("New customer")
    });
    let saved = stored(dir.path(), &url, "断线后的客户");
    assert_eq!(saved.len(), 1, "saved once: {saved:?}");

    // Live refresh goes on over the new connections.
    cli(dir.path(), &url, &["customer", "add", "--name", "重连后新增"]);
    tui.wait("their customer after the reconnect", |s| s.contains("重连后新增"));
    tui.keys(&["q"]);
    assert_eq!(tui.exit(), "exit=0");
}
