//! `view list|add|remove`: saved filter-language queries, shown in the
//! TUI's views bar and listed by `ticket list --view NAME`.

use super::Env;
use super::output::{Table, WHOLE, print_json};
use crate::domain::views::SavedView;
use crate::i18n::catalog::views::aliases;
use crate::i18n::{Strings, fill};
use crate::service::{Error, views};
use clap::Subcommand;
use serde_json::json;

pub const EXAMPLES: &str = "Examples:
  frontdesk view list
  frontdesk view add \"VIP 投诉\" \"kind:complaint customer:vip status:active sort:due\"
  frontdesk view add urgent-mine \"assignee:me priority:>=high status:active\"
  frontdesk view remove urgent-mine";

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum ViewCommand {
    /// Every saved view, in the views bar's order, with its query and the tickets it finds now
    List,
    /// Save a query (the filter language of `ticket list --query`) under a name
    Add {
        /// The view's name (unique, letter case aside; a shipped view's names are taken)
        name: String,
        /// The query, e.g. "kind:complaint status:active sort:due"
        expr: String,
    },
    /// Remove a view (a shipped one too: it is not added back)
    Remove {
        /// The view's name, or a shipped view's key (mine, unassigned, breached, waiting, complaints-week)
        name: String,
    },
}

pub fn run(env: &mut Env, cmd: ViewCommand) -> Result<(), Error> {
    let s = crate::i18n::get();
    match cmd {
        ViewCommand::List => {
            let counted = views::read_bar(&mut env.store, &env.ctx, None)?.counted;
            print_list(env.json, s, &counted);
        }
        ViewCommand::Add { name, expr } => {
            let view = views::add(&mut env.store, &env.ctx, &name, &expr, &aliases)?;
            if env.json {
                print_json(&view_json(s, &view));
            } else {
                outln!("{}", fill(s.views.added, &[("name", &safe(&view.name))]));
            }
        }
        ViewCommand::Remove { name } => {
            let view = named_or_list(env, s, |env| views::remove(&mut env.store, &env.ctx, &name, &aliases))?;
            if env.json {
                print_json(&view_json(s, &view));
            } else {
                outln!("{}", fill(s.views.removed, &[("name", &safe(&s.views.name_of(&view)))]));
            }
        }
    }
    Ok(())
}

/// Runs `f`; when it names a view that is not there, says on standard error
/// which views there are before failing with it (exit 4).
pub fn named_or_list<T>(env: &mut Env, s: &Strings, f: impl FnOnce(&mut Env) -> Result<T, Error>) -> Result<T, Error> {
    let result = f(env);
    if let Err(Error::NotFound {
        entity: crate::domain::error::Entity::View,
        ..
    }) = &result
    {
        let names: Vec<String> = views::list(&mut env.store)?
            .iter()
            .map(|v| safe(&s.views.name_of(v)))
            .collect();
        let names = names.join(s.views.list_separator);
        errln!("frontdesk: {}", fill(s.views.known, &[("names", &names)]));
    }
    result
}

/// The view `name` names (`ticket list --view NAME`); none exits 4 and
/// lists the views there are.
pub fn named(env: &mut Env, name: &str) -> Result<SavedView, Error> {
    let s = crate::i18n::get();
    named_or_list(env, s, |env| views::named(&mut env.store, name, &aliases))
}

/// A view as JSON: its display name in the interface language, its stable
/// key (`null` for an added view) and its query as typed.
fn view_json(s: &Strings, view: &SavedView) -> serde_json::Value {
    json!({
        "name": s.views.name_of(view),
        "key": view.builtin.map(|b| b.key()),
        "query": view.query,
        "position": view.position,
        "created_by": view.created_by,
    })
}

fn safe(text: &str) -> String {
    crate::domain::text::sanitize_line(text).into_owned()
}

/// The views with the tickets each finds now (`count` is `null` for a
/// query that no longer reads).
fn print_list(json: bool, s: &Strings, list: &[(SavedView, Option<usize>)]) {
    if json {
        let rows: Vec<serde_json::Value> = list
            .iter()
            .map(|(v, count)| {
                let mut row = view_json(s, v);
                row["count"] = json!(count);
                row
            })
            .collect();
        print_json(&rows);
        return;
    }
    if list.is_empty() {
        outln!("{}", s.views.none_yet);
        return;
    }
    let v = s.views;
    let mut table = Table::new(&[
        (v.col_name, WHOLE),
        (v.col_key, WHOLE),
        (v.col_count, WHOLE),
        (v.col_query, WHOLE),
    ]);
    for (view, count) in list {
        table.row(vec![
            v.name_of(view).into_owned(),
            view.builtin.map_or("", |b| b.key()).to_string(),
            count.map_or_else(|| s.dash.to_string(), |n| n.to_string()),
            view.query.clone(),
        ]);
    }
    table.print();
}
