//! The command line of ../shared/CLI.md: clap derive, one module per command
//! group, each thin: parse → service → print.

mod admin;
mod args;
mod care;
mod crm;
mod customer;
mod data_out;
mod export_csv;
mod kb;
mod order;
mod output;
mod reminder;
mod report;
mod report_text;
mod report_weekly;
mod sla;
mod survey;
mod ticket;
mod timeline;
mod transfer;

pub use args::{Cli, Command};

use crate::config::{self, Config};
use crate::domain::time::parse_instant;
use crate::service::{Ctx, Error, Settings};
use crate::store::Store;
use std::path::PathBuf;

/// Everything a command needs: the open database, who acts and when, and how to print.
pub struct Env {
    pub store: Store,
    pub ctx: Ctx,
    pub json: bool,
    pub config: Config,
}

/// Runs one command and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    match dispatch(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("frontdesk: {}", crate::domain::text::sanitize_line(&e.to_string()));
            e.exit_code()
        }
    }
}

fn dispatch(cli: Cli) -> Result<(), Error> {
    let Some(command) = cli.command.clone() else {
        let env = open(&cli)?;
        output::set_masked(env.ctx.settings.masked);
        return crate::tui::run(env, cli.now.is_some());
    };
    // doctor writes nothing (no defaults, no daily backup), so it can still
    // examine a damaged file.
    let mut env = if matches!(command, Command::Doctor) {
        open_unchanged(&cli)?
    } else {
        open(&cli)?
    };
    output::set_masked(env.ctx.settings.masked);
    match command {
        Command::Init => admin::init(&mut env),
        Command::Demo(args) => admin::demo(&mut env, &args),
        Command::Customer(cmd) => customer::run(&mut env, *cmd),
        Command::Ticket(cmd) => ticket::run(&mut env, cmd),
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
    }
}

/// Opens the database and builds the context from the global options;
/// seeds the default policies of a new file and takes the daily backup.
pub fn open(cli: &Cli) -> Result<Env, Error> {
    let mut env = open_unchanged(cli)?;
    crate::service::setup::ensure_defaults(&mut env.store, &env.ctx, &env.config)?;
    daily_backup(&env.store, &env.ctx, &env.config);
    Ok(env)
}

/// Opens the database (creating or migrating it) and builds the context.
fn open_unchanged(cli: &Cli) -> Result<Env, Error> {
    let loaded = Config::load(&cli.config_path());
    for warning in &loaded.warnings {
        eprintln!("frontdesk: {}", crate::domain::text::sanitize_line(warning));
    }
    let config = loaded.config;
    let now = match &cli.now {
        Some(t) => parse_instant("now", t)?,
        None => chrono::Utc::now(),
    };
    let options = config.store_options();
    // Validated before the file is opened: invalid input creates nothing.
    let agent = crate::domain::validate::required("agent", &cli.agent_name(), 64)?;
    let store = Store::open(&cli.db_path(), &options)?;
    let mut ctx = Ctx::new(agent, now);
    ctx.settings = Settings::from_config(&config);
    ctx.settings.masked |= cli.masked;
    Ok(Env {
        store,
        ctx,
        json: cli.json,
        config,
    })
}

/// The first command of a day writes the daily backup when `[backup] dir`
/// is set. A failed backup is reported but never stops the command.
fn daily_backup(store: &Store, ctx: &Ctx, config: &Config) {
    let dir = &config.backup.dir;
    if dir.as_os_str().is_empty() {
        return;
    }
    if let Err(e) = crate::service::backup::daily(store, ctx, dir, config.backup.keep) {
        let warning = format!("daily backup into {} failed: {e}", dir.display());
        eprintln!("frontdesk: {}", crate::domain::text::sanitize_line(&warning));
    }
}

impl Cli {
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(config::default_db_path)
    }

    pub fn config_path(&self) -> PathBuf {
        self.config.clone().unwrap_or_else(config::default_config_path)
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
