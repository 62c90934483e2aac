//! `ticket list --search` and `timeline --search`: matches best first, each
//! row followed by an indented line showing where the text was found.

use super::Env;
use super::args::TimelineArgs;
use super::output::{TIME_COLS, Table, columns, print_json, short_time};
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::Error;
use crate::service::search;
use crate::service::tickets::TicketQuery;
use serde_json::{Value, json};

/// The tickets matching `text` narrowed by `query`; with `queue`, only the
/// open ones. JSON: each ticket as `ticket list` gives it, plus `snippet`.
pub fn tickets(env: &mut Env, query: &TicketQuery, text: &str, queue: bool) -> Result<(), Error> {
    let found = search::tickets_matching(&mut env.store, &env.ctx, query, text, queue)?;
    if found.is_empty() && !env.json {
        // The text is echoed as shown: typed or pasted, it must not act on the terminal.
        outln!(
            "{}",
            fill(crate::i18n::get().search.no_tickets, &[("text", &sanitize_line(text))])
        );
        return Ok(());
    }
    let (views, snippets): (Vec<_>, Vec<_>) = found.into_iter().map(|f| (f.view, f.snippet)).unzip();
    super::ticket::print_list(env, &views, Some(&snippets), None)
}

/// `timeline --search`: contacts logged without a ticket, of the customer
/// given or of all. JSON: each interaction as `log --json` gives it, plus
/// `snippet`.
pub fn timeline(env: &mut Env, a: &TimelineArgs, text: &str) -> Result<(), Error> {
    let limit = a.limit;
    let found = search::contacts(&mut env.store, text, a.key.as_deref(), limit)?;
    if env.json {
        let rows: Vec<Value> = found
            .iter()
            .map(|f| with_snippet(json!(f.interaction), &f.snippet))
            .collect();
        print_json(&rows);
        return Ok(());
    }
    let s = crate::i18n::get();
    if found.is_empty() {
        outln!("{}", fill(s.search.no_contacts, &[("text", &sanitize_line(text))]));
        return Ok(());
    }
    let r = s.cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_when, TIME_COLS),
        (r.col_channel, columns::channel(s, 7)),
        (r.col_direction, 4),
        (r.col_agent, 10),
        (r.col_summary, 50),
    ]);
    for f in &found {
        let i = &f.interaction;
        table.row(vec![
            i.id.to_string(),
            short_time(Some(i.at)),
            s.channel(i.channel).into(),
            r.direction(i.direction).into(),
            i.agent.clone(),
            i.summary.clone(),
        ]);
    }
    let notes: Vec<Option<String>> = found.iter().map(|f| f.snippet.clone()).collect();
    table.print_with_notes(&notes);
    Ok(())
}

fn with_snippet(mut value: Value, snippet: &Option<String>) -> Value {
    if let Value::Object(map) = &mut value {
        map.insert("snippet".into(), json!(snippet));
    }
    value
}
