//! Merging a duplicate customer into the one to keep (supervisors and admins).

use super::{Ctx, Error, customers, roles, segments};
use crate::domain::customer::{Customer, CustomerField};
use crate::domain::enums::Role;
use crate::domain::error::Invalid;
use crate::store::Store;

/// What a merge moves, counted by the store.
pub use crate::store::Moved;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeReport {
    pub keep: Customer,
    pub duplicate: Customer,
    pub moved: Moved,
}

/// What merging would move from each of two customers, read together so
/// the confirmation can offer either one as the duplicate.
pub fn preview(store: &mut Store, first: i64, second: i64) -> Result<(Moved, Moved), Error> {
    store.read(|tx| Ok((tx.history_counts(first)?, tx.history_counts(second)?)))
}

/// Moves all of DUPLICATE's history (tickets, interactions, orders, surveys,
/// reminders) and lifetime order value to KEEP, fills KEEP's empty contact
/// fields from DUPLICATE, archives DUPLICATE and audits both, in one
/// transaction. Refuses to merge a customer into itself, into an archived
/// customer, or one already archived.
pub fn merge(store: &mut Store, ctx: &Ctx, keep: &str, duplicate: &str) -> Result<MergeReport, Error> {
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        let mut k = tx.customer_by_key(keep)?;
        let mut d = tx.customer_by_key(duplicate)?;
        if k.id == d.id {
            return Err(Invalid::new("duplicate", duplicate, crate::domain::error::Reason::MergeSame).into());
        }
        if k.archived {
            return Err(Invalid::new("keep", keep, crate::domain::error::Reason::KeepArchived).into());
        }
        if d.archived {
            return Err(Invalid::new("duplicate", duplicate, crate::domain::error::Reason::AlreadyArchived).into());
        }
        let moved = tx.move_history(d.id, k.id, ctx.now)?;
        for field in blanks_to_fill(&k, &d) {
            if let Some((old, new)) = field.apply(&mut k) {
                ctx.audit(tx, "customer", k.id, field.name(), Some(old), Some(new))?;
            }
        }
        k.lifetime_value_cents += d.lifetime_value_cents;
        k.last_activity_at = k.last_activity_at.max(d.last_activity_at);
        k.updated_at = ctx.now;
        k.version = tx.update_customer(&k)?;
        let summary = format!(
            "{}: {} tickets, {} interactions, {} orders, {} surveys, {} reminders",
            d.code, moved.tickets, moved.interactions, moved.orders, moved.surveys, moved.reminders
        );
        ctx.audit(tx, "customer", k.id, "merged", None, Some(summary))?;

        // Its orders, and so their value, now belong to the kept customer.
        d.lifetime_value_cents = 0;
        ctx.audit(tx, "customer", d.id, "merged_into", None, Some(k.code.clone()))?;
        customers::archive_in(tx, ctx, &mut d)?;
        segments::recompute(tx, ctx, k.id)?;
        Ok(MergeReport {
            keep: tx.customer(k.id)?,
            duplicate: tx.customer(d.id)?,
            moved,
        })
    })
}

/// The duplicate's contact details (and birthday) where the kept record has
/// none, the earlier customer-since date, and the tags of both.
fn blanks_to_fill(keep: &Customer, dup: &Customer) -> Vec<CustomerField> {
    let mut out = Vec::new();
    type Make = fn(String) -> CustomerField;
    let pairs: [(&str, &str, Make); 5] = [
        (&keep.contact, &dup.contact, CustomerField::Contact),
        (&keep.phone, &dup.phone, CustomerField::Phone),
        (&keep.email, &dup.email, CustomerField::Email),
        (&keep.address, &dup.address, CustomerField::Address),
        (&keep.industry, &dup.industry, CustomerField::Industry),
    ];
    for (mine, theirs, field) in pairs {
        if mine.trim().is_empty() && !theirs.trim().is_empty() {
            out.push(field(theirs.to_string()));
        }
    }
    if keep.channel.is_none() && dup.channel.is_some() {
        out.push(CustomerField::Channel(dup.channel));
    }
    if keep.birthday.is_none() && dup.birthday.is_some() {
        out.push(CustomerField::Birthday(dup.birthday));
    }
    let since = match (keep.since, dup.since) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    out.push(CustomerField::Since(since));
    let mut tags = keep.tags.clone();
    tags.extend(dup.tags.iter().filter(|t| !keep.tags.contains(t)).cloned());
    out.push(CustomerField::Tags(tags));
    out
}
