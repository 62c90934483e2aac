//! `backup`, `doctor` and `agent add|list`: data care and roles.

use super::Env;
use super::output::{TIME_COLS, Table, print_json, short_time};
use crate::domain::text::{fit, sanitize_line};
use crate::i18n::catalog::cli_admin::CliAdminStrings;
use crate::service::database::{HeaderCheck, StoreError};
use crate::service::doctor::{DoctorReport, Finding};
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
#[command(defer = true)]
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
    print_backup(&info, env.json);
    Ok(())
}

/// What a backup wrote, as text or JSON.
pub fn print_backup(info: &crate::service::copy::BackupInfo, json: bool) {
    if json {
        print_json(&info);
    } else {
        let words = crate::i18n::get().cli_admin;
        let (pages, bytes, millis) = (info.pages.to_string(), info.bytes.to_string(), info.millis.to_string());
        let path = sanitize_line(&info.path);
        let args = [
            ("path", &*path),
            ("pages", &pages),
            ("bytes", &bytes),
            ("millis", &millis),
        ];
        outln!("{}", crate::i18n::fill(words.backup_done, &args));
    }
}

/// Prints the report; any problem makes the command fail (exit 1).
pub fn doctor(env: &mut Env) -> Result<(), Error> {
    let report = doctor::doctor(&mut env.store, env.config.database.journal_mode.into())?;
    if env.json {
        print_json(&report);
    } else {
        print_doctor(&report, crate::i18n::get().cli_admin);
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

/// A labelled line of doctor's report, the values in one column (by
/// display width: a Chinese label takes two columns a character).
pub(super) fn field(w: &CliAdminStrings, label: &str, value: &str) {
    let label = crate::i18n::fill(w.field, &[("label", label)]);
    outln!("{} {}", fit(&label, 14), sanitize_line(value));
}

/// A finding in words.
pub fn finding(w: &CliAdminStrings, f: &Finding) -> String {
    let fill = crate::i18n::fill;
    match f {
        Finding::NotSqlite => w.finding_not_sqlite.into(),
        Finding::HeaderDamaged { why } => fill(w.finding_header_damaged, &[("why", why)]),
        Finding::Truncated { bytes, expected } => {
            let (bytes, expected) = (bytes.to_string(), expected.to_string());
            fill(w.finding_truncated, &[("bytes", &bytes), ("expected", &expected)])
        }
        Finding::Unreadable { error } => fill(w.finding_unreadable, &[("error", error)]),
        Finding::Sqlite { error } => error.clone(),
        Finding::Integrity { line } => fill(w.finding_integrity, &[("line", line)]),
        Finding::ForeignKey { table, rowid, parent } => {
            let row = rowid.map_or_else(
                || w.finding_some_row.to_string(),
                |id| fill(w.finding_row, &[("id", &id.to_string())]),
            );
            fill(
                w.finding_foreign_key,
                &[("row", &row), ("table", table), ("parent", parent)],
            )
        }
        Finding::ApplicationId { found } => {
            let (found, ours) = (format!("{found:#x}"), format!("{:#x}", doctor::APPLICATION_ID));
            fill(w.finding_application_id, &[("found", &found), ("ours", &ours)])
        }
        Finding::SchemaVersion { found, expected } => {
            let (found, expected) = (found.to_string(), expected.to_string());
            fill(w.finding_schema, &[("found", &found), ("expected", &expected)])
        }
        Finding::JournalMode { found, wanted } => fill(w.finding_journal, &[("found", found), ("wanted", wanted)]),
        Finding::LoosePermissions { file, mode } => {
            fill(w.finding_permissions, &[("file", file), ("mode", &format!("{mode:o}"))])
        }
    }
}

fn print_doctor(r: &DoctorReport, w: &CliAdminStrings) {
    let fill = crate::i18n::fill;
    let verdict = |ok: bool| if ok { w.ok } else { w.problem };
    let with_reason = |verdict: &str, why: &str| fill(w.with_reason, &[("verdict", verdict), ("why", why)]);
    field(w, w.doctor_database, &r.path);
    let header = match &r.header {
        HeaderCheck::Empty => with_reason(w.ok, w.header_empty),
        HeaderCheck::Sound => w.ok.into(),
        HeaderCheck::NotSqlite => with_reason(w.problem, w.header_not_sqlite),
        HeaderCheck::Damaged { .. } => with_reason(w.problem, w.header_damaged),
        HeaderCheck::Truncated { .. } => with_reason(w.problem, w.header_truncated),
    };
    field(w, w.doctor_header, &header);
    field(w, w.doctor_integrity, verdict(r.integrity == ["ok"]));
    match &r.foreign_key_problems {
        Some(list) => field(w, w.doctor_foreign_keys, verdict(list.is_empty())),
        None => field(w, w.doctor_foreign_keys, &with_reason(w.problem, w.could_not_run)),
    }
    let expected = r.latest_schema_version.to_string();
    let schema = match r.schema_version {
        Some(v) if v == r.latest_schema_version => fill(w.schema_current, &[("version", &v.to_string())]),
        Some(v) => fill(w.schema_other, &[("version", &v.to_string()), ("expected", &expected)]),
        None => fill(w.schema_unreadable, &[("expected", &expected)]),
    };
    field(w, w.doctor_schema, &schema);
    field(
        w,
        w.doctor_application,
        r.application_id.as_deref().unwrap_or(w.unreadable),
    );
    field(w, w.doctor_journal, r.journal_mode.as_deref().unwrap_or(w.unreadable));
    let pages = match (r.page_count, r.page_size, r.freelist_count) {
        (Some(count), Some(size), Some(free)) => {
            let (count, size, free) = (count.to_string(), size.to_string(), free.to_string());
            fill(w.size_pages, &[("count", &count), ("size", &size), ("free", &free)])
        }
        _ => String::new(),
    };
    let (bytes, wal) = (r.file_bytes.to_string(), r.wal_bytes.to_string());
    let size = fill(w.size, &[("bytes", &bytes), ("pages", &pages), ("wal", &wal)]);
    field(w, w.doctor_size, &size);
    let counts: Vec<String> = r
        .counts
        .iter()
        .map(|(table, n)| fill(w.rows_item, &[("table", table), ("count", &n.to_string())]))
        .collect();
    let rows = if counts.is_empty() {
        w.rows_none.to_string()
    } else {
        counts.join(w.rows_gap)
    };
    field(w, w.doctor_rows, &rows);
    for warning in &r.warnings {
        let shown = sanitize_line(&finding(w, warning)).into_owned();
        outln!("{}", fill(w.warning_line, &[("finding", &shown)]));
    }
    for problem in &r.problems {
        let shown = sanitize_line(&finding(w, problem)).into_owned();
        outln!("{}", fill(w.problem_line, &[("finding", &shown)]));
    }
    if r.ok {
        outln!("{}", w.no_problems_found);
    } else {
        outln!("{}", w.problems_found.of(r.problems.len() as i64, &[]));
    }
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
            let w = crate::i18n::get().cli_admin;
            let template = if added.created { w.agent_added } else { w.agent_updated };
            let name = sanitize_line(&a.name);
            let args = [("name", &*name), ("role", w.role(a.role))];
            outln!("{}", crate::i18n::fill(template, &args));
            if added.first {
                outln!("{}", w.agent_first);
            }
        }
        AgentCommand::List => {
            let list = roles::list(&mut env.store)?;
            if env.json {
                print_json(&list);
                return Ok(());
            }
            let w = crate::i18n::get().cli_admin;
            if list.is_empty() {
                outln!("{}", w.agents_none);
                return Ok(());
            }
            let mut table = Table::new(&[
                (w.col_name, 20),
                (w.col_role, 10),
                (w.col_department, 16),
                (w.col_since, TIME_COLS),
            ]);
            for a in &list {
                table.row(vec![
                    a.name.clone(),
                    w.role(a.role).into(),
                    a.department.clone().unwrap_or_default(),
                    short_time(Some(a.created_at)),
                ]);
            }
            table.print();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// English through the catalogue is what JSON says; Chinese differs.
    #[test]
    fn every_finding_reads_as_json_says_in_english() {
        let findings = [
            Finding::NotSqlite,
            Finding::HeaderDamaged {
                why: "the page size field holds 4660".into(),
            },
            Finding::Truncated {
                bytes: 100,
                expected: 4096,
            },
            Finding::Unreadable {
                error: "file is not a database".into(),
            },
            Finding::Sqlite {
                error: "disk I/O error".into(),
            },
            Finding::Integrity {
                line: "row 3 missing from index".into(),
            },
            Finding::ForeignKey {
                table: "tickets".into(),
                rowid: Some(1),
                parent: "customers".into(),
            },
            Finding::ForeignKey {
                table: "tickets".into(),
                rowid: None,
                parent: "customers".into(),
            },
            Finding::ApplicationId { found: 0x1234 },
            Finding::SchemaVersion { found: 99, expected: 8 },
            Finding::JournalMode {
                found: "wal".into(),
                wanted: "delete".into(),
            },
            Finding::LoosePermissions {
                file: "/tmp/fd.db".into(),
                mode: 0o644,
            },
        ];
        let (en, zh) = (Lang::En.strings().cli_admin, Lang::ZhCn.strings().cli_admin);
        for f in &findings {
            assert_eq!(finding(en, f), f.to_string());
            if !matches!(f, Finding::Sqlite { .. }) {
                assert_ne!(finding(zh, f), f.to_string(), "{f:?}");
            }
        }
    }
}
