//! End-to-end: the real binary in a real terminal. Each test starts its own
//! tmux server (a socket of its own), runs `frontdesk` on a database made
//! with the CLI, types keys with `send-keys` and reads the screen with
//! `capture-pane`, polling with generous timeouts for slow machines. Without
//! tmux the tests say so and pass.

use crate::skip;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_frontdesk");
const PATIENCE: Duration = Duration::from_secs(30);

pub(crate) fn tmux_missing() -> bool {
    let missing = Command::new("tmux").arg("-V").output().is_err();
    if missing {
        skip::skip("tmux is not installed");
    }
    missing
}

/// Runs a CLI command on the test database.
fn cli(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(BIN)
        .arg("--db")
        .arg(dir.join("e2e.db"))
        .args(args)
        .env("FRONTDESK_CONFIG", dir.join("no-config.toml"))
        .env("FRONTDESK_AGENT", "e2e")
        .output()
        .expect("frontdesk runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A database with known customers (Chinese and English names) and
/// tickets, plus the demo data once the demo generator provides it.
fn database(dir: &Path) -> PathBuf {
    let db = dir.join("e2e.db");
    let cli = |args: &[&str]| cli(dir, args);
    cli(&[
        "demo",
        "--customers",
        "30",
        "--tickets",
        "40",
        "--interactions",
        "100",
        "--seed",
        "3",
    ]);
    for (name, extra) in [
        ("张三", vec!["--phone", "13812345678", "--tier", "high-value"]),
        ("李四", vec!["--kind", "company"]),
        ("Alice Wong", vec!["--email", "alice@example.com"]),
    ] {
        let mut args = vec!["customer", "add", "--name", name];
        args.extend(extra);
        cli(&args);
    }
    let code = |name: &str| -> String {
        let out = cli(&["--json", "customer", "list", "--filter", name, "--limit", "1"]);
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        list[0]["code"].as_str().unwrap().to_string()
    };
    let zhang = code("张三");
    cli(&[
        "ticket",
        "add",
        "--customer",
        &zhang,
        "--kind",
        "complaint",
        "--priority",
        "urgent",
        "--subject",
        "屏幕有坏点",
    ]);
    cli(&[
        "log",
        "--customer",
        &zhang,
        "--channel",
        "phone",
        "--summary",
        "客户来电询问进度",
    ]);
    db
}

/// A tmux server of its own running `frontdesk`; killed when dropped.
pub(crate) struct Session {
    socket: String,
    /// The socket file, which `kill-server` leaves behind.
    socket_path: Option<PathBuf>,
    status: PathBuf,
    dir: tempfile::TempDir,
}

impl Session {
    pub(crate) fn start(test: &str, width: u16, height: u16) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let db = database(dir.path());
        Session::run(test, width, height, dir, &db, "e2e")
    }

    /// Another agent's `frontdesk`, a process of its own, on the database
    /// of `first`.
    fn beside(first: &Session, test: &str, agent: &str) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let db = first.dir.path().join("e2e.db");
        let (width, height) = first.size();
        Session::run(test, width, height, dir, &db, agent)
    }

    fn size(&self) -> (u16, u16) {
        let size = self.tmux(&["display-message", "-p", "#{window_width} #{window_height}"]);
        let mut numbers = size.split_whitespace().map(|n| n.parse().unwrap());
        (numbers.next().unwrap(), numbers.next().unwrap())
    }

    fn run(test: &str, width: u16, height: u16, dir: tempfile::TempDir, db: &Path, agent: &str) -> Session {
        // English whatever the machine's locale: these tests read English words.
        Session::run_in(test, (width, height), dir, db, agent, "LC_ALL=C.UTF-8")
    }

    /// Like [`Session::run`], the program started after `locale`: shell
    /// assignments such as `LANG=zh_CN.UTF-8`.
    fn run_in(test: &str, size: (u16, u16), dir: tempfile::TempDir, db: &Path, agent: &str, locale: &str) -> Session {
        let (width, height) = size;
        let status = dir.path().join("status");
        let socket = format!("frontdesk-e2e-{}-{test}", std::process::id());
        // The exit code is written down, and the shell stays a while so the
        // screen after the program can be read.
        let script = format!(
            "{locale} FRONTDESK_CONFIG='{config}' FRONTDESK_AGENT={agent} '{BIN}' --db '{db}'; echo \"exit=$?\" > '{status}'; sleep 120",
            config = dir.path().join("no-config.toml").display(),
            db = db.display(),
            status = status.display(),
        );
        let mut session = Session {
            socket,
            socket_path: None,
            status,
            dir,
        };
        session.tmux(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "sh",
            "-c",
            &script,
        ]);
        let path = session.tmux(&["display-message", "-p", "#{socket_path}"]);
        session.socket_path = Some(PathBuf::from(path.trim()));
        session
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

    pub(crate) fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "0", key]);
            // Let each key arrive on its own (Esc must not merge with the next).
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    /// Types text literally.
    fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    /// Polls until the screen satisfies `ok`; fails with the last screen.
    pub(crate) fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            if started.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// A CLI command on the session's database, as another process.
    pub(crate) fn cli(&self, args: &[&str]) -> Output {
        cli(self.dir.path(), args)
    }

    /// The session's database file.
    pub(crate) fn db_path(&self) -> PathBuf {
        self.dir.path().join("e2e.db")
    }

    pub(crate) fn wait_for(&self, needle: &str) -> String {
        self.wait(needle, |s| s.contains(needle))
    }

    /// Waits for the program to end; returns its exit code line.
    pub(crate) fn exit(&self) -> String {
        let started = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&self.status) {
                return text.trim().to_string();
            }
            if started.elapsed() > PATIENCE {
                panic!("frontdesk did not exit; the screen was:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["-L", &self.socket, "kill-server"]).output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The customers pane's lines: the text between its left border and the
/// next border.
fn customers_column(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix('┃').or_else(|| l.strip_prefix('│')))
        .map(|l| l.split(['┃', '│']).next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn shows_the_three_panes_and_help() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("panes", 160, 45);
    let screen = s.wait("the three panes", |s| {
        s.contains("Customers") && s.contains("Queue") && s.contains("Timeline") && s.contains("张三")
    });
    assert!(screen.contains("open "), "the header counts tickets:\n{screen}");
    // Another process writes: the screen follows within a tick or two.
    cli(s.dir.path(), &["customer", "add", "--name", "外部新增客户"]);
    s.wait_for("外部新增客户");
    s.keys(&["?"]);
    s.wait_for("Everywhere");
    s.keys(&["Escape"]);
    s.wait("help to close", |s| !s.contains("Everywhere"));
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn filters_customers_by_pinyin() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("pinyin", 160, 45);
    s.wait_for("Alice Wong");
    s.keys(&["2", "1", "/"]);
    s.text("zs");
    let screen = s.wait("the filter to narrow the list", |s| {
        let column = customers_column(s).join("\n");
        s.contains("/zs") && column.contains("张三") && !column.contains("Alice Wong") && !column.contains("李四")
    });
    assert!(!screen.contains('\u{1b}'));
    s.keys(&["Escape"]);
    s.wait("the full list again", |s| {
        customers_column(s).join("\n").contains("Alice Wong")
    });
    s.keys(&["C-c"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn survives_a_resize_to_80x24_and_restores_the_terminal() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("resize", 160, 45);
    s.wait_for("Timeline");
    s.tmux(&["resize-window", "-t", "0", "-x", "80", "-y", "24"]);
    let screen = s.wait("the narrow layout", |s| {
        s.contains("3 to show") && s.contains("Customers")
    });
    assert!(screen.lines().all(|l| l.chars().count() <= 80), "{screen}");
    // The folded timeline comes back with its key, following the customer
    // picked in the list.
    s.keys(&["/"]);
    s.text("zhangsan");
    // The narrow title shows the end of the query only (…hangsan).
    s.wait("张三 to be picked", |s| s.contains("hangsan") && s.contains("1/"));
    s.keys(&["Enter"]);
    s.keys(&["3"]);
    s.wait_for("客户来电询问进度");
    s.tmux(&["resize-window", "-t", "0", "-x", "200", "-y", "60"]);
    s.wait("the wide layout", |s| {
        s.contains("Queue") && s.contains("Timeline") && !s.contains("to show")
    });
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
    // The alternate screen is gone: the shell's screen is back.
    let after = s.wait("the terminal to be restored", |s| !s.contains("Customers"));
    assert!(!after.contains("Queue"), "{after}");
}

/// The ticket number in the triage screen's title (`Triage #12 …`).
fn triage_ticket(screen: &str) -> Option<i64> {
    let rest = &screen[screen.find("Triage #")? + "Triage #".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The open tickets as the CLI lists them (`--json ticket list --queue`), by id.
fn queue(dir: &Path) -> Vec<serde_json::Value> {
    let out = cli(dir, &["--json", "ticket", "list", "--queue", "--limit", "0"]);
    serde_json::from_slice::<Vec<serde_json::Value>>(&out.stdout).unwrap()
}

/// `d` on a triage card: the form asks how the ticket was resolved; the
/// summary typed and saved (`C-s`) is the decision.
fn resolve_in_triage(s: &Session, summary: &str) {
    s.keys(&["d"]);
    s.wait_for("Resolve #");
    s.text(summary);
    s.keys(&["C-s"]);
}

/// The interactions' summaries on ticket `id`, as `ticket show --json` gives them.
fn summaries(dir: &Path, id: i64) -> Vec<String> {
    let out = cli(dir, &["--json", "ticket", "show", &id.to_string()]);
    let ticket: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let interactions = ticket["interactions"].as_array().cloned().unwrap_or_default();
    interactions
        .iter()
        .filter_map(|i| i["summary"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn triage_decides_three_tickets_with_single_keys() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("triage", 160, 45);
    s.wait_for("Customers");
    s.keys(&["t"]);
    let (mut decided, mut seen) = (Vec::new(), Vec::new());
    let mut keys = ["d", "w", "4"].into_iter().peekable();
    while let Some(&key) = keys.peek() {
        let screen = s.wait("a ticket to triage", |s| {
            triage_ticket(s).is_some_and(|id| !seen.contains(&id))
        });
        let id = triage_ticket(&screen).unwrap();
        seen.push(id);
        // A resolved ticket waiting for its callback takes none of these decisions: skip it.
        if screen.contains("Status           resolved") {
            s.keys(&["n"]);
            continue;
        }
        decided.push(id);
        match key {
            "d" => resolve_in_triage(&s, "Replaced under warranty"),
            _ => s.keys(&[key]),
        }
        keys.next();
    }
    s.wait("the next ticket", |s| {
        triage_ticket(s).is_some_and(|id| !seen.contains(&id)) || s.contains("Nothing left")
    });
    s.keys(&["Escape"]);
    s.wait("the panes again", |s| s.contains("Queue") && !s.contains("Triage #"));
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
    let queue = queue(s.dir.path());
    let find = |id: i64| queue.iter().find(|t| t["id"] == id);
    let [resolved, pending, low] = decided[..] else {
        unreachable!()
    };
    // A resolved ticket leaves the queue unless a callback keeps it there.
    let status = find(resolved).map(|t| t["status"].clone());
    assert!(
        matches!(status.as_ref().and_then(|s| s.as_str()), None | Some("resolved")),
        "{status:?}"
    );
    assert_eq!(find(pending).map(|t| t["status"].clone()), Some("pending".into()));
    assert_eq!(find(low).map(|t| t["priority"].clone()), Some("low".into()));
    // The summary typed is kept on the ticket resolved, as an internal note.
    let notes = summaries(s.dir.path(), resolved);
    assert!(notes.iter().any(|n| n == "Replaced under warranty"), "{notes:?}");
}

#[test]
fn a_triage_run_of_ten_decisions_never_repeats_a_ticket() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("triage_run", 160, 45);
    s.wait_for("Customers");
    s.keys(&["t"]);
    let mut decided: Vec<i64> = Vec::new();
    let mut resolved: Vec<i64> = Vec::new();
    // Priorities fit every card (a resolved one waiting for its callback
    // too); `d` asks for a summary, and a resolved card takes a priority.
    for key in ["1", "2", "d", "4", "1", "2", "3", "d", "1", "2"] {
        let screen = s.wait("a ticket not decided in this run", |s| {
            triage_ticket(s).is_some_and(|id| !decided.contains(&id))
        });
        let id = triage_ticket(&screen).unwrap();
        decided.push(id);
        match key {
            "d" if !screen.contains("Status           resolved") => {
                resolve_in_triage(&s, "Solved on the phone");
                resolved.push(id);
            }
            "d" => s.keys(&["3"]),
            _ => s.keys(&[key]),
        }
        // Halfway, leave triage and come back: the run goes on.
        if decided.len() == 5 {
            s.wait("the fifth decision", |s| {
                triage_ticket(s).is_some_and(|id| !decided.contains(&id))
            });
            s.keys(&["Escape"]);
            s.wait("the panes", |s| s.contains("Queue") && !s.contains("Triage #"));
            s.keys(&["t"]);
        }
    }
    s.wait("the next ticket or the end of the run", |s| {
        triage_ticket(s).is_some_and(|id| !decided.contains(&id)) || s.contains("This run:")
    });
    s.keys(&["Escape"]);
    s.wait("the panes again", |s| s.contains("Queue") && !s.contains("Triage #"));
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
    let mut unique = decided.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), 10, "{decided:?}");
    // Each decision left its mark: who and when.
    for id in decided {
        let out = cli(s.dir.path(), &["--json", "ticket", "show", &id.to_string()]);
        let ticket: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(ticket["triaged_by"], "e2e", "#{id}");
        assert!(ticket["triaged_at"].as_str().is_some_and(|t| t.ends_with('Z')), "#{id}");
        if resolved.contains(&id) {
            assert_eq!(ticket["status"], "resolved", "#{id}");
            assert!(summaries(s.dir.path(), id).iter().any(|n| n == "Solved on the phone"));
        }
    }
}

/// The month in the dashboard's title (`Dashboard 2026-10 (vs …`).
fn dashboard_month(screen: &str) -> Option<String> {
    let rest = &screen[screen.find("Dashboard ")? + "Dashboard ".len()..];
    let month: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '-').collect();
    (month.len() == 7).then_some(month)
}

/// The month before a `YYYY-MM` month.
fn month_before(month: &str) -> String {
    let (year, number) = month.split_once('-').unwrap();
    let (year, number): (i32, u32) = (year.parse().unwrap(), number.parse().unwrap());
    match number {
        1 => format!("{}-12", year - 1),
        n => format!("{year}-{:02}", n - 1),
    }
}

#[test]
fn the_dashboard_shows_its_tiles_and_pages_back_a_month() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("dashboard", 160, 45);
    s.wait_for("Customers");
    s.keys(&["d"]);
    // The figures are read in the background; the tiles come when they are.
    let screen = s.wait("the KPI tiles", |s| {
        ["Mean satisfaction", "Requests resolved", "Backlog"]
            .iter()
            .all(|label| s.contains(label))
    });
    let month = dashboard_month(&screen).unwrap_or_else(|| panic!("a month in the title:\n{screen}"));
    s.keys(&["["]);
    let earlier = month_before(&month);
    let screen = s.wait("the month before in the title", |s| {
        dashboard_month(s).as_deref() == Some(earlier.as_str())
    });
    assert!(screen.contains(&format!("(vs {})", month_before(&earlier))), "{screen}");
    s.keys(&["q"]);
    s.wait("the panes again", |s| {
        s.contains("Queue") && s.contains("Customers") && dashboard_month(s).is_none()
    });
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn the_reminders_view_shows_its_sections_and_esc_goes_back() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("reminders", 160, 45);
    s.wait_for("Customers");
    s.keys(&["m"]);
    let screen = s.wait("the sections", |s| {
        s.contains("Reminders") && s.contains("Today ·") && s.contains("Upcoming ·") && s.contains("Overdue ·")
    });
    assert!(
        screen.contains("all reasons · everyone's"),
        "the title names the filter:\n{screen}"
    );
    // `f` reads the agenda again for one reason, named in the title.
    s.keys(&["f"]);
    s.wait("the reason filter", |s| s.contains("Keep in touch · everyone's"));
    s.keys(&["Escape"]);
    s.wait("the panes again", |s| {
        s.contains("Queue") && s.contains("Customers") && !s.contains("Overdue ·")
    });
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}

/// The ticket number in the ticket page's title (`#12 subject`).
pub(crate) fn ticket_page(screen: &str) -> Option<i64> {
    let title = screen.lines().nth(1)?;
    let rest = &title[title.find('#')? + 1..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// A ticket as the CLI shows it (`--json ticket show`).
fn ticket_json(dir: &Path, id: i64) -> serde_json::Value {
    let out = cli(dir, &["--json", "ticket", "show", &id.to_string()]);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_save_over_another_agents_change_opens_the_conflict_dialog() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("conflict", 160, 45);
    let (id, ours, theirs) = edit_first_ticket(&s, 0);
    // Another agent changes the ticket from the command line meanwhile.
    cli(s.dir.path(), &["ticket", "set", &id.to_string(), "--assignee", theirs]);
    s.keys(&["C-s"]);
    // The dialog draws before the stored values arrive: wait for all of it.
    s.wait("the whole conflict dialog", |screen| {
        conflict_dialog_shows(screen, ours, theirs)
    });
    s.keys(&["d"]);
    s.wait("the dialog and the form to close", |s| {
        s.contains("Discarded your changes") && !s.contains("changed meanwhile")
    });
    assert_eq!(
        ticket_json(s.dir.path(), id)["assignee"],
        theirs,
        "nothing of ours was written"
    );
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit(), "exit=0");
}

/// The conflict dialog, whole: its title, its promise, and one line with
/// both agents' values side by side.
fn conflict_dialog_shows(screen: &str, ours: &str, theirs: &str) -> bool {
    screen.contains("changed meanwhile")
        && screen.contains("Nothing of yours is saved yet")
        && screen.lines().any(|l| l.contains(ours) && l.contains(theirs))
}

/// Agents of the demo team: once a team is listed, only they can be
/// assigned (`ticket set --assignee` refuses anyone else).
const DEMO_AGENTS: [&str; 3] = ["emma.clark", "oliver.hughes", "ouyang.hui"];

/// Opens the first ticket of the queue and its edit form, and types over
/// its assignee (the third field) the `pick`-th (0 or 1) of two demo agents
/// other than the one it has; returns the ticket, the agent typed and the
/// other one (so a change to either is a change).
fn edit_first_ticket(s: &Session, pick: usize) -> (i64, &'static str, &'static str) {
    s.wait_for("Customers");
    s.keys(&["2", "g", "g", "Enter"]);
    let screen = s.wait("the ticket page", |s| {
        ticket_page(s).is_some() && s.contains("Assignee")
    });
    let id = ticket_page(&screen).unwrap();
    let current = screen.lines().find(|l| l.contains("Assignee")).unwrap_or("");
    let free: Vec<&str> = DEMO_AGENTS.into_iter().filter(|a| !current.contains(a)).collect();
    let (typed, other) = (free[pick], free[1 - pick]);
    s.keys(&["e"]);
    s.wait_for(&format!("Edit ticket #{id}"));
    s.keys(&["Tab", "Tab", "C-u"]);
    s.text(typed);
    s.wait_for(typed);
    (id, typed, other)
}

#[test]
fn two_agents_save_the_same_ticket_and_the_second_sees_the_conflict() {
    if tmux_missing() {
        return;
    }
    let first = Session::start("first", 160, 45);
    let second = Session::beside(&first, "second", "e2e-b");
    let (id, ours, _) = edit_first_ticket(&first, 0);
    let (second_id, theirs, _) = edit_first_ticket(&second, 1);
    assert_eq!(second_id, id, "both on the same ticket");
    first.keys(&["C-s"]);
    first.wait_for(&format!("Saved ticket #{id}"));
    second.keys(&["C-s"]);
    second.wait("the whole conflict dialog", |screen| {
        conflict_dialog_shows(screen, theirs, ours)
    });
    second.keys(&["d"]);
    second.wait("the dialog and the form to close", |s| {
        s.contains("Discarded your changes") && !s.contains("changed meanwhile")
    });
    assert_eq!(
        ticket_json(first.dir.path(), id)["assignee"],
        ours,
        "the first save stands"
    );
    for s in [&first, &second] {
        s.keys(&["Escape", "q"]);
        assert_eq!(s.exit(), "exit=0");
    }
}

/// A customer of its own with one fresh ticket (no first response yet),
/// added beside a running session; the queue is filtered down to it and the
/// ticket page opened. Returns the ticket.
pub(crate) fn open_fresh_ticket(s: &Session, name: &str, subject: &str) -> i64 {
    s.wait_for("Customers");
    let dir = s.dir.path();
    let out = cli(dir, &["--json", "customer", "add", "--name", name]);
    let customer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let code = customer["code"].as_str().unwrap();
    let add = [
        "--json",
        "ticket",
        "add",
        "--customer",
        code,
        "--kind",
        "inquiry",
        "--subject",
        subject,
    ];
    let ticket: serde_json::Value = serde_json::from_slice(&cli(dir, &add).stdout).unwrap();
    let id = ticket["id"].as_i64().unwrap();
    // Another process wrote: the screen reads it again by itself.
    s.wait_for(subject);
    s.keys(&["2", "/"]);
    s.text(name);
    s.wait("the queue filtered to the ticket", |screen| {
        screen.contains(&format!("/{name}")) && screen.contains(subject)
    });
    s.keys(&["Enter", "Enter"]);
    s.wait("the ticket page", |screen| ticket_page(screen) == Some(id));
    id
}

/// The ticket's replies and logged contacts, and whether its first
/// response is recorded, as `ticket show --json` has them.
fn replies(dir: &Path, id: i64) -> (Vec<String>, bool) {
    let t = ticket_json(dir, id);
    let summaries = t["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["summary"].as_str().unwrap_or("").to_string())
        .collect();
    (summaries, !t["first_response_at"].is_null())
}

#[test]
fn movement_keys_never_send_a_reply_and_c_s_does() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("reply_trap", 160, 45);
    let id = open_fresh_ticket(&s, "回复陷阱", "等待答复的咨询");
    s.keys(&["r"]);
    s.wait_for(&format!("Reply to #{id}"));
    s.text("已安排换货");
    s.wait_for("已安排换货");
    // Every way off the last field, more than once.
    s.keys(&["Down", "Down", "Down", "Tab", "Tab", "Tab", "Enter", "Enter", "Down"]);
    s.wait_for("C-s saves");
    // Keys are handled in order: once this one shows, all of the above were.
    s.keys(&["Up"]);
    s.text("。");
    s.wait_for("已安排换货。");
    assert!(
        s.screen().contains(&format!("Reply to #{id}")),
        "the form is still open"
    );
    assert_eq!(
        replies(s.dir.path(), id),
        (Vec::new(), false),
        "nothing sent, the clock runs"
    );
    s.keys(&["C-s"]);
    s.wait_for(&format!("Reply recorded on #{id}"));
    assert_eq!(replies(s.dir.path(), id), (vec!["已安排换货。".to_string()], true));
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn esc_keeps_a_reply_as_a_draft_and_quitting_asks() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("draft", 160, 45);
    let id = open_fresh_ticket(&s, "草稿客户", "草稿测试工单");
    s.keys(&["r"]);
    s.wait_for(&format!("Reply to #{id}"));
    s.text("明天上午上门");
    s.wait_for("明天上午上门");
    s.keys(&["Escape"]);
    s.wait("the form to close, its draft kept", |screen| {
        screen.contains("Draft kept") && !screen.contains("明天上午上门")
    });
    s.keys(&["r"]);
    s.wait("the draft back in the form", |screen| {
        screen.contains(&format!("Reply to #{id}")) && screen.contains("明天上午上门")
    });
    s.keys(&["Escape", "Escape", "q"]);
    s.wait_for("Unsaved drafts: 1");
    // No: it keeps running, with the draft.
    s.keys(&["n"]);
    s.wait_for("Kept");
    assert_eq!(replies(s.dir.path(), id), (Vec::new(), false), "a draft is not sent");
    s.keys(&["q"]);
    s.wait_for("Unsaved drafts: 1");
    s.keys(&["y"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn separators_in_a_name_leave_the_columns_in_line() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("separators", 160, 45);
    s.wait_for("Customers");
    let name = "分隔\u{2028}符\u{2029}号\u{200b}\u{feff}";
    cli(s.dir.path(), &["customer", "add", "--name", name]);
    let screen = s.wait_for("分隔");
    assert!(!screen.contains('\u{2028}') && !screen.contains('\u{200b}'), "{screen}");
    // Every row of the panes ends its first pane at the same column, the
    // row with the name included: nothing shifted, nothing stale.
    let border_at = |line: &str| -> Option<usize> {
        let inner = line.strip_prefix('┃').or_else(|| line.strip_prefix('│'))?;
        let end = inner.find(['┃', '│'])?;
        Some(unicode_width::UnicodeWidthStr::width(&inner[..end]))
    };
    let columns: Vec<usize> = screen.lines().filter_map(border_at).collect();
    assert!(columns.len() > 10, "{screen}");
    assert!(columns.iter().all(|c| *c == columns[0]), "{columns:?}\n{screen}");
    // The separators are spaces, and no character of what was on screen
    // before is left between them (today: `分隔符W号g`).
    let row = customers_column(&screen)
        .into_iter()
        .find(|r| r.contains("分隔"))
        .unwrap();
    let words: Vec<&str> = row.split_whitespace().skip(1).collect();
    assert_eq!(words, ["分隔", "符", "号", "STD"], "{screen}");
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}

/// The TUI's first start is one of the three ways a database is made: on a
/// path that does not exist yet it creates the file (and its folders) and
/// greets the user, where every other command would exit 4.
#[test]
fn the_first_start_of_the_tui_creates_the_database() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new/team/fd.db");
    let session = Session::run("first-start", 100, 30, dir, &db, "e2e");
    session.wait_for("Welcome to frontdesk");
    assert!(db.exists(), "{} was not created", db.display());
    session.keys(&["q"]);
    assert_eq!(session.exit(), "exit=0");
}

/// The second window's screen (`sqlite3` holding the lock).
fn window(s: &Session, index: &str) -> String {
    s.tmux(&["capture-pane", "-p", "-t", index])
}

fn sqlite3_missing() -> bool {
    let missing = Command::new("sqlite3").arg("-version").output().is_err();
    if missing {
        skip::skip("the sqlite3 shell is not installed");
    }
    missing
}

/// Types SQL into the `sqlite3` window. (A trailing `;` would end tmux's
/// command: the space after it keeps it SQL's.)
fn sql(s: &Session, statements: &str) {
    s.tmux(&["send-keys", "-t", "1", "-l", &format!("{statements} ")]);
    s.tmux(&["send-keys", "-t", "1", "Enter"]);
}

/// Another process, `sqlite3` in a second window, takes the file's write
/// lock and keeps it until `sql(s, "COMMIT;")`.
fn hold_the_lock(s: &Session) {
    let db = s.dir.path().join("e2e.db");
    s.tmux(&["new-window", "-d", "sqlite3", &db.display().to_string()]);
    sql(s, "BEGIN IMMEDIATE; SELECT 'lock' || ' held';");
    let started = Instant::now();
    while !window(s, "1").contains("lock held") {
        assert!(started.elapsed() < PATIENCE, "sqlite3: {}", window(s, "1"));
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Opens the new-customer form, types `name` and saves.
fn save_new_customer(s: &Session, name: &str) {
    s.keys(&["1", "n"]);
    s.wait_for("New customer");
    s.text(name);
    s.wait_for(name);
    s.keys(&["C-s"]);
}

/// The customer named `name` as the CLI lists it.
fn stored_name(s: &Session, name: &str) -> serde_json::Value {
    let out = cli(s.dir.path(), &["--json", "customer", "list", "--filter", name]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    list[0]["name"].clone()
}

#[test]
fn a_save_waits_for_another_process_lock_while_keys_work_and_lands_after() {
    if tmux_missing() || sqlite3_missing() {
        return;
    }
    let s = Session::start("lock", 160, 45);
    s.wait_for("Alice Wong");
    hold_the_lock(&s);
    save_new_customer(&s, "锁外客户");
    // The form goes at once; the header names who holds the lock.
    let screen = s.wait("the header to name the lock's holder", |s| {
        s.contains("saving… waiting for another process (sqlite3, pid") && !s.contains("New customer")
    });
    assert!(!customers_column(&screen).join("\n").contains("锁外客户"), "{screen}");
    // Keys take effect meanwhile: the list filters as typed.
    s.keys(&["/"]);
    s.text("alice");
    s.wait("the filter to work while the save waits", |s| {
        let column = customers_column(s).join("\n");
        s.contains("saving…") && column.contains("Alice Wong") && !column.contains("张三")
    });
    s.keys(&["Escape"]);
    // The lock goes: the save lands and the header says nothing more.
    sql(&s, "COMMIT;");
    s.wait("the customer saved", |s| {
        s.contains("Added customer") && s.contains("锁外客户") && !s.contains("saving…")
    });
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
    assert_eq!(stored_name(&s, "锁外客户"), "锁外客户");
}

#[test]
fn the_queue_holds_more_than_five_thousand_open_tickets_and_g_reaches_the_last() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let file = dir.path().join("tickets.csv");
    let mut csv = String::from("external_id,customer_name,kind,priority,subject\n");
    for n in 0..5_100 {
        csv.push_str(&format!(
            "T{n},Bulk customer {},inquiry,low,Bulk question {n}\n",
            n % 20
        ));
    }
    std::fs::write(&file, csv).unwrap();
    cli(dir.path(), &["import", "tickets", &file.display().to_string()]);
    let queue = queue(dir.path());
    assert!(queue.len() > 5_000, "{}", queue.len());
    let count = queue.len().to_string();
    let grouped = format!("{},{}", &count[..count.len() - 3], &count[count.len() - 3..]);
    let last = queue.last().unwrap()["id"].as_i64().unwrap();
    let s = Session::run("many", 160, 45, dir, &db, "e2e");
    s.wait_for(&format!("Queue {grouped} "));
    // The last row of the queue, opened: its page names it.
    s.keys(&["2", "G", "Enter"]);
    s.wait(&format!("the page of ticket #{last}"), |s| ticket_page(s) == Some(last));
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit(), "exit=0");
}

#[test]
fn quitting_while_a_save_waits_for_a_lock_lands_it_before_exiting() {
    if tmux_missing() || sqlite3_missing() {
        return;
    }
    let s = Session::start("quitlock", 160, 45);
    s.wait_for("Alice Wong");
    hold_the_lock(&s);
    save_new_customer(&s, "退出前客户");
    s.wait_for("saving… waiting for");
    s.keys(&["q"]);
    s.wait_for("waiting for a save to finish");
    sql(&s, "COMMIT;");
    assert_eq!(s.exit(), "exit=0");
    assert_eq!(
        stored_name(&s, "退出前客户"),
        "退出前客户",
        "the save sent before quitting landed"
    );
}

#[test]
fn a_pasted_text_of_several_lines_goes_whole_into_the_reply() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("paste", 160, 45);
    let id = open_fresh_ticket(&s, "粘贴客户", "粘贴测试工单");
    s.keys(&["r"]);
    let channel = |screen: &str| screen.lines().find(|l| l.contains("Channel")).map(str::to_string);
    let before = channel(&s.wait_for(&format!("Reply to #{id}")));
    // As the terminal sends a paste: bracketed, since the program asks.
    s.tmux(&["set-buffer", "-b", "pasted", "已安排换货\n明天上门 email"]);
    s.tmux(&["paste-buffer", "-p", "-b", "pasted", "-t", "0"]);
    s.text("。");
    // The lines stay lines in the form, one under the other.
    let lines = |screen: &str| {
        let mut rows = screen.lines();
        rows.any(|l| l.contains("已安排换货")) && rows.next().is_some_and(|l| l.contains("明天上门 email。"))
    };
    let after = channel(&s.wait("the pasted lines", lines));
    assert_eq!(after, before, "the channel below is untouched");
    s.keys(&["C-s"]);
    s.wait_for(&format!("Reply recorded on #{id}"));
    assert_eq!(
        replies(s.dir.path(), id).0,
        vec!["已安排换货\n明天上门 email。".to_string()]
    );
    // On the panes a paste runs nothing: not even a `q`.
    s.tmux(&["set-buffer", "-b", "keys", "q"]);
    s.tmux(&["paste-buffer", "-p", "-b", "keys", "-t", "0"]);
    s.keys(&["Escape", "2"]);
    s.wait_for("Queue");
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}

/// A save still waiting when the user quits, and failing after the screen
/// has gone (the lock is never released), prints what was typed and ends
/// with exit 1: printed is not saved.
#[test]
fn a_save_that_fails_after_quitting_prints_the_form_and_exits_1() {
    if tmux_missing() || sqlite3_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    // A short busy timeout: the save gives up after it and the store's retries.
    std::fs::write(dir.path().join("no-config.toml"), "[database]\nbusy_timeout_ms = 500\n").unwrap();
    let s = Session::run("quitfail", 160, 45, dir, &db, "e2e");
    s.wait_for("Alice Wong");
    hold_the_lock(&s);
    save_new_customer(&s, "锁住的客户");
    s.wait_for("saving… waiting for");
    s.keys(&["q"]);
    s.wait_for("waiting for a save to finish");
    let started = Instant::now();
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&s.status) {
            break text.trim().to_string();
        }
        // The store retries a busy write for 30 s before giving up.
        assert!(started.elapsed() < Duration::from_secs(90), "{}", s.screen());
        std::thread::sleep(Duration::from_millis(250));
    };
    assert_eq!(status, "exit=1");
    let screen = s.screen();
    assert!(
        screen.contains("锁住的客户") && screen.contains("1 form not saved"),
        "{screen}"
    );
}

/// The language of the terminal UI: Chinese under a Chinese locale or when
/// the config file asks for it; English when the config file asks for it,
/// whatever the locale.
#[test]
fn the_locale_and_the_config_choose_the_language() {
    if tmux_missing() {
        return;
    }
    let first = tempfile::tempdir().unwrap();
    let db = database(first.path());
    let chinese_locale = "LC_ALL= LC_MESSAGES= LANG=zh_CN.UTF-8";
    let panes = |screen: &str, titles: [&str; 3]| titles.iter().all(|t| screen.contains(t));
    let chinese = ["客户", "工单队列", "沟通时间线"];
    let english = ["Customers", "Queue", "Timeline"];
    let cases = [
        (None, chinese_locale, true),
        (Some("zh-CN"), "LC_ALL=C.UTF-8", true),
        (Some("en"), chinese_locale, false),
    ];
    for (i, (setting, locale, in_chinese)) in cases.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        if let Some(language) = setting {
            let config = format!("[ui]\nlanguage = \"{language}\"\n");
            std::fs::write(dir.path().join("no-config.toml"), config).unwrap();
        }
        let s = Session::run_in(&format!("lang{i}"), (120, 40), dir, &db, "e2e", locale);
        let (shown, hidden) = if in_chinese {
            (chinese, english)
        } else {
            (english, chinese)
        };
        let screen = s.wait(&format!("the panes {shown:?}"), |screen| {
            panes(screen, shown) && screen.contains("张三")
        });
        assert!(!screen.contains(hidden[1]), "{setting:?} {locale}:\n{screen}");
        s.keys(&["q"]);
        assert_eq!(s.exit(), "exit=0");
    }
}

/// `C-e` in a reply hands the text to `$EDITOR` (a script standing in for
/// it): the terminal is given back, and the lines written there come back
/// as lines, shown one under the other and saved whole.
#[test]
fn text_from_the_editor_keeps_its_lines() {
    if tmux_missing() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = database(dir.path());
    let editor = dir.path().join("editor.sh");
    std::fs::write(&editor, "#!/bin/sh\nprintf '第一行\\n第二行 second line\\n' > \"$1\"\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let locale = format!("LC_ALL=C.UTF-8 VISUAL= EDITOR='{}'", editor.display());
    let s = Session::run_in("editor", (160, 45), dir, &db, "e2e", &locale);
    let id = open_fresh_ticket(&s, "编辑器客户", "编辑器测试工单");
    s.keys(&["r"]);
    s.wait_for(&format!("Reply to #{id}"));
    s.keys(&["C-e"]);
    s.wait("the two lines one under the other", |screen| {
        let mut rows = screen.lines();
        rows.any(|l| l.contains("第一行")) && rows.next().is_some_and(|l| l.contains("第二行 second line"))
    });
    s.keys(&["C-s"]);
    s.wait_for(&format!("Reply recorded on #{id}"));
    assert_eq!(
        replies(s.dir.path(), id).0,
        vec!["第一行\n第二行 second line".to_string()]
    );
    s.keys(&["Escape", "2"]);
    s.wait_for("Queue");
    s.keys(&["q"]);
    assert_eq!(s.exit(), "exit=0");
}
