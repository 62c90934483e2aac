//! Errors told at the edge: the CLI prints `frontdesk: <describe(..)>`, the
//! terminal UI shows the same words. Every text comes from the catalogue;
//! the errors themselves carry only data.

use super::catalog::errors::ErrorStrings;
use super::reasons::reason;
use super::{Strings, fill};
use crate::domain::enums::Role;
use crate::domain::error::{Entity, Invalid, Reason};
use crate::domain::excerpt::{VALUE_CHARS, excerpt};
use crate::service::Error;
use crate::service::database::{Foreign, StoreError};

/// A failure of a use case in the catalogue's language.
pub fn describe(error: &Error, s: &Strings) -> String {
    let e = s.errors;
    match error {
        Error::Invalid(invalid) => describe_invalid(invalid, s),
        Error::InvalidRows(rows) => {
            // A value from the file is quoted short: a row may hold megabytes.
            let lines: Vec<String> = rows
                .iter()
                .map(|(line, invalid)| {
                    let short = Invalid {
                        value: excerpt(&invalid.value, VALUE_CHARS),
                        ..invalid.clone()
                    };
                    let text = describe_invalid(&short, s);
                    fill(e.row, &[("line", &line.to_string()), ("error", &text)])
                })
                .collect();
            format!("{}\n  {}", e.rows, lines.join("\n  "))
        }
        Error::NotFound { entity, key } => not_found(*entity, key, s),
        Error::Conflict {
            entity,
            id,
            expected,
            actual,
        } => fill(
            e.conflict,
            &[
                ("entity", entity_name(*entity, e)),
                ("id", &id.to_string()),
                ("expected", &expected.to_string()),
                ("actual", &actual.to_string()),
            ],
        ),
        Error::Forbidden { agent, role, needed } => {
            let needed_text = match needed {
                Role::Admin => e.needs_admin,
                Role::Supervisor => e.needs_supervisor,
                Role::Agent => e.needs_agent,
            };
            fill(
                e.forbidden,
                &[
                    ("needed", needed_text),
                    ("agent", agent),
                    ("role", role.key()),
                    ("needed_key", needed.key()),
                ],
            )
        }
        Error::Storage(store) => describe_store(store, s),
        Error::NotSaved(count) => e.not_saved.of(*count as i64, &[]),
        Error::Output(detail) => fill(e.output, &[("detail", detail)]),
        Error::Mail(detail) => fill(e.mail, &[("detail", detail)]),
        Error::Imap(failure) => fill(e.mail, &[("detail", &super::mail_imap::failure(failure, s))]),
    }
}

/// What a mail server or command said, without the "mail failed" lead, for
/// a list of failures that says it once; any other failure as [`describe`].
pub fn mail_detail(error: &Error) -> String {
    let s = super::get();
    match error {
        Error::Mail(detail) => detail.clone(),
        Error::Imap(failure) => super::mail_imap::failure(failure, s),
        other => describe(other, s),
    }
}

/// In the process's language: for the terminal UI's background work,
/// which runs apart from the model (the language is the same).
pub fn told(error: &Error) -> String {
    describe(error, super::get())
}

/// "invalid FIELD "VALUE": REASON"; the value is quoted escaped, so a
/// control character in it cannot act on the terminal.
pub fn describe_invalid(invalid: &Invalid, s: &Strings) -> String {
    let e = s.errors;
    fill(
        e.invalid,
        &[
            ("field", &invalid.field),
            ("value", &format!("{:?}", invalid.value)),
            ("reason", &reason(&invalid.reason, s)),
        ],
    )
}

/// Only the reason, for a form that marks the field itself.
pub fn describe_reason(r: &Reason, s: &Strings) -> String {
    reason(r, s)
}

/// "customer C-0042 not found".
pub fn not_found(entity: Entity, key: &str, s: &Strings) -> String {
    let e = s.errors;
    fill(e.not_found, &[("entity", entity_name(entity, e)), ("key", key)])
}

pub fn entity_name(entity: Entity, e: &ErrorStrings) -> &'static str {
    match entity {
        Entity::Customer => e.entity_customer,
        Entity::Ticket => e.entity_ticket,
        Entity::Order => e.entity_order,
        Entity::Article => e.entity_article,
        Entity::Reminder => e.entity_reminder,
        Entity::Survey => e.entity_survey,
        Entity::Policy => e.entity_policy,
        Entity::RoutingRule => e.entity_routing_rule,
        Entity::Calendar => e.entity_calendar,
        Entity::Agent => e.entity_agent,
        Entity::Macro => e.entity_macro,
        Entity::Interaction => e.entity_interaction,
        Entity::View => e.entity_view,
        Entity::File => e.entity_file,
        Entity::Attachment => e.entity_attachment,
    }
}

/// A storage problem; technical details (SQLite's and the OS's messages)
/// are shown as they came.
pub fn describe_store(error: &StoreError, s: &Strings) -> String {
    let e = s.errors;
    let place = |path: &Option<String>| path.clone().unwrap_or_else(|| e.the_database_file.to_string());
    match error {
        StoreError::NotFound { entity, key } => not_found(*entity, key, s),
        StoreError::Missing { path } => fill(e.missing, &[("path", path)]),
        StoreError::Empty { path } => fill(e.empty, &[("path", path)]),
        StoreError::Conflict {
            entity,
            id,
            expected,
            actual,
        } => describe(
            &Error::Conflict {
                entity: *entity,
                id: *id,
                expected: *expected,
                actual: *actual,
            },
            s,
        ),
        StoreError::Invalid(invalid) => describe_invalid(invalid, s),
        StoreError::NewerSchema { path, found, known } => fill(
            e.newer_schema,
            &[
                ("path", path),
                ("found", &found.to_string()),
                ("known", &known.to_string()),
            ],
        ),
        StoreError::NotFrontdesk { path, why } => {
            let why = match why {
                Foreign::NotSqlite => e.foreign_not_sqlite.to_string(),
                Foreign::OtherApplication { id } => fill(e.foreign_application, &[("id", &format!("{id:#x}"))]),
                Foreign::OtherTables => e.foreign_tables.to_string(),
            };
            fill(e.not_frontdesk, &[("path", path), ("why", &why)])
        }
        StoreError::ReadOnly { path, detail } => fill(e.read_only, &[("place", &place(path)), ("detail", detail)]),
        StoreError::DiskFull { path, detail } => fill(e.disk_full, &[("place", &place(path)), ("detail", detail)]),
        StoreError::Truncated { path, bytes, expected } => fill(
            e.truncated,
            &[
                ("path", path),
                ("bytes", &bytes.to_string()),
                ("expected", &expected.to_string()),
            ],
        ),
        StoreError::BadHeader { path, why } => fill(e.bad_header, &[("path", path), ("why", why)]),
        StoreError::Damaged { path, detail } => fill(e.damaged, &[("place", &place(path)), ("detail", detail)]),
        StoreError::DiskIo { path, detail } => fill(e.disk_io, &[("place", &place(path)), ("detail", detail)]),
        StoreError::CannotOpen { path, detail } => fill(e.cannot_open, &[("place", &place(path)), ("detail", detail)]),
        StoreError::Io { path, source } => fill(e.io, &[("path", path), ("detail", &source.to_string())]),
        StoreError::Busy(detail) => fill(e.busy, &[("detail", detail)]),
        StoreError::Unhealthy { path, problems } => e.unhealthy.of(*problems as i64, &[("path", path)]),
        StoreError::Sqlite(detail) => fill(e.sqlite, &[("detail", detail)]),
        StoreError::Postgres(failure) => super::pg_connect::failure(failure, s),
        StoreError::LostAtCommit { target } => fill(s.pg_connect.lost_at_commit, &[("target", target)]),
        StoreError::AgentNotLogin { login, agent } => super::pg_connect::agent_not_login(login, agent, s),
        StoreError::NotPermitted { login, detail, .. } => fill(
            s.pg_connect.not_permitted,
            &[
                ("login", login),
                ("detail", &crate::domain::text::sanitize_line(detail)),
            ],
        ),
        StoreError::NotEmpty { target, table } => fill(s.copy.not_empty, &[("target", target), ("table", table)]),
        StoreError::Cancelled => s.copy.cancelled.to_string(),
    }
}

#[cfg(test)]
#[path = "describe_tests.rs"]
mod tests;
