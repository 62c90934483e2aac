//! `customer risk|quality|duplicates|merge|archive-inactive|recompute`, and
//! the relationship part of `customer show`.

use super::Env;
use super::output::{TIME_COLS, Table, columns, field, label_width, print_json, short_time};
use crate::domain::churn::ChurnReason;
use crate::domain::customer::Customer;
use crate::domain::order::format_cents;
use crate::domain::text::sanitize_line;
use crate::i18n::catalog::cli_records::CliRecordsStrings;
use crate::i18n::{Strings, fill};
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

/// A churn warning in the words of `r` (JSON keeps the English text of
/// `ChurnReason`'s `Display` beside its key and numbers).
pub fn churn_reason(r: &CliRecordsStrings, reason: &ChurnReason) -> String {
    let days = |n: i64| r.count_days.of(n, &[]);
    match reason {
        ChurnReason::FewerContacts {
            recent,
            before,
            window_days,
        } => {
            let (recent, before, window) = (recent.to_string(), before.to_string(), days(*window_days));
            let window_days = window_days.to_string();
            let args = [
                ("recent", recent.as_str()),
                ("before", &before),
                ("window", &window),
                ("window_days", &window_days),
            ];
            fill(r.churn_fewer_contacts, &args)
        }
        ChurnReason::Complaints { count, window_days } => {
            let (complaints, window) = (r.count_complaints.of(*count, &[]), days(*window_days));
            fill(r.churn_complaints, &[("complaints", &complaints), ("window", &window)])
        }
        ChurnReason::LowSatisfaction { average, below } => {
            let (average, below) = (format!("{average:.1}"), below.to_string());
            fill(r.churn_low_satisfaction, &[("average", &average), ("below", &below)])
        }
        ChurnReason::OrdersOverdue {
            days_since_last,
            usual_days,
        } => {
            let template = if *usual_days <= 1 {
                r.churn_orders_daily
            } else {
                r.churn_orders_overdue
            };
            let (since, usual_days) = (days(*days_since_last), usual_days.to_string());
            fill(template, &[("since", &since), ("usual_days", &usual_days)])
        }
    }
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
    let s = crate::i18n::get();
    let t = s.cli_records;
    let mut table = Table::new(&[
        (t.col_code, super::output::WHOLE),
        (t.col_name, 20),
        (t.col_tier, columns::tier(s, 10)),
        (t.col_stage, label_width(8, s.lifecycles.iter().map(|l| l.1))),
        (t.col_value, 12),
        (t.col_reasons, 80),
    ]);
    for r in &list {
        let c = &r.customer;
        let reasons: Vec<String> = r.warnings.iter().map(|w| churn_reason(t, w)).collect();
        table.row(vec![
            c.code.clone(),
            c.name.clone(),
            s.tier(c.tier).into(),
            Strings::keyed(s.lifecycles, &c.lifecycle).into(),
            format_cents(c.lifetime_value_cents),
            reasons.join(t.reason_separator),
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
    let t = crate::i18n::get().cli_records;
    let mut table = Table::new(&[
        (t.col_id, super::output::WHOLE),
        (t.col_code, super::output::WHOLE),
        (t.col_name, 24),
        (t.col_owner, 12),
        (t.col_last_contact, TIME_COLS),
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
    let t = crate::i18n::get().cli_records;
    let mut table = Table::new(&[(t.col_first, 24), (t.col_second, 24), (t.col_evidence, 50)]);
    for d in &list {
        let evidence: Vec<&str> = d.evidence.iter().map(|e| t.evidence(*e)).collect();
        table.row(vec![
            customer_cell(&d.first),
            customer_cell(&d.second),
            evidence.join(t.list_separator),
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
    let r = crate::i18n::get().cli_records;
    let counts = [
        r.count_tickets.of(m.tickets as i64, &[]),
        r.count_interactions.of(m.interactions as i64, &[]),
        r.count_orders.of(m.orders as i64, &[]),
        r.count_surveys.of(m.surveys as i64, &[]),
        r.count_reminders.of(m.reminders as i64, &[]),
    ]
    // Chinese counts carry a space to stand after other words; in this list
    // the template places them.
    .map(|count| count.trim().to_string());
    let (duplicate, keep) = (sanitize_line(&report.duplicate.code), sanitize_line(&report.keep.code));
    let args = [
        ("duplicate", duplicate.as_ref()),
        ("keep", keep.as_ref()),
        ("tickets", &counts[0]),
        ("interactions", &counts[1]),
        ("orders", &counts[2]),
        ("surveys", &counts[3]),
        ("reminders", &counts[4]),
    ];
    outln!("{}", fill(r.merged, &args));
    Ok(())
}

pub fn archive_inactive(env: &mut Env, a: &ArchiveInactiveArgs) -> Result<(), Error> {
    let list = quality::archive_inactive(&mut env.store, &env.ctx, a.days, a.dry_run)?;
    if env.json {
        print_json(&list);
        return Ok(());
    }
    let r = crate::i18n::get().cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_code, super::output::WHOLE),
        (r.col_name, 24),
        (r.col_last_contact, TIME_COLS),
    ]);
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
    let template = if a.dry_run {
        r.would_archive_inactive
    } else {
        r.archived_inactive
    };
    let (count, days) = (list.len().to_string(), a.days.to_string());
    outln!("{}", fill(template, &[("count", &count), ("days", &days)]));
    Ok(())
}

pub fn recompute(env: &mut Env) -> Result<(), Error> {
    let progress = super::progress::Bar::on_stderr();
    let r = segments::recompute_all_with(&mut env.store, &env.ctx, &progress)?;
    drop(progress);
    if env.json {
        print_json(&r);
    } else {
        let t = crate::i18n::get().cli_records;
        let args = [
            ("customers", t.count_customers.of(r.customers as i64, &[])),
            ("tiers", t.count_tier_changes.of(r.tiers_changed as i64, &[])),
            (
                "lifecycles",
                t.count_lifecycle_changes.of(r.lifecycles_changed as i64, &[]),
            ),
        ];
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        outln!("{}", fill(t.recomputed, &args));
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

pub fn print_standing_fields(standing: &Standing) {
    let s = crate::i18n::get();
    let lifecycle = Strings::keyed(s.lifecycles, standing.lifecycle.key());
    field(s.cli_records.label_lifecycle, lifecycle);
    if let Some(due) = standing.next_contact {
        field(s.cli_records.label_next_contact, &short_time(Some(due)));
    }
}

/// The churn warnings (流失预警), each with its reason.
pub fn print_warnings(s: &Standing) {
    if !s.warnings.is_empty() {
        let r = crate::i18n::get().cli_records;
        outln!("\n{}", r.heading_churn);
        for w in &s.warnings {
            outln!("  ! {}", sanitize_line(&churn_reason(r, w)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::churn_reason;
    use crate::domain::churn::ChurnReason;
    use crate::i18n::Lang;

    fn cases() -> Vec<(ChurnReason, &'static str)> {
        vec![
            (
                ChurnReason::FewerContacts {
                    recent: 1,
                    before: 4,
                    window_days: 90,
                },
                "近 90 天联系 1 次，此前 90 天为 4 次",
            ),
            (
                ChurnReason::Complaints {
                    count: 2,
                    window_days: 30,
                },
                "近 30 天投诉 2 次",
            ),
            (
                ChurnReason::Complaints {
                    count: 1,
                    window_days: 1,
                },
                "近 1 天投诉 1 次",
            ),
            (
                ChurnReason::LowSatisfaction {
                    average: 2.345,
                    below: 3.0,
                },
                "平均满意度 2.3（低于 3）",
            ),
            (
                ChurnReason::OrdersOverdue {
                    days_since_last: 1,
                    usual_days: 1,
                },
                "已 1 天未下单，平时每天都有订单",
            ),
            (
                ChurnReason::OrdersOverdue {
                    days_since_last: 61,
                    usual_days: 30,
                },
                "已 61 天未下单，平时约每 30 天一单",
            ),
        ]
    }

    /// English says what the domain's own text says, word for word, so the
    /// human output did not change when it moved into the catalogue.
    #[test]
    fn english_churn_warnings_read_as_the_domain_text() {
        let en = Lang::En.strings().cli_records;
        for (reason, _) in cases() {
            assert_eq!(churn_reason(en, &reason), reason.to_string());
        }
    }

    #[test]
    fn chinese_churn_warnings() {
        let zh = Lang::ZhCn.strings().cli_records;
        for (reason, expected) in cases() {
            assert_eq!(churn_reason(zh, &reason), expected, "{reason:?}");
        }
    }
}
