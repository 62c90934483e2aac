//! Full-text search of tickets and of contacts logged without a ticket
//! (`ticket list --search`, `timeline --search`): the matches best first,
//! each with the line it was found in.

use super::tickets::TicketView;
use super::{Ctx, Error, sla};
use crate::domain::error::Invalid;
use crate::domain::fulltext::{self, terms};
use crate::domain::interaction::Interaction;
use crate::domain::reason::Reason;
use crate::store::{Store, TicketQuery};

/// A ticket found, with an excerpt around the first match.
#[derive(Debug, Clone)]
pub struct Found {
    pub view: TicketView,
    pub snippet: Option<String>,
}

/// A contact logged without a ticket, found, with its excerpt.
#[derive(Debug, Clone)]
pub struct FoundContact {
    pub interaction: Interaction,
    pub snippet: Option<String>,
}

/// Refuses a text with nothing to search for (only spaces or punctuation):
/// it would match nothing, which looks like "no such ticket".
fn checked(text: &str) -> Result<(), Invalid> {
    if terms(text).is_empty() {
        return Err(Invalid::new("search", text, Reason::NoSearchTerm));
    }
    Ok(())
}

/// Tickets matching `text`, best first (ties newest first): with
/// `scope_all`, any status; otherwise only those in the queue. A `limit`
/// of 0 means all of them.
pub fn tickets(store: &mut Store, ctx: &Ctx, text: &str, scope_all: bool, limit: usize) -> Result<Vec<Found>, Error> {
    let query = TicketQuery {
        limit: (limit > 0).then_some(limit),
        ..TicketQuery::default()
    };
    tickets_matching(store, ctx, &query, text, !scope_all)
}

/// Tickets matching `text` narrowed by `query` (status, assignee, customer,
/// untriaged, limit); with `active_only`, only those in the queue.
pub fn tickets_matching(
    store: &mut Store,
    ctx: &Ctx,
    query: &TicketQuery,
    text: &str,
    active_only: bool,
) -> Result<Vec<Found>, Error> {
    checked(text)?;
    // "Untriaged" is not a column the search can narrow by: filter after.
    let fetch = TicketQuery {
        limit: if query.untriaged { None } else { query.limit },
        ..query.clone()
    };
    store.read(|tx| {
        let mut tickets = tx.search_tickets(&fetch, text, active_only)?;
        if query.untriaged {
            tickets.retain(|t| t.triaged_at.is_none());
        }
        if let Some(limit) = query.limit {
            tickets.truncate(limit);
        }
        // The page's snippets, events and rules each read once for all.
        let ids: Vec<i64> = tickets.iter().map(|t| t.id).collect();
        let snippets = tx.ticket_snippets(&ids, text)?;
        let views = sla::views_of(tx, ctx, tickets)?;
        Ok(views
            .into_iter()
            .zip(snippets)
            .map(|(view, snippet)| Found { view, snippet })
            .collect())
    })
}

/// Contacts logged without a ticket matching `text`, of one customer (id
/// or code) or of all, best first; a `limit` of 0 means all of them.
pub fn contacts(
    store: &mut Store,
    text: &str,
    customer: Option<&str>,
    limit: usize,
) -> Result<Vec<FoundContact>, Error> {
    checked(text)?;
    store.read(|tx| {
        let customer_id = customer.map(|key| tx.customer_by_key(key)).transpose()?.map(|c| c.id);
        let limit = if limit == 0 { usize::MAX } else { limit };
        let found = tx.search_contacts_of(text, customer_id, limit)?;
        Ok(found
            .into_iter()
            .map(|interaction| {
                let snippet = fulltext::snippet(&[&interaction.summary, &interaction.body], text);
                FoundContact { interaction, snippet }
            })
            .collect())
    })
}
