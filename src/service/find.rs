//! Finding tickets with the filter language (`ticket list --query`, the
//! queue's `/`, saved views): the expression is read by
//! [`crate::domain::query`], resolved here against the desk (who "me" is,
//! which customers a name means, what an SLA state asks of the due
//! columns) and run as one statement by the store.

use super::customers::SearchIndex;
use super::sla::{QUEUE_SLACK, Rules, most_urgent_first};
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::error::Invalid;
use crate::domain::query::{self, Assignee, Query, Range, SortKey, Test, TimeField};
use crate::domain::sla::SlaState;
use crate::domain::urgency::long_overdue_cutoff;
use crate::store::{
    Clause, Column, Cond, FindOrder, Store, StoreError, TicketFilter, TimeColumn, Tx, ticket_text_filter,
};

/// Which tickets a query looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The queue's tickets only (still waiting for the team, or for their
    /// callback), in triage order unless the query sorts.
    Queue,
    /// Every ticket, newest first unless the query sorts.
    All,
}

/// What a query found: the tickets and, in the same order, the text that
/// matched where words were searched for.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub tickets: Vec<TicketView>,
    pub snippets: Vec<Option<String>>,
    /// Whether words were searched for (the snippets mean something).
    pub searched: bool,
}

/// The most customers a name in `customer:` stands for, best matches first:
/// a name that matches more is too vague to narrow by.
const CUSTOMER_MATCHES: usize = 500;

/// Reads `expr` at the context's clock and display zone; a bad term is
/// [`Error::Invalid`] with field `query` and the term as its value.
pub fn parse(ctx: &Ctx, expr: &str) -> Result<Query, Error> {
    query::parse(expr, ctx.now, ctx.settings.display_zone).map_err(|e| Error::Invalid(Invalid::from(e)))
}

/// Whether `expr` reads, without running it (for `view add`).
pub fn check(ctx: &Ctx, expr: &str) -> Result<(), Error> {
    parse(ctx, expr).map(drop)
}

/// The tickets `expr` selects in `scope`, at most `limit`.
pub fn find(store: &mut Store, ctx: &Ctx, expr: &str, scope: Scope, limit: Option<usize>) -> Result<Found, Error> {
    let query = parse(ctx, expr)?;
    find_query(store, ctx, &query, scope, &Narrow::default(), limit)
}

/// How many tickets `expr` selects in `scope`.
pub fn count(store: &mut Store, ctx: &Ctx, expr: &str, scope: Scope) -> Result<usize, Error> {
    let query = parse(ctx, expr)?;
    store.read(|tx| {
        let plan = plan(tx, ctx, &query, scope, &Narrow::default(), None)?;
        if plan.residual.is_empty() {
            return Ok(tx.count_found(&plan.filter)?);
        }
        Ok(run(tx, ctx, &plan, None)?.tickets.len())
    })
}

/// What `ticket list` adds to a query beside its terms.
#[derive(Debug, Clone, Default)]
pub struct Narrow {
    /// Only tickets nobody has decided on in triage yet.
    pub untriaged: bool,
}

/// [`find`] for a query already read (the CLI adds its options' terms).
pub fn find_query(
    store: &mut Store,
    ctx: &Ctx,
    query: &Query,
    scope: Scope,
    narrow: &Narrow,
    limit: Option<usize>,
) -> Result<Found, Error> {
    store.read(|tx| {
        let plan = plan(tx, ctx, query, scope, narrow, limit)?;
        run(tx, ctx, &plan, limit)
    })
}

/// The statement to run and what is left to check on each ticket's clocks.
struct Plan {
    filter: TicketFilter,
    /// SLA terms the due columns can only narrow: checked on the evaluated clocks.
    residual: Vec<SlaTerm>,
    /// Order by urgency after reading (the queue's triage order).
    by_urgency: bool,
    /// The bare words, for each found ticket's snippet.
    searched: Option<String>,
}

struct SlaTerm {
    negated: bool,
    states: Vec<SlaState>,
}

impl SlaTerm {
    fn holds(&self, view: &TicketView) -> bool {
        let state = view.sla.worst_state();
        state.is_some_and(|s| self.states.contains(&s)) != self.negated
    }
}

fn plan(tx: &Tx, ctx: &Ctx, query: &Query, scope: Scope, narrow: &Narrow, limit: Option<usize>) -> Result<Plan, Error> {
    let mut clauses = Vec::new();
    let mut residual = Vec::new();
    let mut names: Option<SearchIndex> = None;
    for term in &query.terms {
        let negated = term.negated;
        let cond = match &term.test {
            Test::Status(v) => Cond::Equals(Column::Status, keys(v, |s| s.key())),
            Test::Kind(v) => Cond::Equals(Column::Kind, keys(v, |k| k.key())),
            Test::Priority(v) => Cond::Equals(Column::Priority, keys(v, |p| p.key())),
            Test::Channel(v) => Cond::Equals(Column::Channel, keys(v, |c| c.key())),
            Test::Assignee(v) => Cond::NoCase(
                Column::Assignee,
                v.iter()
                    .map(|a| match a {
                        Assignee::Me => ctx.agent.clone(),
                        Assignee::Nobody => String::new(),
                        Assignee::Named(name) => name.clone(),
                    })
                    .collect(),
            ),
            Test::Department(v) => Cond::NoCase(Column::Department, v.clone()),
            Test::Category(v) => Cond::NoCase(Column::Category, v.clone()),
            Test::Tag(v) => Cond::Tags(v.clone()),
            Test::Customer(v) => Cond::Customers(customers(tx, v, &mut names)?),
            Test::Time(field, ranges) => Cond::Within(
                match field {
                    TimeField::Opened => TimeColumn::Opened,
                    TimeField::Updated => TimeColumn::Updated,
                    TimeField::Due => TimeColumn::Due,
                },
                ranges.clone(),
            ),
            Test::Sla(states) => {
                let exact = states.iter().all(|s| *s == SlaState::Breached);
                if !exact {
                    residual.push(SlaTerm {
                        negated,
                        states: states.clone(),
                    });
                    // The negation of a wider set says nothing: only the check remains.
                    if negated {
                        continue;
                    }
                }
                Cond::Any(states.iter().map(|s| due_columns_for(*s, ctx)).collect())
            }
        };
        clauses.push(Clause { negated, cond });
    }
    let text = query.text().and_then(|t| ticket_text_filter(&t));
    let order = match (query.sort, scope) {
        (Some(sort), _) => {
            let reversed = sort.reversed;
            match sort.key {
                SortKey::Due => FindOrder::Due { reversed },
                SortKey::Opened => FindOrder::Opened { reversed },
                SortKey::Updated => FindOrder::Updated { reversed },
                SortKey::Priority => FindOrder::Priority { reversed },
            }
        }
        // Words searched for: the best match first, whatever the scope.
        (None, _) if text.is_some() => FindOrder::Rank,
        (None, Scope::Queue) => FindOrder::Triage {
            cutoff: long_overdue_cutoff(ctx.now),
        },
        (None, Scope::All) => FindOrder::Newest,
    };
    let by_urgency = matches!(order, FindOrder::Triage { .. });
    // Open statuses only: every such ticket is in the queue, so its partial
    // index narrows the read (`status:active` reads ~5% of the tickets).
    let open_only = query
        .terms
        .iter()
        .any(|t| !t.negated && matches!(&t.test, Test::Status(s) if !s.is_empty() && s.iter().all(|s| s.is_open())));
    // Checks after reading need every candidate; the urgency order needs a
    // few beyond the limit (as the queue does).
    let fetch = match (residual.is_empty(), by_urgency) {
        (false, _) => None,
        (true, true) => limit.map(|l| l + QUEUE_SLACK),
        (true, false) => limit,
    };
    Ok(Plan {
        filter: TicketFilter {
            clauses,
            active_only: scope == Scope::Queue || open_only,
            untriaged: narrow.untriaged,
            text,
            order,
            limit: fetch,
        },
        residual,
        by_urgency,
        searched: query.text(),
    })
}

fn keys<T: Copy>(values: &[T], key: fn(T) -> &'static str) -> Vec<String> {
    values.iter().map(|v| key(*v).to_string()).collect()
}

/// What the due columns say of a ticket whose worst clock is `state`:
/// exactly for breached (a running clock past its due is the worst there
/// is), a superset for the others, which the evaluated clocks then decide.
fn due_columns_for(state: SlaState, ctx: &Ctx) -> Cond {
    let due = |from, until| Cond::Within(TimeColumn::Due, vec![Range { from, until }]);
    let running = || due(Some(ctx.now), None);
    match state {
        SlaState::Breached => due(None, Some(ctx.now)),
        SlaState::AtRisk | SlaState::Running => running(),
        SlaState::Paused => Cond::Equals(Column::Status, vec!["pending".into()]),
        SlaState::Met => Cond::NoDue,
        SlaState::Missed => Cond::Any(vec![Cond::NoDue, running()]),
    }
}

/// The customers `customer:` values name: an id or a code names one; other
/// text is matched against names, codes, phones and pinyin as the customer
/// search does.
fn customers(tx: &Tx, values: &[String], names: &mut Option<SearchIndex>) -> Result<Vec<i64>, Error> {
    let mut ids = Vec::new();
    for value in values {
        match tx.customer_by_key(value) {
            Ok(c) => ids.push(c.id),
            Err(StoreError::NotFound { .. }) => {
                let index = match names {
                    Some(index) => index,
                    None => names.insert(SearchIndex::load(tx)?),
                };
                ids.extend(index.find(value).into_iter().take(CUSTOMER_MATCHES));
            }
            Err(e) => return Err(e.into()),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

fn run(tx: &Tx, ctx: &Ctx, plan: &Plan, limit: Option<usize>) -> Result<Found, Error> {
    let rules = Rules::load(tx)?;
    let mut views = Vec::new();
    for ticket in tx.find_tickets(&plan.filter)? {
        let view = rules.view(tx, ctx, ticket)?;
        if plan.residual.iter().all(|term| term.holds(&view)) {
            views.push(view);
        }
        // In the store's order a full page is final; the urgency order is not.
        if !plan.by_urgency && limit.is_some_and(|l| views.len() >= l) {
            break;
        }
    }
    if plan.by_urgency {
        most_urgent_first(&mut views);
    }
    if let Some(limit) = limit {
        views.truncate(limit);
    }
    let searched = plan.searched.as_deref().filter(|_| plan.filter.text.is_some());
    let snippets = match searched {
        Some(text) => tx.ticket_snippets(&views.iter().map(|v| v.ticket.id).collect::<Vec<_>>(), text)?,
        None => vec![None; views.len()],
    };
    Ok(Found {
        searched: searched.is_some(),
        tickets: views,
        snippets,
    })
}
