//! Slow reads off the event loop. On a large database the overview, the
//! queue, the reminders, the dashboard and the data-quality review take from a hundred milliseconds
//! to seconds; run inline they would freeze the screen and keep keys waiting.
//! The worker runs them on its own thread with its own connection (WAL lets
//! it read while the driver writes; on PostgreSQL a session of its own) and hands back the same messages the
//! driver would. Only the real event loop uses it: `pump` in the tests runs
//! every effect inline, so they stay deterministic.

use super::jobs::Jobs;
use crate::app::msg::{Effect, Msg};
use crate::domain::period::Month;
use crate::service::dashboard::ReportStamp;
use crate::service::database::{Database, Interrupt, OpenOptions, StoreError};
use crate::service::find::{self, Scope};
use crate::service::{Ctx, agenda, dashboard, quality, screens, triage, views};

use crate::app::panes::queue_query::FIND_LIMIT;
use std::collections::VecDeque;
use std::path::Path;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

/// A read slow enough to run in the background. Equal reads are the same
/// request, so a burst of them is read once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Overview,
    /// The queue alone, read again every minute so SLA states move on.
    Queue,
    /// The queue's most urgent tickets, first at start.
    QueueHead,
    Reminders(crate::app::reminders::Ask),
    /// A month's figures; with a stamp, only if it has moved.
    Dashboard(Month, Option<ReportStamp>),
    /// The Data quality view's duplicates and missing contacts.
    Quality,
    /// The tickets of the queue's `/` expression (over every ticket: `all`).
    Find {
        expr: String,
        all: bool,
    },
    /// The views bar's counts, and the tickets of the view at this position.
    Views(Option<i64>),
    /// The triage card (of ticket `keep` while it still waits, else the most
    /// urgent), passing over the tickets of the run so far: it reads the
    /// whole queue, too slow for the event loop on a large file.
    Triage {
        keep: Option<i64>,
        passed: Vec<i64>,
    },
    /// The header's outbox counts.
    OutboxCounts,
}

impl Read {
    /// The read an effect asks for, when it is one of the slow ones.
    pub fn of(effect: &Effect) -> Option<Read> {
        match effect {
            Effect::LoadOverview => Some(Read::Overview),
            Effect::LoadQueue => Some(Read::Queue),
            Effect::LoadQueueHead => Some(Read::QueueHead),
            Effect::LoadReminders(ask) => Some(Read::Reminders(*ask)),
            Effect::LoadDashboard(month, known) => Some(Read::Dashboard(*month, *known)),
            Effect::LoadQuality => Some(Read::Quality),
            Effect::FindTickets { expr, all } => Some(Read::Find {
                expr: expr.clone(),
                all: *all,
            }),
            Effect::LoadViews(selected) => Some(Read::Views(*selected)),
            Effect::LoadOutboxCounts => Some(Read::OutboxCounts),
            Effect::LoadTriage(passed) => Some(Read::Triage {
                keep: None,
                passed: passed.clone(),
            }),
            Effect::ReloadTriage(id, passed) => Some(Read::Triage {
                keep: Some(*id),
                passed: passed.clone(),
            }),
            _ => None,
        }
    }

    /// Reads it, as the message `update` expects; a failure is a message too.
    pub fn run(self, store: &mut Database, ctx: &Ctx) -> Msg {
        let failed = |e: crate::service::Error| Msg::LoadFailed(crate::i18n::told(&e));
        match self {
            Read::Overview => screens::overview(store, ctx).map_or_else(failed, |o| Msg::Overview(Box::new(o))),
            Read::Queue => screens::queue(store, ctx).map_or_else(failed, |(q, c)| Msg::Queue(q, c)),
            Read::QueueHead => screens::queue_head(store, ctx).map_or_else(failed, Msg::QueueHead),
            Read::Reminders(ask) => agenda::agenda(store, ctx, &ask.filter(), ask.page())
                .map_or_else(failed, |a| Msg::Reminders(Box::new(a))),
            Read::Dashboard(month, None) => Msg::Dashboard(
                month,
                dashboard::dashboard(store, ctx, month)
                    .map(Box::new)
                    .map_err(|e| crate::i18n::told(&e)),
            ),
            Read::Dashboard(month, Some(known)) => match dashboard::dashboard_if_changed(store, ctx, month, known) {
                Ok(None) => Msg::DashboardUnchanged(month),
                Ok(Some(figures)) => Msg::Dashboard(month, Ok(Box::new(figures))),
                Err(e) => Msg::Dashboard(month, Err(crate::i18n::told(&e))),
            },
            Read::Quality => Msg::Quality(quality::review(store).map(Box::new).map_err(|e| crate::i18n::told(&e))),
            Read::Find { expr, all } => {
                let scope = if all { Scope::All } else { Scope::Queue };
                let result = find::find(store, ctx, &expr, scope, Some(FIND_LIMIT));
                Msg::Found {
                    expr,
                    all,
                    result: result.map(Box::new).map_err(|e| crate::i18n::told(&e)),
                }
            }
            Read::Views(selected) => Msg::Views(
                views::read_bar(store, ctx, selected)
                    .map(Box::new)
                    .map_err(|e| crate::i18n::told(&e)),
            ),
            Read::Triage { keep, passed } => {
                let passed = passed.into_iter().collect();
                let card = match keep {
                    Some(id) => triage::again(store, ctx, id, &passed),
                    None => triage::next(store, ctx, &passed),
                };
                card.map_or_else(failed, |c| Msg::TriageCard(c.map(Box::new)))
            }
            Read::OutboxCounts => {
                Msg::OutboxCounts(crate::service::mail::thread::outbox_counts(store).map_err(|e| crate::i18n::told(&e)))
            }
        }
    }
}

/// What runs the reads on the worker's thread: the database in the
/// program, something controllable in the tests.
pub trait Reader: Send + 'static {
    fn read(&mut self, read: Read) -> Msg;
}

/// Reads from a connection of its own, at the time of each read.
struct StoreReader {
    /// Why the file could not be opened: every read then fails with it.
    store: Result<Database, String>,
    ctx: Ctx,
    clock_fixed: bool,
    view_counts: super::view_counts::ViewCounts,
    outbox_counts: super::outbox_counts::KeptOutboxCounts,
}

impl Reader for StoreReader {
    fn read(&mut self, read: Read) -> Msg {
        if !self.clock_fixed {
            self.ctx.now = chrono::Utc::now();
        }
        match &mut self.store {
            Ok(store) => match read {
                Read::Views(selected) => Msg::Views(
                    self.view_counts
                        .read(store, &self.ctx, selected)
                        .map(Box::new)
                        .map_err(|e| crate::i18n::told(&e)),
                ),
                Read::OutboxCounts => Msg::OutboxCounts(self.outbox_counts.read(store)),
                read => read.run(store, &self.ctx),
            },
            Err(why) => match read {
                // The dashboard reports its own failures, for its month.
                Read::Dashboard(month, _) => Msg::Dashboard(month, Err(why.clone())),
                Read::Quality => Msg::Quality(Err(why.clone())),
                Read::Find { expr, all } => Msg::Found {
                    expr,
                    all,
                    result: Err(why.clone()),
                },
                Read::Views(_) => Msg::Views(Err(why.clone())),
                Read::OutboxCounts => Msg::OutboxCounts(Err(why.clone())),
                Read::Overview | Read::Queue | Read::QueueHead | Read::Reminders(_) | Read::Triage { .. } => {
                    Msg::LoadFailed(why.clone())
                }
            },
        }
    }
}

#[derive(Default)]
struct Queue {
    waiting: VecDeque<Read>,
    closed: bool,
}

pub struct Worker {
    shared: Arc<Jobs<Queue>>,
    results: Receiver<Msg>,
    thread: Option<JoinHandle<()>>,
    interrupt: Option<Interrupt>,
    /// Requests taken and not yet answered: while any are, the event loop
    /// looks for results often and the header shows it is reading.
    outstanding: usize,
}

impl Worker {
    /// A worker reading the database at `path`, opened like the driver's.
    pub fn start(path: &Path, options: &OpenOptions, ctx: Ctx, clock_fixed: bool) -> Worker {
        Worker::on(Database::open(path, options), ctx, clock_fixed)
    }

    /// A worker reading through `store`, a connection of its own (see
    /// [`Database::open_again`]), whatever the engine; without one (it could
    /// not be opened) every read answers why.
    pub fn on(store: Result<Database, StoreError>, ctx: Ctx, clock_fixed: bool) -> Worker {
        let store = store.map_err(|e| crate::i18n::describe_store(&e, crate::i18n::get()));
        let interrupt = store.as_ref().ok().map(Database::interrupt_handle);
        let reader = StoreReader {
            store,
            ctx,
            clock_fixed,
            view_counts: Default::default(),
            outbox_counts: Default::default(),
        };
        Worker::spawn(reader, interrupt)
    }

    fn spawn(reader: impl Reader, interrupt: Option<Interrupt>) -> Worker {
        let shared = Arc::new(Jobs::new(Queue::default()));
        let (sender, results) = mpsc::channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || serve(&shared, reader, &sender))
        };
        Worker {
            shared,
            results,
            thread: Some(thread),
            interrupt,
            outstanding: 0,
        }
    }

    /// Takes the effect when it is a slow read, and gives it back otherwise.
    pub fn offload(&mut self, effect: Effect) -> Option<Effect> {
        match Read::of(&effect) {
            Some(read) => {
                self.request(read);
                None
            }
            None => Some(effect),
        }
    }

    /// Queues a read unless the same one is already waiting (its result
    /// will be just as new). One already running does not count: it may
    /// have started before the change that asks for this read, so it runs
    /// once more after. The dashboard shows one month, and drops figures of
    /// any other: a month asked for replaces another one waiting, so paging
    /// through months reads only where the paging stops; likewise the
    /// agenda, whose filter keys each ask for another one, and the triage
    /// card, asked for again after each decision. True when queued.
    pub fn request(&mut self, read: Read) -> bool {
        let mut queue = self.shared.lock();
        if queue.waiting.contains(&read) {
            return false;
        }
        if matches!(read, Read::Dashboard(..) | Read::Reminders(_) | Read::Triage { .. }) {
            let before = queue.waiting.len();
            let same_kind = |r: &Read| std::mem::discriminant(r) == std::mem::discriminant(&read);
            queue.waiting.retain(|r| !same_kind(r));
            self.outstanding -= before - queue.waiting.len();
        }
        // Only the latest keystroke's query matters: one typed over replaces it.
        if let Read::Find { .. } = read {
            let before = queue.waiting.len();
            queue.waiting.retain(|r| !matches!(r, Read::Find { .. }));
            self.outstanding -= before - queue.waiting.len();
        }
        queue.waiting.push_back(read);
        self.outstanding += 1;
        self.shared.wake();
        true
    }

    /// The results that have arrived, without waiting.
    pub fn results(&mut self) -> Vec<Msg> {
        let results: Vec<Msg> = self.results.try_iter().collect();
        self.outstanding = self.outstanding.saturating_sub(results.len());
        results
    }

    /// A read is queued or running, or its result not yet collected.
    pub fn busy(&self) -> bool {
        self.outstanding > 0
    }

    /// Waits up to `timeout` for the next result (for the tests).
    #[cfg(test)]
    fn wait(&mut self, timeout: std::time::Duration) -> Option<Msg> {
        let msg = self.results.recv_timeout(timeout).ok()?;
        self.outstanding = self.outstanding.saturating_sub(1);
        Some(msg)
    }
}

impl Drop for Worker {
    /// The loop has ended: reads not started are dropped, one running is cut
    /// short, and the thread is waited for, so nothing reads on after quit.
    fn drop(&mut self) {
        {
            let mut queue = self.shared.lock();
            queue.closed = true;
            queue.waiting.clear();
        }
        self.shared.wake();
        // Only while reading: on a server a cut-short is a connection of
        // its own, which would keep an idle quit waiting on a server gone.
        if let Some(interrupt) = self.interrupt.as_ref().filter(|_| self.outstanding > 0) {
            interrupt.interrupt();
        }
        if let Some(thread) = self.thread.take() {
            // A reader that panicked has nothing left to clean up.
            let _ = thread.join();
        }
    }
}

/// The worker's thread: one read at a time, oldest first, until closed.
fn serve(shared: &Jobs<Queue>, mut reader: impl Reader, results: &Sender<Msg>) {
    loop {
        let read = {
            let mut queue = shared.lock();
            loop {
                if queue.closed {
                    return;
                }
                if let Some(read) = queue.waiting.pop_front() {
                    break read;
                }
                queue = shared.wait(queue);
            }
        };
        if results.send(reader.read(read)).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests;
