//! Reading the full-text index (written by `fulltext_index.rs`): the part a
//! ticket query adds to match a text, the ticket search itself, snippets,
//! and the search of interactions without a ticket.

use super::rows::{self, INTERACTION_COLUMNS, TICKET_COLUMNS};
use super::sql::{Dialect, ListOf, Value};
use super::{StoreError, TicketQuery, Tx};
use crate::domain::fulltext::{Columns, Weights, match_expression, snippet, ts_terms};
use crate::domain::interaction::Interaction;
use crate::domain::ticket::Ticket;
use std::collections::HashMap;

/// What a ticket query adds to match `text`: joined on tickets aliased `t`.
/// The top fields are SQLite's (FTS5); `postgres` holds the server's twin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextFilter {
    pub join: String,
    pub condition: String,
    pub params: Vec<String>,
    pub rank: String,
    pub postgres: PgTextFilter,
}

/// PostgreSQL's twin of [`TextFilter`] on `ticket_text`'s tsvector: the
/// same terms, required alike. Its rank repeats the tsquery, so a ranked
/// query binds `params` a second time, for the ORDER BY.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PgTextFilter {
    pub join: String,
    pub condition: String,
    pub params: Vec<String>,
    pub rank: String,
}

const TICKET_COLUMNS_SEARCHED: Columns<'static> = Columns {
    words: &["subject_words", "words"],
    cjk1: &["subject_cjk1", "cjk1"],
    cjk2: &["subject_cjk2", "cjk2"],
};

const CONTACT_COLUMNS_SEARCHED: Columns<'static> = Columns {
    words: &["words"],
    cjk1: &["cjk1"],
    cjk2: &["cjk2"],
};

/// PostgreSQL's twins of the columns searched: the tsvector weights of the
/// words, subject (A) and rest (C); CJK is B and D.
const TICKET_WEIGHTS: Weights<'static> = Weights { words: "AC" };
const CONTACT_WEIGHTS: Weights<'static> = Weights { words: "C" };

/// Best first (bm25 is lower for better matches). The subject has its own
/// columns, weighted ten times the description and the interactions, so a
/// ticket about a word ranks above one that mentions it once deep in a
/// reply. So high because FTS5's bm25 scales by the length of the whole row
/// (all columns, the CJK ones included), which a long ticket pays for.
const TICKET_RANK: &str = "bm25(ticket_text, 10.0, 10.0, 10.0, 1.0, 1.0, 1.0)";

/// PostgreSQL's rank of a ticket (higher is better), comparable to
/// [`TICKET_RANK`]: cover density with the subject (weights A and B)
/// weighted ten times the rest (ts_rank's weights are {D, C, B, A}, at most
/// 1), and, like bm25, divided by the length of the row (normalisation 1:
/// by 1 + its log). `{query}` is the query of [`ts_query`].
fn ticket_rank_pg(query: &str) -> String {
    format!("ts_rank_cd('{{0.1, 0.1, 1, 1}}', ticket_text.document, {query}, 1)")
}

/// The tsquery requiring every term of `text` (see `ts_terms`), as SQL
/// whose parameters number from `first`, and their values in order. None
/// when `text` has no term.
fn ts_query(text: &str, weights: &Weights, first: usize) -> Option<(String, Vec<String>)> {
    let terms = ts_terms(text, weights);
    if terms.is_empty() {
        return None;
    }
    let calls: Vec<String> = terms
        .iter()
        .enumerate()
        .map(|(i, term)| format!("to_tsquery('{}', ?{})", term.config.name(), first + i))
        .collect();
    let values = terms.into_iter().map(|term| term.query).collect();
    Some((format!("({})", calls.join(" && ")), values))
}

/// None when `text` holds no searchable term. SQL uses anonymous `?` params
/// only, bound in order join-params (none) then `params`. `rank` is an ORDER
/// BY expression, best first.
pub fn ticket_text_filter(text: &str) -> Option<TextFilter> {
    let expression = match_expression(text, &TICKET_COLUMNS_SEARCHED)?;
    // The same terms as the expression's, so both engines find a text
    // searchable or not alike.
    let terms = ts_terms(text, &TICKET_WEIGHTS);
    let query = format!(
        "({})",
        terms
            .iter()
            .map(|term| format!("to_tsquery('{}', ?)", term.config.name()))
            .collect::<Vec<_>>()
            .join(" && ")
    );
    Some(TextFilter {
        join: "JOIN ticket_text ON ticket_text.rowid = t.id".to_string(),
        condition: "ticket_text MATCH ?".to_string(),
        params: vec![expression],
        rank: TICKET_RANK.to_string(),
        postgres: PgTextFilter {
            join: "JOIN ticket_text ON ticket_text.id = t.id".to_string(),
            condition: format!("ticket_text.document @@ {query}"),
            params: terms.into_iter().map(|term| term.query).collect(),
            // Higher is better there.
            rank: format!("{} DESC", ticket_rank_pg(&query)),
        },
    })
}

/// How many matches a search ranks at most: the newest that pass the
/// filters. bm25 scores every row it ranks (about a microsecond each), so a
/// word in most of 200k tickets took over 100 ms to rank in full; ranking
/// the newest 5000 keeps it to a few. A search with fewer matches than
/// this (nearly every real one) is ranked exactly; a very common word
/// gets the best of its recent tickets, which is what an agent looks for.
pub const RANKED_CANDIDATES: usize = 5000;

/// The ticket search with `ticket list`'s options (status, assignee,
/// customer, active only), best first, ties newest first. The inner query
/// walks the matches newest first (FTS5 reads its rowids in order, no
/// sort), keeps those passing the filters, and stops at
/// [`RANKED_CANDIDATES`]; only those are scored and sorted. Params: status,
/// assignee, customer, active-only as ?1–?4, then the filter's anonymous
/// ones (they follow ?4 in the text, so they number on from 5), then the
/// limit.
pub(super) fn search_sql(filter: &TextFilter) -> String {
    format!(
        "SELECT {TICKET_COLUMNS}
         FROM (SELECT t.id AS id, {rank} AS score
               FROM tickets t {join}
               WHERE (?1 IS NULL OR t.status = ?1)
                 AND (?2 IS NULL OR t.assignee = ?2)
                 AND (?3 IS NULL OR t.customer_id = ?3)
                 AND (?4 = 0 OR t.is_active)
                 AND {condition}
               ORDER BY ticket_text.rowid DESC LIMIT {RANKED_CANDIDATES}) hit
         JOIN tickets t ON t.id = hit.id JOIN customers c ON c.id = t.customer_id
         ORDER BY hit.score, t.opened_at DESC, t.id DESC LIMIT ?{limit}",
        join = filter.join,
        condition = filter.condition,
        rank = filter.rank,
        limit = 5 + filter.params.len(),
    )
}

/// PostgreSQL's twin of [`search_sql`]: the newest [`RANKED_CANDIDATES`]
/// matches passing the filters are ranked, as on SQLite, ties newest first.
/// Only the page's rows (and any tied with its last) are joined to their
/// ticket and customer: joining all the candidates first made the planner
/// scan every ticket (80 ms of a 170 ms search of the demo's 200k).
/// Without a filter the matches are taken from the search rows alone,
/// which are the tickets' own ids. Params: with `filtered`, the filters
/// ?1–?4 (typed by the casts, which a bare `IS NULL` leaves the server
/// unable to do), the terms from ?5 (`query` numbers them so, see
/// [`ts_query`]), then the limit; without, the terms from ?1, then the
/// limit (-1 for all).
fn search_sql_pg(query: &str, terms: usize, filtered: bool) -> String {
    let (from, filters, limit) = if filtered {
        (
            "tickets t JOIN ticket_text ON ticket_text.id = t.id",
            "(?1::text IS NULL OR t.status = ?1)
                       AND (?2::text IS NULL OR t.assignee = ?2)
                       AND (?3::bigint IS NULL OR t.customer_id = ?3)
                       AND (?4 = 0 OR t.is_active) AND",
            5 + terms,
        )
    } else {
        ("ticket_text", "", 1 + terms)
    };
    format!(
        "SELECT {TICKET_COLUMNS}
         FROM (SELECT id, score
               FROM (SELECT ticket_text.id AS id, {rank} AS score
                     FROM {from}
                     WHERE {filters} ticket_text.document @@ {query}
                     ORDER BY ticket_text.id DESC LIMIT {RANKED_CANDIDATES}) candidate
               ORDER BY score DESC
               FETCH FIRST (CASE WHEN ?{limit}::bigint < 0 THEN {RANKED_CANDIDATES} ELSE ?{limit} END) ROWS WITH TIES) hit
         JOIN tickets t ON t.id = hit.id JOIN customers c ON c.id = t.customer_id
         ORDER BY hit.score DESC, t.opened_at DESC, t.id DESC LIMIT ?{limit}",
        rank = ticket_rank_pg(query),
    )
}

/// The search SQL as it runs for one term, for the plan snapshot.
pub(super) fn search_plan_sql() -> String {
    search_sql(&ticket_text_filter("refund").unwrap_or_else(|| unreachable!("one word is a term")))
}

/// PostgreSQL's twin of [`contacts_sql`]: customer ?1, limit ?2, the terms
/// from ?3; every part weighted alike, as bm25 weighs every column.
fn contacts_sql_pg(query: &str) -> String {
    format!(
        "SELECT {INTERACTION_COLUMNS} FROM contact_text JOIN interactions i ON i.id = contact_text.id
         WHERE contact_text.document @@ {query} AND (?1::bigint IS NULL OR i.customer_id = ?1)
         ORDER BY ts_rank_cd('{{1, 1, 1, 1}}', contact_text.document, {query}, 1) DESC, i.at DESC, i.id DESC
         LIMIT ?2"
    )
}

fn contacts_sql() -> String {
    format!(
        "SELECT {INTERACTION_COLUMNS} FROM contact_text JOIN interactions i ON i.id = contact_text.rowid
         WHERE contact_text MATCH ?1 AND (?2 IS NULL OR i.customer_id = ?2)
         ORDER BY bm25(contact_text), i.at DESC, i.id DESC LIMIT ?3"
    )
}

impl Tx<'_> {
    /// Tickets matching `text`, narrowed by `q` (its limit included); with
    /// `active_only`, only those in the queue. Empty when `text` has no term.
    pub fn search_tickets(&self, q: &TicketQuery, text: &str, active_only: bool) -> Result<Vec<Ticket>, StoreError> {
        let filtered = q.status.is_some() || q.assignee.is_some() || q.customer_id.is_some() || active_only;
        let (sql, terms) = match self.db.dialect() {
            Dialect::Sqlite => match ticket_text_filter(text) {
                Some(filter) => (search_sql(&filter), filter.params),
                None => return Ok(Vec::new()),
            },
            Dialect::Postgres => match ts_query(text, &TICKET_WEIGHTS, if filtered { 5 } else { 1 }) {
                Some((query, terms)) => (search_sql_pg(&query, terms.len(), filtered), terms),
                None => return Ok(Vec::new()),
            },
        };
        // One statement per number of terms: kept in the statement cache.
        let mut stmt = self.db.prepare(&sql)?;
        let mut values: Vec<Value> = Vec::new();
        if filtered || self.db.dialect() == Dialect::Sqlite {
            values.extend([
                q.status.clone().map_or(Value::Null, Value::Text),
                q.assignee.clone().map_or(Value::Null, Value::Text),
                q.customer_id.map_or(Value::Null, Value::Integer),
                Value::Integer(i64::from(active_only)),
            ]);
        }
        values.extend(terms.into_iter().map(Value::Text));
        values.push(Value::Integer(q.limit.map_or(-1, |l| i64::try_from(l).unwrap_or(-1))));
        let rows = stmt.query_map(values, rows::ticket)?;
        Ok(rows)
    }

    /// A one-line excerpt around the first match of `text` in the ticket's
    /// texts (subject, description, interactions), for display; sanitised,
    /// ≤ ~80 display columns.
    pub fn ticket_snippet(&self, ticket_id: i64, text: &str) -> Result<Option<String>, StoreError> {
        Ok(self.ticket_snippets(&[ticket_id], text)?.pop().flatten())
    }

    /// [`Tx::ticket_snippet`] of each of these tickets, in their order, read
    /// by two statements whatever their number (a page of search results
    /// was two per ticket: a round trip each on a server).
    pub fn ticket_snippets(&self, ids: &[i64], text: &str) -> Result<Vec<Option<String>>, StoreError> {
        let list = super::report::ids_json(ids);
        let mut texts: HashMap<i64, Vec<String>> = HashMap::with_capacity(ids.len());
        self.db.query_each(
            &self.db.json_list(
                "SELECT t.id, t.subject, t.description FROM json_each(?1) j JOIN tickets t ON t.id = j.value",
                ListOf::Integer,
            ),
            [&list],
            |row| {
                texts.insert(row.get(0)?, vec![row.get(1)?, row.get(2)?]);
                Ok::<_, StoreError>(())
            },
        )?;
        self.db.query_each(
            &self.db.json_list(
                "SELECT i.ticket_id, i.summary, i.body FROM json_each(?1) j
                 JOIN interactions i ON i.ticket_id = j.value ORDER BY i.ticket_id, i.at, i.id",
                ListOf::Integer,
            ),
            [&list],
            |row| {
                if let Some(found) = texts.get_mut(&row.get::<i64>(0)?) {
                    found.push(row.get(1)?);
                    found.push(row.get(2)?);
                }
                Ok::<_, StoreError>(())
            },
        )?;
        Ok(ids
            .iter()
            .map(|id| {
                let texts: Vec<&str> = texts.get(id)?.iter().map(String::as_str).collect();
                snippet(&texts, text)
            })
            .collect())
    }

    /// Ticketless interactions matching `text`, best first.
    pub fn search_contacts(&self, text: &str, limit: usize) -> Result<Vec<Interaction>, StoreError> {
        self.search_contacts_of(text, None, limit)
    }

    /// Ticketless interactions matching `text`, of one customer or of all,
    /// best first, ties newest first.
    pub fn search_contacts_of(
        &self,
        text: &str,
        customer_id: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Interaction>, StoreError> {
        let limit = Value::Integer(i64::try_from(limit).unwrap_or(-1));
        let customer = customer_id.map_or(Value::Null, Value::Integer);
        let (sql, values) = match self.db.dialect() {
            Dialect::Sqlite => match match_expression(text, &CONTACT_COLUMNS_SEARCHED) {
                Some(expression) => (contacts_sql(), vec![Value::Text(expression), customer, limit]),
                None => return Ok(Vec::new()),
            },
            Dialect::Postgres => match ts_query(text, &CONTACT_WEIGHTS, 3) {
                Some((query, terms)) => {
                    let mut values = vec![customer, limit];
                    values.extend(terms.into_iter().map(Value::Text));
                    (contacts_sql_pg(&query), values)
                }
                None => return Ok(Vec::new()),
            },
        };
        let mut stmt = self.db.prepare(&sql)?;
        let rows = stmt.query_map(values, rows::interaction)?;
        Ok(rows)
    }
}
