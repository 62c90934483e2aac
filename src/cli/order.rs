//! `order add|list`

use super::Env;
use super::output::{Table, print_json, short_time};
use crate::domain::order::{Order, format_cents};
use crate::service::Error;
use crate::service::orders::{self, OrderInput};
use clap::{Args, Subcommand};
use serde_json::Value;

#[derive(Debug, Clone, Subcommand)]
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
}

#[derive(Debug, Clone, Args)]
pub struct OrderAddArgs {
    /// Customer id or code
    #[arg(long)]
    pub customer: String,
    /// The amount in currency units, e.g. 1234.50 (0 or more)
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// When the order was placed [default: now]
    #[arg(long)]
    pub at: Option<String>,
    #[arg(long)]
    pub product: Option<String>,
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
                println!("{}", order.id);
            }
        }
        OrderCommand::List { customer, limit } => {
            let list = orders::list(&mut env.store, &customer, (limit > 0).then_some(limit))?;
            if env.json {
                print_json(&list.iter().map(order_json).collect::<Vec<_>>());
            } else {
                let mut table = Table::new(&[("ID", 6), ("WHEN", 16), ("AMOUNT", 12), ("PRODUCT", 24), ("NOTE", 40)]);
                for o in &list {
                    table.row(vec![
                        o.id.to_string(),
                        short_time(Some(o.at)),
                        format!("{:>12}", format_cents(o.amount_cents)),
                        o.product.clone(),
                        o.note.clone(),
                    ]);
                }
                table.print();
            }
        }
    }
    Ok(())
}

/// The order's fields, with `amount` as exact decimal text beside `amount_cents`.
fn order_json(o: &Order) -> Value {
    let mut value = serde_json::to_value(o).unwrap_or(Value::Null);
    value["amount"] = Value::String(format_cents(o.amount_cents));
    value
}
