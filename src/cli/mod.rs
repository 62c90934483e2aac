//! The command line of ../shared/CLI.md: clap derive, one module per command
//! group, each thin: parse → service → print.

/// `println!` for standard output that never panics: a failed write (a full
/// disk, a closed terminal) is remembered, later output is skipped, and the
/// command exits 1 saying so (see [`output::write_out`]).
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` by the rule of [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write_out(format_args!($($arg)*))
    };
}

/// `eprintln!` that never panics: when standard error cannot be written
/// either (a full disk), the message is lost but the exit code still tells.
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod admin;
mod args;
mod care;
mod config;
mod copy;
mod crm;
mod customer;
mod data_out;
mod editor;
mod examples;
mod export_csv;
mod interaction;
mod kb;
mod macros;
mod mail_in;
mod mail_out;
mod order;
mod output;
mod parse;
mod pg;
mod progress;
mod reminder;
mod report;
mod report_text;
mod report_weekly;
mod search;
mod server_doctor;
mod shell;
mod sla;
mod sla_args;
mod survey;
mod ticket;
mod ticket_find;
mod timeline;
mod transfer;
mod usage;
mod values;
mod views;

pub use args::{Cli, Command};
pub use parse::{LIMIT_MAX, parse};
use pg::open_postgres;
pub use pg::reach_postgres;

use crate::config::Config;
use crate::domain::time::parse_instant;
use crate::i18n::fill;
use crate::service::database::Location;
use crate::service::{Ctx, Database, Error, Settings};
use std::path::PathBuf;

/// Everything a command needs: the open database, who acts and when, and how to print.
pub struct Env {
    pub store: Database,
    pub ctx: Ctx,
    pub json: bool,
    pub config: Config,
    /// What was wrong with the settings file, as reported on standard error
    /// (the TUI shows them too: its screen hides standard error).
    pub config_problems: Vec<String>,
    /// The settings file's `[keymap]` and `[theme]`, for the TUI to read.
    pub tui_tables: crate::config::Deferred,
}

impl Env {
    /// What the terminal UI starts from: the UI takes its own launch
    /// settings, never the CLI's types.
    fn launch(self) -> crate::tui::Launch {
        crate::tui::Launch {
            database: self.store,
            ctx: self.ctx,
            config: self.config,
            deferred: self.tui_tables,
            problems: self.config_problems,
        }
    }
}

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    let db = cli.db_path();
    match dispatch(cli).and_then(|()| output::finish()) {
        Ok(()) => 0,
        Err(e) => {
            // SQLite's errors in the middle of a command do not name the
            // file; named, a failed write on a full disk says so.
            let e = match e {
                Error::Storage(e) => Error::Storage(e.at(&db)),
                e => e,
            };
            // Kept to its lines: an import's bad rows are one to a line.
            // Values inside come quoted escaped, so no line break is data's.
            let told = crate::i18n::describe(&e, crate::i18n::get());
            errln!("frontdesk: {}", crate::domain::text::sanitize_block(&told));
            e.exit_code()
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Error> {
    // Settings are examined without a database: none is opened or created.
    if let Some(Command::Config(cmd)) = &cli.command {
        return config::run(&cli, cmd);
    }
    // Two databases named by the command itself, not by --db.
    if let Some(Command::Copy(args)) = &cli.command {
        return copy::run(&cli, args);
    }
    // A server's backup is a copy into a new file (the one other command
    // that opens a PostgreSQL store for now).
    if let Some(Command::Backup(args)) = &cli.command
        && let Some(done) = copy::backup_of_server(&cli, args)?
    {
        return Ok(done);
    }
    if let Some(Command::Doctor) = &cli.command
        && let Some(done) = server_doctor::doctor_of_server(&cli)?
    {
        return Ok(done);
    }
    // Generated from the command definitions alone: no database either.
    match &cli.command {
        Some(Command::Completions(args)) => return shell::completions(args),
        Some(Command::Man(args)) => return shell::man(args),
        _ => {}
    }
    let Some(command) = cli.command.clone() else {
        // Checked before the file is opened: the TUI's first start creates
        // the database, and a script or cron job that left out the command
        // must not leave one behind.
        need_terminal()?;
        let env = open(&cli, Access::Create)?;
        output::set_masked(env.ctx.settings.masked);
        output::set_zone(env.ctx.settings.display_zone);
        return crate::tui::run(env.launch());
    };
    // Checked before the file is opened: `demo` creates it, and invalid
    // input creates nothing.
    if let Command::Demo(args) = &command {
        admin::demo_sizes(args).check()?;
    }
    let mut env = match Access::of(&command) {
        // doctor writes nothing (no defaults, no daily backup, no migration),
        // so it can examine a damaged file.
        Access::Examine => open_unchanged(&cli, Access::Examine)?,
        access => open(&cli, access)?,
    };
    output::set_masked(env.ctx.settings.masked);
    output::set_zone(env.ctx.settings.display_zone);
    match command {
        Command::Init => admin::init(&mut env),
        Command::Demo(args) => admin::demo(&mut env, &args),
        Command::Customer(cmd) => customer::run(&mut env, *cmd),
        Command::Ticket(cmd) => ticket::run(&mut env, cmd),
        Command::Interaction(cmd) => interaction::run(&mut env, cmd),
        Command::Log(args) => timeline::log(&mut env, &args),
        Command::Timeline(args) => timeline::timeline(&mut env, &args),
        Command::Sla(cmd) => sla::run(&mut env, cmd),
        Command::Routing(cmd) => sla::routing(&mut env, cmd),
        Command::Order(cmd) => order::run(&mut env, cmd),
        Command::Reminder(cmd) => reminder::run(&mut env, cmd),
        Command::Import(args) => transfer::import(&mut env, &args),
        Command::Export(args) => transfer::export(&mut env, &args),
        Command::Kb(cmd) => kb::run(&mut env, cmd),
        Command::Backup(args) => care::backup(&mut env, &args),
        Command::Doctor => care::doctor(&mut env),
        Command::Agent(cmd) => care::agent(&mut env, cmd),
        Command::Survey(cmd) => survey::run(&mut env, cmd),
        Command::Report(args) => report::run(&mut env, &args),
        // Answered above, before the database was opened.
        Command::Config(cmd) => config::run(&cli, &cmd),
        Command::Copy(args) => copy::run(&cli, &args),
        Command::Completions(args) => shell::completions(&args),
        Command::Man(args) => shell::man(&args),
        Command::Macro(cmd) => macros::run(&mut env, cmd),
        Command::View(cmd) => views::run(&mut env, cmd),
        Command::Mail(cmd) => mail_in::run(&mut env, cmd),
    }
}

/// Makes the language of `[ui] language` the one this process speaks.
pub(crate) fn speak_as(config: &Config) {
    let lang = crate::i18n::Lang::choose(config.ui.language, |name| std::env::var(name).ok());
    crate::i18n::set_language(lang);
}

/// The terminal UI draws on standard output and reads keys from standard
/// input or, failing that, the controlling terminal.
fn need_terminal() -> Result<(), Error> {
    use std::io::IsTerminal;
    let missing = if !std::io::stdout().is_terminal() {
        "standard output"
    } else if !std::io::stdin().is_terminal() && std::fs::File::open("/dev/tty").is_err() {
        "standard input"
    } else {
        return Ok(());
    };
    Err(crate::domain::error::Invalid::new("terminal", missing, crate::domain::error::Reason::NotATerminal).into())
}

/// How a command opens the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Create it when missing: only `init`, `demo` and the TUI's first start.
    Create,
    /// It must exist: a typo in `--db` exits 4 and creates nothing.
    Existing,
    /// Read-only and as it is (`doctor`).
    Examine,
}

impl Access {
    fn of(command: &Command) -> Access {
        match command {
            Command::Init | Command::Demo(_) => Access::Create,
            Command::Doctor => Access::Examine,
            _ => Access::Existing,
        }
    }
}

/// Opens the database and builds the context from the global options;
/// seeds the default policies of a new file and takes the daily backup.
fn open(cli: &Cli, access: Access) -> Result<Env, Error> {
    let mut env = open_unchanged(cli, access)?;
    crate::service::setup::ensure_defaults(&mut env.store, &env.ctx, &env.config)?;
    // Backups live on the real calendar: a "what if" run (`--now`) neither
    // writes nor deletes one.
    if cli.now.is_none() {
        daily_backup(&mut env.store, chrono::Utc::now().date_naive(), &env.config);
    }
    Ok(env)
}

/// Opens the database as `access` says (creating or migrating it, or
/// read-only) and builds the context.
fn open_unchanged(cli: &Cli, access: Access) -> Result<Env, Error> {
    let config_path = cli.config_path();
    // A FIFO or a device as the settings file is the caller's mistake (exit 2),
    // not a file to fall back from.
    crate::config::input::check(&config_path, crate::config::input::InputKind::Config)?;
    let loaded = Config::load(&config_path);
    speak_as(&loaded.config);
    // A problem may quote the file: a short excerpt of it at most.
    let words = crate::i18n::get().settings;
    let config_problems: Vec<String> = loaded
        .problems
        .iter()
        .map(|p| crate::domain::excerpt::excerpt(&words.problem(p), crate::domain::excerpt::MESSAGE_CHARS))
        .collect();
    for problem in &config_problems {
        errln!("frontdesk: {problem}");
    }
    cli.warn_if_config_missing();
    let (config, tui_tables) = (loaded.config, loaded.deferred);
    let now = match &cli.now {
        Some(t) => parse_instant("now", t)?,
        None => chrono::Utc::now(),
    };
    let options = crate::service::database::open_options(&config.database);
    // Validated before the file is opened: invalid input creates nothing.
    let agent = crate::domain::validate::required("agent", &cli.agent_name(), 64)?;
    let mut store = match cli.location(&config)? {
        // On a server `init` and the first start migrate an empty database
        // as they create a file; `doctor` has its own path (server_doctor).
        Location::Postgres(target) => open_postgres(&target, &config.database)?,
        Location::File(path) => match access {
            Access::Create => Database::create(&path, &options)?,
            Access::Existing => Database::open(&path, &options)?,
            Access::Examine => Database::examine(&path, &options)?,
        },
    };
    let agent = agent_on(&mut store, cli, agent)?;
    let mut ctx = Ctx::with_settings(agent, now, Settings::from_config(&config));
    ctx.settings.masked |= cli.masked;
    ctx.clock_fixed = cli.now.is_some();
    Ok(Env {
        store,
        ctx,
        json: cli.json,
        config,
        config_problems,
        tui_tables,
    })
}

/// The agent who acts. On a server it is the login, as the server's role
/// checks see it: `--agent` may name somebody else only for the database's
/// admin (its owner or a superuser — a script acting for the team); any
/// other login naming another agent is refused before anything is written.
fn agent_on(store: &mut Database, cli: &Cli, agent: String) -> Result<String, Error> {
    let Some((login, admin)) = store.server_login()? else {
        return Ok(agent);
    };
    match cli.agent {
        Some(_) if admin => Ok(agent),
        Some(_) if agent != login => Err(crate::service::database::StoreError::AgentNotLogin { login, agent }.into()),
        _ => Ok(login),
    }
}

/// The first command of a (real, UTC) day writes the daily backup when
/// `[backup] dir` is set. A failed backup is reported but never stops the
/// command; so are future-dated backups, which rotation leaves alone.
fn daily_backup(store: &mut Database, today: chrono::NaiveDate, config: &Config) {
    let dir = &config.backup.dir;
    if dir.as_os_str().is_empty() {
        return;
    }
    let words = crate::i18n::get().cli_admin;
    let warning = match crate::service::backup::daily(store, today, dir, config.backup.keep) {
        Err(e) => {
            let (dir, error) = (dir.display().to_string(), crate::i18n::told(&e));
            fill(words.daily_backup_failed, &[("dir", &dir), ("error", &error)])
        }
        Ok(done) if !done.future.is_empty() => {
            let names: Vec<String> = done.future.iter().map(|p| p.display().to_string()).collect();
            fill(words.daily_backup_future, &[("files", &names.join(", "))])
        }
        Ok(_) => return,
    };
    errln!("frontdesk: {}", crate::domain::text::sanitize_line(&warning));
}

impl Cli {
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(crate::config::default_db_path)
    }

    /// Where the database is: `--db` (or FRONTDESK_DB), then `[database]
    /// url`, then the default file.
    pub fn location(&self, config: &Config) -> Result<Location, Error> {
        if let Some(db) = &self.db {
            return Ok(Location::parse(db.as_os_str())?);
        }
        let url = config.database.url.trim();
        if url.is_empty() {
            return Ok(Location::File(crate::config::default_db_path()));
        }
        match Location::parse_field("database.url", std::ffi::OsStr::new(url))? {
            Location::File(_) => {
                let reason = crate::domain::error::Reason::PgUrl(crate::domain::error::PgUrlProblem::Scheme);
                Err(crate::domain::error::Invalid::new("database.url", url, reason).into())
            }
            postgres => Ok(postgres),
        }
    }

    pub fn config_path(&self) -> PathBuf {
        self.config.clone().unwrap_or_else(crate::config::default_config_path)
    }

    /// A settings file named explicitly (`--config`, `FRONTDESK_CONFIG`)
    /// that does not exist is most likely a typo whose settings the user
    /// expects in force: say so on standard error. Only a warning, since
    /// scripts pass a path that may not exist yet; and never for the default
    /// location, which most users never create.
    pub fn warn_if_config_missing(&self) {
        let Some(path) = &self.config else { return };
        if matches!(path.try_exists(), Ok(false)) {
            let shown = crate::domain::text::sanitize_line(&path.display().to_string()).into_owned();
            let warning = crate::i18n::get().settings.no_config_file;
            errln!("frontdesk: {}", fill(warning, &[("path", &shown)]));
        }
    }

    /// `--agent`, else the login name.
    pub fn agent_name(&self) -> String {
        self.agent
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(|| "agent".to_string())
    }
}
