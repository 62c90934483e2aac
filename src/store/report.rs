//! The reads behind the monthly review: range queries on indexed instants, the tickets read
//! with their stored histories (`ticket_history`) in one scan, so a month of a large file is
//! read in a handful of statements.

use super::history_text::parse_history;
use super::rows::{instant, parse};
use super::sql::{Db, Params, Row, ValueRef, params};
use super::surveys::score;
use super::tickets::History;
use super::{StoreError, Tx};
use crate::domain::enums::{Channel, Priority, TicketKind, Tier};
use crate::domain::survey::Scores;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::ops::Range;

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

/// [`REPORT_TICKET_COLUMNS`] with the assignee and department only when ?3: they are read
/// for a breakdown by them alone, and cost a month's read two strings per ticket.
const REPORT_TICKET_COLUMNS_NAMED_IF: &str = "t.id, t.priority, t.opened_at,
    CASE WHEN ?3 THEN t.assignee ELSE '' END, CASE WHEN ?3 THEN t.department ELSE '' END,
    t.kind, t.channel";

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

/// The tickets with an event at or after ?1 and an id in `[?4, ?5)`, each with its history and
/// the times of its first two outbound contacts (kept by the triggers of 0021), the tier when
/// ?2 and the assignee and department when ?3: the tickets in id order. `CROSS JOIN` keeps
/// SQLite on the histories first (a range of ids, no sort) with a lookup per ticket, rather
/// than a scan of every ticket; PostgreSQL plans it as a plain join.
fn histories_since_sql() -> String {
    format!(
        "SELECT {REPORT_TICKET_COLUMNS_NAMED_IF},
           CASE WHEN ?2 THEN (SELECT c.tier FROM customers c WHERE c.id = t.customer_id) END,
           h.events, h.first_out, h.second_out
         FROM ticket_history h CROSS JOIN tickets t
         WHERE t.id = h.ticket_id AND h.ticket_id >= ?4 AND h.ticket_id < ?5 AND h.last_at >= ?1
         ORDER BY h.ticket_id"
    )
}

/// The ids of the tickets with an event at or after ?1 lie from the first of them (read from
/// `ticket_history_last`; `+` keeps SQLite off a walk of the ids for it) to the last ticket:
/// tickets are numbered as they come, so the years of settled tickets before a month are
/// skipped, not read and filtered out.
const HISTORY_IDS_SINCE_SQL: &str = "SELECT (SELECT min(+ticket_id) FROM ticket_history WHERE last_at >= ?1),
        (SELECT max(ticket_id) FROM ticket_history)";

fn open_tickets_sql() -> String {
    format!(
        "SELECT {REPORT_TICKET_COLUMNS}, NULL FROM tickets t
         WHERE t.status IN ('new', 'open', 'pending') AND t.opened_at < ?1"
    )
}

/// The surveys taken in a span, each with its ticket's groups.
const SURVEYS_WITH_TICKETS_SQL: &str = "SELECT s.at, s.quality, s.response, s.communication,
        t.id, t.assignee, t.department, t.kind, t.channel
    FROM surveys s LEFT JOIN tickets t ON t.id = s.ticket_id
    WHERE s.at >= ?1 AND s.at < ?2";

/// The surveys taken in a span, without their tickets. A separate statement rather than a
/// join switched off by a parameter: SQLite still looks every ticket up before it tests a
/// false `ON ?3`, and those lookups were most of a month's survey read.
const SURVEYS_SQL: &str = "SELECT s.at, s.quality, s.response, s.communication,
        NULL, NULL, NULL, NULL, NULL
    FROM surveys s WHERE s.at >= ?1 AND s.at < ?2";

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
        ("histories_since", histories_since_sql()),
        ("history_ids_since", HISTORY_IDS_SINCE_SQL.to_string()),
        ("open_tickets", open_tickets_sql()),
        ("surveys", SURVEYS_SQL.to_string()),
        ("surveys_with_tickets", SURVEYS_WITH_TICKETS_SQL.to_string()),
        ("activity_interactions", ACTIVITY_SQL[0].to_string()),
        ("activity_tickets", ACTIVITY_SQL[1].to_string()),
        ("activity_orders", ACTIVITY_SQL[2].to_string()),
    ]
}

/// When a ticket's first two outbound interactions were logged, if it had them.
pub type FirstTwo = [Option<DateTime<Utc>>; 2];

/// Up to this many customer ids are tracked in a plain array by [`activity_by_span`].
const DENSE_IDS: usize = 1 << 22;

/// A ticket as the report reads it: its groups, its events in order, and when its first two
/// outbound interactions were logged.
pub struct ReportHistory {
    pub ticket: ReportTicket,
    pub events: History,
    pub first_two: FirstTwo,
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
    /// The ids of the tickets with an event at or after `from` lie in this range (`None`:
    /// there are none).
    pub fn report_history_ids(&self, from: DateTime<Utc>) -> Result<Option<Range<i64>>, StoreError> {
        let (first, last) = self.db.query_row(HISTORY_IDS_SINCE_SQL, [from.timestamp()], |r| {
            Ok((r.get::<Option<i64>>(0)?, r.get::<Option<i64>>(1)?))
        })?;
        Ok(first.zip(last).map(|(first, last)| first..last.saturating_add(1)))
    }

    /// Each ticket with an event at or after `from` and an id in `ids`, in id order, with its
    /// whole history and first two outbound contacts, its customer's tier if `with_tier` (a
    /// random read per ticket, so only when an SLA policy matches on the tier), and its
    /// assignee and department if `with_names` (empty otherwise): one range scan of
    /// `ticket_history` joined to the tickets, instead of every event since `from`.
    pub fn each_report_history(
        &self,
        from: DateTime<Utc>,
        ids: Range<i64>,
        with_tier: bool,
        with_names: bool,
        mut each: impl FnMut(ReportHistory),
    ) -> Result<(), StoreError> {
        let instant_opt = |r: &Row, i: usize| -> Result<Option<DateTime<Utc>>, StoreError> {
            Ok(r.get::<Option<i64>>(i)?.map(from_unix))
        };
        self.db.query_each(
            &histories_since_sql(),
            params![from.timestamp(), with_tier, with_names, ids.start, ids.end],
            |r| {
                each(ReportHistory {
                    ticket: report_ticket(r)?,
                    events: parse_history(r.bytes(8)?.unwrap_or_default()),
                    first_two: [instant_opt(r, 9)?, instant_opt(r, 10)?],
                });
                Ok::<_, StoreError>(())
            },
        )
    }

    /// Tickets waiting for the team now (new, open or pending), opened before `before`,
    /// without their tier. Served by the partial index `tickets_open`.
    pub fn open_report_tickets(&self, before: DateTime<Utc>) -> Result<Vec<ReportTicket>, StoreError> {
        collect(self, &open_tickets_sql(), [before.timestamp()], report_ticket)
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
            if with_tickets {
                SURVEYS_WITH_TICKETS_SQL
            } else {
                SURVEYS_SQL
            },
            params![from.timestamp(), to.timestamp()],
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

    /// Which customers showed signs of life in which of `spans` (each `[from, to)`): for every
    /// customer active in at least one, a mask with bit `i` set when active in `spans[i]` (at
    /// most 32 spans), in no particular order. Signs of life: an inbound or outbound
    /// interaction (not an internal note), a ticket opened, an order. The report reads it
    /// apart (`Store::apart`), beside the rest: a churn rate does not notice a snapshot a
    /// moment apart.
    pub fn activity_by_span(&self, spans: &[(DateTime<Utc>, DateTime<Utc>)]) -> Result<Vec<u32>, StoreError> {
        activity(self.db, spans)
    }
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
    let span_masks = SpanMasks::new(&spans);
    // Customer ids are dense row ids: a mask per id is far cheaper than hashing.
    let max_id: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM customers", params![], |r| r.get(0))?;
    let mut masks = vec![0u32; usize::try_from(max_id).unwrap_or(0).min(DENSE_IDS) + 1];
    let mut sparse: HashMap<i64, u32> = HashMap::new();
    for sql in ACTIVITY_SQL {
        conn.query_each(sql, params![from, to], |row| {
            let mask = span_masks.of(row.get(1)?);
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

/// Which of some spans `[a, b)` hold an instant, as a mask (bit `i` for span `i`): worked out
/// once per stretch between two span edges, so each of the churn scan's million rows costs a
/// binary search among a handful of edges instead of a test of every span.
struct SpanMasks {
    /// Every span edge, sorted, without repeats.
    edges: Vec<i64>,
    /// `masks[k]`: the spans holding `[edges[k], edges[k + 1])`.
    masks: Vec<u32>,
}

impl SpanMasks {
    fn new(spans: &[(i64, i64)]) -> SpanMasks {
        let mut edges: Vec<i64> = spans.iter().flat_map(|&(a, b)| [a, b]).collect();
        edges.sort_unstable();
        edges.dedup();
        let masks = edges
            .iter()
            .map(|&at| {
                spans
                    .iter()
                    .enumerate()
                    .filter(|(_, (a, b))| *a <= at && at < *b)
                    .fold(0u32, |mask, (i, _)| mask | 1 << i)
            })
            .collect();
        SpanMasks { edges, masks }
    }

    fn of(&self, at: i64) -> u32 {
        match self.edges.partition_point(|&edge| edge <= at) {
            0 => 0,
            k => self.masks[k - 1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SpanMasks;

    #[test]
    fn span_masks_agree_with_testing_every_span() {
        let spans = [(10, 100), (40, 130), (40, 130), (100, 160), (-5, 3), (200, 200)];
        let masks = SpanMasks::new(&spans);
        for at in -10..=210 {
            let want = spans
                .iter()
                .enumerate()
                .filter(|(_, (a, b))| *a <= at && at < *b)
                .fold(0u32, |mask, (i, _)| mask | 1 << i);
            assert_eq!(masks.of(at), want, "at {at}");
        }
        assert_eq!(masks.of(i64::MIN), 0);
        assert_eq!(masks.of(i64::MAX), 0);
        assert_eq!(SpanMasks::new(&[]).of(5), 0);
    }
}
