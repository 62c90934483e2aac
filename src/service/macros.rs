//! Macros: add, list, remove, and apply one to a ticket — the reply and
//! every field change in one transaction, so a macro is applied whole or
//! not at all.

use super::tickets::{TicketChanges, TicketView, apply_changes, record_contact};
use super::{Ctx, Error};
use crate::domain::enums::Direction;
use crate::domain::error::{Entity, Invalid, Reason};
use crate::domain::interaction::Interaction;
use crate::domain::macros::{Macro, MacroInput};
use crate::store::{Store, StoreError};

/// What applying a macro did.
#[derive(Debug, Clone)]
pub struct Applied {
    pub applied: Macro,
    /// The ticket after every change.
    pub view: TicketView,
    /// The reply sent, if the macro has one.
    pub reply: Option<Interaction>,
}

pub fn add(store: &mut Store, ctx: &Ctx, input: &MacroInput) -> Result<Macro, Error> {
    let mut m = input.validate(&ctx.agent, ctx.now)?;
    store.write(|tx| {
        // The assignee rule of `ticket set`, checked when the macro is
        // written: a typo would otherwise surface only when it is applied.
        if let Some(assignee) = &m.assignee {
            super::roles::check_assignee(tx, "assignee", assignee)?;
        }
        let Some(id) = tx.insert_macro(&m)? else {
            return Err(Invalid::new("name", &m.name, Reason::Taken { by: Entity::Macro }).into());
        };
        ctx.audit(tx, "macro", id, "created", None, Some(m.name.clone()))?;
        m.id = id;
        Ok(m.clone())
    })
}

pub fn list(store: &mut Store) -> Result<Vec<Macro>, Error> {
    store.read(|tx| Ok(tx.list_macros()?))
}

pub fn remove(store: &mut Store, ctx: &Ctx, name: &str) -> Result<Macro, Error> {
    store.write(|tx| {
        let m = tx.delete_macro(name.trim())?;
        ctx.audit(tx, "macro", m.id, "removed", Some(m.name.clone()), None)?;
        Ok(m)
    })
}

/// The field changes a macro makes, as `ticket set` would take them, so
/// they pass the same checks.
fn changes_of(m: &Macro) -> TicketChanges {
    TicketChanges {
        priority: m.priority.map(|p| p.key().to_string()),
        status: m.status.map(|s| s.key().to_string()),
        assignee: m.assignee.clone(),
        add_tags: m.add_tags.clone(),
        remove_tags: m.remove_tags.clone(),
        ..TicketChanges::default()
    }
}

/// Applies macro `name` to ticket `id`: the reply first (an outbound
/// contact on the ticket's channel, so it counts as the first response and
/// opens a new ticket), then the field changes, so a status the macro sets
/// is the one the ticket keeps. With `if_version`, a ticket changed since
/// is a conflict and nothing is written; any failing step writes nothing.
pub fn apply(store: &mut Store, ctx: &Ctx, id: i64, name: &str, if_version: Option<i64>) -> Result<Applied, Error> {
    store.write(|tx| {
        let m = tx.macro_named(name.trim())?;
        let changes = changes_of(&m).validate()?;
        let t = tx.ticket(id)?;
        if let Some(expected) = if_version
            && expected != t.version
        {
            return Err(StoreError::Conflict {
                entity: Entity::Ticket,
                id,
                expected,
                actual: t.version,
            }
            .into());
        }
        let reply = if m.reply.is_empty() {
            None
        } else {
            Some(record_contact(
                tx,
                ctx,
                &t,
                t.channel,
                Direction::Outbound,
                &m.reply,
                ctx.now,
            )?)
        };
        ctx.audit(tx, "ticket", id, "macro", None, Some(m.name.clone()))?;
        let view = apply_changes(tx, ctx, id, &changes, None)?;
        Ok(Applied {
            applied: m.clone(),
            view,
            reply,
        })
    })
}
