//! `customer risk|quality|duplicates|merge|archive-inactive|recompute`, and
//! the relationship part of `customer show`.

use super::Env;
use super::output::{Table, field, print_json, short_time};
use crate::domain::churn::ChurnReason;
use crate::domain::customer::Customer;
use crate::domain::order::format_cents;
use crate::domain::text::sanitize_line;
use crate::service::segments::{self, Standing};
use crate::service::{Error, merge, quality};
use clap::Args;
use serde_json::{Value, json};

#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// At most this many (0 = all)
    #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
    pub limit: usize,
}

#[derive(Debug, Clone, Args)]
pub struct ArchiveInactiveArgs {
    /// Archive customers with no contact, ticket, order or survey for this many days
    #[arg(long, allow_hyphen_values = true, default_value_t = quality::DEFAULT_INACTIVE_DAYS)]
    pub days: i64,
    /// Only list who would be archived
    #[arg(long)]
    pub dry_run: bool,
}

fn limit(a: &LimitArgs) -> Option<usize> {
    (a.limit > 0).then_some(a.limit)
}

/// The warnings as JSON: the reason's key and numbers, and its text.
fn warnings_json(warnings: &[ChurnReason]) -> Value {
    warnings
        .iter()
        .map(|w| {
            let mut value = serde_json::to_value(w).unwrap_or(Value::Null);
            value["text"] = Value::String(w.to_string());
            value
        })
        .collect()
}

fn customer_cell(c: &Customer) -> String {
    format!("{} {}", c.code, c.name)
}

/// Customers with churn warnings (流失预警), with their reasons.
pub fn risk(env: &mut Env, a: &LimitArgs) -> Result<(), Error> {
    let list = segments::risk(&mut env.store, &env.ctx, limit(a))?;
    if env.json {
        let values: Vec<Value> = list
            .iter()
            .map(|r| {
                let mut value = serde_json::to_value(&r.customer).unwrap_or(Value::Null);
                value["warnings"] = warnings_json(&r.warnings);
                value
            })
            .collect();
        print_json(&values);
        return Ok(());
    }
    let mut table = Table::new(&[
        ("CODE", 11),
        ("NAME", 20),
        ("TIER", 10),
        ("STAGE", 8),
        ("VALUE", 12),
        ("REASONS", 80),
    ]);
    for r in &list {
        let c = &r.customer;
        let reasons: Vec<String> = r.warnings.iter().map(ToString::to_string).collect();
        table.row(vec![
            c.code.clone(),
            c.name.clone(),
            c.tier.key().into(),
            c.lifecycle.clone(),
            format_cents(c.lifetime_value_cents),
            reasons.join("; "),
        ]);
    }
    table.print();
    Ok(())
}

pub fn quality(env: &mut Env, a: &LimitArgs) -> Result<(), Error> {
    let list = quality::missing_contact(&mut env.store, limit(a))?;
    if env.json {
        print_json(&list);
        return Ok(());
    }
    let mut table = Table::new(&[
        ("ID", 6),
        ("CODE", 11),
        ("NAME", 24),
        ("OWNER", 12),
        ("LAST CONTACT", 16),
    ]);
    for c in &list {
        table.row(vec![
            c.id.to_string(),
            c.code.clone(),
            c.name.clone(),
            c.owner.clone(),
            short_time(c.last_activity_at),
        ]);
    }
    table.print();
    Ok(())
}

pub fn duplicates(env: &mut Env, a: &LimitArgs) -> Result<(), Error> {
    let list = quality::duplicates(&mut env.store, limit(a))?;
    if env.json {
        print_json(&list);
        return Ok(());
    }
    let mut table = Table::new(&[("FIRST", 24), ("SECOND", 24), ("EVIDENCE", 50)]);
    for d in &list {
        let evidence: Vec<&str> = d.evidence.iter().map(|e| e.key()).collect();
        table.row(vec![
            customer_cell(&d.first),
            customer_cell(&d.second),
            evidence.join(", "),
        ]);
    }
    table.print();
    Ok(())
}

pub fn merge(env: &mut Env, keep: &str, duplicate: &str) -> Result<(), Error> {
    let report = merge::merge(&mut env.store, &env.ctx, keep, duplicate)?;
    if env.json {
        print_json(&report);
        return Ok(());
    }
    let m = &report.moved;
    outln!(
        "merged {} into {}: moved {} tickets, {} interactions, {} orders, {} surveys, {} reminders; {} archived",
        sanitize_line(&report.duplicate.code),
        sanitize_line(&report.keep.code),
        m.tickets,
        m.interactions,
        m.orders,
        m.surveys,
        m.reminders,
        sanitize_line(&report.duplicate.code)
    );
    Ok(())
}

pub fn archive_inactive(env: &mut Env, a: &ArchiveInactiveArgs) -> Result<(), Error> {
    let list = quality::archive_inactive(&mut env.store, &env.ctx, a.days, a.dry_run)?;
    if env.json {
        print_json(&list);
        return Ok(());
    }
    let mut table = Table::new(&[("ID", 6), ("CODE", 11), ("NAME", 24), ("LAST CONTACT", 16)]);
    for c in &list {
        table.row(vec![
            c.id.to_string(),
            c.code.clone(),
            c.name.clone(),
            short_time(c.last_activity_at),
        ]);
    }
    if !list.is_empty() {
        table.print();
    }
    let verb = if a.dry_run { "would archive" } else { "archived" };
    outln!("{verb} {} customers inactive for {} days", list.len(), a.days);
    Ok(())
}

pub fn recompute(env: &mut Env) -> Result<(), Error> {
    let r = segments::recompute_all(&mut env.store, &env.ctx)?;
    if env.json {
        print_json(&r);
    } else {
        outln!(
            "{} customers: {} tier changes, {} lifecycle changes",
            r.customers,
            r.tiers_changed,
            r.lifecycles_changed
        );
    }
    Ok(())
}

/// The standing `customer show` adds to a customer.
pub fn standing(env: &mut Env, c: &Customer) -> Result<Standing, Error> {
    segments::standing(&mut env.store, &env.ctx, c.id)
}

pub fn standing_json(value: &mut Value, s: &Standing) {
    value["warnings"] = warnings_json(&s.warnings);
    value["next_contact"] = json!(s.next_contact.map(crate::domain::time::rfc3339));
}

pub fn print_standing_fields(s: &Standing) {
    field("Lifecycle", s.lifecycle.key());
    if let Some(due) = s.next_contact {
        field("Next contact", &short_time(Some(due)));
    }
}

/// The churn warnings (流失预警), each with its reason.
pub fn print_warnings(s: &Standing) {
    if !s.warnings.is_empty() {
        outln!("\nChurn warnings:");
        for w in &s.warnings {
            outln!("  ! {}", sanitize_line(&w.to_string()));
        }
    }
}
