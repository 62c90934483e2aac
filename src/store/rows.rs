//! Row ↔ domain mapping. Enum columns hold the stable English keys; a value
//! this binary does not know is reported, never panicked on.

use super::StoreError;
use super::sql::{Row, column_error};
use crate::domain::customer::Customer;
use crate::domain::interaction::Interaction;
use crate::domain::ticket::Ticket;
use crate::domain::time::from_unix;
use chrono::{DateTime, NaiveDate, Utc};
use std::str::FromStr;

pub const CUSTOMER_COLUMNS: &str = "c.id, c.code, c.name, c.kind, c.contact, c.phone, c.email, \
    c.address, c.industry, c.since, c.lifetime_value_cents, c.tier, c.tier_pinned, c.lifecycle, \
    c.tags, c.channel, c.owner, c.notes, c.archived, c.created_at, c.updated_at, \
    c.last_activity_at, c.version, c.birthday";

pub const TICKET_COLUMNS: &str = "t.id, t.external_id, t.customer_id, c.code, c.name, c.tier, \
    t.kind, t.category, t.priority, t.channel, t.subject, t.description, t.status, t.department, \
    t.assignee, t.opened_at, t.first_response_at, t.resolved_at, t.closed_at, t.reopen_count, \
    t.callback_at, t.callback_outcome, t.updated_at, t.version, t.triaged_by, t.triaged_at, t.tags";
/// How many columns [`TICKET_COLUMNS`] names: a query selecting more after
/// them reads the first extra one at this index.
pub const TICKET_COLUMN_COUNT: usize = 27;

pub const INTERACTION_COLUMNS: &str =
    "i.id, i.customer_id, i.ticket_id, i.at, i.channel, i.direction, i.agent, i.summary, i.body";

pub(super) fn parse<T: FromStr>(row: &Row, index: usize) -> Result<T, StoreError> {
    let text: String = row.get(index)?;
    text.parse()
        .map_err(|_| column_error(index, &format!("unknown value {text:?}")))
}

fn parse_opt<T: FromStr>(row: &Row, index: usize) -> Result<Option<T>, StoreError> {
    match row.get::<Option<String>>(index)? {
        Some(text) if !text.is_empty() => parse(row, index).map(Some),
        _ => Ok(None),
    }
}

pub(super) fn instant(row: &Row, index: usize) -> Result<DateTime<Utc>, StoreError> {
    Ok(from_unix(row.get(index)?))
}

fn instant_opt(row: &Row, index: usize) -> Result<Option<DateTime<Utc>>, StoreError> {
    Ok(row.get::<Option<i64>>(index)?.map(from_unix))
}

pub fn split_tags(tags: &str) -> Vec<String> {
    tags.split(',').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

pub fn customer(row: &Row) -> Result<Customer, StoreError> {
    Ok(Customer {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        kind: parse(row, 3)?,
        contact: row.get(4)?,
        phone: row.get(5)?,
        email: row.get(6)?,
        address: row.get(7)?,
        industry: row.get(8)?,
        since: parse_opt::<NaiveDate>(row, 9)?,
        lifetime_value_cents: row.get(10)?,
        tier: parse(row, 11)?,
        tier_pinned: row.get(12)?,
        lifecycle: row.get(13)?,
        tags: split_tags(&row.get::<String>(14)?),
        channel: parse_opt(row, 15)?,
        owner: row.get(16)?,
        notes: row.get(17)?,
        archived: row.get(18)?,
        created_at: instant(row, 19)?,
        updated_at: instant(row, 20)?,
        last_activity_at: instant_opt(row, 21)?,
        version: row.get(22)?,
        birthday: parse_opt::<NaiveDate>(row, 23)?,
    })
}

pub fn ticket(row: &Row) -> Result<Ticket, StoreError> {
    Ok(Ticket {
        id: row.get(0)?,
        external_id: row.get(1)?,
        customer_id: row.get(2)?,
        customer_code: row.get(3)?,
        customer_name: row.get(4)?,
        customer_tier: parse(row, 5)?,
        kind: parse(row, 6)?,
        category: row.get(7)?,
        priority: parse(row, 8)?,
        channel: parse(row, 9)?,
        subject: row.get(10)?,
        description: row.get(11)?,
        status: parse(row, 12)?,
        department: row.get(13)?,
        assignee: row.get(14)?,
        opened_at: instant(row, 15)?,
        first_response_at: instant_opt(row, 16)?,
        resolved_at: instant_opt(row, 17)?,
        closed_at: instant_opt(row, 18)?,
        reopen_count: row.get(19)?,
        callback_at: instant_opt(row, 20)?,
        callback_outcome: parse_opt(row, 21)?,
        updated_at: instant(row, 22)?,
        version: row.get(23)?,
        triaged_by: row.get(24)?,
        triaged_at: instant_opt(row, 25)?,
        tags: split_tags(&row.get::<String>(26)?),
    })
}

pub fn interaction(row: &Row) -> Result<Interaction, StoreError> {
    Ok(Interaction {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        ticket_id: row.get(2)?,
        at: instant(row, 3)?,
        channel: parse(row, 4)?,
        direction: parse(row, 5)?,
        agent: row.get(6)?,
        summary: row.get(7)?,
        body: row.get(8)?,
    })
}

/// `UPDATE table SET f1 = ?1, … , version = version + 1 WHERE id = ?n+1 AND
/// version = ?n+2`: the optimistic-lock write of a versioned record.
pub fn versioned_update(table: &str, fields: &[&str]) -> String {
    let set: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{f} = ?{}", i + 1))
        .collect();
    let n = fields.len();
    format!(
        "UPDATE {table} SET {}, version = version + 1 WHERE id = ?{} AND version = ?{}",
        set.join(", "),
        n + 1,
        n + 2
    )
}

#[cfg(test)]
mod column_count_tests {
    #[test]
    fn the_ticket_column_count_is_the_number_of_ticket_columns() {
        assert_eq!(super::TICKET_COLUMNS.split(',').count(), super::TICKET_COLUMN_COUNT);
    }
}
