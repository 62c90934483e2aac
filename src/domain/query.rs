//! The filter language of `ticket list --query` and the queue's `/`
//! (../shared/CLI.md "Finding tickets"): `key:value` terms that must all
//! hold, `a,b` for either, a leading `-` to negate, `sort:`, and bare words
//! as full-text search. Pure: this reads the text into a [`Query`]; the
//! store turns it into SQL. Time values are read here, at the `now` and in
//! the zone given, so a saved view means the same as typing it again.

use super::enums::{Channel, Priority, TicketKind, TicketStatus};
use super::human_time::{in_zone, parse_time};
use super::sla::SlaState;
use super::suggest::nearest_name;
use chrono::{DateTime, Days, TimeDelta, Utc};
use chrono_tz::Tz;

/// What the text asks for: every term holds, and the text matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// Bare words and quoted phrases, for the full-text search.
    pub text: Vec<String>,
    pub sort: Option<Sort>,
}

impl Query {
    /// The bare words as one search text, if any.
    pub fn text(&self) -> Option<String> {
        (!self.text.is_empty()).then(|| self.text.join(" "))
    }
}

/// One `key:value` term; `negated` when written with a leading `-`.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub negated: bool,
    pub test: Test,
}

/// What a term tests; each list is "either of".
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Status(Vec<TicketStatus>),
    Kind(Vec<TicketKind>),
    Priority(Vec<Priority>),
    Assignee(Vec<Assignee>),
    Department(Vec<String>),
    Category(Vec<String>),
    Channel(Vec<Channel>),
    /// Whole tags, lowercased as tags are stored.
    Tag(Vec<String>),
    /// Ids, codes or name words, as typed: the service finds the customers.
    Customer(Vec<String>),
    /// The ticket's SLA state as `ticket show` shows it (its worst clock).
    Sla(Vec<SlaState>),
    Time(TimeField, Vec<Range>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// The acting agent.
    Me,
    /// Nobody yet.
    Nobody,
    Named(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeField {
    Opened,
    Updated,
    /// The next due time of the ticket's running clocks (the queue's column).
    Due,
}

/// Instants from `from` (inclusive) until `until` (exclusive); whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    /// `sort:-key`: the other way round from the key's default.
    pub reversed: bool,
}

/// Default directions: due soonest first, opened and updated newest first,
/// priority most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Due,
    Opened,
    Updated,
    Priority,
}

/// The keys a term may have, as typed.
pub const KEYS: &[&str] = &[
    "status",
    "kind",
    "priority",
    "assignee",
    "department",
    "category",
    "channel",
    "tag",
    "customer",
    "sla",
    "opened",
    "updated",
    "due",
    "sort",
];

/// `status:active`: the statuses still waiting for the team.
pub const ACTIVE: &str = "active";
const SORT_KEYS: &[&str] = &["due", "opened", "updated", "priority"];

/// A term that cannot be read: the term as typed and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("query term {term:?}: {problem:?}")]
pub struct QueryError {
    pub term: String,
    pub problem: QueryProblem,
}

/// The error users see: field `query`, the term as the value.
impl From<QueryError> for super::error::Invalid {
    fn from(e: QueryError) -> Self {
        super::error::Invalid::new("query", e.term, super::error::Reason::Query(Box::new(e.problem)))
    }
}

/// Why a term cannot be read; the catalogue words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// Not one of [`KEYS`]; the nearest one when it looks like a slip.
    UnknownKey { key: String, nearest: Option<String> },
    /// Not one of the key's values.
    UnknownValue {
        key: String,
        value: String,
        nearest: Option<String>,
        allowed: Vec<String>,
    },
    /// `key:` with nothing after it (or an empty either-of part).
    EmptyValue { key: String },
    /// Not a TIME form.
    Time { key: String, value: String },
    /// `<`, `>` on a key that has no order (only priority and times).
    NoOrder { key: String },
    /// A `"` that is never closed.
    UnclosedQuote,
    /// More than one `sort:`.
    SecondSort,
    /// `-word`: text is searched for, never excluded.
    NegatedText,
}

/// Reads `expr` at `now`; times without an offset are in `zone`.
pub fn parse(expr: &str, now: DateTime<Utc>, zone: Tz) -> Result<Query, QueryError> {
    let mut query = Query::default();
    for raw in tokens(expr)? {
        let fail = |problem| QueryError {
            term: raw.clone(),
            problem,
        };
        let (negated, body) = match raw.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, raw.as_str()),
        };
        let Some((key, value)) = split_key(body) else {
            if negated {
                return Err(fail(QueryProblem::NegatedText));
            }
            query.text.push(unquote(body));
            continue;
        };
        let key = key.to_lowercase();
        if key == "sort" {
            if query.sort.is_some() {
                return Err(fail(QueryProblem::SecondSort));
            }
            query.sort = Some(sort(&value, negated).map_err(fail)?);
            continue;
        }
        let values = split_values(&value);
        let test = test(&key, &values, now, zone).map_err(fail)?;
        query.terms.push(Term { negated, test });
    }
    Ok(query)
}

/// Whitespace-separated terms; quotes keep spaces inside a value
/// (`customer:"Henry Hall"`, `"two words"`) and are kept in the term.
fn tokens(expr: &str) -> Result<Vec<String>, QueryError> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in expr.chars() {
        if is_quote(c) {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(c);
        }
    }
    if quoted {
        return Err(QueryError {
            term: current,
            problem: QueryProblem::UnclosedQuote,
        });
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// A Chinese input method types full-width quotes, colons and commas.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// `key` and the rest after the first colon outside quotes, when the part
/// before it is a word of letters (so `10:30` stays text).
fn split_key(body: &str) -> Option<(String, String)> {
    let at = outside_quotes(body, |c| matches!(c, ':' | '：')).into_iter().next()?;
    let key = &body[..at];
    let colon = body[at..].chars().next().map_or(1, char::len_utf8);
    let is_word = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
    is_word.then(|| (key.to_string(), body[at + colon..].to_string()))
}

/// Byte positions of the characters `is_sep` accepts outside quotes.
fn outside_quotes(text: &str, is_sep: impl Fn(char) -> bool) -> Vec<usize> {
    let mut quoted = false;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if is_quote(c) {
            quoted = !quoted;
        } else if !quoted && is_sep(c) {
            out.push(i);
        }
    }
    out
}

/// The either-of parts of a value, unquoted and trimmed.
fn split_values(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for at in outside_quotes(value, |c| matches!(c, ',' | '，')) {
        out.push(unquote(&value[start..at]));
        start = at + value[at..].chars().next().map_or(1, char::len_utf8);
    }
    out.push(unquote(&value[start..]));
    out
}

fn unquote(text: &str) -> String {
    text.chars()
        .filter(|c| !is_quote(*c))
        .collect::<String>()
        .trim()
        .to_string()
}

fn test(key: &str, values: &[String], now: DateTime<Utc>, zone: Tz) -> Result<Test, QueryProblem> {
    if values.iter().any(String::is_empty) {
        if !KEYS.contains(&key) {
            return Err(unknown_key(key));
        }
        return Err(QueryProblem::EmptyValue { key: key.into() });
    }
    let ordered = |v: &String| v.starts_with(['<', '>']);
    if !matches!(key, "priority" | "opened" | "updated" | "due") && values.iter().any(ordered) {
        return Err(if KEYS.contains(&key) {
            QueryProblem::NoOrder { key: key.into() }
        } else {
            unknown_key(key)
        });
    }
    let each = |f: &dyn Fn(&str) -> Result<String, QueryProblem>| -> Result<Vec<String>, QueryProblem> {
        values.iter().map(|v| f(v)).collect()
    };
    Ok(match key {
        "status" => Test::Status(statuses(values)?),
        "kind" => Test::Kind(pick_all(key, values, TicketKind::ALL, |k| k.key())?),
        "priority" => Test::Priority(priorities(values)?),
        "channel" => Test::Channel(pick_all(key, values, Channel::ALL, |c| c.key())?),
        "sla" => Test::Sla(pick_all(key, values, SlaState::ALL, |s| s.key())?),
        "assignee" => Test::Assignee(
            values
                .iter()
                .map(|v| match v.to_lowercase().as_str() {
                    "me" => Assignee::Me,
                    "none" => Assignee::Nobody,
                    _ => Assignee::Named(v.clone()),
                })
                .collect(),
        ),
        "department" => Test::Department(each(&|v| Ok(v.to_string()))?),
        "category" => Test::Category(each(&|v| Ok(v.to_string()))?),
        "tag" => Test::Tag(each(&|v| Ok(v.to_lowercase()))?),
        "customer" => Test::Customer(each(&|v| Ok(v.to_string()))?),
        "opened" => Test::Time(TimeField::Opened, ranges(key, values, now, zone)?),
        "updated" => Test::Time(TimeField::Updated, ranges(key, values, now, zone)?),
        "due" => Test::Time(TimeField::Due, ranges(key, values, now, zone)?),
        _ => return Err(unknown_key(key)),
    })
}

fn unknown_key(key: &str) -> QueryProblem {
    let known: Vec<String> = KEYS.iter().map(|k| k.to_string()).collect();
    QueryProblem::UnknownKey {
        key: key.into(),
        nearest: nearest_name(key, &known).map(str::to_string),
    }
}

/// The one of `all` whose key is `value` (case, `-` and `_` aside).
fn pick<T: Copy>(key: &str, value: &str, all: &[T], name: fn(T) -> &'static str) -> Result<T, QueryProblem> {
    let plain = |s: &str| s.to_lowercase().replace('_', "-");
    if let Some(found) = all.iter().find(|v| plain(name(**v)) == plain(value)) {
        return Ok(*found);
    }
    let allowed: Vec<String> = all.iter().map(|v| name(*v).to_string()).collect();
    Err(QueryProblem::UnknownValue {
        key: key.into(),
        value: value.into(),
        nearest: nearest_name(value, &allowed).map(str::to_string),
        allowed,
    })
}

fn pick_all<T: Copy + PartialEq>(
    key: &str,
    values: &[String],
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<Vec<T>, QueryProblem> {
    let mut out = Vec::new();
    for value in values {
        let found = pick(key, value, all, name)?;
        if !out.contains(&found) {
            out.push(found);
        }
    }
    Ok(out)
}

/// Statuses, `active` standing for new, open and pending.
fn statuses(values: &[String]) -> Result<Vec<TicketStatus>, QueryProblem> {
    let mut out = Vec::new();
    for value in values {
        let found: Vec<TicketStatus> = if value.eq_ignore_ascii_case(ACTIVE) {
            TicketStatus::ALL.iter().copied().filter(|s| s.is_open()).collect()
        } else {
            pick("status", value, TicketStatus::ALL, |s| s.key())
                .map(|s| vec![s])
                .map_err(|e| with_allowed(e, ACTIVE))?
        };
        out.extend(found.into_iter().filter(|s| !out.contains(s)).collect::<Vec<_>>());
    }
    Ok(out)
}

/// `status:` also accepts `active`: say so, and suggest it.
fn with_allowed(problem: QueryProblem, extra: &str) -> QueryProblem {
    match problem {
        QueryProblem::UnknownValue {
            key,
            value,
            nearest,
            mut allowed,
        } => {
            allowed.push(extra.into());
            let nearest = nearest.or_else(|| nearest_name(&value, &allowed).map(str::to_string));
            QueryProblem::UnknownValue {
                key,
                value,
                nearest,
                allowed,
            }
        }
        other => other,
    }
}

/// Priorities, with `>=high`, `<normal`… by urgency (urgent is the highest).
fn priorities(values: &[String]) -> Result<Vec<Priority>, QueryProblem> {
    let mut out = Vec::new();
    for value in values {
        let (op, rest) = operator(value);
        let named = pick("priority", rest, Priority::ALL, |p| p.key())?;
        let weight = named.weight();
        for p in Priority::ALL.iter().copied() {
            let w = p.weight();
            let holds = match op {
                Op::Less => w < weight,
                Op::AtMost => w <= weight,
                Op::More => w > weight,
                Op::AtLeast => w >= weight,
                Op::On => w == weight,
            };
            if holds && !out.contains(&p) {
                out.push(p);
            }
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Less,
    AtMost,
    More,
    AtLeast,
    On,
}

fn operator(value: &str) -> (Op, &str) {
    for (prefix, op) in [
        ("<=", Op::AtMost),
        (">=", Op::AtLeast),
        ("<", Op::Less),
        (">", Op::More),
    ] {
        if let Some(rest) = value.strip_prefix(prefix) {
            return (op, rest.trim());
        }
    }
    (Op::On, value)
}

/// Time values: `<t` before t, `<=t` up to t, `>t` after, `>=t` from t;
/// without an operator, the whole day t falls on (in `zone`).
fn ranges(key: &str, values: &[String], now: DateTime<Utc>, zone: Tz) -> Result<Vec<Range>, QueryProblem> {
    values
        .iter()
        .map(|value| {
            let (op, rest) = operator(value);
            let bad = || QueryProblem::Time {
                key: key.into(),
                value: value.clone(),
            };
            let t = parse_time(key, rest, now, zone).map_err(|_| bad())?;
            let second = TimeDelta::seconds(1);
            Ok(match op {
                Op::Less => Range {
                    from: None,
                    until: Some(t),
                },
                Op::AtMost => Range {
                    from: None,
                    until: Some(t + second),
                },
                Op::More => Range {
                    from: Some(t + second),
                    until: None,
                },
                Op::AtLeast => Range {
                    from: Some(t),
                    until: None,
                },
                Op::On => {
                    let day = t.with_timezone(&zone).date_naive();
                    let start = day.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
                    let next = day.checked_add_days(Days::new(1)).ok_or_else(bad)?;
                    let end = next.and_hms_opt(0, 0, 0).ok_or_else(bad)?;
                    Range {
                        from: Some(in_zone(start, zone)),
                        until: Some(in_zone(end, zone)),
                    }
                }
            })
        })
        .collect()
}

fn sort(value: &str, negated: bool) -> Result<Sort, QueryProblem> {
    let (reversed, name) = match value.trim().strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, value.trim()),
    };
    if name.is_empty() {
        return Err(QueryProblem::EmptyValue { key: "sort".into() });
    }
    let key = match name.to_lowercase().as_str() {
        "due" => SortKey::Due,
        "opened" => SortKey::Opened,
        "updated" => SortKey::Updated,
        "priority" => SortKey::Priority,
        _ => {
            let allowed: Vec<String> = SORT_KEYS.iter().map(|k| k.to_string()).collect();
            return Err(QueryProblem::UnknownValue {
                key: "sort".into(),
                value: name.into(),
                nearest: nearest_name(name, &allowed).map(str::to_string),
                allowed,
            });
        }
    };
    // `-sort:due` reads as "the other way round", as `sort:-due` does.
    Ok(Sort {
        key,
        reversed: reversed != negated,
    })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;
