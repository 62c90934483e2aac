//! `macro list|add|remove` and `ticket macro ID NAME`.

use super::Env;
use super::output::{Table, print_json, ticket_json};
use super::values::one_of;
use crate::domain::enums::{Priority, TicketStatus};
use crate::domain::macros::{Macro, MacroInput};
use crate::i18n::{Strings, fill};
use crate::service::{Error, macros};
use clap::Subcommand;

pub const EXAMPLES: &str = "Examples:
  frontdesk macro add 等待客户回复 --reply \"您好，请补充订单号和照片，我们收到后立即处理。\" --status pending --add-tag 待补充
  frontdesk macro add escalate --priority urgent --assignee wang.fang --add-tag escalated
  frontdesk macro list
  frontdesk macro remove escalate";

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum MacroCommand {
    /// Every macro, by name, with what it does
    List,
    /// Add a macro: a reply text and/or field changes, applied with `ticket macro ID NAME`
    Add {
        /// The macro's name (unique, letter case aside)
        name: String,
        /// Sent to the customer as an outbound reply (counts as a response)
        #[arg(long)]
        reply: Option<String>,
        /// The status the ticket gets
        #[arg(long, value_parser = one_of::<TicketStatus>())]
        status: Option<String>,
        /// The priority the ticket gets
        #[arg(long, value_parser = one_of::<Priority>())]
        priority: Option<String>,
        /// A tag to put on (repeatable; "a,b" puts on both)
        #[arg(long = "add-tag", value_name = "TAG")]
        add_tag: Vec<String>,
        /// A tag to take off (repeatable)
        #[arg(long = "remove-tag", value_name = "TAG")]
        remove_tag: Vec<String>,
        /// The agent who takes the ticket ("" unassigns it); once agents are listed, one of them
        #[arg(long)]
        assignee: Option<String>,
    },
    /// Remove a macro
    Remove {
        /// The macro's name
        name: String,
    },
}

pub fn run(env: &mut Env, cmd: MacroCommand) -> Result<(), Error> {
    let s = crate::i18n::get();
    match cmd {
        MacroCommand::List => {
            let list = macros::list(&mut env.store)?;
            print_list(env.json, s, &list);
        }
        MacroCommand::Add {
            name,
            reply,
            status,
            priority,
            add_tag,
            remove_tag,
            assignee,
        } => {
            let input = MacroInput {
                name,
                reply,
                status,
                priority,
                add_tags: add_tag,
                remove_tags: remove_tag,
                assignee,
            };
            let m = macros::add(&mut env.store, &env.ctx, &input)?;
            if env.json {
                print_json(&m);
            } else {
                outln!("{}", m.id);
            }
        }
        MacroCommand::Remove { name } => {
            let m = macros::remove(&mut env.store, &env.ctx, &name)?;
            if env.json {
                print_json(&m);
            } else {
                outln!("{}", fill(s.macros.removed, &[("name", &safe(&m.name))]));
            }
        }
    }
    Ok(())
}

/// `ticket macro ID NAME`: the ticket as changed (JSON: the ticket, with the
/// macro and the reply beside it).
pub fn apply(env: &mut Env, id: i64, name: &str, if_version: Option<i64>) -> Result<(), Error> {
    let done = macros::apply(&mut env.store, &env.ctx, id, name, if_version)?;
    if env.json {
        let mut value = ticket_json(&done.view);
        value["macro"] = serde_json::to_value(&done.applied).unwrap_or_default();
        value["reply"] = serde_json::to_value(&done.reply).unwrap_or_default();
        print_json(&value);
        return Ok(());
    }
    let s = crate::i18n::get();
    let t = &done.view.ticket;
    let (id, version) = (t.id.to_string(), t.version.to_string());
    let args = [
        ("id", id.as_str()),
        ("name", &safe(&done.applied.name)),
        ("status", s.status(t.status)),
        ("version", &version),
    ];
    outln!("{}", fill(s.macros.applied, &args));
    Ok(())
}

fn safe(text: &str) -> String {
    crate::domain::text::sanitize_line(text).into_owned()
}

fn print_list(json: bool, s: &Strings, list: &[Macro]) {
    if json {
        print_json(list);
        return;
    }
    if list.is_empty() {
        outln!("{}", s.macros.none_yet);
        return;
    }
    let m = s.macros;
    let mut table = Table::new(&[(m.col_name, 20), (m.col_does, 60)]);
    for item in list {
        table.row(vec![item.name.clone(), crate::i18n::macro_text::does(s, item)]);
    }
    table.print();
}
