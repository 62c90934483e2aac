//! `order add|list|refund|cancel`

use super::Env;
use super::output::{TIME_COLS, Table, pad_left, print_json, short_time};
use crate::domain::order::{Correction, Order, OrderLine, format_cents};
use crate::i18n::fill;
use crate::service::Error;
use crate::service::orders::{self, CorrectionInput, OrderInput};
use clap::{Args, Subcommand};
use serde_json::Value;

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum OrderCommand {
    /// Record an order; updates the customer's lifetime value, tier and lifecycle
    Add(OrderAddArgs),
    /// A customer's orders, newest first
    List {
        /// Customer id or code
        #[arg(long)]
        customer: String,
        /// At most this many (0 = all)
        #[arg(long, default_value_t = 50, value_parser = super::parse::limit)]
        limit: usize,
    },
    /// Refund part or all of what is left of an order; value and tier follow
    Refund {
        /// The order's id (see `order list`)
        order: i64,
        /// The amount given back, e.g. 200.00 (at most what is left)
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// Why it is given back
        #[arg(long)]
        note: Option<String>,
    },
    /// Cancel an order: everything not yet refunded; value and tier follow
    Cancel {
        /// The order's id (see `order list`)
        order: i64,
        /// Why it is called off
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct OrderAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// The amount in currency units, e.g. 1234.50 (0 or more)
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// When the order was placed (any TIME form) [default: now]
    #[arg(long)]
    pub at: Option<String>,
    /// What was bought
    #[arg(long)]
    pub product: Option<String>,
    /// A note on the order
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(env: &mut Env, cmd: OrderCommand) -> Result<(), Error> {
    match cmd {
        OrderCommand::Add(a) => {
            let input = OrderInput {
                customer: a.customer,
                amount: a.amount,
                at: a.at,
                product: a.product,
                note: a.note,
            };
            let order = orders::add(&mut env.store, &env.ctx, &input)?;
            if env.json {
                print_json(&order_json(&order));
            } else {
                outln!("{}", order.id);
            }
        }
        OrderCommand::List { customer, limit } => {
            let list = orders::list(&mut env.store, &customer, (limit > 0).then_some(limit))?;
            if env.json {
                print_json(&list.iter().map(line_json).collect::<Vec<_>>());
            } else {
                print_lines(&list);
            }
        }
        OrderCommand::Refund { order, amount, note } => {
            let input = CorrectionInput {
                order,
                amount: Some(amount),
                note,
            };
            let line = orders::refund(&mut env.store, &env.ctx, &input)?;
            corrected(env, &line);
        }
        OrderCommand::Cancel { order, note } => {
            let input = CorrectionInput {
                order,
                amount: None,
                note,
            };
            let line = orders::cancel(&mut env.store, &env.ctx, &input)?;
            corrected(env, &line);
        }
    }
    Ok(())
}

/// After a correction: the order as it now stands.
fn corrected(env: &Env, line: &OrderLine) {
    if env.json {
        print_json(&line_json(line));
    } else if let Some(c) = line.corrections.last() {
        let r = crate::i18n::get().cli_records;
        let (order, amount, net) = (
            line.order.id.to_string(),
            format_cents(c.amount_cents),
            format_cents(line.net_cents()),
        );
        let args = [
            ("order", order.as_str()),
            ("kind", r.correction_kind(c.kind)),
            ("amount", &amount),
            ("net", &net),
        ];
        outln!("{}", fill(r.order_corrected, &args));
    }
}

/// Orders with their net amounts, each correction on a line of its own
/// below its order.
fn print_lines(list: &[OrderLine]) {
    let r = crate::i18n::get().cli_records;
    let mut table = Table::new(&[
        (r.col_id, super::output::WHOLE),
        (r.col_when, TIME_COLS),
        (r.col_amount, 12),
        (r.col_net, 12),
        (r.col_product, 24),
        (r.col_note, 40),
    ]);
    for line in list {
        let o = &line.order;
        let net = if line.cancelled() {
            r.order_cancelled.to_string()
        } else {
            format_cents(line.net_cents())
        };
        table.row(vec![
            o.id.to_string(),
            short_time(Some(o.at)),
            format!("{:>12}", format_cents(o.amount_cents)),
            pad_left(&net, 12),
            o.product.clone(),
            o.note.clone(),
        ]);
        for c in &line.corrections {
            let args = [("kind", r.correction_kind(c.kind)), ("agent", c.created_by.as_str())];
            table.row(vec![
                String::new(),
                short_time(Some(c.at)),
                format!("{:>12}", format!("-{}", format_cents(c.amount_cents))),
                String::new(),
                fill(r.order_correction_by, &args),
                c.note.clone(),
            ]);
        }
    }
    table.print();
}

/// An order with `net_cents`, `net`, `cancelled` and its `corrections`,
/// amounts as exact decimal text beside the cents.
fn line_json(line: &OrderLine) -> Value {
    let mut value = order_json(&line.order);
    value["net_cents"] = Value::from(line.net_cents());
    value["net"] = Value::String(format_cents(line.net_cents()));
    value["cancelled"] = Value::Bool(line.cancelled());
    value["corrections"] = line.corrections.iter().map(correction_json).collect();
    value
}

fn correction_json(c: &Correction) -> Value {
    let mut value = serde_json::to_value(c).unwrap_or(Value::Null);
    value["amount"] = Value::String(format_cents(c.amount_cents));
    value
}

/// The order's fields, with `amount` as exact decimal text beside `amount_cents`.
fn order_json(o: &Order) -> Value {
    let mut value = serde_json::to_value(o).unwrap_or(Value::Null);
    value["amount"] = Value::String(format_cents(o.amount_cents));
    value
}
