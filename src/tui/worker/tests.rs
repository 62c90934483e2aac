use super::*;
use crate::app::reminders::Ask;
use crate::domain::customer::CustomerInput;
use crate::service::customers;
use std::time::Duration;

/// Long enough for any result on a loaded machine; the tests never wait it
/// out unless they are failing.
const PATIENCE: Duration = Duration::from_secs(20);

/// A reader that tells when a read starts and finishes it only when the
/// test opens the gate, so "in flight" is a state the test controls.
struct Gated {
    started: Sender<Read>,
    gate: Receiver<()>,
}

impl Reader for Gated {
    fn read(&mut self, read: Read) -> Msg {
        let _ = self.started.send(read.clone());
        let _ = self.gate.recv();
        Msg::LoadFailed(format!("{read:?}"))
    }
}

/// The gate is dropped first, so a failing test cannot leave the worker
/// joining a thread that waits at the gate.
struct Rig {
    gate: Sender<()>,
    started: Receiver<Read>,
    worker: Worker,
}

fn rig() -> Rig {
    let (started, started_rx) = mpsc::channel();
    let (gate, gate_rx) = mpsc::channel();
    let worker = Worker::spawn(Gated { started, gate: gate_rx }, None);
    Rig {
        worker,
        started: started_rx,
        gate,
    }
}

/// Which read a gated result answers.
fn answer(msg: Msg) -> String {
    match msg {
        Msg::LoadFailed(text) => text,
        _ => "another message".into(),
    }
}

fn month(m: u32) -> Month {
    Month::new(2026, m).unwrap()
}

#[test]
fn slow_effects_are_offloaded_and_others_given_back() {
    let mut rig = rig();
    let cases = [
        (Effect::LoadOverview, true),
        (Effect::LoadReminders(Ask::default()), true),
        (Effect::LoadDashboard(month(11), None), true),
        (Effect::LoadQueue, true),
        (Effect::LoadCard(1), false),
        (Effect::LoadTimeline(1), false),
    ];
    for (effect, slow) in cases {
        let label = format!("{effect:?}");
        let back = rig.worker.offload(effect);
        assert_eq!(back.is_none(), slow, "{label}");
    }
    assert!(rig.worker.busy());
}

#[test]
fn a_requested_read_comes_back_as_its_message() {
    let mut rig = rig();
    assert!(!rig.worker.busy());
    assert!(rig.worker.request(Read::Overview));
    assert!(rig.worker.busy());
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(Read::Overview));
    rig.gate.send(()).unwrap();
    let msg = rig.worker.wait(PATIENCE).expect("a result");
    assert_eq!(answer(msg), "Overview");
    assert!(!rig.worker.busy(), "nothing outstanding once collected");
}

#[test]
fn identical_waiting_requests_are_read_once() {
    let mut rig = rig();
    // The first read holds the thread, so the rest wait in the queue.
    assert!(rig.worker.request(Read::Overview));
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(Read::Overview));
    let requests = [
        (Read::Reminders(Ask::default()), true),
        (Read::Reminders(Ask::default()), false),
        (Read::Dashboard(month(11), None), true),
        (Read::Dashboard(month(11), None), false),
        (Read::Reminders(Ask::default()), false),
    ];
    for (read, queued) in requests {
        assert_eq!(rig.worker.request(read.clone()), queued, "{read:?}");
    }
    for _ in 0..3 {
        rig.gate.send(()).unwrap();
    }
    let answers: Vec<String> = (0..3).filter_map(|_| rig.worker.wait(PATIENCE)).map(answer).collect();
    assert_eq!(
        answers,
        [
            "Overview",
            "Reminders(Ask { reason: None, mine: false, overdue: false })",
            "Dashboard(Month { year: 2026, month: 11 }, None)"
        ]
    );
    assert!(!rig.worker.busy());
    assert!(
        rig.worker.wait(Duration::from_millis(50)).is_none(),
        "no read ran twice"
    );
}

#[test]
fn paging_through_months_or_agenda_filters_reads_only_the_last_asked_for() {
    let mut rig = rig();
    assert!(rig.worker.request(Read::Dashboard(month(12), None)));
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(Read::Dashboard(month(12), None)));
    // `[` pressed three times while December is read; reminders meanwhile,
    // and `O` on them: the agenda asked for last replaces the one waiting.
    let mine = Ask {
        mine: true,
        ..Ask::default()
    };
    for read in [
        Read::Dashboard(month(11), None),
        Read::Reminders(Ask::default()),
        Read::Dashboard(month(10), None),
        Read::Reminders(mine),
        Read::Dashboard(month(9), None),
    ] {
        assert!(rig.worker.request(read.clone()), "{read:?}");
    }
    for _ in 0..3 {
        rig.gate.send(()).unwrap();
    }
    let answers: Vec<String> = (0..3).filter_map(|_| rig.worker.wait(PATIENCE)).map(answer).collect();
    assert_eq!(
        answers,
        [
            "Dashboard(Month { year: 2026, month: 12 }, None)",
            "Reminders(Ask { reason: None, mine: true, overdue: false })",
            "Dashboard(Month { year: 2026, month: 9 }, None)"
        ]
    );
    assert!(!rig.worker.busy(), "the months paged past are not outstanding");
    let began: Vec<Read> = rig.started.try_iter().collect();
    assert_eq!(
        began,
        [Read::Reminders(mine), Read::Dashboard(month(9), None)],
        "October and November never read"
    );
}

#[test]
fn a_request_during_the_same_read_runs_once_more_after_it() {
    let mut rig = rig();
    assert!(rig.worker.request(Read::Overview));
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(Read::Overview));
    // The read under way may predate the change behind these requests.
    assert!(rig.worker.request(Read::Overview), "queued behind the one running");
    assert!(!rig.worker.request(Read::Overview), "but only once");
    rig.gate.send(()).unwrap();
    assert_eq!(rig.worker.wait(PATIENCE).map(answer).as_deref(), Some("Overview"));
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(Read::Overview), "read again");
    assert!(rig.worker.busy(), "the second read is still outstanding");
    rig.gate.send(()).unwrap();
    assert_eq!(rig.worker.wait(PATIENCE).map(answer).as_deref(), Some("Overview"));
    assert!(!rig.worker.busy());
    assert!(
        rig.started.recv_timeout(Duration::from_millis(50)).is_err(),
        "not a third time"
    );
}

#[test]
fn dropping_the_worker_ends_its_thread() {
    let Rig {
        gate,
        started,
        mut worker,
    } = rig();
    worker.request(Read::Overview);
    assert_eq!(started.recv_timeout(PATIENCE), Ok(Read::Overview));
    worker.request(Read::Reminders(Ask::default()));
    // Reads end when the gate goes (the database reader is interrupted).
    drop(gate);
    drop(worker);
    // The reader, and its end of `started`, went with the thread.
    let ended = std::iter::from_fn(|| match started.recv_timeout(PATIENCE) {
        Ok(read) => Some(Some(read)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Some(None),
        Err(mpsc::RecvTimeoutError::Timeout) => None,
    })
    .any(|read| read.is_none());
    assert!(ended, "the worker's thread ended");
}

fn ctx() -> Ctx {
    Ctx::new("li.na", "2026-11-20T02:00:00Z".parse().unwrap())
}

fn add_customer(store: &mut Database, name: &str) {
    let input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    customers::add(store, &ctx(), &input).unwrap();
}

fn names(msg: Option<Msg>) -> Vec<String> {
    match msg {
        Some(Msg::Overview(overview)) => overview.customers.into_iter().map(|c| c.name).collect(),
        Some(Msg::LoadFailed(why)) => vec![format!("failed: {why}")],
        Some(_) => vec!["another message".into()],
        None => vec!["no result".into()],
    }
}

#[test]
fn the_database_worker_reads_what_another_connection_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fd.db");
    let mut store = Database::create(&path, &OpenOptions::default()).unwrap();
    add_customer(&mut store, "张三");
    let mut worker = Worker::start(&path, &OpenOptions::default(), ctx(), true);
    worker.request(Read::Overview);
    assert_eq!(names(worker.wait(PATIENCE)), ["张三"]);
    add_customer(&mut store, "李四");
    worker.request(Read::Overview);
    let mut after = names(worker.wait(PATIENCE));
    after.sort();
    assert_eq!(after, ["张三", "李四"]);
    worker.request(Read::Queue);
    assert!(matches!(worker.wait(PATIENCE), Some(Msg::Queue(..))));
    worker.request(Read::Dashboard(month(11), None));
    assert!(matches!(worker.wait(PATIENCE), Some(Msg::Dashboard(m, Ok(_))) if m == month(11)));
}

#[test]
fn a_failed_read_comes_back_as_a_failure_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not-a-database.db");
    std::fs::write(&path, "these are not the bytes of a database file\n".repeat(200)).unwrap();
    let mut worker = Worker::start(&path, &OpenOptions::default(), ctx(), true);
    worker.request(Read::Overview);
    let overview = names(worker.wait(PATIENCE));
    assert!(overview[0].starts_with("failed: "), "{overview:?}");
    worker.request(Read::Reminders(Ask::default()));
    assert!(matches!(worker.wait(PATIENCE), Some(Msg::LoadFailed(_))));
    worker.request(Read::Dashboard(month(11), None));
    assert!(matches!(worker.wait(PATIENCE), Some(Msg::Dashboard(m, Err(_))) if m == month(11)));
    assert!(!worker.busy());
}

/// Typing in the queue's `/`: only the query of the last keystroke is read
/// after the one running.
#[test]
fn a_query_typed_over_replaces_the_one_waiting() {
    let mut rig = rig();
    let find = |expr: &str| Read::Find {
        expr: expr.into(),
        all: false,
    };
    assert!(rig.worker.request(find("k")));
    assert_eq!(rig.started.recv_timeout(PATIENCE), Ok(find("k")));
    for expr in ["ki", "kin", "kind:repair"] {
        assert!(rig.worker.request(find(expr)), "{expr}");
    }
    for _ in 0..2 {
        rig.gate.send(()).unwrap();
    }
    let answers: Vec<String> = (0..2).filter_map(|_| rig.worker.wait(PATIENCE)).map(answer).collect();
    assert_eq!(
        answers,
        [
            "Find { expr: \"k\", all: false }",
            "Find { expr: \"kind:repair\", all: false }"
        ]
    );
    assert!(!rig.worker.busy());
}
