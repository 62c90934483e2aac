//! `customer add|list|show|edit|archive`

use super::Env;
use super::args::{CustomerCommand, CustomerFields};
use super::crm;
use super::output::{TIME_COLS, Table, columns, field, pad, print_json, short_time, ticket_json};
use crate::domain::customer::{Customer, CustomerInput};
use crate::domain::text::{sanitize_block, sanitize_line};
use crate::i18n::fill;
use crate::service::customers::CustomerQuery;
use crate::service::tickets::TicketQuery;
use crate::service::{Error, customers, privacy, segments, segments_as_of, tickets};

pub fn run(env: &mut Env, cmd: CustomerCommand) -> Result<(), Error> {
    match cmd {
        CustomerCommand::Add(fields) => {
            let c = customers::add(&mut env.store, &env.ctx, &input(fields))?;
            if env.json {
                print_json(&c);
            } else {
                outln!("{}", c.id);
            }
        }
        CustomerCommand::List(args) => {
            let query = CustomerQuery {
                tier: args
                    .tier
                    .map(|t| t.parse().map(|t: crate::domain::enums::Tier| t.key().to_string()))
                    .transpose()?,
                tag: args.tag,
                include_archived: false,
                limit: (args.limit > 0).then_some(args.limit),
            };
            let list = segments_as_of::customers(&mut env.store, &env.ctx, &query, args.filter.as_deref())?;
            if env.json {
                print_json(&list);
            } else {
                let shown: Vec<Customer> = list
                    .iter()
                    .map(|c| privacy::customer(c, &env.ctx.settings).into_owned())
                    .collect();
                print_list(&shown);
            }
        }
        CustomerCommand::Show { key } => show(env, &key)?,
        CustomerCommand::Edit {
            key,
            fields,
            if_version,
            unpin_tier,
        } => {
            let c = if unpin_tier {
                segments::edit_unpinning(&mut env.store, &env.ctx, &key, &input(fields), if_version)?
            } else {
                customers::edit(&mut env.store, &env.ctx, &key, &input(fields), if_version)?
            };
            if env.json {
                print_json(&c);
            } else {
                let r = crate::i18n::get().cli_records;
                let version = c.version.to_string();
                let code = sanitize_line(&c.code);
                outln!(
                    "{}",
                    fill(r.customer_updated, &[("code", &code), ("version", &version)])
                );
            }
        }
        CustomerCommand::Archive { key } => {
            let c = customers::archive(&mut env.store, &env.ctx, &key)?;
            if env.json {
                print_json(&c);
            } else {
                let r = crate::i18n::get().cli_records;
                outln!("{}", fill(r.customer_archived, &[("code", &sanitize_line(&c.code))]));
            }
        }
        CustomerCommand::Risk(a) => crm::risk(env, &a)?,
        CustomerCommand::Quality(a) => crm::quality(env, &a)?,
        CustomerCommand::Duplicates(a) => crm::duplicates(env, &a)?,
        CustomerCommand::Merge { keep, duplicate } => crm::merge(env, &keep, &duplicate)?,
        CustomerCommand::ArchiveInactive(a) => crm::archive_inactive(env, &a)?,
        CustomerCommand::Recompute => crm::recompute(env)?,
    }
    Ok(())
}

fn input(f: CustomerFields) -> CustomerInput {
    CustomerInput {
        code: f.code,
        name: f.name,
        kind: f.kind,
        contact: f.contact,
        phone: f.phone,
        email: f.email,
        address: f.address,
        industry: f.industry,
        since: f.since,
        tier: f.tier,
        tags: f.tags,
        channel: f.channel,
        owner: f.owner,
        notes: f.notes,
        birthday: f.birthday,
    }
}

fn print_list(list: &[Customer]) {
    let s = crate::i18n::get();
    let r = s.cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_code, super::output::WHOLE),
        (r.col_name, 24),
        (r.col_tier, columns::tier(s, 10)),
        (r.col_phone, 16),
        (r.col_email, 26),
        (r.col_last_contact, TIME_COLS),
    ]);
    for c in list {
        table.row(vec![
            c.id.to_string(),
            c.code.clone(),
            c.name.clone(),
            s.tier(c.tier).into(),
            c.phone.clone(),
            c.email.clone(),
            short_time(c.last_activity_at),
        ]);
    }
    table.print();
}

fn show(env: &mut Env, key: &str) -> Result<(), Error> {
    let mut found = customers::get(&mut env.store, key)?;
    let standing = crm::standing(env, &found)?;
    // What the rules say now, not what was stored at the last recompute.
    found.tier = standing.tier;
    found.lifecycle = standing.lifecycle.key().to_string();
    let c = privacy::customer(&found, &env.ctx.settings);
    let query = TicketQuery {
        customer_id: Some(c.id),
        limit: Some(20),
        ..Default::default()
    };
    let list = tickets::list(&mut env.store, &env.ctx, &query)?;
    let audit = customers::audit(&mut env.store, c.id)?;
    if env.json {
        let mut value = serde_json::to_value(&found).unwrap_or_default();
        crm::standing_json(&mut value, &standing);
        value["tickets"] = list.iter().map(ticket_json).collect();
        value["audit"] = serde_json::to_value(&audit).unwrap_or_default();
        print_json(&value);
        return Ok(());
    }
    let s = crate::i18n::get();
    let r = s.cli_records;
    field(r.label_customer, &format!("{} {}", c.code, c.name));
    field(r.label_kind, s.customer_kind(c.kind));
    field(
        r.label_tier,
        &format!("{}{}", s.tier(c.tier), if c.tier_pinned { r.tier_pinned } else { "" }),
    );
    crm::print_standing_fields(&standing);
    for (label, value) in [
        (r.label_contact, &c.contact),
        (r.label_phone, &c.phone),
        (r.label_email, &c.email),
        (r.label_address, &c.address),
        (r.label_industry, &c.industry),
        (r.label_owner, &c.owner),
    ] {
        if !value.is_empty() {
            field(label, value);
        }
    }
    field(r.label_since, &c.since.map(|d| d.to_string()).unwrap_or_default());
    if let Some(birthday) = c.birthday {
        field(r.label_birthday, &birthday.to_string());
    }
    field(r.label_value, &format!("{:.2}", c.lifetime_value_cents as f64 / 100.0));
    if !c.tags.is_empty() {
        field(r.label_tags, &c.tags.join(r.list_separator));
    }
    field(r.label_last_contact, &short_time(c.last_activity_at));
    field(r.label_version, &c.version.to_string());
    if c.archived {
        field(r.label_archived, r.yes);
    }
    if !c.notes.is_empty() {
        outln!("\n{}", sanitize_block(&c.notes));
    }
    crm::print_warnings(&standing);
    if !list.is_empty() {
        outln!("\n{}", r.heading_tickets);
        for v in &list {
            let t = &v.ticket;
            outln!(
                "  #{} {} {} {} {}",
                pad(&t.id.to_string(), 6),
                pad(s.status(t.status), columns::status(s, 9)),
                pad(s.priority(t.priority), columns::priority(s, 8)),
                pad(s.kind(t.kind), columns::kind(s, 11)),
                sanitize_line(&t.subject)
            );
        }
    }
    super::ticket::print_audit(&privacy::audit(audit, &env.ctx.settings));
    Ok(())
}
