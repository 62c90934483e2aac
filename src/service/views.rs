//! Saved views: list, add, remove, and find one by any name it goes by —
//! its stored name, a shipped view's key, or a shipped view's display name
//! in any language (the edge passes those in: the catalogue is not the
//! service's to read).

use super::find::{self, Scope};
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::error::{Entity, Invalid, Reason};
use crate::domain::views::{self, Builtin, SavedView, same_name};
use crate::store::{Store, Tx};

/// The display names of a shipped view, in every language.
pub type Aliases<'a> = &'a dyn Fn(Builtin) -> Vec<&'static str>;

/// Whether `typed` names `view`.
pub fn is_called(view: &SavedView, typed: &str, aliases: Aliases) -> bool {
    same_name(typed, &view.name)
        || view
            .builtin
            .is_some_and(|b| same_name(typed, b.key()) || aliases(b).iter().any(|a| same_name(typed, a)))
}

/// Every saved view, in the views bar's order.
pub fn list(store: &mut Store) -> Result<Vec<SavedView>, Error> {
    store.read(|tx| Ok(tx.list_views()?))
}

/// The view `typed` names; none is `NotFound` with what was typed.
pub fn named(store: &mut Store, typed: &str, aliases: Aliases) -> Result<SavedView, Error> {
    store.read(|tx| named_in(tx, typed, aliases))
}

fn named_in(tx: &Tx, typed: &str, aliases: Aliases) -> Result<SavedView, Error> {
    tx.list_views()?
        .into_iter()
        .find(|v| is_called(v, typed, aliases))
        .ok_or_else(|| Error::NotFound {
            entity: Entity::View,
            key: typed.trim().to_string(),
        })
}

/// Adds view `name` showing the tickets `query` finds, after every other.
/// The query is checked by the filter language first, so a bad term is
/// refused (naming it) and nothing is written. A name any view already goes
/// by — a shipped view's key or display name included — is refused, so
/// `--view NAME` always means one view.
pub fn add(store: &mut Store, ctx: &Ctx, name: &str, query: &str, aliases: Aliases) -> Result<SavedView, Error> {
    let view = SavedView {
        name: views::check_name(name)?,
        query: views::check_query(query)?,
        position: 0,
        builtin: None,
        created_by: ctx.agent.clone(),
        created_at: ctx.now,
    };
    super::find::check(ctx, &view.query)?;
    store.write(|tx| {
        let taken = || Invalid::new("name", &view.name, Reason::Taken { by: Entity::View });
        if tx.list_views()?.iter().any(|v| is_called(v, &view.name, aliases)) {
            return Err(taken().into());
        }
        let Some(id) = tx.insert_view(&view)? else {
            return Err(taken().into());
        };
        ctx.audit(tx, "view", id, "created", None, Some(view.name.clone()))?;
        named_in(tx, &view.name, aliases)
    })
}

/// Removes the view `typed` names (a shipped one too: it stays removed).
pub fn remove(store: &mut Store, ctx: &Ctx, typed: &str, aliases: Aliases) -> Result<SavedView, Error> {
    store.write(|tx| {
        let view = named_in(tx, typed, aliases)?;
        let (id, removed) = tx.delete_view(&view.name)?;
        ctx.audit(tx, "view", id, "removed", Some(removed.name.clone()), None)?;
        Ok(removed)
    })
}

/// A view's tickets and counts look at every ticket: the view's own terms
/// (`status:active`, `sla:breached`) say which, so "Complaints this week"
/// counts the week's complaints already resolved too, in the CLI and the
/// TUI alike.
pub const SCOPE: Scope = Scope::All;

/// What the views bar shows: every view with the tickets it finds now
/// (`None` when its query no longer reads, e.g. a term a newer version
/// dropped), and the tickets of the one selected, by its position.
#[derive(Debug, Clone, Default)]
pub struct ViewsRead {
    pub counted: Vec<(SavedView, Option<usize>)>,
    pub tickets: Option<(i64, Vec<TicketView>)>,
}

/// The most tickets of a view the queue pane holds. The queue itself is
/// every active ticket, but a view may ask for every closed one of years:
/// the bar's count stays exact, the list shows the first this many.
pub const VIEW_ROWS: usize = 2000;

/// Counts every view and, when `selected` names one by position, finds its
/// first [`VIEW_ROWS`] tickets.
pub fn read_bar(store: &mut Store, ctx: &Ctx, selected: Option<i64>) -> Result<ViewsRead, Error> {
    let counted = count_all(store, ctx)?;
    with_tickets(store, ctx, counted, selected)
}

/// Every view with the tickets it finds now (`None` when its query no longer reads).
pub fn count_all(store: &mut Store, ctx: &Ctx) -> Result<Vec<(SavedView, Option<usize>)>, Error> {
    let mut counted = Vec::new();
    for view in list(store)? {
        let count = match find::count(store, ctx, &view.query, SCOPE) {
            Ok(n) => Some(n),
            Err(Error::Invalid(_)) => None,
            Err(e) => return Err(e),
        };
        counted.push((view, count));
    }
    Ok(counted)
}

/// The views bar's read from views counted: with the first [`VIEW_ROWS`]
/// tickets of the one at position `selected`, when it reads.
pub fn with_tickets(
    store: &mut Store,
    ctx: &Ctx,
    counted: Vec<(SavedView, Option<usize>)>,
    selected: Option<i64>,
) -> Result<ViewsRead, Error> {
    let chosen = counted
        .iter()
        .find(|(view, count)| selected == Some(view.position) && count.is_some());
    let tickets = match chosen {
        Some((view, _)) => Some((
            view.position,
            find::find(store, ctx, &view.query, SCOPE, Some(VIEW_ROWS))?.tickets,
        )),
        None => None,
    };
    Ok(ViewsRead { counted, tickets })
}

/// The tickets view `typed` finds, narrowed by `narrow` (the rest of a
/// `ticket list`'s query): both apply.
pub fn expression(view: &SavedView, narrow: Option<&str>) -> String {
    match narrow.map(str::trim).filter(|n| !n.is_empty()) {
        Some(narrow) => format!("{} {narrow}", view.query),
        None => view.query.clone(),
    }
}
