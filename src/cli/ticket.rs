//! `ticket add|list|show|reply|note|set|resolve|reopen`

use super::Env;
use super::args::{TicketCommand, TicketListArgs};
use super::data_out::{JsonArray, buffered_stdout};
use super::editor::Source;
use super::output::{
    StreamedTable, TIME_COLS, Table, columns, field, output_error, pad, print_json, short_time, ticket_json,
};
use crate::domain::audit::AuditEntry;
use crate::domain::error::Invalid;
use crate::domain::reason::Reason;
use crate::domain::sla::ClockView;
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::domain::urgency::Band;
use crate::i18n::{Strings, fill};
use crate::service::tickets::TicketQuery;
use crate::service::tickets::{self, TicketChanges, TicketInput, TicketView};
use crate::service::{Error, customers};

pub fn run(env: &mut Env, cmd: TicketCommand) -> Result<(), Error> {
    match cmd {
        TicketCommand::Add(a) => {
            let input = TicketInput {
                customer: a.customer,
                kind: a.kind,
                subject: a.subject,
                priority: a.priority,
                channel: a.channel,
                category: a.category,
                body: a.body,
                opened_at: a.opened_at,
            };
            let v = tickets::add(&mut env.store, &env.ctx, &input)?;
            print_added(env, &v);
        }
        TicketCommand::List(args) => list(env, args)?,
        TicketCommand::Show { id } => show(env, id)?,
        TicketCommand::Reply {
            id,
            summary,
            body_file,
            channel,
            kb,
            send,
        } => {
            let source = Source {
                summary,
                body_file: body_file.as_deref(),
            };
            // An article alone is a whole reply: the editor opens only when
            // nothing says what to answer.
            let text = if source.given() || kb.is_none() {
                let template = |s: &Strings| s.editing.reply_template;
                Some(source.text(|| template_for(env, id, template))?)
            } else {
                None
            };
            if send {
                return super::mail_out::reply(env, id, text.as_deref(), kb);
            }
            let i = tickets::reply_with(&mut env.store, &env.ctx, id, text.as_deref(), channel.as_deref(), kb)?;
            print_interaction(env, &i);
        }
        TicketCommand::Note { id, summary, body_file } => {
            let source = Source {
                summary,
                body_file: body_file.as_deref(),
            };
            let text = source.text(|| template_for(env, id, |s| s.editing.note_template))?;
            let i = tickets::note(&mut env.store, &env.ctx, id, &text)?;
            print_interaction(env, &i);
        }
        TicketCommand::Set(a) => {
            let changes = TicketChanges {
                priority: a.priority,
                status: a.status,
                assignee: a.assignee,
                department: a.department,
                category: a.category,
                add_tags: a.add_tag,
                remove_tags: a.remove_tag,
                subject: a.subject,
                kind: a.kind,
                description: a.description,
                resolution: None,
            };
            // A script's empty `ticket set` would otherwise report success having done nothing.
            if changes == TicketChanges::default() {
                return Err(Invalid::new("ticket set", "", Reason::NothingToChange).into());
            }
            let v = tickets::set(&mut env.store, &env.ctx, a.id, &changes, a.if_version)?;
            print_changed(env, &v);
        }
        TicketCommand::Resolve { id, summary } => {
            let v = tickets::resolve(&mut env.store, &env.ctx, id, summary.as_deref())?;
            print_changed(env, &v);
        }
        TicketCommand::Reopen { id, summary } => {
            let v = tickets::reopen(&mut env.store, &env.ctx, id, summary.as_deref())?;
            print_changed(env, &v);
        }
        TicketCommand::Callback { id, outcome, summary } => {
            let v = tickets::callback(&mut env.store, &env.ctx, id, &outcome, summary.as_deref())?;
            print_changed(env, &v);
        }
        TicketCommand::Macro { id, name, if_version } => super::macros::apply(env, id, &name, if_version)?,
    }
    Ok(())
}

/// The comment block under an empty text in `$EDITOR`, naming the ticket
/// so the agent sees what they answer. Read first: a ticket that does not
/// exist exits 4 before any editor opens.
fn template_for(env: &mut Env, id: i64, pick: fn(&Strings) -> &'static str) -> Result<String, Error> {
    let t = tickets::get(&mut env.store, &env.ctx, id)?.ticket;
    let s = crate::i18n::get();
    let (ticket, customer) = (t.id.to_string(), sanitize_line(&t.customer_name));
    Ok(fill(
        pick(s),
        &[
            ("ticket", &ticket),
            ("customer", &customer),
            ("subject", &sanitize_line(&t.subject)),
        ],
    ))
}

fn print_added(env: &Env, v: &TicketView) {
    if env.json {
        print_json(&ticket_json(v));
    } else {
        outln!("{}", v.ticket.id);
    }
}

fn print_changed(env: &Env, v: &TicketView) {
    if env.json {
        print_json(&ticket_json(v));
    } else {
        let s = crate::i18n::get();
        let (id, version) = (v.ticket.id.to_string(), v.ticket.version.to_string());
        let args = [
            ("id", id.as_str()),
            ("status", s.status(v.ticket.status)),
            ("version", &version),
        ];
        outln!("{}", fill(s.cli_records.ticket_changed, &args));
    }
}

pub fn print_interaction(env: &Env, i: &crate::domain::interaction::Interaction) {
    if env.json {
        print_json(i);
    } else {
        outln!("{}", i.id);
    }
}

fn list(env: &mut Env, mut args: TicketListArgs) -> Result<(), Error> {
    // A saved view is its query: with --query, both apply.
    if let Some(name) = args.view.take() {
        let view = super::views::named(env, &name)?;
        args.query = Some(crate::service::views::expression(&view, args.query.as_deref()));
    }
    let limit = (args.limit > 0).then_some(args.limit);
    let status = args
        .status
        .map(|s| {
            s.parse()
                .map(|s: crate::domain::enums::TicketStatus| s.key().to_string())
        })
        .transpose()?;
    let customer_id = match &args.customer {
        Some(key) => Some(customers::get(&mut env.store, key)?.id),
        None => None,
    };
    let query = TicketQuery {
        status,
        assignee: args.assignee,
        customer_id,
        limit,
        untriaged: args.untriaged,
    };
    if let Some(expr) = &args.query {
        let found = super::ticket_find::find(env, expr, args.search.as_deref(), args.queue, &query)?;
        let snippets = found.searched.then_some(&found.snippets[..]);
        return print_list(env, &found.tickets, snippets, None);
    }
    if let Some(text) = &args.search {
        return super::search::tickets(env, &query, text, args.queue);
    }
    if !args.queue {
        return stream_list(env, &query);
    }
    let page = tickets::queue_page(&mut env.store, &env.ctx, &query)?;
    let note = match env.json {
        false => band_note(&page),
        true => None,
    };
    print_list(env, &page.views, None, note)
}

/// The tickets newest first, each printed as it is read: `--limit 0 | head`
/// shows the first at once, and a list of any length takes the memory of a
/// page. JSON streams as the same array [`print_list`] prints; the table
/// sizes its columns by its first page ([`StreamedTable`]).
fn stream_list(env: &mut Env, query: &TicketQuery) -> Result<(), Error> {
    if env.json {
        let mut array = JsonArray::new(buffered_stdout());
        tickets::each(&mut env.store, &env.ctx, query, &mut |v| array.push(ticket_json(&v)))?;
        return array.finish()?.finish().map(drop).map_err(output_error);
    }
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut table = StreamedTable::new(ticket_table(None), out);
    tickets::each(&mut env.store, &env.ctx, query, &mut |v| table.row(ticket_cells(&v)))?;
    table.finish()
}

/// The tickets as JSON or as a table; `snippets` (same order) where words
/// were searched for: the matched text, a `snippet` key in JSON and an
/// indented line under each row; `note` goes under the table.
pub(super) fn print_list(
    env: &Env,
    views: &[TicketView],
    snippets: Option<&[Option<String>]>,
    note: Option<String>,
) -> Result<(), Error> {
    if env.json {
        let rows: Vec<serde_json::Value> = views
            .iter()
            .enumerate()
            .map(|(n, v)| {
                let mut row = ticket_json(v);
                if let Some(snippets) = snippets {
                    row["snippet"] = snippets.get(n).cloned().flatten().into();
                }
                row
            })
            .collect();
        print_json(&rows);
        return Ok(());
    }
    let table = ticket_table(views);
    match snippets {
        Some(snippets) => table.print_with_notes(snippets),
        None => table.print(),
    }
    if let Some(note) = note {
        outln!("\n{note}");
    }
    Ok(())
}

/// The rows of `ticket list`, one per ticket.
pub(super) fn ticket_table<'a>(views: impl IntoIterator<Item = &'a TicketView>) -> Table {
    let s = crate::i18n::get();
    let r = s.cli_records;
    let mut table = Table::new(&[
        (r.col_ticket_id, super::output::WHOLE),
        (r.col_status, columns::status(s, 8)),
        (r.col_priority, columns::priority(s, 8)),
        (r.col_kind, columns::kind(s, 11)),
        (r.col_customer, 16),
        (r.col_subject, 34),
        (r.col_next_due, TIME_COLS),
        (r.col_sla, columns::sla_state(s, 9)),
        (r.col_assignee, 10),
    ]);
    for v in views {
        table.row(ticket_cells(v));
    }
    table
}

/// One ticket's cells in [`ticket_table`].
fn ticket_cells(v: &TicketView) -> Vec<String> {
    let s = crate::i18n::get();
    let t = &v.ticket;
    vec![
        t.id.to_string(),
        s.status(t.status).into(),
        s.priority(t.priority).into(),
        s.kind(t.kind).into(),
        t.customer_name.clone(),
        t.subject.clone(),
        short_time(v.sla.next_due()),
        v.sla
            .worst_state()
            .map(|state| s.sla_state(state))
            .unwrap_or("—")
            .into(),
        t.assignee.clone(),
    ]
}

/// The note under `ticket list --queue` on the long-overdue band: its size
/// over the whole queue (with the same filters), not only the rows listed,
/// so a `--limit` that stops before the band still tells it is there.
fn band_note(page: &tickets::QueuePage) -> Option<String> {
    let r = crate::i18n::get().cli_records;
    let listed: Vec<i64> = page
        .views
        .iter()
        .filter(|v| v.urgency.band == Band::LongOverdue)
        .map(|v| v.ticket.id)
        .collect();
    let whole = page.long_overdue;
    match listed.first() {
        _ if whole == 0 => None,
        Some(first) if listed.len() == whole => {
            Some(r.queue_long_overdue.of(whole as i64, &[("first", &first.to_string())]))
        }
        _ => Some(r.queue_long_overdue_beyond.of(whole as i64, &[])),
    }
}

fn show(env: &mut Env, id: i64) -> Result<(), Error> {
    let d = tickets::detail(&mut env.store, &env.ctx, id)?;
    let attachments = crate::service::mail::attachments::of_ticket(&mut env.store, id)?;
    if env.json {
        let mut value = ticket_json(&d.view);
        value["interactions"] = serde_json::to_value(&d.interactions).unwrap_or_default();
        value["audit"] = serde_json::to_value(&d.audit).unwrap_or_default();
        value["attachments"] = serde_json::to_value(&attachments).unwrap_or_default();
        print_json(&value);
        return Ok(());
    }
    let (t, sla) = (&d.view.ticket, &d.view.sla);
    let s = crate::i18n::get();
    let r = s.cli_records;
    field(r.label_ticket, &format!("#{} {}", t.id, t.subject));
    field(r.label_customer, &format!("{} {}", t.customer_code, t.customer_name));
    let kind = format!("{} {}", s.kind(t.kind), s.category(&t.category));
    field(r.label_kind, kind.trim_end());
    field(r.label_priority, s.priority(t.priority));
    field(r.label_status, s.status(t.status));
    field(r.label_channel, s.channel(t.channel));
    field(r.label_department, &t.department);
    field(r.label_assignee, &t.assignee);
    if !t.tags.is_empty() {
        field(r.label_tags, &t.tags.join(r.list_separator));
    }
    field(r.label_opened, &short_time(Some(t.opened_at)));
    if let (Some(by), Some(at)) = (&t.triaged_by, t.triaged_at) {
        let at = short_time(Some(at));
        field(
            s.triage.triaged_label,
            &fill(s.triage.triaged_value, &[("agent", by), ("at", &at)]),
        );
    }
    field(r.label_version, &t.version.to_string());
    let now = short_time(Some(env.ctx.now));
    outln!("\n{}", fill(r.heading_sla, &[("time", &now)]));
    for (label, c) in [
        (r.clock_first_response, &sla.first_response),
        (r.clock_resolution, &sla.resolution),
        (r.clock_callback, &sla.callback),
    ] {
        outln!("  {} {}", pad(label, 15), clock_line(c));
    }
    if let Some(outcome) = t.callback_outcome {
        outln!("  {}", fill(r.callback_outcome, &[("outcome", s.outcome(outcome))]));
    }
    let score = d.view.urgency.score.to_string();
    outln!("\n{}", fill(r.heading_urgency, &[("score", &score)]));
    // As wide as the widest figure: a band's offset runs to eleven digits.
    let points: Vec<String> = d.view.urgency.parts.iter().map(|p| format!("{:+}", p.points)).collect();
    let wide = points.iter().map(String::len).max().unwrap_or(0).max(8);
    for (part, points) in d.view.urgency.parts.iter().zip(&points) {
        let why = crate::i18n::urgency::reason(s, &d.view, part.factor, env.ctx.now);
        outln!("  {points:>wide$}  {}", sanitize_line(&why));
    }
    if !t.description.is_empty() {
        outln!("\n{}", sanitize_block(&t.description));
    }
    if !d.interactions.is_empty() {
        outln!("\n{}", r.heading_history);
        for i in &d.interactions {
            let head = format!(
                "  {} {} {} {} ",
                short_time(Some(i.at)),
                pad(r.direction(i.direction), 4),
                pad(s.channel(i.channel), columns::channel(s, 7)),
                pad(&sanitize_line(&i.agent), 10),
            );
            // A text of several lines (written in $EDITOR) keeps them, each
            // under the first.
            let text = sanitize_block(&i.summary);
            let mut lines = text.lines();
            outln!("{head}{}", lines.next().unwrap_or_default());
            let indent = " ".repeat(crate::domain::text::width(&head));
            for line in lines {
                outln!("{}{line}", if line.is_empty() { "" } else { &indent });
            }
        }
    }
    if !attachments.is_empty() {
        outln!("\n{}", s.mail_in.attachments);
        super::mail_in::print_table(s, &attachments);
    }
    print_audit(&d.audit);
    Ok(())
}

fn clock_line(c: &ClockView) -> String {
    let s = crate::i18n::get();
    let r = s.cli_records;
    match (c.state, c.due) {
        (None, _) => r.clock_no_target.into(),
        (Some(state), due) => {
            let done = c
                .done_at
                .map(|t| fill(r.clock_done, &[("time", &short_time(Some(t)))]))
                .unwrap_or_default();
            let state = pad(s.sla_state(state), columns::sla_state(s, 9));
            let due = short_time(due);
            fill(r.clock_due, &[("state", &state), ("due", &due), ("done", &done)])
        }
    }
}

pub fn print_audit(audit: &[AuditEntry]) {
    if audit.is_empty() {
        return;
    }
    let s = crate::i18n::get();
    outln!("\n{}", s.cli_records.heading_audit);
    for e in audit {
        // A stored key (status, priority, tier …) reads as its label; other
        // values (names, subjects) as they are.
        let value = |v: &String| s.choice(&e.field, v).to_string();
        let change = match (&e.old_value, &e.new_value) {
            (Some(old), Some(new)) if old.is_empty() => format!(" → {}", value(new)),
            (Some(old), Some(new)) => format!("{} → {}", value(old), value(new)),
            (None, Some(new)) => value(new),
            (Some(old), None) => format!("{} → ∅", value(old)),
            (None, None) => String::new(),
        };
        outln!(
            "  {} {} {} {}",
            short_time(Some(e.at)),
            pad(&sanitize_line(&e.agent), 10),
            pad(&sanitize_line(s.field(&e.field)), 12),
            sanitize_line(&change)
        );
    }
}
