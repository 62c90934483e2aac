//! `doctor` when the database is on a PostgreSQL server: the schema
//! version, every table's rows, and every constraint validated (see
//! `store::pg_doctor` for why that is what a server can break).

use super::Cli;
use super::care::field;
use super::output::print_json;
use crate::config::Config;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::Error;
use crate::service::database::{Location, StoreError};

/// `None` for a file, whose doctor is the usual command's.
pub fn doctor_of_server(cli: &Cli) -> Result<Option<()>, Error> {
    let config = Config::load(&cli.config_path()).config;
    let Location::Postgres(target) = cli.location(&config)? else {
        return Ok(None);
    };
    super::speak_as(&config);
    let mut server = super::pg::examine_postgres(&target, &config.database)?;
    let health = crate::service::copy::server_health(&mut server)?;
    let path = target.to_string();
    if cli.json {
        print_json(&health);
    } else {
        print(&path, &health);
    }
    match health.problems() {
        0 => Ok(Some(())),
        problems => Err(StoreError::Unhealthy { path, problems }.into()),
    }
}

fn print(path: &str, health: &crate::service::copy::ServerHealth) {
    let strings = crate::i18n::get();
    let (w, c) = (strings.cli_admin, strings.copy);
    field(w, w.doctor_database, path);
    let latest = crate::service::copy::LATEST_VERSION;
    let version = health.schema_version.to_string();
    let schema = if health.schema_version == latest {
        fill(w.schema_current, &[("version", &version)])
    } else {
        fill(
            w.schema_other,
            &[("version", &version), ("expected", &latest.to_string())],
        )
    };
    field(w, w.doctor_schema, &schema);
    let verdict = if health.unvalidated.is_empty() { w.ok } else { w.problem };
    field(w, c.doctor_constraints, verdict);
    let counts: Vec<String> = health
        .counts
        .iter()
        .map(|(table, n)| fill(w.rows_item, &[("table", table), ("count", &n.to_string())]))
        .collect();
    field(w, w.doctor_rows, &counts.join(w.rows_gap));
    let problems = health
        .missing_tables
        .iter()
        .map(|table| fill(c.missing_table, &[("table", table)]))
        .chain(
            health
                .unvalidated
                .iter()
                .map(|(table, constraint)| fill(c.unvalidated, &[("table", table), ("constraint", constraint)])),
        );
    let mut any = false;
    for problem in problems {
        any = true;
        let shown = sanitize_line(&problem).into_owned();
        outln!("{}", fill(w.problem_line, &[("finding", &shown)]));
    }
    if !any {
        outln!("{}", w.no_problems_found);
    }
}
