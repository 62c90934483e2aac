use super::*;
use crate::app::forms::{Failure, Submission};
use crate::service::interactions::LogInput;

/// Long enough for any result on a loaded machine; the tests never wait it
/// out unless they are failing.
const PATIENCE: Duration = Duration::from_secs(20);

/// An executor that tells when a write starts and finishes it only when the
/// test opens the gate, so "a write is waiting for the lock" is a state the
/// test controls. Every write fails with the busy error's own words.
struct Gated {
    started: Sender<String>,
    gate: Receiver<()>,
}

fn label(effect: &Effect) -> String {
    match effect {
        Effect::Save(_) => "save".into(),
        Effect::BeatTicket(id, _) => format!("beat {id}"),
        other => format!("{other:?}"),
    }
}

impl Executor for Gated {
    fn execute(&mut self, effect: Effect) -> Vec<Msg> {
        let _ = self.started.send(label(&effect));
        let _ = self.gate.recv();
        match effect {
            Effect::Save(_) => vec![Msg::SaveFailed(Failure::Other(busy()))],
            _ => Vec::new(),
        }
    }
}

/// What a save that waited past the busy timeout and its retries says.
fn busy() -> String {
    crate::i18n::told(&crate::service::Error::Storage(
        crate::service::database::StoreError::Busy("database is locked".into()),
    ))
}

struct Rig {
    gate: Sender<()>,
    started: Receiver<String>,
    writer: Writer,
}

fn rig() -> Rig {
    let (started, started_rx) = mpsc::channel();
    let (gate, gate_rx) = mpsc::channel();
    let writer = Writer::spawn(Gated { started, gate: gate_rx }, None);
    Rig {
        writer,
        started: started_rx,
        gate,
    }
}

fn save() -> Effect {
    Effect::Save(Box::new(Submission::Log(LogInput {
        customer: "C000001".into(),
        channel: "phone".into(),
        direction: None,
        summary: "called back".into(),
        ticket: None,
        at: None,
    })))
}

fn beat(ticket: i64) -> Effect {
    Effect::BeatTicket(ticket, chrono::Utc::now())
}

#[test]
fn writes_are_taken_and_everything_else_given_back() {
    let mut rig = rig();
    let cases = [
        (save(), true),
        (Effect::ReminderDone(1), true),
        (Effect::Merge { keep: 1, duplicate: 2 }, true),
        (Effect::ArchiveInactive(365), true),
        (Effect::TriageUndo(Vec::new()), true),
        (Effect::RunDemo, true),
        (beat(1), true),
        (Effect::LeaveTicket(1), true),
        (Effect::LoadCard(1), false),
        (Effect::FindInactive(365), false),
        (Effect::LoadCurrent(crate::app::conflict::Record::Ticket(1)), false),
    ];
    for (effect, write) in cases {
        let name = label(&effect);
        assert_eq!(rig.writer.offload(effect).is_none(), write, "{name}");
    }
    assert!(rig.writer.saving());
    drop(rig.gate);
}

#[test]
fn a_save_waiting_for_the_lock_is_shown_and_its_failure_comes_back_whole() {
    let mut rig = rig();
    assert_eq!(rig.writer.status(), Writing::Idle);
    // A heartbeat is a write, but nobody waits for it: not "saving".
    assert!(rig.writer.offload(beat(7)).is_none());
    assert_eq!(rig.started.recv_timeout(PATIENCE).as_deref(), Ok("beat 7"));
    assert_eq!(rig.writer.status(), Writing::Idle);
    assert!(rig.writer.busy(), "its result is still looked for");
    assert!(rig.writer.offload(save()).is_none());
    assert_eq!(rig.writer.status(), Writing::Saving);
    rig.gate.send(()).unwrap();
    assert_eq!(rig.started.recv_timeout(PATIENCE).as_deref(), Ok("save"));
    assert_eq!(rig.writer.status(), Writing::Saving, "while the lock is held");
    rig.gate.send(()).unwrap();
    let mut msgs = Vec::new();
    while msgs.is_empty() {
        msgs = rig.writer.wait(PATIENCE).expect("a result");
    }
    match msgs.as_slice() {
        [Msg::SaveFailed(Failure::Other(text))] => assert_eq!(*text, busy()),
        _ => panic!("not the save's failure"),
    }
    assert!(!rig.writer.saving());
    assert_eq!(rig.writer.status(), Writing::Idle);
}

#[test]
fn writes_run_in_the_order_asked_and_a_newer_heartbeat_replaces_a_waiting_one() {
    let mut rig = rig();
    rig.writer.offload(save());
    assert_eq!(rig.started.recv_timeout(PATIENCE).as_deref(), Ok("save"));
    // Behind the save held at the gate: beats pile up, saves queue.
    for effect in [beat(1), beat(2), save(), beat(1), Effect::ReminderDone(4)] {
        rig.writer.offload(effect);
    }
    for _ in 0..5 {
        rig.gate.send(()).unwrap();
    }
    let began: Vec<String> = (0..4).filter_map(|_| rig.started.recv_timeout(PATIENCE).ok()).collect();
    assert_eq!(began, ["beat 2", "save", "beat 1", "ReminderDone(4)"]);
}

#[test]
fn quitting_finishes_the_saves_sent_and_the_leave_and_drops_the_heartbeats() {
    let Rig {
        gate,
        started,
        mut writer,
    } = rig();
    let shared = Arc::clone(&writer.shared);
    writer.offload(save());
    assert_eq!(started.recv_timeout(PATIENCE).as_deref(), Ok("save"));
    writer.offload(beat(3));
    writer.offload(save());
    writer.offload(Effect::LeaveTicket(3));
    // Quit while the first save waits at the gate.
    let quitting = std::thread::spawn(move || drop(writer));
    while !shared.lock().closed {
        std::thread::yield_now();
    }
    for _ in 0..3 {
        gate.send(()).unwrap();
    }
    quitting.join().unwrap();
    let began: Vec<String> = started.try_iter().collect();
    assert_eq!(
        began,
        ["save", "LeaveTicket(3)"],
        "the second save and the leave ran, the heartbeat did not"
    );
}
