//! Saved views: list, add, remove, and find one by any name it goes by —
//! its stored name, a shipped view's key, or a shipped view's display name
//! in any language (the edge passes those in: the catalogue is not the
//! service's to read).

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
