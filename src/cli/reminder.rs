//! `reminder list|add|done`

use super::Env;
use super::output::{TIME_COLS, Table, label_width, print_json, short_time};
use super::values::one_of;
use crate::domain::agenda::{Filter, Section};
use crate::domain::cadence::When;
use crate::domain::enums::ReminderReason;
use crate::i18n::fill;
use crate::service::Error;
use crate::service::agenda::{self, Agenda, Page};
use crate::service::reminders::{self, ReminderInput, ReminderView};
use clap::{Args, Subcommand};

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum ReminderCommand {
    /// Open reminders (contact cadence, callbacks due, manual, birthdays,
    /// anniversaries, low-survey follow-ups): today's, then upcoming, then
    /// the overdue count (`--when overdue` lists them)
    List(ReminderListArgs),
    /// A manual reminder about a customer (and one of their tickets)
    Add(ReminderAddArgs),
    /// Mark a stored reminder done (computed ones end by contacting the
    /// customer or recording the callback)
    Done {
        /// The reminder's id (see `reminder list`)
        id: i64,
    },
}

#[derive(Debug, Clone, Args)]
pub struct ReminderListArgs {
    /// Which reminders: due before today, due today, coming up, or all
    #[arg(long, default_value = "all", value_parser = super::values::reminder_window())]
    pub when: String,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
    /// Only reminders of this reason
    #[arg(long, value_parser = one_of::<ReminderReason>())]
    pub reason: Option<String>,
    /// Whose: `mine` (the acting agent's), an agent's name, or `all`. A
    /// stored reminder is its creator's, a callback its ticket's assignee's,
    /// the others the customer's owner's
    #[arg(long, default_value = "all")]
    pub owner: String,
}

#[derive(Debug, Clone, Args)]
pub struct ReminderAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// The ticket it is about (the customer's)
    #[arg(long)]
    pub ticket: Option<i64>,
    /// When it is due (tomorrow 10:00, mon 09:00, +2d, eom, 2026-12-07 10:00, …)
    #[arg(long)]
    pub due: String,
    /// What to do, e.g. "回电确认"
    #[arg(long)]
    pub note: String,
}

pub fn run(env: &mut Env, cmd: ReminderCommand) -> Result<(), Error> {
    match cmd {
        ReminderCommand::List(a) => list(env, &a)?,
        ReminderCommand::Add(a) => {
            let input = ReminderInput {
                customer: a.customer,
                ticket: a.ticket,
                due: a.due,
                note: a.note,
            };
            let r = reminders::add(&mut env.store, &env.ctx, &input)?;
            print_one(env, &r);
        }
        ReminderCommand::Done { id } => {
            let r = reminders::done(&mut env.store, &env.ctx, id)?;
            print_one(env, &r);
        }
    }
    Ok(())
}

fn list(env: &mut Env, a: &ReminderListArgs) -> Result<(), Error> {
    let when: When = a.when.parse()?;
    let filter = Filter {
        reason: a.reason.as_deref().map(str::parse).transpose()?,
        owner: a.owner.parse()?,
    };
    let limit = (a.limit > 0).then_some(a.limit);
    if env.json {
        // The flat list, soonest first, as before the agenda (each row names its section).
        let mut list = reminders::list(&mut env.store, &env.ctx, when, &filter)?;
        list.truncate(limit.unwrap_or(usize::MAX));
        print_json(&list);
        return Ok(());
    }
    let sections: &[Section] = match when {
        When::All => &Section::ALL,
        When::Today => &[Section::Today],
        When::Upcoming => &[Section::Upcoming],
        When::Overdue => &[Section::Overdue],
    };
    // The overdue rows are read only when asked for by name.
    let page = Page {
        limit,
        overdue: when == When::Overdue,
    };
    let agenda = if when == When::All {
        agenda::agenda(&mut env.store, &env.ctx, &filter, page)?
    } else {
        // One section alone: the page is its own, not shared with the
        // sections before it (today's would fill a page of overdue ones).
        let mut agenda = agenda::agenda(&mut env.store, &env.ctx, &filter, Page { limit: None, ..page })?;
        agenda.rows.retain(|r| sections.contains(&r.section));
        agenda.rows.truncate(limit.unwrap_or(usize::MAX));
        agenda
    };
    print_agenda(&agenda, sections);
    Ok(())
}

fn print_one(env: &Env, r: &ReminderView) {
    if env.json {
        print_json(r);
    } else if let Some(id) = r.id {
        outln!("{id}");
    }
}

/// Each section: its heading with its count, then its rows as a table
/// (overdue ones only when listed, else a hint how to list them).
fn print_agenda(agenda: &Agenda, sections: &[Section]) {
    let a = crate::i18n::get().agenda;
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            outln!("");
        }
        let name = a.section(*section);
        let count = agenda.counts.of(*section);
        let shown = count.to_string();
        let rows: Vec<&ReminderView> = agenda.rows.iter().filter(|r| r.section == *section).collect();
        if count == 0 {
            outln!("{}", fill(a.heading_empty, &[("name", name)]));
            continue;
        }
        if *section == Section::Overdue && !agenda.overdue_listed {
            outln!("{}", fill(a.cli_collapsed, &[("name", name), ("count", &shown)]));
            continue;
        }
        outln!("{}", fill(a.heading, &[("name", name), ("count", &shown)]));
        if rows.len() < count {
            let listed = rows.len().to_string();
            outln!("{}", fill(a.cli_more, &[("shown", &listed), ("count", &shown)]));
        }
        if !rows.is_empty() {
            print_list(&rows);
        }
    }
}

fn print_list(list: &[&ReminderView]) {
    let s = crate::i18n::get().cli_records;
    let mut table = Table::new(&[
        (s.col_id, super::output::WHOLE),
        (s.col_due, TIME_COLS),
        (s.col_window, label_width(8, s.reminder_windows.iter().map(|w| w.1))),
        (s.col_reason, label_width(11, s.reminder_reasons.iter().map(|w| w.1))),
        (s.col_customer, 22),
        (s.col_ticket, super::output::WHOLE),
        (s.col_note, 50),
    ]);
    for r in list {
        table.row(vec![
            r.id.map(|id| id.to_string()).unwrap_or_else(|| "—".into()),
            short_time(Some(r.due_at)),
            s.reminder_window(r.when).into(),
            s.reminder_reason(r.reason).into(),
            format!("{} {}", r.customer_code, r.customer_name),
            r.ticket_id.map(|t| format!("#{t}")).unwrap_or_default(),
            crate::i18n::reminder_note(crate::i18n::get(), r),
        ]);
    }
    table.print();
}
