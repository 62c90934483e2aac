//! `log` and `timeline`

use super::Env;
use super::args::{LogArgs, TimelineArgs};
use super::output::{TIME_COLS, Table, columns, print_json, short_time};
use crate::domain::interaction::TimelineEntry;
use crate::i18n::Strings;
use crate::service::Error;
use crate::service::interactions::{self, LogInput};

pub fn log(env: &mut Env, a: &LogArgs) -> Result<(), Error> {
    let input = LogInput {
        customer: a.customer.clone(),
        channel: a.channel.clone(),
        direction: a.direction.clone(),
        summary: a.summary.clone(),
        ticket: a.ticket,
        at: a.at.clone(),
    };
    let i = interactions::log(&mut env.store, &env.ctx, &input)?;
    super::ticket::print_interaction(env, &i);
    Ok(())
}

pub fn timeline(env: &mut Env, a: &TimelineArgs) -> Result<(), Error> {
    let key = match (&a.search, &a.key) {
        (Some(text), _) => return super::search::timeline(env, a, text),
        (None, Some(key)) => key,
        // clap requires the customer unless --search is given.
        (None, None) => return Ok(()),
    };
    let entries = interactions::timeline(&mut env.store, key, a.limit)?;
    if env.json {
        print_json(&entries.iter().map(entry_json).collect::<Vec<_>>());
        return Ok(());
    }
    let s = crate::i18n::get();
    let r = s.cli_records;
    let mut table = Table::new(&[
        (r.col_when, TIME_COLS),
        (r.col_channel, columns::channel(s, 7)),
        (r.col_direction, 4),
        (r.col_agent, 10),
        (r.col_ticket, super::output::WHOLE),
        (r.col_summary, 60),
    ]);
    for e in &entries {
        let ticket_event = if e.source == "ticket" {
            r.timeline_ticket_event
        } else {
            ""
        };
        table.row(vec![
            short_time(Some(e.at)),
            e.channel.map(|c| s.channel(c)).unwrap_or(ticket_event).into(),
            e.direction.map(|d| r.direction(d)).unwrap_or("").into(),
            e.agent.clone(),
            e.ticket_id.map(|t| format!("#{t}")).unwrap_or_default(),
            summary(e, s),
        ]);
    }
    table.print();
    Ok(())
}

/// A ticket event's summary starts with its stable key (`opened #3 …`),
/// shown in the catalogue's words as the TUI's timeline does.
fn summary(e: &TimelineEntry, s: &Strings) -> String {
    match e.summary.split_once(' ') {
        Some((event, rest)) if e.source == "ticket" => {
            format!("{} {rest}", Strings::keyed(s.ticket_events, event))
        }
        _ => e.summary.clone(),
    }
}

/// A timeline line as JSON. A ticket event's number is `event_id`, not `id`:
/// events and interactions are numbered apart, so an event's number under `id`
/// could be fed to `interaction edit` and change an unrelated interaction.
fn entry_json(e: &TimelineEntry) -> serde_json::Value {
    let mut value = serde_json::to_value(e).unwrap_or_default();
    if e.source != "interaction"
        && let serde_json::Value::Object(map) = &mut value
        && let Some(id) = map.remove("id")
    {
        map.insert("event_id".into(), id);
    }
    value
}
