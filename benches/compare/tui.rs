//! The terminal UI's rows, in process, exactly as the event loop does it:
//! the app model gets the messages, and each effect it asks for runs
//! through the same `tui::effects::Driver` the TUI's worker and event loop
//! use, one at a time, its results fed back as messages. A row is timed
//! from the key (or the open) to the moment its data is on the model.
//!
//! Kept in this one file on purpose: other work changes these APIs, and
//! whoever merges adapts only here.

use super::process::Run;
use frontdesk::app::keymap::Keymap;
use frontdesk::app::keys::{Key, KeyCode};
use frontdesk::app::model::{Model, Session};
use frontdesk::app::msg::{Effect, Msg};
use frontdesk::app::theme::Theme;
use frontdesk::config::Config;
use frontdesk::service::Ctx;
use frontdesk::service::database::{Database, open_options};
use frontdesk::tui::effects::{Driver, pump_via};
use std::collections::VecDeque;
use std::path::Path;
use std::time::{Duration, Instant};

pub struct App {
    pub model: Model,
    driver: Driver,
    /// Effects asked for and not yet run, in order (the worker's queue).
    pending: VecDeque<Effect>,
}

impl App {
    /// A fresh connection and model, as `frontdesk` starts the TUI.
    pub fn open(path: &Path) -> App {
        let config = Config::defaults();
        let store = Database::open(path, &open_options(&config.database)).expect("the demo opens");
        let ctx = Ctx::new("bench", chrono::Utc::now());
        let session = Session {
            database: path.display().to_string(),
            agent: "bench".into(),
            timezone: chrono_tz::Asia::Shanghai,
            clock_fixed: false,
            masked: false,
        };
        let model = Model::new(
            frontdesk::i18n::get(),
            Keymap::default(),
            Theme::default(),
            session,
            ctx.now,
        );
        let driver = Driver::new(store, ctx, config, false);
        App {
            model,
            driver,
            pending: VecDeque::new(),
        }
    }

    /// `update` alone, as the event loop runs it on a key: effects queued.
    pub fn update(&mut self, msg: Msg) {
        let pending = &mut self.pending;
        pump_via(&mut self.model, &mut self.driver, msg, &mut |_| Vec::new(), &mut |e| {
            pending.push_back(e);
            None
        });
    }

    /// Runs queued effects and the model's own work under way until `done`
    /// holds (or nothing is left); true when it held.
    pub fn until(&mut self, done: impl Fn(&Model) -> bool) -> bool {
        loop {
            if done(&self.model) {
                return true;
            }
            if self.model.busy() {
                self.update(Msg::Continue);
                continue;
            }
            let Some(effect) = self.pending.pop_front() else {
                return false;
            };
            for msg in self.driver.run(effect) {
                self.update(msg);
            }
        }
    }

    /// Everything asked for, done.
    pub fn settle(&mut self) {
        self.until(|_| false);
    }

    pub fn key(&mut self, key: Key) {
        self.update(Msg::Key(key));
    }
}

fn ms(d: Duration) -> Run {
    Run {
        wall: d,
        cpu: Duration::ZERO,
        rss_kib: 0,
    }
}

/// Times `f` `runs` times; the median and the 95th percentile.
fn timed(runs: usize, mut f: impl FnMut() -> Duration) -> (Run, Duration) {
    let mut all: Vec<Duration> = (0..runs.max(1)).map(|_| f()).collect();
    all.sort();
    let p95 = all[(all.len() * 95 / 100).min(all.len() - 1)];
    (ms(all[all.len() / 2]), p95)
}

/// What a TUI row measured: the figure and what it is (median or p95).
pub struct Figure {
    pub work: &'static str,
    pub run: Run,
    pub note: String,
}

/// A started TUI: the first screen's reads done.
fn started(path: &Path) -> App {
    let mut app = App::open(path);
    app.update(Msg::Resize(120, 40));
    app.update(Msg::ExternalChange);
    app.settle();
    app
}

pub fn rows(path: &Path, runs: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    let (cold, _) = timed(runs, || {
        let t = Instant::now();
        let mut app = App::open(path);
        app.update(Msg::Resize(120, 40));
        app.update(Msg::ExternalChange);
        app.until(|m| !m.queue.list.is_empty());
        t.elapsed()
    });
    out.push(Figure {
        work: "TUI: queue rows after a cold start",
        run: cold,
        note: "open to rows on the model".into(),
    });

    let mut app = started(path);
    out.push(filter(&mut app));
    out.push(triage(&mut app, runs));
    out.extend(dashboard(path));
    for (work, key, done) in [
        (
            "TUI: reminders, first screen",
            'm',
            reminders_loaded as fn(&Model) -> bool,
        ),
        ("TUI: data quality view", 'h', quality_loaded),
    ] {
        let (run, _) = timed(runs, || {
            app.key(Key::plain(KeyCode::Esc));
            app.settle();
            let t = Instant::now();
            app.key(Key::char(key));
            app.until(done);
            t.elapsed()
        });
        out.push(Figure {
            work,
            run,
            note: String::new(),
        });
    }
    out
}

fn reminders_loaded(m: &Model) -> bool {
    m.screens.reminders().is_some_and(|r| !r.loading)
}

fn quality_loaded(m: &Model) -> bool {
    m.screens.quality().is_some_and(|q| !q.loading)
}

/// "zhang wei" typed one key at a time over every customer, then deleted:
/// each keystroke's time on the event loop (the search goes on in idle
/// time after it, as `Msg::Continue`).
fn filter(app: &mut App) -> Figure {
    app.key(Key::plain(KeyCode::Esc));
    app.settle();
    app.key(Key::char('/'));
    let mut keys: Vec<Key> = "zhang wei".chars().map(Key::char).collect();
    keys.extend(std::iter::repeat_n(Key::plain(KeyCode::Backspace), 9));
    let mut times = Vec::new();
    for key in keys {
        let t = Instant::now();
        app.key(key);
        times.push(t.elapsed());
        app.settle();
    }
    app.key(Key::plain(KeyCode::Esc));
    app.settle();
    times.sort();
    let p95 = times[(times.len() * 95 / 100).min(times.len() - 1)];
    Figure {
        work: "TUI: filter keystroke over 100k customers",
        run: ms(p95),
        note: format!(
            "p95 of {} keys (median {:.1} ms)",
            times.len(),
            times[times.len() / 2].as_secs_f64() * 1e3
        ),
    }
}

/// Triage: a decision (priority normal) until the next card is on screen.
fn triage(app: &mut App, runs: usize) -> Figure {
    app.key(Key::char('t'));
    app.until(|m| m.screens.triage().is_some_and(|t| t.ticket_id().is_some()));
    let (run, p95) = timed(runs, || {
        let before = app.model.screens.triage().and_then(|t| t.ticket_id());
        let t = Instant::now();
        app.key(Key::char('3'));
        app.until(|m| m.screens.triage().and_then(|t| t.ticket_id()) != before);
        let took = t.elapsed();
        app.settle();
        took
    });
    app.key(Key::plain(KeyCode::Esc));
    app.settle();
    Figure {
        work: "TUI: triage decision to the next card",
        run,
        note: format!("p95 {:.1} ms; writes to the copy", p95.as_secs_f64() * 1e3),
    }
}

fn dashboard_ready(m: &Model) -> bool {
    m.screens.dashboard().is_some_and(|d| !d.loading && d.data.is_some())
}

/// Dashboard rounds: each in a TUI started afresh, so its months are read, not kept.
const DASHBOARD_ROUNDS: usize = 7;

/// Dashboard open, the previous month (cold), and back to a month seen: the medians of
/// [`DASHBOARD_ROUNDS`] rounds, each in a TUI started afresh on the file at `path` (with what
/// the triage row wrote to it): every other row is a median too, and on a shared machine one
/// sample says little.
fn dashboard(path: &Path) -> Vec<Figure> {
    let mut rounds: [Vec<Duration>; 3] = Default::default();
    for _ in 0..DASHBOARD_ROUNDS {
        let mut app = started(path);
        let mut step = |key: Key| {
            let t = Instant::now();
            app.key(key);
            app.until(dashboard_ready);
            t.elapsed()
        };
        for (times, key) in rounds.iter_mut().zip([Key::char('d'), Key::char('['), Key::char(']')]) {
            times.push(step(key));
        }
    }
    let [open, back, seen] = rounds.map(|mut times| {
        times.sort();
        times[times.len() / 2]
    });
    vec![
        Figure {
            work: "TUI: dashboard open",
            run: ms(open),
            note: format!("median of {DASHBOARD_ROUNDS} fresh starts"),
        },
        Figure {
            work: "TUI: dashboard, previous month",
            run: ms(back),
            note: format!("not seen before; median of {DASHBOARD_ROUNDS}"),
        },
        Figure {
            work: "TUI: dashboard, a month already seen",
            run: ms(seen),
            note: String::new(),
        },
    ]
}
