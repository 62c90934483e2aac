//! The command line of ../shared/CLI.md: clap derive, one module per command
//! group, each thin: parse → service → print.

mod admin;
mod args;
mod crm;
mod customer;
mod kb;
mod order;
mod output;
mod reminder;
mod sla;
mod ticket;
mod timeline;
mod transfer;

pub use args::{Cli, Command};

use crate::config::{self, Config};
use crate::domain::time::parse_instant;
use crate::service::{Ctx, Error, Settings};
use crate::store::{OpenOptions, Store};
use std::path::PathBuf;
use std::time::Duration;

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
    let mut env = open(&cli)?;
    let Some(command) = cli.command.clone() else {
        return crate::tui::run(env, cli.now.is_some());
    };
    match command {
        Command::Init => admin::init(&mut env),
        Command::Demo(args) => admin::demo(&mut env, &args),
        Command::Customer(cmd) => customer::run(&mut env, cmd),
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
    }
}

/// Opens the database and builds the context from the global options.
pub fn open(cli: &Cli) -> Result<Env, Error> {
    let loaded = Config::load(&cli.config_path());
    for warning in &loaded.warnings {
        eprintln!("frontdesk: {}", crate::domain::text::sanitize_line(warning));
    }
    let config = loaded.config;
    let now = match &cli.now {
        Some(t) => parse_instant("now", t)?,
        None => chrono::Utc::now(),
    };
    let options = OpenOptions {
        journal: config.database.journal_mode,
        busy_timeout: Duration::from_millis(config.database.busy_timeout_ms),
    };
    // Validated before the file is opened: invalid input creates nothing.
    let agent = crate::domain::validate::required("agent", &cli.agent_name(), 64)?;
    let store = Store::open(&cli.db_path(), &options)?;
    let mut ctx = Ctx::new(agent, now);
    ctx.settings = Settings::from_config(&config);
    let mut store = store;
    crate::service::setup::ensure_defaults(&mut store, &ctx, &config)?;
    Ok(Env {
        store,
        ctx,
        json: cli.json,
        config,
    })
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
