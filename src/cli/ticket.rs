//! `ticket add|list|show|reply|note|set|resolve|reopen`

use super::Env;
use super::args::{TicketCommand, TicketListArgs};
use super::output::{Table, field, print_json, short_time, ticket_json};
use crate::domain::audit::AuditEntry;
use crate::domain::sla::ClockView;
use crate::domain::text::{sanitize_block, sanitize_line};
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
            channel,
            kb,
        } => {
            let i = tickets::reply_with(&mut env.store, &env.ctx, id, summary.as_deref(), channel.as_deref(), kb)?;
            print_interaction(env, &i);
        }
        TicketCommand::Note { id, summary } => {
            let i = tickets::note(&mut env.store, &env.ctx, id, &summary)?;
            print_interaction(env, &i);
        }
        TicketCommand::Set(a) => {
            let changes = TicketChanges {
                priority: a.priority,
                status: a.status,
                assignee: a.assignee,
                department: a.department,
                category: a.category,
            };
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
    }
    Ok(())
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
        outln!(
            "#{} {} (version {})",
            v.ticket.id,
            v.ticket.status.key(),
            v.ticket.version
        );
    }
}

pub fn print_interaction(env: &Env, i: &crate::domain::interaction::Interaction) {
    if env.json {
        print_json(i);
    } else {
        outln!("{}", i.id);
    }
}

fn list(env: &mut Env, args: TicketListArgs) -> Result<(), Error> {
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
    };
    let views = if args.queue {
        tickets::queue_matching(&mut env.store, &env.ctx, &query)?
    } else {
        tickets::list(&mut env.store, &env.ctx, &query)?
    };
    if env.json {
        print_json(&views.iter().map(ticket_json).collect::<Vec<_>>());
        return Ok(());
    }
    let mut table = Table::new(&[
        ("ID", 6),
        ("STATUS", 8),
        ("PRIORITY", 8),
        ("KIND", 11),
        ("CUSTOMER", 16),
        ("SUBJECT", 34),
        ("NEXT DUE", 16),
        ("SLA", 9),
        ("ASSIGNEE", 10),
    ]);
    for v in &views {
        let t = &v.ticket;
        table.row(vec![
            t.id.to_string(),
            t.status.key().into(),
            t.priority.key().into(),
            t.kind.key().into(),
            t.customer_name.clone(),
            t.subject.clone(),
            short_time(v.sla.next_due()),
            v.sla.worst_state().map(state_key).unwrap_or("—").into(),
            t.assignee.clone(),
        ]);
    }
    table.print();
    Ok(())
}

fn state_key(s: crate::domain::sla::SlaState) -> &'static str {
    use crate::domain::sla::SlaState::*;
    match s {
        Running => "running",
        AtRisk => "at_risk",
        Breached => "breached",
        Paused => "paused",
        Met => "met",
        Missed => "missed",
    }
}

fn show(env: &mut Env, id: i64) -> Result<(), Error> {
    let d = tickets::detail(&mut env.store, &env.ctx, id)?;
    if env.json {
        let mut value = ticket_json(&d.view);
        value["interactions"] = serde_json::to_value(&d.interactions).unwrap_or_default();
        value["audit"] = serde_json::to_value(&d.audit).unwrap_or_default();
        print_json(&value);
        return Ok(());
    }
    let (t, sla) = (&d.view.ticket, &d.view.sla);
    field("Ticket", &format!("#{} {}", t.id, t.subject));
    field("Customer", &format!("{} {}", t.customer_code, t.customer_name));
    field("Kind", &format!("{} {}", t.kind.key(), t.category));
    field("Priority", t.priority.key());
    field("Status", t.status.key());
    field("Channel", t.channel.key());
    field("Department", &t.department);
    field("Assignee", &t.assignee);
    field("Opened", &short_time(Some(t.opened_at)));
    field("Version", &t.version.to_string());
    outln!("\nSLA (at {}):", short_time(Some(env.ctx.now)));
    for (label, c) in [
        ("first response", &sla.first_response),
        ("resolution", &sla.resolution),
        ("callback", &sla.callback),
    ] {
        outln!("  {label:<15} {}", clock_line(c));
    }
    if let Some(outcome) = t.callback_outcome {
        outln!("  callback outcome: {}", outcome.key());
    }
    outln!("\nUrgency {}:", d.view.urgency.score);
    for part in &d.view.urgency.parts {
        outln!("  {:>+8}  {}", part.points, sanitize_line(&part.detail));
    }
    if !t.description.is_empty() {
        outln!("\n{}", sanitize_block(&t.description));
    }
    if !d.interactions.is_empty() {
        outln!("\nHistory:");
        for i in &d.interactions {
            outln!(
                "  {} {:<4} {:<7} {:<10} {}",
                short_time(Some(i.at)),
                i.direction.key(),
                i.channel.key(),
                sanitize_line(&i.agent),
                sanitize_line(&i.summary)
            );
        }
    }
    print_audit(&d.audit);
    Ok(())
}

fn clock_line(c: &ClockView) -> String {
    match (c.state, c.due) {
        (None, _) => "no target".into(),
        (Some(state), due) => {
            let done = c
                .done_at
                .map(|t| format!(", done {}", short_time(Some(t))))
                .unwrap_or_default();
            format!("{:<9} due {}{}", state_key(state), short_time(due), done)
        }
    }
}

pub fn print_audit(audit: &[AuditEntry]) {
    if audit.is_empty() {
        return;
    }
    outln!("\nAudit:");
    for e in audit {
        let change = match (&e.old_value, &e.new_value) {
            (Some(old), Some(new)) => format!("{old} → {new}"),
            (None, Some(new)) => new.clone(),
            (Some(old), None) => format!("{old} → ∅"),
            (None, None) => String::new(),
        };
        outln!(
            "  {} {:<10} {:<12} {}",
            short_time(Some(e.at)),
            sanitize_line(&e.agent),
            sanitize_line(&e.field),
            sanitize_line(&change)
        );
    }
}
