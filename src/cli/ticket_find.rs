//! `ticket list --query EXPR`: the filter language, with the list's other
//! options (`--status`, `--assignee`, `--customer`, `--untriaged`,
//! `--limit`) joined to it as further terms, so one statement answers all.

use super::Env;
use crate::domain::enums::TicketStatus;
use crate::domain::error::{Invalid, Reason};
use crate::domain::fulltext::terms;
use crate::domain::query::{Assignee, Term, Test};
use crate::service::Error;
use crate::service::find::{self, Found, Narrow, Scope};
use crate::service::tickets::TicketQuery;

/// The tickets `expr` and the options select; `queue`: the queue's tickets
/// in triage order (unless the expression sorts).
/// `search` (`--search` given with `--query`) joins the bare words.
pub fn find(
    env: &mut Env,
    expr: &str,
    search: Option<&str>,
    queue: bool,
    options: &TicketQuery,
) -> Result<Found, Error> {
    let mut query = find::parse(&env.ctx, expr)?;
    query.text.extend(search.map(str::to_string));
    // Bare text with nothing to search for (`-`, `?`) would be dropped and
    // list every ticket; refused as `--search` refuses it.
    if let Some(text) = query.text().filter(|t| terms(t).is_empty()) {
        return Err(Invalid::new("query", text, Reason::NoSearchTerm).into());
    }
    let mut and = |test| query.terms.push(Term { negated: false, test });
    if let Some(status) = &options.status {
        and(Test::Status(vec![status.parse::<TicketStatus>()?]));
    }
    if let Some(assignee) = &options.assignee {
        and(Test::Assignee(vec![Assignee::Named(assignee.clone())]));
    }
    if let Some(id) = options.customer_id {
        and(Test::Customer(vec![id.to_string()]));
    }
    let scope = if queue { Scope::Queue } else { Scope::All };
    let narrow = Narrow {
        untriaged: options.untriaged,
    };
    find::find_query(&mut env.store, &env.ctx, &query, scope, &narrow, options.limit)
}
