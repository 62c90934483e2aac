//! `reminder list|add|done`

use super::Env;
use super::output::{TIME_COLS, Table, label_width, print_json, short_time};
use crate::domain::cadence::When;
use crate::service::Error;
use crate::service::reminders::{self, ReminderInput, ReminderView};
use clap::{Args, Subcommand};

#[derive(Debug, Clone, Subcommand)]
pub enum ReminderCommand {
    /// Open reminders (contact cadence, callbacks due, manual, birthdays,
    /// anniversaries, low-survey follow-ups), soonest first
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
    /// Which reminders: those past due, due today, coming up, or all
    #[arg(long, default_value = "all", value_parser = super::values::reminder_window())]
    pub when: String,
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
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
        ReminderCommand::List(a) => {
            let when: When = a.when.parse()?;
            let mut list = reminders::list(&mut env.store, &env.ctx, when)?;
            if a.limit > 0 {
                list.truncate(a.limit);
            }
            if env.json {
                print_json(&list);
            } else {
                print_list(&list);
            }
        }
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

fn print_one(env: &Env, r: &ReminderView) {
    if env.json {
        print_json(r);
    } else if let Some(id) = r.id {
        outln!("{id}");
    }
}

fn print_list(list: &[ReminderView]) {
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
