//! `import` and `export`

use super::Env;
use super::data_out::Records as Out;
use super::export_csv as rows;
use super::output::{is_masked, print_json, ticket_json};
use crate::domain::enums::{CallbackOutcome, Channel, Priority, TicketKind, TicketStatus, Tier};
use crate::domain::error::Invalid;
use crate::domain::sla::{ClockView, SlaState};
use crate::domain::urgency::{Band, UrgencyFactor};
use crate::i18n::fill;
use crate::service::import::{self, ImportKind};
use crate::service::progress::{Progress, Quiet};
use crate::service::tickets::TicketView;
use crate::service::{Error, export};
use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Records {
    Customers,
    Tickets,
    Interactions,
    Kb,
    Orders,
    /// Refunds and cancellations, keyed to their order's external_id.
    OrderCorrections,
    Surveys,
    Reminders,
    /// Exported only: an import writes its own audit entries.
    Audit,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Which records the file holds
    pub records: Records,
    /// The CSV file, with a header row
    pub file: PathBuf,
    /// TOML: canonical = "Their Column", ignore = [...], [values.FIELD], [defaults]
    #[arg(long)]
    pub map: Option<PathBuf>,
    /// Only validate; write nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Which records to export
    pub records: Records,
    /// CSV with the import's columns, or JSON
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
}

pub fn import(env: &mut Env, a: &ImportArgs) -> Result<(), Error> {
    let kind = match a.records {
        Records::Customers => ImportKind::Customers,
        Records::Tickets => ImportKind::Tickets,
        Records::Interactions => ImportKind::Interactions,
        Records::Kb => ImportKind::Kb,
        Records::Orders => ImportKind::Orders,
        Records::OrderCorrections => ImportKind::OrderCorrections,
        Records::Surveys => ImportKind::Surveys,
        Records::Reminders => ImportKind::Reminders,
        Records::Audit => {
            return Err(Invalid::new("records", "audit", crate::domain::error::Reason::ExportOnly).into());
        }
    };
    let progress = super::progress::Bar::on_stderr();
    let report = import::run_with(
        &mut env.store,
        &env.ctx,
        kind,
        &a.file,
        a.map.as_deref(),
        a.dry_run,
        &progress,
    )?;
    drop(progress);
    if env.json {
        print_json(&report);
    } else if report.dry_run {
        let rows = report.rows.to_string();
        outln!(
            "{}",
            fill(crate::i18n::get().cli_admin.import_dry_run, &[("rows", &rows)])
        );
    } else {
        let [rows, added, skipped, created] =
            [report.rows, report.added, report.skipped, report.customers_created].map(|n| n.to_string());
        let args = [
            ("rows", &*rows),
            ("added", &added),
            ("skipped", &skipped),
            ("created", &created),
        ];
        outln!("{}", fill(crate::i18n::get().cli_admin.import_done, &args));
    }
    Ok(())
}

/// Writes each record as the store reads it (see `service::export`), with
/// a progress bar on a terminal's standard error.
pub fn export(env: &mut Env, a: &ExportArgs) -> Result<(), Error> {
    let json = env.json || matches!(a.format, Format::Json);
    let columns = import::columns;
    let store = &mut env.store;
    // Records written to the terminal show their own progress, and a bar
    // redrawn between them would break their lines: a bar only while they
    // go to a file or a pipe.
    let bar = (!std::io::stdout().is_terminal()).then(super::progress::Bar::on_stderr);
    let bar: &dyn Progress = match &bar {
        Some(bar) => bar,
        None => &Quiet,
    };
    let out = match a.records {
        Records::Kb => {
            // The articles are few: read whole, as the knowledge base lists them.
            let list = crate::service::kb::list(store, usize::MAX)?;
            let mut out = Out::new(json, columns(ImportKind::Kb))?;
            for article in &list {
                out.put_serialized(article, |a| {
                    vec![a.title.clone(), a.body.clone(), a.kind.key().into(), a.tags.join(",")]
                })?;
            }
            out
        }
        Records::Customers => {
            let mut out = Out::new(json, columns(ImportKind::Customers))?;
            export::customers(store, bar, &mut |c| out.put_serialized(&c, rows::customer))?;
            out
        }
        Records::Tickets if json => {
            let mut out = Out::new(json, columns(ImportKind::Tickets))?;
            // Straight to the output, unless masking must rewrite the value.
            let each = &mut |v: TicketView| match is_masked() {
                true => out.put(|| Ok(ticket_json(&v)), || rows::ticket(&v.ticket)),
                false => out.put_direct(&TicketJson::of(&v), || rows::ticket(&v.ticket)),
            };
            export::tickets(store, &env.ctx, bar, each)?;
            out
        }
        Records::Tickets => {
            // The CSV columns carry no clock: the stored tickets are enough.
            let mut out = Out::new(json, columns(ImportKind::Tickets))?;
            export::ticket_records(store, bar, &mut |t| out.put_serialized(&t, rows::ticket))?;
            out
        }
        Records::Interactions => {
            let mut out = Out::new(json, columns(ImportKind::Interactions))?;
            export::interactions(store, bar, &mut |i| out.put_serialized(&i, rows::interaction))?;
            out
        }
        Records::Orders => {
            let mut out = Out::new(json, columns(ImportKind::Orders))?;
            export::orders(store, bar, &mut |o| out.put_serialized(&o, rows::order))?;
            out
        }
        Records::OrderCorrections => {
            let mut out = Out::new(json, columns(ImportKind::OrderCorrections))?;
            export::corrections(store, bar, &mut |c| out.put_serialized(&c, rows::correction))?;
            out
        }
        Records::Surveys => {
            let mut out = Out::new(json, columns(ImportKind::Surveys))?;
            export::surveys(store, bar, &mut |s| out.put_serialized(&s, rows::survey))?;
            out
        }
        Records::Reminders => {
            let mut out = Out::new(json, columns(ImportKind::Reminders))?;
            export::reminders(store, bar, &mut |r| out.put_serialized(&r, rows::reminder))?;
            out
        }
        Records::Audit => {
            let mut out = Out::new(json, rows::AUDIT_COLUMNS)?;
            export::audit(store, bar, &mut |e| out.put_serialized(&e, rows::audit))?;
            out
        }
    };
    // The bar (if any) is cleared when this returns, before any error is told.
    out.finish()
}

/// [`ticket_json`]'s shape serialized straight from the view, with no map
/// built per ticket: the fields borrowed, in the order serde_json's map
/// gives its keys (sorted), so the bytes are the same.
#[derive(Serialize)]
struct TicketJson<'a> {
    assignee: &'a str,
    band: Band,
    callback_at: Option<DateTime<Utc>>,
    callback_outcome: Option<CallbackOutcome>,
    category: &'a str,
    channel: Channel,
    closed_at: Option<DateTime<Utc>>,
    customer_code: &'a str,
    customer_id: i64,
    customer_name: &'a str,
    customer_tier: Tier,
    department: &'a str,
    description: &'a str,
    external_id: Option<&'a str>,
    first_response_at: Option<DateTime<Utc>>,
    id: i64,
    kind: TicketKind,
    opened_at: DateTime<Utc>,
    priority: Priority,
    reopen_count: i64,
    resolved_at: Option<DateTime<Utc>>,
    sla: SlaJson,
    status: TicketStatus,
    subject: &'a str,
    tags: &'a [String],
    triaged_at: Option<DateTime<Utc>>,
    triaged_by: Option<&'a str>,
    updated_at: DateTime<Utc>,
    urgency: i64,
    urgency_breakdown: Vec<PartJson<'a>>,
    version: i64,
}

#[derive(Serialize)]
struct SlaJson {
    callback: ClockJson,
    first_response: ClockJson,
    resolution: ClockJson,
}

/// A clock; `outcome` only on the callback's (where it is the ticket's).
#[derive(Serialize)]
struct ClockJson {
    due: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<Option<CallbackOutcome>>,
    seconds_left: Option<i64>,
    state: Option<SlaState>,
}

#[derive(Serialize)]
struct PartJson<'a> {
    detail: &'a crate::domain::urgency::Detail,
    factor: UrgencyFactor,
    points: i64,
}

impl<'a> TicketJson<'a> {
    fn of(v: &'a TicketView) -> Self {
        let t = &v.ticket;
        let clock = |c: &ClockView, outcome| ClockJson {
            due: c.due,
            outcome,
            seconds_left: c.seconds_left,
            state: c.state,
        };
        TicketJson {
            assignee: &t.assignee,
            band: v.urgency.band,
            callback_at: t.callback_at,
            callback_outcome: t.callback_outcome,
            category: &t.category,
            channel: t.channel,
            closed_at: t.closed_at,
            customer_code: &t.customer_code,
            customer_id: t.customer_id,
            customer_name: &t.customer_name,
            customer_tier: t.customer_tier,
            department: &t.department,
            description: &t.description,
            external_id: t.external_id.as_deref(),
            first_response_at: t.first_response_at,
            id: t.id,
            kind: t.kind,
            opened_at: t.opened_at,
            priority: t.priority,
            reopen_count: t.reopen_count,
            resolved_at: t.resolved_at,
            sla: SlaJson {
                callback: clock(&v.sla.callback, Some(t.callback_outcome)),
                first_response: clock(&v.sla.first_response, None),
                resolution: clock(&v.sla.resolution, None),
            },
            status: t.status,
            subject: &t.subject,
            tags: &t.tags,
            triaged_at: t.triaged_at,
            triaged_by: t.triaged_by.as_deref(),
            updated_at: t.updated_at,
            urgency: v.urgency.score,
            urgency_breakdown: v
                .urgency
                .parts
                .iter()
                .map(|p| PartJson {
                    detail: &p.detail,
                    factor: p.factor,
                    points: p.points,
                })
                .collect(),
            version: t.version,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ticket::Ticket;
    use crate::domain::urgency::{Urgency, UrgencyPart};
    use chrono::TimeZone;

    /// A ticket with every optional field set and one with none.
    fn views() -> Vec<TicketView> {
        let at = Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0).unwrap();
        let full = Ticket {
            id: 7,
            external_id: Some("X-7".into()),
            customer_id: 2,
            customer_code: "C2026002".into(),
            customer_name: "张三 \"引号\"".into(),
            customer_tier: Tier::AtRisk,
            kind: TicketKind::Complaint,
            category: "delivery".into(),
            priority: Priority::Urgent,
            channel: Channel::Phone,
            subject: "屏幕坏点\u{202e}".into(),
            description: "line\nbreak".into(),
            status: TicketStatus::Resolved,
            department: "售后".into(),
            assignee: "li".into(),
            opened_at: at,
            first_response_at: Some(at),
            resolved_at: Some(at),
            closed_at: Some(at),
            reopen_count: 2,
            callback_at: Some(at),
            callback_outcome: Some(CallbackOutcome::FollowUp),
            updated_at: at,
            version: 3,
            triaged_by: Some("wang".into()),
            triaged_at: Some(at),
            tags: vec!["vip".into(), "退款".into()],
        };
        let clock = ClockView {
            due: Some(at),
            state: Some(SlaState::Breached),
            done_at: None,
            seconds_left: Some(-60),
            target_seconds: Some(3600),
        };
        let urgency = Urgency {
            score: 40225,
            breached: true,
            band: Band::Current,
            parts: vec![UrgencyPart {
                factor: UrgencyFactor::Overdue,
                detail: crate::domain::urgency::Detail::Overdue {
                    clock: crate::domain::sla::SlaClock::FirstResponse,
                    minutes: 39,
                },
                points: 40000,
            }],
        };
        let bare = Ticket {
            external_id: None,
            first_response_at: None,
            callback_outcome: None,
            triaged_by: None,
            tags: vec![],
            ..full.clone()
        };
        vec![
            TicketView {
                ticket: full,
                sla: crate::domain::sla::SlaView {
                    first_response: clock,
                    resolution: clock,
                    callback: clock,
                },
                urgency: urgency.clone(),
            },
            TicketView {
                ticket: bare,
                sla: Default::default(),
                urgency: Urgency {
                    parts: vec![],
                    ..urgency
                },
            },
        ]
    }

    #[test]
    fn the_direct_ticket_json_is_the_bytes_of_the_value() {
        for v in views() {
            let direct = serde_json::to_string_pretty(&TicketJson::of(&v)).unwrap();
            let value = serde_json::to_string_pretty(&ticket_json(&v)).unwrap();
            assert_eq!(direct, value);
        }
    }
}
