//! Writes off the event loop. A write waits for the file's write lock for
//! as long as another agent holds it (the busy timeout, then retries: up to
//! 35 s by default); run inline it froze the screen and lost the keys typed
//! meanwhile. The writer runs every write — saves, triage decisions, bulk
//! changes, merges, archiving, reminders done, the sample data, heartbeats
//! — on its own thread with its own connection, one at a time in the order
//! asked, and hands back the messages the driver would. The event loop
//! asks it what to say in the header (`saving…`, and whose lock a save waits
//! for). `pump` in the tests runs writes inline, so they stay deterministic.

use super::effects::Driver;
use super::jobs::Jobs;
use super::lock::LockProbe;
use crate::app::msg::{Effect, Msg};
use crate::app::saves::{Writing, is_save};
use crate::i18n::Strings;
use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A save running longer than this is looked at: is it waiting for a lock?
/// Shorter waits are ordinary contention and not worth naming anyone.
const LOOK_AFTER: Duration = Duration::from_millis(300);

/// What runs the writes on the writer's thread: a driver on a connection
/// of its own in the program, something controllable in the tests.
pub trait Executor: Send + 'static {
    fn execute(&mut self, effect: Effect) -> Vec<Msg>;

    /// Another connection committed since the last call. Asked here, on
    /// the connection that makes our writes, so that our own saves and
    /// heartbeats never count as another agent's change.
    fn changed_elsewhere(&mut self) -> bool {
        false
    }
}

impl Executor for Driver {
    fn execute(&mut self, effect: Effect) -> Vec<Msg> {
        self.run(effect)
    }

    fn changed_elsewhere(&mut self) -> bool {
        self.external_change()
    }
}

/// A write heartbeats are, nobody waiting for it.
fn is_background(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::BeatTicket(..) | Effect::LeaveTicket(_) | Effect::SendMail | Effect::FetchMail
    )
}

enum Job {
    Write {
        effect: Effect,
        save: bool,
    },
    /// Has another process written? Answered with `Msg::ExternalChange`.
    Check,
}

impl Job {
    fn is_save(&self) -> bool {
        matches!(self, Job::Write { save: true, .. })
    }

    /// Saves, and leaving a ticket (else other agents would see us on it
    /// for another 30 s); heartbeats and checks are of no use any more.
    fn runs_on_quit(&self) -> bool {
        self.is_save()
            || matches!(
                self,
                Job::Write {
                    effect: Effect::LeaveTicket(_),
                    ..
                }
            )
    }
}

#[derive(Default)]
struct Queue {
    waiting: VecDeque<Job>,
    /// When the job on the thread started, and whether it is a save.
    running: Option<Instant>,
    closed: bool,
}

pub struct Writer {
    shared: Arc<Jobs<Queue>>,
    results: Receiver<(bool, Vec<Msg>)>,
    thread: Option<JoinHandle<()>>,
    /// Saves asked for whose results have not been collected.
    saves: usize,
    probe: Option<LockProbe>,
    strings: &'static Strings,
}

impl Writer {
    /// A writer on `driver`, which has a connection of its own to `path`;
    /// `path` is also where it looks for a lock's holder.
    pub fn start(driver: Driver, path: &Path) -> Writer {
        Writer::spawn(driver, Some(LockProbe::new(path)))
    }

    pub fn spawn(executor: impl Executor, probe: Option<LockProbe>) -> Writer {
        let shared = Arc::new(Jobs::new(Queue::default()));
        let (sender, results) = mpsc::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || serve(&shared, executor, &sender))
        };
        Writer {
            shared,
            results,
            thread: Some(thread),
            saves: 0,
            probe,
            strings: crate::i18n::get(),
        }
    }

    /// Takes the effect when it is a write, and gives it back otherwise.
    pub fn offload(&mut self, effect: Effect) -> Option<Effect> {
        let save = is_save(&effect);
        if !save && !is_background(&effect) {
            return Some(effect);
        }
        let mut queue = self.shared.lock();
        // A heartbeat still waiting is replaced by the newer one: beats pile
        // up only behind a lock, and only the latest says anything.
        if let Effect::BeatTicket(ticket, _) = &effect {
            queue
                .waiting
                .retain(|job| !matches!(job, Job::Write { effect: Effect::BeatTicket(t, _), .. } if t == ticket));
        }
        queue.waiting.push_back(Job::Write { effect, save });
        if save {
            self.saves += 1;
        }
        self.shared.wake();
        None
    }

    /// Asks whether another process wrote (once a tick); the answer comes
    /// with the results. One question waiting is enough: behind a save
    /// held up by a lock, the answer comes once it is through.
    pub fn check(&mut self) {
        let mut queue = self.shared.lock();
        if !queue.waiting.iter().any(|job| matches!(job, Job::Check)) {
            queue.waiting.push_back(Job::Check);
            self.shared.wake();
        }
    }

    /// The results that have arrived, without waiting.
    pub fn results(&mut self) -> Vec<Msg> {
        let mut out = Vec::new();
        for (save, msgs) in self.results.try_iter() {
            if save {
                self.saves = self.saves.saturating_sub(1);
            }
            out.extend(msgs);
        }
        out
    }

    /// A save is queued or running, or its result not yet collected.
    pub fn saving(&self) -> bool {
        self.saves > 0
    }

    /// Any write at all is under way (heartbeats too): results to look for.
    pub fn busy(&self) -> bool {
        self.saving() || self.shared.lock().running.is_some()
    }

    /// What the header says: idle, saving, or saving and waiting for the
    /// holder of the write lock when the write has run a while.
    pub fn status(&mut self) -> Writing {
        if !self.saving() {
            return Writing::Idle;
        }
        let long = self
            .shared
            .lock()
            .running
            .is_some_and(|since| since.elapsed() >= LOOK_AFTER);
        match self.probe.as_mut().filter(|_| long).and_then(LockProbe::holder) {
            Some(holder) => Writing::Waiting(holder.describe(self.strings)),
            None => Writing::Saving,
        }
    }

    /// Waits up to `timeout` for the next results (for the tests).
    pub fn wait(&mut self, timeout: Duration) -> Option<Vec<Msg>> {
        let (save, msgs) = self.results.recv_timeout(timeout).ok()?;
        if save {
            self.saves = self.saves.saturating_sub(1);
        }
        Some(msgs)
    }
}

impl Writer {
    /// Ends the writer as dropping it does, and returns what the saves
    /// still out answered, so a failure can still be told.
    pub fn finish(mut self) -> Vec<Msg> {
        self.close();
        self.results.try_iter().flat_map(|(_, msgs)| msgs).collect()
    }

    /// Heartbeats not started are dropped, saves asked for still run (the
    /// user saw them sent), and so does leaving a ticket; then the thread
    /// ends.
    fn close(&mut self) {
        {
            let mut queue = self.shared.lock();
            queue.closed = true;
            queue.waiting.retain(Job::runs_on_quit);
        }
        self.shared.wake();
        if let Some(thread) = self.thread.take() {
            // A writer that panicked has nothing left to finish.
            let _ = thread.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.close();
    }
}

/// The writer's thread: one write at a time, oldest first; once closed,
/// until none is left.
fn serve(shared: &Jobs<Queue>, mut executor: impl Executor, results: &Sender<(bool, Vec<Msg>)>) {
    loop {
        let job = {
            let mut queue = shared.lock();
            loop {
                if let Some(job) = queue.waiting.pop_front() {
                    queue.running = Some(Instant::now());
                    break job;
                }
                if queue.closed {
                    return;
                }
                queue = shared.wait(queue);
            }
        };
        let save = job.is_save();
        let msgs = match job {
            Job::Write { effect, .. } => executor.execute(effect),
            Job::Check => {
                if executor.changed_elsewhere() {
                    vec![Msg::ExternalChange]
                } else {
                    Vec::new()
                }
            }
        };
        shared.lock().running = None;
        // After quit nobody collects results; the writes are done anyway.
        let _ = results.send((save, msgs));
    }
}

#[cfg(test)]
mod tests;
