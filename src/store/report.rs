//! The reads behind the monthly review: range queries on indexed instants, and one query per
//! table for a whole set of tickets (their ids passed as a JSON array to `json_each`), so a
//! month of a large file is read in a handful of statements.

use super::rows::{instant, parse};
use super::sql::{Db, ListOf, Params, Row, ValueRef, params};
use super::surveys::score;
use super::tickets::parse_event;
use super::{StoreError, Tx};
use crate::domain::enums::{Channel, Priority, TicketKind, Tier};
use crate::domain::sla::TicketEvent;
use crate::domain::survey::Scores;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

/// The fields a report groups tickets by (their current values).
#[derive(Debug, Clone, PartialEq)]
pub struct TicketGroups {
    pub assignee: String,
    pub department: String,
    pub kind: TicketKind,
    pub channel: Channel,
}

/// What the report needs of a ticket: what picks its SLA policy, and how it is grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTicket {
    pub id: i64,
    pub priority: Priority,
    /// The customer's tier, when asked for (see [`Tx::report_tickets`]).
    pub tier: Option<Tier>,
    pub opened_at: DateTime<Utc>,
    pub groups: TicketGroups,
}

/// A survey, with the groups of its ticket if it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSurvey {
    pub at: DateTime<Utc>,
    pub scores: Scores,
    pub ticket: Option<TicketGroups>,
}

/// The ticket columns; the eighth, the tier, is added by each query.
const REPORT_TICKET_COLUMNS: &str = "t.id, t.priority, t.opened_at, t.assignee, t.department, t.kind, t.channel";

/// An enum column matched exactly against the stable keys, without the allocation of
/// `FromStr` (this runs for every ticket of a month); anything else goes through `FromStr`.
fn key<T: Copy + std::str::FromStr>(
    row: &Row,
    index: usize,
    all: &[T],
    key: fn(T) -> &'static str,
) -> Result<T, StoreError> {
    let text = row.value(index)?.as_str().unwrap_or("");
    match all.iter().copied().find(|v| key(*v) == text) {
        Some(v) => Ok(v),
        None => parse(row, index),
    }
}

fn report_ticket(row: &Row) -> Result<ReportTicket, StoreError> {
    Ok(ReportTicket {
        id: row.get(0)?,
        priority: key(row, 1, Priority::ALL, Priority::key)?,
        opened_at: instant(row, 2)?,
        groups: TicketGroups {
            assignee: row.get(3)?,
            department: row.get(4)?,
            kind: key(row, 5, TicketKind::ALL, TicketKind::key)?,
            channel: key(row, 6, Channel::ALL, Channel::key)?,
        },
        tier: match row.value(7)? {
            ValueRef::Null => None,
            _ => Some(key(row, 7, Tier::ALL, Tier::key)?),
        },
    })
}

const EVENTS_SINCE_SQL: &str = "SELECT ticket_id, at, event, id FROM ticket_events WHERE at >= ?1";

fn open_tickets_sql() -> String {
    format!(
        "SELECT {REPORT_TICKET_COLUMNS}, NULL FROM tickets t
         WHERE t.status IN ('new', 'open', 'pending') AND t.opened_at < ?1"
    )
}

const FIRST_OUTBOUND_SQL: &str = "SELECT j.value,
       (SELECT i.at FROM interactions i WHERE i.ticket_id = j.value AND i.direction = 'out'
          ORDER BY i.at LIMIT 1),
       (SELECT i.at FROM interactions i WHERE i.ticket_id = j.value AND i.direction = 'out'
          ORDER BY i.at LIMIT 1 OFFSET 1)
     FROM json_each(?1) j";

/// Signs of life of customers in a span, one query per source.
const ACTIVITY_SQL: [&str; 3] = [
    "SELECT customer_id, at FROM interactions WHERE at >= ?1 AND at < ?2 AND direction <> 'note'",
    // `+` keeps SQLite off `tickets_opened`, so it reads the covering `tickets_customer`.
    "SELECT customer_id, opened_at FROM tickets WHERE +opened_at >= ?1 AND +opened_at < ?2",
    "SELECT customer_id, at FROM orders WHERE at >= ?1 AND at < ?2",
];

/// The report's range queries by name, so a test can keep them on their indexes.
pub fn report_queries() -> Vec<(&'static str, String)> {
    vec![
        ("events_since", EVENTS_SINCE_SQL.to_string()),
        ("open_tickets", open_tickets_sql()),
        ("first_outbound", FIRST_OUTBOUND_SQL.to_string()),
        ("activity_interactions", ACTIVITY_SQL[0].to_string()),
        ("activity_tickets", ACTIVITY_SQL[1].to_string()),
        ("activity_orders", ACTIVITY_SQL[2].to_string()),
    ]
}

/// When a ticket's first two outbound interactions were logged, if it had them.
pub type FirstTwo = [Option<DateTime<Utc>>; 2];

/// Up to this many customer ids are tracked in a plain array by [`activity_by_span`].
const DENSE_IDS: usize = 1 << 22;

/// A ticket event as `(ticket id, at, event, event id)`; the id orders events of equal time.
pub type EventRow = (i64, DateTime<Utc>, TicketEvent, i64);

/// Runs an event query (ticket id, at, event key, id), skipping keys this binary does not know.
fn event_rows<P: Params>(tx: &Tx, sql: &str, params: P) -> Result<Vec<EventRow>, StoreError> {
    let mut out = Vec::new();
    tx.db.query_each(sql, params, |r| {
        if let Some(event) = parse_event(r.value(2)?.as_str().unwrap_or("")) {
            out.push((r.get(0)?, from_unix(r.get(1)?), event, r.get(3)?));
        }
        Ok::<_, StoreError>(())
    })?;
    Ok(out)
}

pub(super) fn ids_json(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Runs `sql` and maps every row with `f`.
fn collect<T, P: Params>(
    tx: &Tx,
    sql: &str,
    params: P,
    f: impl FnMut(&Row) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    tx.db.query_map(sql, params, f)
}

impl Tx<'_> {
    /// Every ticket event at or after `from` as `(ticket id, at, event, event id)`, in one
    /// range scan of the covering index `ticket_events_at` (ordered by time, not by id).
    pub fn events_since(&self, from: DateTime<Utc>) -> Result<Vec<EventRow>, StoreError> {
        event_rows(self, EVENTS_SINCE_SQL, params![from.timestamp()])
    }

    /// The events of these tickets before `before`, in no particular order.
    pub fn events_before(&self, ids: &[i64], before: DateTime<Utc>) -> Result<Vec<EventRow>, StoreError> {
        event_rows(
            self,
            &self.db.json_list(
                "SELECT e.ticket_id, e.at, e.event, e.id FROM json_each(?1) j
                 JOIN ticket_events e ON e.ticket_id = j.value AND e.at < ?2",
                ListOf::Integer,
            ),
            params![ids_json(ids), before.timestamp()],
        )
    }

    /// The tickets with these ids, in no particular order; with their customer's tier if `with_tier` (a
    /// random read per ticket, so only when an SLA policy matches on the tier).
    pub fn report_tickets(&self, ids: &[i64], with_tier: bool) -> Result<Vec<ReportTicket>, StoreError> {
        collect(
            self,
            &self.db.json_list(
                &format!(
                    "SELECT {REPORT_TICKET_COLUMNS},
                       CASE WHEN ?2 THEN (SELECT c.tier FROM customers c WHERE c.id = t.customer_id) END
                     FROM json_each(?1) j JOIN tickets t ON t.id = j.value"
                ),
                ListOf::Integer,
            ),
            params![ids_json(ids), with_tier],
            report_ticket,
        )
    }

    /// Tickets waiting for the team now (new, open or pending), opened before `before`,
    /// without their tier. Served by the partial index `tickets_open`.
    pub fn open_report_tickets(&self, before: DateTime<Utc>) -> Result<Vec<ReportTicket>, StoreError> {
        collect(self, &open_tickets_sql(), [before.timestamp()], report_ticket)
    }

    /// For each of these tickets: when its first two outbound interactions were logged —
    /// all that first-contact resolution needs, read from the covering index
    /// `interactions_ticket_direction`.
    pub fn first_outbound(&self, ids: &[i64]) -> Result<Vec<(i64, FirstTwo)>, StoreError> {
        let instant_opt = |r: &Row, i: usize| -> Result<Option<DateTime<Utc>>, StoreError> {
            Ok(r.get::<Option<i64>>(i)?.map(from_unix))
        };
        collect(
            self,
            &self.db.json_list(FIRST_OUTBOUND_SQL, ListOf::Integer),
            [ids_json(ids)],
            |r| Ok((r.get(0)?, [instant_opt(r, 1)?, instant_opt(r, 2)?])),
        )
    }

    /// Surveys taken in `[from, to)`, with the groups of their ticket if `with_tickets` (a
    /// lookup per survey, so only for a breakdown).
    pub fn report_surveys(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        with_tickets: bool,
    ) -> Result<Vec<ReportSurvey>, StoreError> {
        collect(
            self,
            "SELECT s.at, s.quality, s.response, s.communication,
                    t.id, t.assignee, t.department, t.kind, t.channel
             FROM surveys s LEFT JOIN tickets t ON ?3 AND t.id = s.ticket_id
             WHERE s.at >= ?1 AND s.at < ?2",
            params![from.timestamp(), to.timestamp(), with_tickets],
            |r| {
                let ticket = match r.get::<Option<i64>>(4)? {
                    Some(_) => Some(TicketGroups {
                        assignee: r.get(5)?,
                        department: r.get(6)?,
                        kind: parse(r, 7)?,
                        channel: parse(r, 8)?,
                    }),
                    None => None,
                };
                Ok(ReportSurvey {
                    at: instant(r, 0)?,
                    scores: Scores {
                        quality: score(r, 1)?,
                        response: score(r, 2)?,
                        communication: score(r, 3)?,
                    },
                    ticket,
                })
            },
        )
    }

    /// Which customers showed signs of life in which of `spans`; see [`activity_by_span`].
    pub fn activity_by_span(&self, spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> Result<Vec<u32>, StoreError> {
        activity(self.db, spans)
    }
}

/// Which customers showed signs of life in which of `spans` (each `[from, to)`): for every
/// customer active in at least one, a mask with bit `i` set when active in `spans[i]` (at
/// most 32 spans), in no particular order. Signs of life: an inbound or outbound interaction
/// (not an internal note), a ticket opened, an order.
///
/// Read on a read-only connection of its own, so that a report can scan the activity on
/// another thread while it reads the rest through the store (a snapshot a moment apart,
/// which a churn rate does not notice).
/// It waits for a writer as long as the configured `busy_timeout`, like every connection.
pub fn activity_by_span(
    path: &Path,
    busy_timeout: Duration,
    spans: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<Vec<u32>, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(busy_timeout)?;
    let tx = conn.unchecked_transaction()?;
    activity(Db::sqlite(&tx), spans)
}

/// Index-only range scans; the tickets' opening times are read from `tickets_customer` whole,
/// which is cheaper than a table lookup per ticket through `tickets_opened`.
fn activity(conn: Db, spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> Result<Vec<u32>, StoreError> {
    let spans: Vec<(i64, i64)> = spans
        .iter()
        .take(32)
        .map(|(a, b)| (a.timestamp(), b.timestamp()))
        .collect();
    let (Some(from), Some(to)) = (spans.iter().map(|s| s.0).min(), spans.iter().map(|s| s.1).max()) else {
        return Ok(vec![]);
    };
    // Customer ids are dense row ids: a mask per id is far cheaper than hashing.
    let max_id: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM customers", params![], |r| r.get(0))?;
    let mut masks = vec![0u32; usize::try_from(max_id).unwrap_or(0).min(DENSE_IDS) + 1];
    let mut sparse: HashMap<i64, u32> = HashMap::new();
    for sql in ACTIVITY_SQL {
        conn.query_each(sql, params![from, to], |row| {
            let at: i64 = row.get(1)?;
            let mask = spans
                .iter()
                .enumerate()
                .filter(|(_, (a, b))| *a <= at && at < *b)
                .fold(0u32, |mask, (i, _)| mask | 1 << i);
            let customer: i64 = row.get(0)?;
            match usize::try_from(customer).ok().and_then(|i| masks.get_mut(i)) {
                Some(slot) => *slot |= mask,
                None => *sparse.entry(customer).or_default() |= mask,
            }
            Ok::<_, StoreError>(())
        })?;
    }
    Ok(masks
        .into_iter()
        .chain(sparse.into_values())
        .filter(|&m| m != 0)
        .collect())
}
