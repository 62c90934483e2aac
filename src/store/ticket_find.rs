//! The filter language as SQL: one statement per query, anonymous `?`
//! parameters only, on the indexes the tickets already have. The service
//! resolves what needs knowledge (who "me" is, which customers a name
//! means, what an SLA state asks of the due columns) into [`Cond`]s; this
//! module only writes them down.

use super::fulltext::TextFilter;
use super::rows::{self, TICKET_COLUMNS};
use super::sql::{Dialect, Value};
use super::{StoreError, Tx};
use crate::domain::query::Range;
use crate::domain::ticket::Ticket;
use chrono::{DateTime, Utc};

/// Which tickets, in which order, how many.
#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    /// All must hold.
    pub clauses: Vec<Clause>,
    /// Only tickets in the queue (`is_active`).
    pub active_only: bool,
    /// Only tickets nobody has decided on in triage yet.
    pub untriaged: bool,
    /// The full-text match of the bare words ([`super::fulltext::ticket_text_filter`]).
    pub text: Option<TextFilter>,
    pub order: FindOrder,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub negated: bool,
    pub cond: Cond,
}

/// One condition on a ticket; every list is "either of".
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// The column holds one of the values exactly.
    Equals(Column, Vec<String>),
    /// The column holds one of the values, ignoring the case of Latin letters.
    NoCase(Column, Vec<String>),
    /// The ticket carries one of these whole tags.
    Tags(Vec<String>),
    /// The ticket belongs to one of these customers (none: nothing matches).
    Customers(Vec<i64>),
    /// The instant falls in one of the ranges (from inclusive, until exclusive).
    Within(TimeColumn, Vec<Range>),
    /// No clock is running (no next due time).
    NoDue,
    /// Any of these holds.
    Any(Vec<Cond>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Status,
    Kind,
    Priority,
    Channel,
    Assignee,
    Department,
    Category,
}

impl Column {
    fn sql(self) -> &'static str {
        match self {
            Column::Status => "t.status",
            Column::Kind => "t.kind",
            Column::Priority => "t.priority",
            Column::Channel => "t.channel",
            Column::Assignee => "t.assignee",
            Column::Department => "t.department",
            Column::Category => "t.category",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeColumn {
    Opened,
    Updated,
    /// The earliest due time of the running clocks (`next_due`).
    Due,
}

impl TimeColumn {
    fn sql(self) -> &'static str {
        match self {
            TimeColumn::Opened => "t.opened_at",
            TimeColumn::Updated => "t.updated_at",
            TimeColumn::Due => "t.next_due",
        }
    }
}

/// The order of the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FindOrder {
    /// Newest first, as `ticket list` (the `tickets_opened` index).
    #[default]
    Newest,
    /// The queue's bands: current work by due time, the long-overdue band
    /// (due at or before `cutoff`), then tickets without a running clock;
    /// the service then orders them by urgency.
    Triage { cutoff: DateTime<Utc> },
    /// Soonest due first, tickets without a due time last (`reversed`: latest first).
    Due { reversed: bool },
    /// Newest opened first (`reversed`: oldest first).
    Opened { reversed: bool },
    /// Most recently changed first (`reversed`: least recently).
    Updated { reversed: bool },
    /// Most urgent priority first, newest first among equals (`reversed`: lowest first).
    Priority { reversed: bool },
    /// Best text match first, newest first among equals (needs `text`).
    Rank,
}

/// The statement and its parameters, in order.
struct Sql {
    text: String,
    params: Vec<Value>,
}

/// SQLite's words where PostgreSQL needs its own: a boolean is `TRUE` or
/// `FALSE` there, never 1 or 0 (SQLite keeps its integers, and so its plans).
fn truth(dialect: Dialect, value: bool) -> &'static str {
    match (dialect, value) {
        (Dialect::Sqlite, true) => "1",
        (Dialect::Sqlite, false) => "0",
        (Dialect::Postgres, true) => "TRUE",
        (Dialect::Postgres, false) => "FALSE",
    }
}

/// The WHERE clause of `filter` (after `WHERE`), its parameters appended to `params`.
fn conditions(filter: &TicketFilter, dialect: Dialect, params: &mut Vec<Value>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if filter.active_only {
        parts.push("t.is_active".into());
    }
    if filter.untriaged {
        parts.push("t.triaged_at IS NULL".into());
    }
    match (&filter.text, dialect) {
        (Some(text), Dialect::Sqlite) => {
            parts.push(text.condition.clone());
            params.extend(text.params.iter().map(|p| Value::from(p.clone())));
        }
        (Some(text), Dialect::Postgres) => {
            parts.push(text.postgres.condition.clone());
            params.extend(text.postgres.params.iter().map(|p| Value::from(p.clone())));
        }
        (None, _) => {}
    }
    for clause in &filter.clauses {
        let cond = cond_sql(&clause.cond, dialect, params);
        // A NULL (a ticket without a due time) is "not within": negated, it holds.
        parts.push(if clause.negated {
            format!("NOT coalesce({cond}, {})", truth(dialect, false))
        } else {
            cond
        });
    }
    if parts.is_empty() {
        truth(dialect, true).into()
    } else {
        parts.join(" AND ")
    }
}

fn cond_sql(cond: &Cond, dialect: Dialect, params: &mut Vec<Value>) -> String {
    let marks = |n: usize| vec!["?"; n].join(", ");
    match cond {
        Cond::Equals(column, values) => {
            params.extend(values.iter().map(|v| Value::from(v.clone())));
            format!("{} IN ({})", column.sql(), marks(values.len()))
        }
        Cond::NoCase(column, values) => {
            params.extend(values.iter().map(|v| Value::from(v.clone())));
            match dialect {
                Dialect::Sqlite => format!("{} COLLATE NOCASE IN ({})", column.sql(), marks(values.len())),
                // No NOCASE collation there: both sides folded (lower() folds
                // beyond Latin letters too, which no stored key tells apart).
                Dialect::Postgres => {
                    let folded = vec!["lower(?)"; values.len()].join(", ");
                    format!("lower({}) IN ({folded})", column.sql())
                }
            }
        }
        Cond::Tags(tags) => {
            // Tags are stored as `a,b,c`: a whole tag is `,tag,` inside `,a,b,c,`.
            let contains = match dialect {
                Dialect::Sqlite => "instr(',' || t.tags || ',', ?) > 0",
                Dialect::Postgres => "strpos(',' || t.tags || ',', ?) > 0",
            };
            let each: Vec<&str> = tags
                .iter()
                .map(|tag| {
                    params.push(Value::from(format!(",{tag},")));
                    contains
                })
                .collect();
            // `tags <> ''` first: it lets SQLite read the partial index of
            // tagged tickets (few) instead of every ticket (0013).
            format!("(t.tags <> '' AND ({}))", each.join(" OR "))
        }
        Cond::Customers(ids) if ids.is_empty() => truth(dialect, false).into(),
        Cond::Customers(ids) => {
            params.extend(ids.iter().map(|id| Value::from(*id)));
            format!("t.customer_id IN ({})", marks(ids.len()))
        }
        Cond::Within(instant, ranges) => {
            let column = instant.sql();
            let each: Vec<String> = ranges
                .iter()
                .map(|range| {
                    let mut bounds = Vec::new();
                    if let Some(from) = range.from {
                        params.push(Value::from(from.timestamp()));
                        bounds.push(format!("{column} >= ?"));
                    }
                    if let Some(until) = range.until {
                        params.push(Value::from(until.timestamp()));
                        bounds.push(format!("{column} < ?"));
                    }
                    if bounds.is_empty() {
                        bounds.push(format!("{column} IS NOT NULL"));
                    }
                    bounds.join(" AND ")
                })
                .collect();
            format!("({})", each.join(" OR "))
        }
        Cond::NoDue => "t.next_due IS NULL".into(),
        Cond::Any(conds) if conds.is_empty() => truth(dialect, false).into(),
        Cond::Any(conds) => {
            let each: Vec<String> = conds.iter().map(|c| cond_sql(c, dialect, params)).collect();
            format!("({})", each.join(" OR "))
        }
    }
}

fn order_sql(filter: &TicketFilter, dialect: Dialect, params: &mut Vec<Value>) -> String {
    let way = |reversed: bool, normal: &str, other: &str| if reversed { other } else { normal }.to_string();
    match filter.order {
        FindOrder::Rank => match (&filter.text, dialect) {
            (Some(text), Dialect::Sqlite) => format!("{}, t.opened_at DESC, t.id DESC", text.rank),
            // The rank repeats the tsquery: its terms are bound again.
            (Some(text), Dialect::Postgres) => {
                params.extend(text.postgres.params.iter().map(|p| Value::from(p.clone())));
                format!("{}, t.opened_at DESC, t.id DESC", text.postgres.rank)
            }
            (None, _) => "t.opened_at DESC, t.id DESC".into(),
        },
        FindOrder::Newest => "t.opened_at DESC, t.id DESC".into(),
        FindOrder::Triage { cutoff } => {
            params.push(Value::from(cutoff.timestamp()));
            "CASE WHEN t.next_due IS NULL THEN 2 WHEN t.next_due <= ? THEN 1 ELSE 0 END, t.next_due, t.id".into()
        }
        FindOrder::Due { reversed } => way(
            reversed,
            "t.next_due IS NULL, t.next_due, t.id",
            "t.next_due IS NULL, t.next_due DESC, t.id DESC",
        ),
        FindOrder::Opened { reversed } => way(reversed, "t.opened_at DESC, t.id DESC", "t.opened_at, t.id"),
        FindOrder::Updated { reversed } => way(reversed, "t.updated_at DESC, t.id DESC", "t.updated_at, t.id"),
        FindOrder::Priority { reversed } => {
            // The expression of the index `tickets_priority_weight` (0013), word for word.
            let weight = "CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END";
            way(
                reversed,
                &format!("{weight} DESC, t.opened_at DESC, t.id DESC"),
                &format!("{weight}, t.opened_at DESC, t.id DESC"),
            )
        }
    }
}

fn select(filter: &TicketFilter, dialect: Dialect) -> Sql {
    let mut params = Vec::new();
    let conditions = conditions(filter, dialect, &mut params);
    let order = order_sql(filter, dialect, &mut params);
    params.push(Value::from(filter.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(-1))));
    Sql {
        text: format!(
            "SELECT {TICKET_COLUMNS} FROM tickets t {join} JOIN customers c ON c.id = t.customer_id \
             WHERE {conditions} ORDER BY {order} LIMIT ?",
            join = join(filter, dialect),
        ),
        params,
    }
}

fn count(filter: &TicketFilter, dialect: Dialect) -> Sql {
    let mut params = Vec::new();
    let conditions = conditions(filter, dialect, &mut params);
    Sql {
        text: format!(
            "SELECT count(*) FROM tickets t {join} WHERE {conditions}",
            join = join(filter, dialect)
        ),
        params,
    }
}

/// The join the text match needs, if any (it binds no parameters).
fn join(filter: &TicketFilter, dialect: Dialect) -> &str {
    match (&filter.text, dialect) {
        (Some(text), Dialect::Sqlite) => &text.join,
        (Some(text), Dialect::Postgres) => &text.postgres.join,
        (None, _) => "",
    }
}

/// The statement [`Tx::find_tickets`] runs for `filter` on SQLite, for plan tests.
pub fn find_sql(filter: &TicketFilter) -> String {
    select(filter, Dialect::Sqlite).text
}

/// The statement [`Tx::find_tickets`] runs for `filter` on PostgreSQL, as
/// the server gets it (`$N` parameters), for plan tests.
pub fn find_sql_postgres(filter: &TicketFilter) -> String {
    super::sql::pg::translate(&select(filter, Dialect::Postgres).text, false)
}

/// The statement [`Tx::count_found`] runs for `filter` on SQLite, for plan tests.
pub fn count_sql(filter: &TicketFilter) -> String {
    count(filter, Dialect::Sqlite).text
}

impl Tx<'_> {
    /// The tickets `filter` selects, in its order, at most its limit.
    pub fn find_tickets(&self, filter: &TicketFilter) -> Result<Vec<Ticket>, StoreError> {
        let sql = select(filter, self.db.dialect());
        let mut stmt = self.db.prepare(&sql.text)?;
        let rows = stmt.query_map(sql.params, rows::ticket)?;
        Ok(rows)
    }

    /// How many tickets `filter` selects (its order and limit aside).
    pub fn count_found(&self, filter: &TicketFilter) -> Result<usize, StoreError> {
        let sql = count(filter, self.db.dialect());
        let n: i64 = self.db.query_row(&sql.text, sql.params, |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }
}
