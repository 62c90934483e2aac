//! `log` and `timeline`

use super::Env;
use super::args::{LogArgs, TimelineArgs};
use super::output::{Table, print_json, short_time};
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
    let entries = interactions::timeline(&mut env.store, &a.key, a.limit)?;
    if env.json {
        print_json(&entries);
        return Ok(());
    }
    let mut table = Table::new(&[
        ("WHEN", 16),
        ("CHANNEL", 7),
        ("DIR", 4),
        ("AGENT", 10),
        ("TICKET", 7),
        ("SUMMARY", 60),
    ]);
    for e in &entries {
        table.row(vec![
            short_time(Some(e.at)),
            e.channel
                .map(|c| c.key())
                .unwrap_or(if e.source == "ticket" { "ticket" } else { "" })
                .into(),
            e.direction.map(|d| d.key()).unwrap_or("").into(),
            e.agent.clone(),
            e.ticket_id.map(|t| format!("#{t}")).unwrap_or_default(),
            e.summary.clone(),
        ]);
    }
    table.print();
    Ok(())
}
