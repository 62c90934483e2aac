//! Ticket rows, their clock events and the queue.

use super::history_text::{HISTORY_COLUMN, parse_history};
use super::rows::{self, TICKET_COLUMN_COUNT, TICKET_COLUMNS};
use super::sql::{ListOf, Value, params};
use super::{StoreError, Tx};
use crate::domain::sla::TicketEvent;
use crate::domain::ticket::Ticket;
use crate::domain::time::from_unix;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::ops::ControlFlow;

/// What `ticket list` asks for.
#[derive(Debug, Clone, Default)]
pub struct TicketQuery {
    pub status: Option<String>,
    pub assignee: Option<String>,
    pub customer_id: Option<i64>,
    pub limit: Option<usize>,
    /// Only tickets nobody has decided on in triage yet (the queue only).
    pub untriaged: bool,
}

/// Due times the SLA engine derived; kept in indexed columns.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TicketDues {
    pub first_response: Option<DateTime<Utc>>,
    pub resolution: Option<DateTime<Utc>>,
    pub callback: Option<DateTime<Utc>>,
    pub next: Option<DateTime<Utc>>,
}

/// The queue query of current work: active tickets due after the long-overdue
/// cutoff `?2` ([`crate::domain::urgency::long_overdue_cutoff`]) by their next
/// due time, served by the partial index `tickets_queue` without a sort. Kept
/// as a constant so its plan can be checked by a test.
pub const QUEUE_SQL: &str = "SELECT t.id FROM tickets t WHERE t.is_active AND t.next_due > ?2 \
     ORDER BY t.next_due LIMIT ?1";

/// The long-overdue band: due at or before the cutoff `?2`, oldest first, on the
/// same index.
pub const LONG_OVERDUE_SQL: &str = "SELECT t.id FROM tickets t WHERE t.is_active AND t.next_due <= ?2 \
     ORDER BY t.next_due LIMIT ?1";

/// The clock events of every ticket in the order of [`list_sql`] without a
/// filter (newest ticket first, each ticket's events oldest first), so
/// the two can be read side by side; the same join to customers, so no
/// ticket's events are here that the list leaves out.
pub(super) const EVENTS_IN_LIST_ORDER_SQL: &str = "SELECT e.ticket_id, e.at, e.event
   FROM tickets t CROSS JOIN customers c ON c.id = t.customer_id
   CROSS JOIN ticket_events e ON e.ticket_id = t.id
   ORDER BY t.opened_at DESC, t.id DESC, e.at, e.id";

/// How many of the queue's tickets are read at once, first: a page of 50
/// and the few candidates after it, which is usually all the queue reads
/// (on the 200k demo it stops at the 51st). More would cost the server
/// their events for nothing; a queue that reads on steps the rest.
const QUEUE_FIRST_ROWS: usize = 56;

/// A ticket's clock history: its events in order.
pub type History = Vec<(DateTime<Utc>, TicketEvent)>;

/// One band of [`Tx::each_active_ticket`]: the active tickets meeting
/// `condition` on `t.next_due`, each with its next due and its history.
pub(super) fn active_tickets_sql(condition: &str) -> String {
    format!(
        "SELECT {TICKET_COLUMNS}, t.next_due, {HISTORY_COLUMN}
         FROM tickets t JOIN customers c ON c.id = t.customer_id
         WHERE t.is_active AND {condition} ORDER BY t.next_due, t.id"
    )
}

/// The events of the tickets in a JSON list of ids, each ticket's in order.
pub(crate) const EVENTS_OF_SQL: &str = "SELECT e.ticket_id, e.at, e.event FROM json_each(?1) j
     JOIN ticket_events e ON e.ticket_id = j.value ORDER BY e.ticket_id, e.at, e.id";

/// [`EVENTS_IN_LIST_ORDER_SQL`] on PostgreSQL: plain joins (no `CROSS JOIN … ON` there).
const EVENTS_IN_LIST_ORDER_PG_SQL: &str = "SELECT e.ticket_id, e.at, e.event
   FROM tickets t JOIN customers c ON c.id = t.customer_id
   JOIN ticket_events e ON e.ticket_id = t.id
   ORDER BY t.opened_at DESC, t.id DESC, e.at, e.id";

/// `ticket list`, newest first, with optional status and assignee; with
/// `by_customer`, only the tickets of customer `?3`. That case has its own
/// text because `?3 IS NULL OR t.customer_id = ?3` cannot use the
/// `tickets_customer` index: a customer's page would scan every ticket.
pub(super) fn list_sql(by_customer: bool) -> String {
    let customer = if by_customer {
        "t.customer_id = ?3"
    } else {
        "?3 IS NULL"
    };
    format!(
        "SELECT {TICKET_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id
         WHERE {customer}
           AND (?1 IS NULL OR t.status = ?1)
           AND (?2 IS NULL OR t.assignee = ?2)
         ORDER BY t.opened_at DESC, t.id DESC LIMIT ?4"
    )
}

pub fn event_key(e: TicketEvent) -> &'static str {
    match e {
        TicketEvent::Opened => "opened",
        TicketEvent::Responded => "responded",
        TicketEvent::Paused => "paused",
        TicketEvent::Resumed => "resumed",
        TicketEvent::Resolved => "resolved",
        TicketEvent::Closed => "closed",
        TicketEvent::Reopened => "reopened",
        TicketEvent::CallbackDone => "callback",
    }
}

pub(super) fn parse_event(key: &[u8]) -> Option<TicketEvent> {
    Some(match key {
        b"opened" => TicketEvent::Opened,
        b"responded" => TicketEvent::Responded,
        b"paused" => TicketEvent::Paused,
        b"resumed" => TicketEvent::Resumed,
        b"resolved" => TicketEvent::Resolved,
        b"closed" => TicketEvent::Closed,
        b"reopened" => TicketEvent::Reopened,
        b"callback" => TicketEvent::CallbackDone,
        _ => return None,
    })
}

/// The columns an insert and an update both write, in binding order.
const FIELDS: [&str; 18] = [
    "customer_id",
    "kind",
    "category",
    "priority",
    "channel",
    "subject",
    "description",
    "status",
    "department",
    "assignee",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "reopen_count",
    "callback_at",
    "callback_outcome",
    "updated_at",
    "tags",
];

fn field_values(t: &Ticket) -> Vec<Value> {
    vec![
        t.customer_id.into(),
        t.kind.key().to_string().into(),
        t.category.clone().into(),
        t.priority.key().to_string().into(),
        t.channel.key().to_string().into(),
        t.subject.clone().into(),
        t.description.clone().into(),
        t.status.key().to_string().into(),
        t.department.clone().into(),
        t.assignee.clone().into(),
        ts(t.first_response_at).into(),
        ts(t.resolved_at).into(),
        ts(t.closed_at).into(),
        t.reopen_count.into(),
        ts(t.callback_at).into(),
        t.callback_outcome.map(|o| o.key().to_string()).into(),
        t.updated_at.timestamp().into(),
        t.tags.join(",").into(),
    ]
}

fn ts(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(|t| t.timestamp())
}

impl Tx<'_> {
    pub fn insert_ticket(&self, t: &Ticket) -> Result<i64, StoreError> {
        let placeholders: Vec<String> = (1..=FIELDS.len()).map(|n| format!("?{n}")).collect();
        let n = FIELDS.len();
        let sql = format!(
            "INSERT INTO tickets ({}, external_id, opened_at, created_at, version) VALUES ({}, ?{}, ?{}, ?{}, 1)",
            FIELDS.join(", "),
            placeholders.join(", "),
            n + 1,
            n + 2,
            n + 3
        );
        let mut values = field_values(t);
        values.extend([
            t.external_id.clone().into(),
            t.opened_at.timestamp().into(),
            t.updated_at.timestamp().into(),
        ]);
        self.db.insert(&sql, values)
    }

    pub fn ticket(&self, id: i64) -> Result<Ticket, StoreError> {
        self.db
            .query_opt(
                &format!(
                    "SELECT {TICKET_COLUMNS} FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?1"
                ),
                [id],
                rows::ticket,
            )?
            .ok_or(StoreError::NotFound {
                entity: crate::domain::error::Entity::Ticket,
                key: id.to_string(),
            })
    }

    pub fn ticket_id_by_external(&self, external_id: &str) -> Result<Option<i64>, StoreError> {
        self.db
            .query_opt("SELECT id FROM tickets WHERE external_id = ?1", [external_id], |r| {
                r.get(0)
            })
    }

    /// Writes every mutable field if nobody changed the row since `t.version`
    /// was read; bumps the version.
    pub fn update_ticket(&self, t: &Ticket) -> Result<i64, StoreError> {
        let sql = rows::versioned_update("tickets", &FIELDS);
        let mut values = field_values(t);
        values.extend([Value::from(t.id), Value::from(t.version)]);
        let changed = self.db.execute(&sql, values)?;
        if changed == 0 {
            let actual = self.ticket(t.id)?.version;
            return Err(StoreError::Conflict {
                entity: crate::domain::error::Entity::Ticket,
                id: t.id,
                expected: t.version,
                actual,
            });
        }
        Ok(t.version + 1)
    }

    pub fn set_ticket_dues(&self, id: i64, d: &TicketDues) -> Result<(), StoreError> {
        self.db.execute(
            "UPDATE tickets SET first_response_due = ?2, resolution_due = ?3, callback_due = ?4,
                   next_due = ?5 WHERE id = ?1",
            params![id, ts(d.first_response), ts(d.resolution), ts(d.callback), ts(d.next)],
        )?;
        Ok(())
    }

    pub fn add_ticket_event(
        &self,
        id: i64,
        at: DateTime<Utc>,
        event: TicketEvent,
        agent: &str,
    ) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT INTO ticket_events (ticket_id, at, event, agent) VALUES (?1, ?2, ?3, ?4)",
            params![id, at.timestamp(), event_key(event), agent],
        )?;
        Ok(())
    }

    /// The clock history of a ticket, in order.
    pub fn ticket_events(&self, id: i64) -> Result<Vec<(DateTime<Utc>, TicketEvent)>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT at, event FROM ticket_events WHERE ticket_id = ?1 ORDER BY at, id")?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<i64>(0)?, r.get::<String>(1)?)))?;
        let mut out = Vec::new();
        for (at, key) in rows {
            if let Some(event) = parse_event(key.as_bytes()) {
                out.push((from_unix(at), event));
            }
        }
        Ok(out)
    }

    /// The clock histories of these tickets, each in order, read by one
    /// statement: the queue reads a batch of tickets' events at once, where
    /// one statement per ticket costs a round trip each on a server.
    pub fn events_of(&self, ids: &[i64]) -> Result<HashMap<i64, History>, StoreError> {
        let sql = self.db.json_list(EVENTS_OF_SQL, ListOf::Integer);
        let mut out: HashMap<i64, Vec<_>> = HashMap::with_capacity(ids.len());
        // Read whole (one round trip on a server): a batch's events are few.
        let rows = self.db.prepare(&sql)?.query_map([super::report::ids_json(ids)], |r| {
            Ok((r.get::<i64>(0)?, r.get::<i64>(1)?, r.get::<String>(2)?))
        })?;
        for (ticket, at, key) in rows {
            if let Some(event) = parse_event(key.as_bytes()) {
                out.entry(ticket).or_default().push((from_unix(at), event));
            }
        }
        Ok(out)
    }

    /// Every ticket in the export's order (newest first) with its clock
    /// history in order, read by two statements stepped side by side: the
    /// tickets, and all their events in the same ticket order. One query
    /// for all the events instead of one per ticket; nothing collected
    /// beyond one ticket's events.
    pub fn each_ticket_with_events<E: From<StoreError>>(
        &self,
        mut each: impl FnMut(Ticket, Vec<(DateTime<Utc>, TicketEvent)>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut stmt = self
            .db
            .prepare_once(self.db.pick(EVENTS_IN_LIST_ORDER_SQL, EVENTS_IN_LIST_ORDER_PG_SQL))?;
        let mut rows = stmt.query(params![])?;
        let mut step = move || -> Result<Option<(i64, i64, String)>, StoreError> {
            Ok(match rows.next()? {
                Some(r) => Some((r.get(0)?, r.get(1)?, r.get(2)?)),
                None => None,
            })
        };
        // The next event not yet handed out: it belongs to a later ticket.
        let mut pending = step()?;
        self.each_ticket(&TicketQuery::default(), |t| {
            let mut events = Vec::new();
            while let Some((_, at, key)) = pending.take_if(|(id, ..)| *id == t.id) {
                events.extend(parse_event(key.as_bytes()).map(|e| (from_unix(at), e)));
                pending = step()?;
            }
            each(t, events)
        })
    }

    pub fn list_tickets(&self, q: &TicketQuery) -> Result<Vec<Ticket>, StoreError> {
        let mut out = Vec::new();
        self.each_ticket(q, |t| {
            out.push(t);
            Ok::<(), StoreError>(())
        })?;
        Ok(out)
    }

    /// [`Tx::list_tickets`], each ticket handed to `each` as it is read
    /// (newest first, from the index without a sort), none collected.
    pub fn each_ticket<E: From<StoreError>>(
        &self,
        q: &TicketQuery,
        each: impl FnMut(Ticket) -> Result<(), E>,
    ) -> Result<(), E> {
        let limit = q.limit.map_or(-1, |l| l as i64);
        let sql = list_sql(q.customer_id.is_some());
        self.each_row(
            &sql,
            params![q.status, q.assignee, q.customer_id, limit],
            rows::ticket,
            each,
        )
    }

    /// Active tickets in the queue's order of bands and due times, each with
    /// its stored next due, read one at a time until `each` breaks: current
    /// work (a running clock due after `cutoff`) by due time, then the
    /// long-overdue band (due at or before it), both through the queue index
    /// with no sort, then those without a clock; ties by id, so the order is
    /// one. The queue stops as soon as no later ticket can rank in its page,
    /// so a page of 50 reads ~50 rows: the first [`QUEUE_FIRST_ROWS`] come
    /// in one round trip on a server.
    pub fn each_active_ticket<E: From<StoreError>>(
        &self,
        cutoff: DateTime<Utc>,
        mut each: impl FnMut(Ticket, Option<DateTime<Utc>>, History) -> Result<ControlFlow<()>, E>,
    ) -> Result<(), E> {
        let cutoff = cutoff.timestamp();
        let mut stopped = false;
        for (condition, bound) in [
            ("t.next_due > ?1", Some(cutoff)),
            ("t.next_due <= ?1", Some(cutoff)),
            ("t.next_due IS NULL", None),
        ] {
            let sql = active_tickets_sql(condition);
            let mut step = |row: &super::sql::Row| {
                let ticket = rows::ticket(row)?;
                let next_due: Option<i64> = row.get(TICKET_COLUMN_COUNT)?;
                let history = parse_history(row.bytes(TICKET_COLUMN_COUNT + 1)?.unwrap_or_default());
                stopped = each(ticket, next_due.map(crate::domain::time::from_unix), history)?.is_break();
                Ok::<_, E>(!stopped)
            };
            match bound {
                Some(cutoff) => self.db.query_while_paged(&sql, [cutoff], QUEUE_FIRST_ROWS, &mut step)?,
                None => self
                    .db
                    .query_while_paged(&sql, params![], QUEUE_FIRST_ROWS, &mut step)?,
            }
            if stopped {
                return Ok(());
            }
        }
        Ok(())
    }

    /// Counts of active tickets, and of those whose next due time has passed.
    pub fn count_active(&self, now: DateTime<Utc>) -> Result<(i64, i64), StoreError> {
        self.db.query_row(
            // A CASE sum, not SQLite's sum of a comparison: PostgreSQL sums no booleans.
            "SELECT count(*), coalesce(sum(CASE WHEN next_due < ?1 THEN 1 ELSE 0 END), 0) FROM tickets WHERE is_active",
            [now.timestamp()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}

impl Tx<'_> {
    pub fn active_ticket_ids(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.db.prepare("SELECT id FROM tickets WHERE is_active")?;
        let rows = stmt.query_map(params![], |r| r.get(0))?;
        Ok(rows)
    }
}

impl Tx<'_> {
    /// Moves the ticket's `responded` event to `at` (an earlier answer was found).
    pub fn replace_first_response(&self, id: i64, at: DateTime<Utc>, agent: &str) -> Result<(), StoreError> {
        self.db.execute(
            "DELETE FROM ticket_events WHERE ticket_id = ?1 AND event = 'responded'",
            [id],
        )?;
        self.add_ticket_event(id, at, TicketEvent::Responded, agent)
    }
}
