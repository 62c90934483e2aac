//! The terminal UI's edge: the terminal, the event loop, and the driver
//! that runs effects through the services. `frontdesk` with no command
//! lands here.

pub mod editor;
pub mod effects;
pub mod events;
mod heap;
mod jobs;
pub mod lock;
mod outbox_counts;
pub mod terminal;
mod view_counts;
pub mod worker;
pub mod writer;

use crate::app::model::{Model, Session};
use crate::app::msg::{Effect, Msg};
use crate::app::tui_settings::TuiSettings;
use crate::config::{Config, Deferred};
use crate::i18n;
use crate::i18n::fill;
use crate::service::database::StoreError;
use crate::service::{Ctx, Database, Error};
use effects::{Driver, pump_via};
use ratatui::crossterm::event;
use std::time::{Duration, Instant};
use worker::Worker;
use writer::Writer;

/// How often the clock ticks and the file is checked for other agents' writes.
const TICK: Duration = Duration::from_secs(1);

/// How often the loop looks for results while background reads or writes are out:
/// soon enough that a result shows without a noticeable wait.
const RESULTS_POLL: Duration = Duration::from_millis(30);

/// What the terminal UI starts from. Whoever launches it (the CLI) builds
/// this; the UI knows nothing of how the command line was parsed.
pub struct Launch {
    /// The open database, defaults seeded.
    pub database: Database,
    /// Who acts and when; `ctx.clock_fixed` (`--now`) stops the clock.
    pub ctx: Ctx,
    pub config: Config,
    /// The settings file's `[keymap]` and `[theme]`, which the UI reads itself.
    pub deferred: Deferred,
    /// What was wrong with the core settings, shown first (the screen hides
    /// standard error, where they were reported).
    pub problems: Vec<String>,
}

/// What is wrong with the settings file's `[keymap]` and `[theme]`, for
/// `config check`, which reports every problem of the file.
pub fn settings_warnings(deferred: &Deferred) -> Vec<String> {
    TuiSettings::load(deferred).warnings().cloned().collect()
}

/// Opens the full-screen UI on the database of `launch` until the user quits.
pub fn run(launch: Launch) -> Result<(), Error> {
    heap::share_one_arena();
    let Launch {
        database: store,
        ctx,
        config,
        deferred,
        problems: config_problems,
    } = launch;
    let clock_fixed = ctx.clock_fixed;
    let settings = TuiSettings::load(&deferred);
    let session = Session {
        database: home_relative(store.path()),
        agent: ctx.agent.clone(),
        timezone: ctx.settings.display_zone,
        clock_fixed,
        masked: ctx.settings.masked,
    };
    let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        settings.theme.without_color()
    } else {
        settings.theme
    };
    let mut model = Model::new(i18n::get(), settings.keymap, theme, session, ctx.now);
    model.bell = config.sla.bell;
    model.mail.downloads = crate::service::mail::attachment_file::download_folder();
    model.mail.fetch_every_minutes = config.mail.fetch_every_minutes;
    // The settings' problems first: they change how the program behaves.
    model.warnings.splice(0..0, config_problems);
    if let Some(first) = model.warnings.first() {
        model.warn(fill(model.strings.msg_config_problems, &[("problem", first)]));
    }
    let mut driver = Driver::new(store, ctx, config, clock_fixed);
    // The reader and the writer get connections of their own, opened as
    // the driver's was: to the same file, or to the same server as the same
    // login (a dropped one is opened again, see store/pg_engine.rs).
    let mut worker = Worker::on(driver.store.open_again(), driver.ctx.clone(), clock_fixed);
    // Without a connection of their own (it could not be opened) writes
    // run inline as before.
    let mut writer = driver.store.open_again().ok().map(|store| {
        let probe = driver.store.file().map(lock::LockProbe::new);
        let own = Driver::new(store, driver.ctx.clone(), driver.config.clone(), clock_fixed);
        Writer::spawn(own, probe)
    });
    terminal::install_panic_hook();
    let io = |source| {
        Error::Storage(StoreError::Io {
            path: "the terminal".into(),
            source,
        })
    };
    let (mut term, guard) = terminal::enter().map_err(io)?;
    let size = term.size().map_err(io)?;
    let mut back = Background {
        worker: &mut worker,
        writer: writer.as_mut(),
    };
    for msg in [Msg::Resize(size.width, size.height), Msg::ExternalChange] {
        step(&mut model, &mut driver, &mut back, &mut term, msg);
    }
    let mut next_tick = Instant::now() + TICK;
    while !model.quit {
        let mut results = back.worker.results();
        if let Some(writer) = back.writer.as_deref_mut() {
            results.extend(writer.results());
        }
        let reloaded = !results.is_empty();
        for msg in results {
            step(&mut model, &mut driver, &mut back, &mut term, msg);
        }
        if reloaded {
            heap::give_back_freed();
        }
        let reading = back.worker.busy();
        if reading != model.reading {
            step(&mut model, &mut driver, &mut back, &mut term, Msg::Reading(reading));
        }
        let writing = back.writer.as_deref_mut().map(Writer::status).unwrap_or_default();
        if writing != model.saves.writing {
            step(&mut model, &mut driver, &mut back, &mut term, Msg::Writing(writing));
        }
        if model.dirty {
            term.draw(|frame| crate::ui::render(&model, frame)).map_err(io)?;
            model.dirty = false;
        }
        // Work under way goes on whenever no key is waiting; background
        // reads are looked for often so their results show promptly.
        let until_tick = next_tick.saturating_duration_since(Instant::now());
        let timeout = if model.busy() {
            Duration::ZERO
        } else if back.busy() {
            until_tick.min(RESULTS_POLL)
        } else {
            until_tick
        };
        let msg = if event::poll(timeout).map_err(io)? {
            match events::convert(event::read().map_err(io)?) {
                Some(msg) => msg,
                None => continue,
            }
        } else if model.busy() && Instant::now() < next_tick {
            Msg::Continue
        } else if Instant::now() < next_tick {
            // Woken early to collect background results.
            continue;
        } else {
            next_tick = Instant::now() + TICK;
            // The writer's connection tells other agents' writes from ours.
            match back.writer.as_deref_mut() {
                Some(writer) => writer.check(),
                None => {
                    if driver.external_change() {
                        step(&mut model, &mut driver, &mut back, &mut term, Msg::ExternalChange);
                    }
                }
            }
            Msg::Tick(chrono::Utc::now())
        };
        step(&mut model, &mut driver, &mut back, &mut term, msg);
    }
    if let Some(writer) = writer.filter(Writer::saving) {
        // The screen goes now; the saves sent still land, and the shell
        // says why it waits. A save that fails now cannot come back on a
        // form: its text goes to the terminal instead of being lost.
        drop(term);
        drop(guard);
        eprintln!("{}", model.strings.background.finishing);
        let opened_before = model.screens.form().is_some();
        for msg in writer.finish() {
            // Only the model's record of the forms matters now: no effects.
            let _ = crate::app::update(&mut model, msg);
        }
        let unsaved: Vec<String> = crate::app::saves::unsaved(&model)
            .skip(usize::from(opened_before))
            .map(|form| not_saved(&model, form))
            .collect();
        for text in &unsaved {
            eprint!("{text}");
        }
        // Printed is not saved: the exit code says the run failed.
        if !unsaved.is_empty() {
            return Err(Error::NotSaved(unsaved.len()));
        }
    }
    Ok(())
}

/// A form whose save failed after the screen was gone: its title, why, and
/// every field typed, as plain lines.
fn not_saved(model: &Model, form: &crate::app::forms::Form) -> String {
    use crate::domain::text::sanitize_line;
    let s = model.strings;
    let why = form
        .message
        .clone()
        .or_else(|| form.fields.iter().find_map(|f| f.error.as_ref().map(|e| e.describe(s))));
    let mut out = fill(
        s.background.not_saved,
        &[("form", &form.title), ("reason", why.as_deref().unwrap_or(""))],
    );

    out = sanitize_line(&out).into_owned();
    out.push('\n');
    for field in form.fields.iter().filter(|f| !f.value().trim().is_empty()) {
        // Long text keeps its lines, each one made safe for the terminal.
        let value: Vec<String> = field.value().lines().map(|l| sanitize_line(l).into_owned()).collect();
        out.push_str(&format!("  {}: {}\n", s.field(field.key), value.join("\n    ")));
    }
    out
}

/// The threads beside the event loop: slow reads and writes.
struct Background<'a> {
    worker: &'a mut Worker,
    writer: Option<&'a mut Writer>,
}

impl Background<'_> {
    fn busy(&self) -> bool {
        self.worker.busy() || self.writer.as_deref().is_some_and(Writer::busy)
    }
}

/// Feeds one message to the model, running its effects: slow reads on the
/// worker, writes on the writer, the rest inline.
fn step(model: &mut Model, driver: &mut Driver, back: &mut Background, term: &mut terminal::Term, msg: Msg) {
    pump_via(model, driver, msg, &mut |e| terminal_effect(term, e), &mut |e| {
        let e = back.worker.offload(e)?;
        match back.writer.as_deref_mut() {
            Some(writer) => writer.offload(e),
            None => Some(e),
        }
    });
}

/// `~/…` for a path in the home directory: shorter, and the same for every
/// agent on a shared host.
fn home_relative(path: &std::path::Path) -> String {
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match home.and_then(|h| path.strip_prefix(h).ok().map(|rest| rest.to_path_buf())) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

fn terminal_effect(term: &mut terminal::Term, effect: Effect) -> Vec<Msg> {
    match effect {
        Effect::Suspend => match terminal::suspend(term) {
            Ok(()) => vec![Msg::Redraw],
            Err(e) => vec![Msg::LoadFailed(e.to_string())],
        },
        Effect::OpenEditor(text) => match terminal::suspended(term, || editor::edit(&text)) {
            Ok(result) => vec![Msg::EditorDone(result), Msg::Redraw],
            Err(e) => vec![Msg::EditorDone(Err(e.to_string()))],
        },
        Effect::Bell => {
            use std::io::Write;
            // A bell that cannot be written is not worth stopping for.
            let mut out = std::io::stdout();
            let _ = out.write_all(b"\x07").and_then(|()| out.flush());
            Vec::new()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_failed_after_quitting_leaves_its_text_on_the_terminal() {
        let model = crate::app::update::tests::model_with_clock(true);
        let mut form = crate::app::forms::customer::new_customer(model.strings);
        form.fields[0].input.set("赵六\u{1b}[2J");
        form.message = Some("the database stayed busy".into());
        let text = not_saved(&model, &form);
        assert_eq!(
            text,
            "frontdesk: not saved: New customer: the database stayed busy\n  Name: 赵六\n  Kind: person\n"
        );
    }
}
