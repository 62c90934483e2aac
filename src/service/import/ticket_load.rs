//! Writing an import's tickets inside its transaction, each row as `ticket
//! add` would, with the work that does not depend on the row done once:
//! SLA policies and routing rules are loaded once, each customer is looked
//! up once, and customers' segments are recomputed once each at the end
//! (not after every one of their tickets).

use super::ImportReport;
use super::customers::find_or_create_customer;
use super::tickets::Row;
use crate::domain::enums::{Channel, Priority, TicketKind, Tier};
use crate::domain::policy::{RoutingRule, first_policy};
use crate::service::progress::{Progress, Stage};
use crate::service::sla::{self, Rules};
use crate::service::{Ctx, Error, segments};
use crate::store::{BulkLoad, BulkWriter, TICKET_IMPORT, Tx};
use std::collections::{BTreeSet, HashMap};

/// A customer as far as a ticket needs it: the id and the tier, which
/// picks the SLA policy.
type Named = (i64, Tier);

/// A ticket written, as far as its SLA policy depends on it.
struct Written {
    ticket: i64,
    customer: i64,
    kind: TicketKind,
    priority: Priority,
    channel: Channel,
    /// The tier its due times were worked out with.
    tier: Tier,
}

pub(super) struct TicketLoad<'a> {
    /// The load's settings, indexes and suspended triggers: `finish`
    /// rebuilds and restores them before the customers' segments are
    /// recomputed, which read by those indexes.
    load: Option<BulkLoad<'a>>,
    writer: BulkWriter<'a>,
    rules: Rules,
    routing: Vec<RoutingRule>,
    by_code: HashMap<String, Named>,
    /// Rows naming a customer by name only (no code).
    by_name: HashMap<String, Named>,
    /// Customers with a new ticket: their segments are recomputed at the end.
    touched: BTreeSet<i64>,
    written: Vec<Written>,
    report: ImportReport,
}

impl<'a> TicketLoad<'a> {
    pub fn new(tx: &Tx<'a>, rows: usize) -> Result<TicketLoad<'a>, Error> {
        Ok(TicketLoad {
            // Each row writes a ticket, its audit row and events, and at
            // times a customer: twice the rows is a floor.
            load: Some(tx.begin_bulk_load(&TICKET_IMPORT, 2 * rows as u64)?),
            writer: tx.bulk_writer()?,
            rules: Rules::load(tx)?,
            routing: tx.routing_rules()?,
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            touched: BTreeSet::new(),
            written: Vec::new(),
            report: ImportReport {
                rows,
                ..Default::default()
            },
        })
    }

    /// Writes one validated row, or counts it as skipped when a ticket with
    /// its external id is already there.
    pub fn add(&mut self, tx: &Tx, ctx: &Ctx, row: Row) -> Result<(), Error> {
        if let Some(id) = &row.external_id
            && tx.ticket_id_by_external(id)?.is_some()
        {
            self.report.skipped += 1;
            return Ok(());
        }
        let (customer_id, tier) = self.customer(tx, ctx, row.customer_code, row.customer_name)?;
        let mut t = row.ticket;
        t.customer_id = customer_id;
        t.customer_tier = tier;
        if t.department.is_empty() {
            sla::route_by(&self.routing, &mut t);
        }
        // The clocks read the events as stored: by time, then as written.
        let mut events = row.events.clone();
        events.sort_by_key(|(at, _)| *at);
        let dues = self.rules.dues(ctx, &t, events);
        t.id = self.writer.imported_ticket(&t, &dues)?;
        for (at, event) in &row.events {
            self.writer.event(t.id, *at, *event, &ctx.agent)?;
        }
        ctx.audit(tx, "ticket", t.id, "imported", None, t.external_id.clone())?;
        // As `ticket add` does: opening is contact with the customer;
        // resolving, closing and callbacks are the desk's own steps
        // (the callback's call itself comes as an interaction).
        self.writer.touch_customer(customer_id, t.opened_at)?;
        self.touched.insert(customer_id);
        self.written.push(Written {
            ticket: t.id,
            customer: customer_id,
            kind: t.kind,
            priority: t.priority,
            channel: t.channel,
            tier,
        });
        self.report.added += 1;
        Ok(())
    }

    /// Recomputes the segments of every customer with a new ticket; where
    /// that changed a tier and the new tier picks another SLA policy, the
    /// ticket gets that policy's due times, as a ticket read now shows them.
    pub fn finish(mut self, tx: &Tx, ctx: &Ctx, progress: &dyn Progress) -> Result<ImportReport, Error> {
        if let Some(mut load) = self.load.take() {
            progress.stage(Stage::Indexes, None);
            load.rebuild_indexes()?;
            progress.stage(Stage::SearchIndex, None);
            load.finish()?;
        }
        let tiers = segments::recompute_each(tx, ctx, &self.touched, progress)?;
        let policy = |w: &Written, tier: Tier| {
            first_policy(&self.rules.policies, w.kind, w.priority, w.channel, tier).map(std::ptr::from_ref)
        };
        for w in &self.written {
            if let Some(tier) = tiers.get(&w.customer)
                && policy(w, *tier) != policy(w, w.tier)
            {
                self.rules.refresh(tx, ctx, w.ticket)?;
            }
        }
        Ok(self.report)
    }

    /// The customer a row names (looked up once per code or name), created
    /// when unknown.
    fn customer(&mut self, tx: &Tx, ctx: &Ctx, code: Option<String>, name: Option<String>) -> Result<Named, Error> {
        let known = match (&code, &name) {
            (Some(code), _) => self.by_code.get(code),
            (None, Some(name)) => self.by_name.get(name),
            (None, None) => None,
        };
        if let Some(known) = known {
            return Ok(*known);
        }
        let (customer, created) = find_or_create_customer(tx, ctx, code.as_deref(), name.as_deref())?;
        self.report.customers_created += usize::from(created);
        let named = (customer.id, customer.tier);
        match (code, name) {
            (Some(code), _) => self.by_code.insert(code, named),
            (None, Some(name)) => self.by_name.insert(name, named),
            (None, None) => None,
        };
        Ok(named)
    }
}
