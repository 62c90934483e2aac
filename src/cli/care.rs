//! `backup`, `doctor` and `agent add|list`: data care and roles.

use super::Env;
use super::output::{Table, field, print_json, short_time};
use crate::domain::text::sanitize_line;
use crate::service::database::{HeaderCheck, StoreError};
use crate::service::doctor::DoctorReport;
use crate::service::{Error, backup, doctor, roles};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// The backup file: a new one, or an older frontdesk backup of yours (replaced
    /// atomically); any other file, a folder, link, FIFO or device is refused
    pub dest: PathBuf,
}

#[derive(Debug, Clone, Subcommand)]
pub enum AgentCommand {
    /// Add an agent, or change an agent's role or department (needs admin;
    /// the first agent added to an empty table becomes admin)
    Add {
        /// The agent's name, as given to --agent
        name: String,
        /// What the agent may do
        #[arg(long, default_value = "agent", value_parser = super::values::one_of::<crate::domain::enums::Role>())]
        role: String,
        /// The agent's department
        #[arg(long)]
        department: Option<String>,
    },
    /// List agents and their roles
    List,
}

pub fn backup(env: &mut Env, a: &BackupArgs) -> Result<(), Error> {
    let info = backup::backup(&env.store, &a.dest)?;
    if env.json {
        print_json(&info);
    } else {
        outln!(
            "{} ({} pages, {} bytes, {} ms)",
            sanitize_line(&info.path),
            info.pages,
            info.bytes,
            info.millis
        );
    }
    Ok(())
}

/// Prints the report; any problem makes the command fail (exit 1).
pub fn doctor(env: &mut Env) -> Result<(), Error> {
    let report = doctor::doctor(&mut env.store, env.config.database.journal_mode.into())?;
    if env.json {
        print_json(&report);
    } else {
        print_doctor(&report);
    }
    if report.ok {
        Ok(())
    } else {
        Err(StoreError::Unhealthy {
            path: report.path.clone(),
            problems: report.problems.len(),
        }
        .into())
    }
}

/// What doctor shows for a fact SQLite could not read from a damaged file
/// (the problems below say why).
const UNREADABLE: &str = "could not be read";

fn print_doctor(r: &DoctorReport) {
    let verdict = |ok: bool| if ok { "ok" } else { "PROBLEM" };
    field("Database", &r.path);
    let header = match &r.header {
        HeaderCheck::Empty => "ok (empty file)",
        HeaderCheck::Sound => "ok",
        HeaderCheck::NotSqlite => "PROBLEM (not an SQLite file)",
        HeaderCheck::Damaged { .. } => "PROBLEM (damaged)",
        HeaderCheck::Truncated { .. } => "PROBLEM (file shorter than its header says)",
    };
    field("Header", header);
    field("Integrity", verdict(r.integrity == ["ok"]));
    match &r.foreign_key_problems {
        Some(list) => field("Foreign keys", verdict(list.is_empty())),
        None => field("Foreign keys", "PROBLEM (could not run)"),
    }
    let schema = match r.schema_version {
        Some(v) if v == r.latest_schema_version => format!("version {v} (current)"),
        Some(v) => format!("version {v} (expected {})", r.latest_schema_version),
        None => format!("{UNREADABLE} (expected version {})", r.latest_schema_version),
    };
    field("Schema", &schema);
    field("Application", r.application_id.as_deref().unwrap_or(UNREADABLE));
    field("Journal mode", r.journal_mode.as_deref().unwrap_or(UNREADABLE));
    let pages = match (r.page_count, r.page_size, r.freelist_count) {
        (Some(count), Some(size), Some(free)) => format!(" ({count} pages of {size}, {free} free)"),
        _ => String::new(),
    };
    field(
        "Size",
        &format!("{} bytes{pages}; WAL {} bytes", r.file_bytes, r.wal_bytes),
    );
    let counts: Vec<String> = r.counts.iter().map(|(table, n)| format!("{table} {n}")).collect();
    let rows = if counts.is_empty() {
        "none found".to_string()
    } else {
        counts.join(", ")
    };
    field("Rows", &rows);
    for warning in &r.warnings {
        outln!("warning: {}", sanitize_line(warning));
    }
    for problem in &r.problems {
        outln!("problem: {}", sanitize_line(problem));
    }
    outln!(
        "{}",
        if r.ok {
            "no problems found".to_string()
        } else {
            format!("{} problem(s) found", r.problems.len())
        }
    );
}

pub fn agent(env: &mut Env, cmd: AgentCommand) -> Result<(), Error> {
    match cmd {
        AgentCommand::Add { name, role, department } => {
            let added = roles::add_agent(&mut env.store, &env.ctx, &name, &role, department.as_deref())?;
            if env.json {
                print_json(&added);
                return Ok(());
            }
            let a = &added.agent;
            let what = if added.created { "added" } else { "updated" };
            outln!("{} {what} as {}", sanitize_line(&a.name), a.role.key());
            if added.first {
                outln!("(the first agent is always an admin; from now on roles apply to everyone)");
            }
        }
        AgentCommand::List => {
            let list = roles::list(&mut env.store)?;
            if env.json {
                print_json(&list);
                return Ok(());
            }
            if list.is_empty() {
                outln!("no agents yet: everyone acts as admin until the first `agent add`");
                return Ok(());
            }
            let mut table = Table::new(&[("NAME", 20), ("ROLE", 10), ("DEPARTMENT", 16), ("SINCE", 16)]);
            for a in &list {
                table.row(vec![
                    a.name.clone(),
                    a.role.key().into(),
                    a.department.clone().unwrap_or_default(),
                    short_time(Some(a.created_at)),
                ]);
            }
            table.print();
        }
    }
    Ok(())
}
