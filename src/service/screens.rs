//! Read-only use cases behind the terminal UI's screens. Each reads one
//! snapshot, so the counts in the header agree with the lists below them.

use super::customers::SearchIndex;
use super::segments_as_of::{self, Source};
use super::sla::{self, Rules};
use super::tickets::TicketView;
use super::{Ctx, Error};
use crate::domain::customer::Customer;
use crate::domain::order::OrderLine;
use crate::domain::sla::SlaState;
use crate::domain::urgency::Band;
use crate::store::{Store, SurveyLine, TicketQuery, Tx};

/// The rows of the customer list, as the store reads them.
pub use crate::store::CustomerRow;

const CARD_ORDERS: usize = 50;
const CARD_SURVEYS: usize = 20;
const CARD_TICKETS: usize = 50;

/// The header's numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub open: i64,
    pub at_risk: i64,
    pub breached: i64,
    /// The long-overdue band's size (see `domain::urgency`): breached more
    /// than a day ago, listed after current work.
    pub long_overdue: i64,
}

/// Everything the main screen shows, and the search index over it.
pub struct Overview {
    pub customers: Vec<CustomerRow>,
    pub search: SearchIndex,
    pub queue: Vec<TicketView>,
    pub counts: Counts,
    /// What the forms' pick lists offer.
    pub picks: super::pickers::PickLists,
}

pub fn overview(store: &mut Store, ctx: &Ctx) -> Result<Overview, Error> {
    let source = segments_as_of::ensure_current(store, ctx)?;
    store.read(|tx| {
        let mut customers = tx.customer_rows()?;
        if source == Source::Live {
            let now = segments_as_of::live(tx, ctx, None)?;
            for row in &mut customers {
                if let Some((tier, _)) = now.get(&row.id) {
                    row.tier = *tier;
                }
            }
        }
        let (queue, counts) = queue_in(tx, ctx)?;
        let search = SearchIndex::load_for(tx, customers.iter().map(|c| c.id))?;
        Ok(Overview {
            customers,
            search,
            queue,
            counts,
            picks: super::pickers::lists_in(tx)?,
        })
    })
}

/// The queue and the counts alone: refreshed every minute so SLA states
/// move on without reloading every customer.
pub fn queue(store: &mut Store, ctx: &Ctx) -> Result<(Vec<TicketView>, Counts), Error> {
    store.read(|tx| queue_in(tx, ctx))
}

/// How many of the most urgent tickets [`queue_head`] reads: more than a
/// pane shows on the tallest terminal.
pub const QUEUE_HEAD: usize = 200;

/// The queue's most urgent [`QUEUE_HEAD`] tickets, in the queue's order:
/// the first rows at start, read alone before the whole queue (whose every
/// active ticket's clocks take far longer on a large file).
pub fn queue_head(store: &mut Store, ctx: &Ctx) -> Result<Vec<TicketView>, Error> {
    store.read(|tx| sla::queue(tx, ctx, Some(QUEUE_HEAD)))
}

/// Every active ticket: the queue has no cap, so the filter and `G` reach
/// each one (the pane draws only the rows in view, so its size costs the
/// read, not the frames). Open comes from the whole table; at risk and
/// breached are the SLA engine's verdicts over the queue as evaluated, so
/// the header agrees with the colours below it; the stored due times also
/// count breaches the evaluation could miss (a clock without events).
fn queue_in(tx: &Tx, ctx: &Ctx) -> Result<(Vec<TicketView>, Counts), Error> {
    let (open, past_due) = tx.count_active(ctx.now)?;
    let queue = sla::whole_queue(tx, ctx, open)?;
    let count = |state: SlaState| queue.iter().filter(|v| v.sla.worst_state() == Some(state)).count() as i64;
    let counts = Counts {
        open,
        at_risk: count(SlaState::AtRisk),
        breached: count(SlaState::Breached).max(past_due),
        long_overdue: queue.iter().filter(|v| v.urgency.band == Band::LongOverdue).count() as i64,
    };
    Ok((queue, counts))
}

/// The customer card: the record with its orders, surveys and tickets.
#[derive(Debug, Clone)]
pub struct CustomerCard {
    pub customer: Customer,
    /// Newest first, each with its refunds and cancellation.
    pub orders: Vec<OrderLine>,
    pub surveys: Vec<SurveyLine>,
    pub tickets: Vec<TicketView>,
    /// The customer's audit trail, oldest first (as `customer show` has it).
    pub audit: Vec<crate::domain::audit::AuditEntry>,
}

pub fn customer_card(store: &mut Store, ctx: &Ctx, id: i64) -> Result<CustomerCard, Error> {
    store.read(|tx| {
        let mut customer = tx.customer(id)?;
        // One customer is cheap to evaluate: the card is never stale.
        if let Some((tier, lifecycle)) = segments_as_of::live(tx, ctx, Some(id))?.remove(&id) {
            customer.tier = tier;
            customer.lifecycle = lifecycle.key().to_string();
        }
        let rules = Rules::load(tx)?;
        let query = TicketQuery {
            customer_id: Some(id),
            limit: Some(CARD_TICKETS),
            ..Default::default()
        };
        let tickets = tx
            .list_tickets(&query)?
            .into_iter()
            .map(|t| rules.view(tx, ctx, t))
            .collect::<Result<_, _>>()?;
        Ok(CustomerCard {
            orders: tx.customer_order_lines(id, Some(CARD_ORDERS))?,
            surveys: tx.customer_surveys(id, CARD_SURVEYS)?,
            audit: tx.audit_for("customer", id)?,
            customer,
            tickets,
        })
    })
}
