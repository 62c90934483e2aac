//! `sla calendar|due|elapsed|policy` and `routing`

use super::Env;
use super::args::SlaCommand;
use super::output::{Table, columns, print_json};
use super::sla_args::{CalendarCommand, PolicyAddArgs, PolicyCommand, RoutingCommand};
use crate::domain::duration::{format_minutes, parse_minutes};
use crate::domain::error::Invalid;
use crate::domain::policy::{RoutingRule, SlaPolicy, TargetSpec};
use crate::domain::text::sanitize_line;
use crate::domain::time::rfc3339;
use crate::i18n::fill;
use crate::service::{Error, policies};
use std::str::FromStr;

pub fn run(env: &mut Env, cmd: SlaCommand) -> Result<(), Error> {
    match cmd {
        SlaCommand::Calendar(CalendarCommand::Add {
            name,
            tz,
            hours,
            holiday,
            workday,
        }) => {
            let spec = policies::put_calendar(&mut env.store, &env.ctx, &name, &tz, &hours, &holiday, &workday)?;
            if env.json {
                print_json(&spec);
            } else {
                let r = crate::i18n::get().cli_records;
                let name = sanitize_line(&spec.name);
                outln!("{}", fill(r.calendar_saved, &[("name", &name)]));
            }
        }
        SlaCommand::Calendar(CalendarCommand::List) => {
            let list = policies::calendars(&mut env.store)?;
            if env.json {
                print_json(&list);
            } else {
                let r = crate::i18n::get().cli_records;
                for c in &list {
                    let hours = c.hours.join("; ");
                    let args = [("name", c.name.as_str()), ("tz", &c.tz), ("hours", &hours)];
                    // Sanitized after filling: every part comes from the database.
                    outln!("{}", sanitize_line(&fill(r.calendar_line, &args)));
                    let dates = |d: &[chrono::NaiveDate]| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(" ");
                    if !c.holidays.is_empty() {
                        let dates = dates(&c.holidays);
                        outln!("{}", fill(r.calendar_holidays, &[("dates", &dates)]));
                    }
                    if !c.workdays.is_empty() {
                        let dates = dates(&c.workdays);
                        outln!("{}", fill(r.calendar_workdays, &[("dates", &dates)]));
                    }
                }
            }
        }
        SlaCommand::Due {
            calendar,
            start,
            minutes,
        } => {
            let due = policies::due(&mut env.store, &env.ctx, &calendar, &start, minutes)?;
            outln!("{}", rfc3339(due));
        }
        SlaCommand::Elapsed { calendar, from, to } => {
            outln!(
                "{}",
                policies::elapsed(&mut env.store, &env.ctx, &calendar, &from, &to)?
            );
        }
        SlaCommand::Policy(PolicyCommand::List) => {
            let list = policies::policies(&mut env.store)?;
            if env.json {
                print_json(&list);
            } else {
                print_policies(&list);
            }
        }
        SlaCommand::Policy(PolicyCommand::Add(args)) => {
            let added = policies::add_policy(&mut env.store, &env.ctx, &policy(&args)?)?;
            if env.json {
                print_json(&added);
            } else {
                outln!("{}", added.id);
            }
        }
        SlaCommand::Policy(PolicyCommand::Remove { id }) => policies::remove_policy(&mut env.store, &env.ctx, id)?,
        SlaCommand::EmailReply { target: None } => {
            let minutes = policies::email_reply(&mut env.store)?;
            if env.json {
                print_json(&serde_json::json!({ "email_reply_minutes": minutes }));
            } else {
                outln!("{}", minutes.map_or_else(|| "off".to_string(), format_minutes));
            }
        }
        SlaCommand::EmailReply { target: Some(target) } => {
            let minutes = match target.trim() {
                "off" => None,
                length => Some(parse_minutes("email-reply", length)?),
            };
            policies::set_email_reply(&mut env.store, &env.ctx, minutes)?;
        }
    }
    Ok(())
}

fn parse_opt<T: FromStr<Err = Invalid>>(value: &Option<String>) -> Result<Option<T>, Invalid> {
    value.as_deref().map(str::parse).transpose()
}

/// `24h` counts 24×7; `27h@default` counts in the calendar named default.
fn target(field: &str, value: &Option<String>) -> Result<Option<TargetSpec>, Invalid> {
    let Some(value) = value else { return Ok(None) };
    let (length, calendar) = match value.split_once('@') {
        Some((length, calendar)) => (length, Some(calendar.trim().to_string())),
        None => (value.as_str(), None),
    };
    Ok(Some(TargetSpec {
        minutes: parse_minutes(field, length)?,
        calendar,
    }))
}

fn policy(a: &PolicyAddArgs) -> Result<SlaPolicy, Invalid> {
    Ok(SlaPolicy {
        id: 0,
        position: a.position,
        name: a.name.clone(),
        kind: parse_opt(&a.kind)?,
        priority: parse_opt(&a.priority)?,
        channel: parse_opt(&a.channel)?,
        tier: parse_opt(&a.tier)?,
        first_response: target("first-response", &a.first_response)?,
        resolution: target("resolution", &a.resolution)?,
        callback: target("callback", &a.callback)?,
    })
}

fn show_target(t: &Option<TargetSpec>) -> String {
    match t {
        None => "—".into(),
        Some(TargetSpec {
            minutes,
            calendar: None,
        }) => format_minutes(*minutes),
        Some(TargetSpec {
            minutes,
            calendar: Some(c),
        }) => format!("{}@{c}", format_minutes(*minutes)),
    }
}

fn any<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(|| "*".to_string(), ToString::to_string)
}

/// A condition of a rule: its label, or `*` when any value matches.
fn any_label<T: Copy>(v: Option<T>, label: impl Fn(T) -> &'static str) -> String {
    v.map_or("*", label).to_string()
}

fn print_policies(list: &[SlaPolicy]) {
    let s = crate::i18n::get();
    let r = s.cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_position, 3),
        (r.col_name, 16),
        (r.col_kind, columns::kind(s, 11)),
        (r.col_priority, columns::priority(s, 8)),
        (r.col_channel, columns::channel(s, 7)),
        (r.col_tier, columns::tier(s, 10)),
        (r.col_first_response, 12),
        (r.col_resolution, 16),
        (r.col_callback, 10),
    ]);
    for p in list {
        table.row(vec![
            p.id.to_string(),
            p.position.to_string(),
            p.name.clone(),
            any_label(p.kind, |k| s.kind(k)),
            any_label(p.priority, |v| s.priority(v)),
            any_label(p.channel, |c| s.channel(c)),
            any_label(p.tier, |t| s.tier(t)),
            show_target(&p.first_response),
            show_target(&p.resolution),
            show_target(&p.callback),
        ]);
    }
    table.print();
}

pub fn routing(env: &mut Env, cmd: RoutingCommand) -> Result<(), Error> {
    match cmd {
        RoutingCommand::List => {
            let list = policies::routing_rules(&mut env.store)?;
            if env.json {
                print_json(&list);
                return Ok(());
            }
            let s = crate::i18n::get();
            let c = s.cli_records;
            let mut table = Table::new(&[
                (c.col_id, super::output::WHOLE),
                (c.col_position, 3),
                (c.col_kind, columns::kind(s, 11)),
                (c.col_category, 18),
                (c.col_channel, columns::channel(s, 7)),
                (c.col_keyword, 14),
                (c.col_department, 14),
                (c.col_assignee, 12),
            ]);
            for r in &list {
                table.row(vec![
                    r.id.to_string(),
                    r.position.to_string(),
                    any_label(r.kind, |k| s.kind(k)),
                    r.category.as_deref().map_or("*", |c| s.category(c)).to_string(),
                    any_label(r.channel, |ch| s.channel(ch)),
                    any(&r.keyword),
                    r.department.clone(),
                    r.assignee.clone().unwrap_or_default(),
                ]);
            }
            table.print();
        }
        RoutingCommand::Add(a) => {
            let rule = RoutingRule {
                id: 0,
                position: a.position,
                kind: parse_opt(&a.kind)?,
                category: a.category,
                channel: parse_opt(&a.channel)?,
                keyword: a.keyword,
                department: a.department,
                assignee: a.assignee,
            };
            let added = policies::add_routing_rule(&mut env.store, &env.ctx, &rule)?;
            if env.json {
                print_json(&added);
            } else {
                outln!("{}", added.id);
            }
        }
        RoutingCommand::Remove { id } => policies::remove_routing_rule(&mut env.store, &env.ctx, id)?,
    }
    Ok(())
}
