//! `ticket set`: the field changes as typed, checked against the domain's
//! rules, and applied in one transaction with an audit entry per field.
//! Triage decisions, bulk changes, undo and macros go through
//! [`apply_changes`] too, so every change to a ticket's fields is made here.

use super::tickets::{TicketView, record_contact, set_status, view_in};
use super::{Ctx, Error, sla};
use crate::domain::enums::{Channel, Direction, Priority, TicketKind, TicketStatus};
use crate::domain::error::Invalid;
use crate::domain::ticket::Ticket;
use crate::domain::ticket_tags;
use crate::domain::validate::{self, LINE_MAX, TEXT_MAX};
use crate::store::{Store, StoreError, Tx};

/// Field changes of `ticket set`; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketChanges {
    pub priority: Option<String>,
    pub status: Option<String>,
    pub assignee: Option<String>,
    pub department: Option<String>,
    pub category: Option<String>,
    /// Tags to put on (`--add-tag`, repeatable; a value may list several).
    pub add_tags: Vec<String>,
    /// Tags to take off (`--remove-tag`).
    pub remove_tags: Vec<String>,
    pub subject: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
    /// How it was resolved: kept as an internal note when the change
    /// resolves the ticket (as `ticket resolve --summary` keeps it).
    pub resolution: Option<String>,
}

/// `TicketChanges` checked against the domain's rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidChanges {
    pub priority: Option<Priority>,
    pub status: Option<TicketStatus>,
    pub assignee: Option<String>,
    pub department: Option<String>,
    pub category: Option<String>,
    /// Normalized (`domain::ticket_tags`); removal wins over adding.
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    /// The whole list, in order, in place of the ticket's before `add_tags`
    /// and `remove_tags` apply: how an undo puts the tags back exactly (a
    /// tag taken off and put back again would go to the end).
    pub tags: Option<Vec<String>>,
    pub subject: Option<String>,
    pub kind: Option<TicketKind>,
    pub description: Option<String>,
    pub resolution: Option<String>,
}

impl TicketChanges {
    pub fn validate(&self) -> Result<ValidChanges, Invalid> {
        let text =
            |field: &str, value: &Option<String>| value.as_deref().map(|v| validate::text(field, v, 64)).transpose();
        Ok(ValidChanges {
            priority: self.priority.as_deref().map(str::parse).transpose()?,
            status: self.status.as_deref().map(str::parse).transpose()?,
            assignee: text("assignee", &self.assignee)?,
            department: text("department", &self.department)?,
            category: text("category", &self.category)?,
            add_tags: ticket_tags::parse_all("add-tag", &self.add_tags)?,
            remove_tags: ticket_tags::parse_all("remove-tag", &self.remove_tags)?,
            tags: None,
            subject: self
                .subject
                .as_deref()
                .map(|v| validate::required("subject", v, LINE_MAX))
                .transpose()?,
            kind: self.kind.as_deref().map(str::parse).transpose()?,
            description: self
                .description
                .as_deref()
                .map(|v| validate::text("description", v, TEXT_MAX))
                .transpose()?,
            resolution: self
                .resolution
                .as_deref()
                .map(|v| validate::text("resolution", v, TEXT_MAX))
                .transpose()?
                .filter(|v| !v.is_empty()),
        })
    }
}

pub fn set(
    store: &mut Store,
    ctx: &Ctx,
    id: i64,
    changes: &TicketChanges,
    if_version: Option<i64>,
) -> Result<TicketView, Error> {
    let changes = changes.validate()?;
    store.write(|tx| apply_changes(tx, ctx, id, &changes, if_version))
}

/// Applies validated changes inside an open transaction, auditing each field
/// and re-deriving the due times.
pub(super) fn apply_changes(
    tx: &Tx,
    ctx: &Ctx,
    id: i64,
    changes: &ValidChanges,
    if_version: Option<i64>,
) -> Result<TicketView, Error> {
    let mut t = tx.ticket(id)?;
    if let Some(expected) = if_version
        && expected != t.version
    {
        return Err(StoreError::Conflict {
            entity: crate::domain::error::Entity::Ticket,
            id,
            expected,
            actual: t.version,
        }
        .into());
    }
    if let Some(assignee) = &changes.assignee
        && *assignee != t.assignee
    {
        super::roles::check_assignee(tx, "assignee", assignee)?;
    }
    let before = t.clone();
    let text_change = |field: &str, slot: &mut String, new: &Option<String>| -> Result<(), Error> {
        if let Some(new) = new
            && slot != new
        {
            ctx.audit(tx, "ticket", id, field, Some(slot.clone()), Some(new.clone()))?;
            *slot = new.clone();
        }
        Ok(())
    };
    text_change("assignee", &mut t.assignee, &changes.assignee)?;
    text_change("department", &mut t.department, &changes.department)?;
    text_change("category", &mut t.category, &changes.category)?;
    text_change("subject", &mut t.subject, &changes.subject)?;
    text_change("description", &mut t.description, &changes.description)?;
    // A stored key changes the same way: audited by its key. The kind
    // picks the SLA policy: the refresh below re-derives the targets.
    let keyed = |field: &str, old: &'static str, new: Option<&'static str>| -> Result<bool, Error> {
        match new {
            Some(new) if new != old => {
                ctx.audit(tx, "ticket", id, field, Some(old.into()), Some(new.into()))?;
                Ok(true)
            }
            _ => Ok(false),
        }
    };
    if keyed("kind", t.kind.key(), changes.kind.map(TicketKind::key))? {
        t.kind = changes.kind.unwrap_or(t.kind);
    }
    if keyed("priority", t.priority.key(), changes.priority.map(Priority::key))? {
        t.priority = changes.priority.unwrap_or(t.priority);
    }
    let base = changes.tags.clone().unwrap_or_else(|| t.tags.clone());
    change_tags(tx, ctx, &mut t, &base, &changes.add_tags, &changes.remove_tags)?;
    if let Some(s) = changes.status {
        set_status(tx, ctx, &mut t, s, ctx.now)?;
    }
    if t != before {
        t.updated_at = ctx.now;
        t.version = tx.update_ticket(&t)?;
        sla::refresh(tx, ctx, id)?;
    }
    if let Some(summary) = &changes.resolution
        && before.status != TicketStatus::Resolved
        && t.status == TicketStatus::Resolved
    {
        record_contact(tx, ctx, &t, Channel::Other, Direction::Note, summary, ctx.now)?;
    }
    view_in(tx, ctx, id)
}

/// Puts `add` on and takes `remove` off `base` (the ticket's tags, or the
/// list an undo restores), audited as one change of the `tags` field (old
/// and new lists), as other fields are.
fn change_tags(
    tx: &Tx,
    ctx: &Ctx,
    t: &mut Ticket,
    base: &[String],
    add: &[String],
    remove: &[String],
) -> Result<(), Error> {
    let tags = ticket_tags::apply(base, add, remove);
    if tags == t.tags {
        return Ok(());
    }
    if tags.len() > ticket_tags::TAGS_MAX {
        let value = add.join(",");
        let reason = crate::domain::error::Reason::TooManyTags {
            max: ticket_tags::TAGS_MAX,
        };
        return Err(Invalid::new("add-tag", value, reason).into());
    }
    ctx.audit(tx, "ticket", t.id, "tags", Some(t.tags.join(",")), Some(tags.join(",")))?;
    t.tags = tags;
    Ok(())
}
