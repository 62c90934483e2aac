//! Realistic, deterministic sample data (`frontdesk demo`).
//!
//! English and Chinese customers with orders, a support team, tickets of
//! every kind with believable histories over the twelve months before
//! `ctx.now`, interactions on every channel, and surveys. Every record is
//! what the services would have written: status fields match the clock
//! events, routing follows the routing rules, due times come from the SLA
//! engine, and each customer and ticket has its "created" audit entry.
//!
//! The same seed and the same `now` give byte-identical data on a fresh
//! database: all randomness comes from a hand-written generator (`rng`), and
//! each item (customer 17, ticket 4…) draws from its own stream.
//!
//! Everything is written in one `BEGIN IMMEDIATE` transaction through
//! prepared statements, with secondary indexes rebuilt once at the end, so
//! an interrupted run leaves the file as it was and 100k customers, 200k
//! tickets and 1M interactions take seconds.

mod contacts;
mod customers;
mod life;
mod people;
mod plans;
mod rng;
mod surveys;
mod team;
mod tickets;
mod when;
mod words;

use super::progress::{Progress, Quiet, Stage};
use super::sla::Rules;
use super::{Ctx, Error};
use crate::config::Config;
use crate::domain::error::Invalid;
use crate::store::Store;
use chrono_tz::Tz;
use rng::Rng;
use serde::Serialize;
use words::{Lang, Words};

#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub customers: usize,
    pub tickets: usize,
    pub interactions: usize,
}

impl Sizes {
    /// `frontdesk demo` without options, and the TUI's "Load sample data".
    pub const DEFAULT: Sizes = Sizes {
        customers: 200,
        tickets: 400,
        interactions: 2000,
    };
}

/// The seed of `frontdesk demo` without `--seed`, and of the TUI's sample data.
pub const DEFAULT_SEED: u64 = 1;

/// What a run added.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DemoReport {
    pub customers: usize,
    pub tickets: usize,
    pub interactions: usize,
    pub orders: usize,
    pub surveys: usize,
}

/// Streams of the generator, one per phase (see [`Rng::for_item`]).
const PHASE_CUSTOMERS: u64 = 1;
const PHASE_TICKETS: u64 = 2;
const PHASE_CONTACTS: u64 = 3;

/// Far beyond any demo, low enough that a typo cannot exhaust memory.
const MAX_SIZE: usize = 10_000_000;

/// Share of the requested interactions that tickets should account for; the
/// rest are contacts outside tickets.
const TICKET_SHARE: f64 = 0.6;

/// Interactions a ticket always has on average (reply, waiting on the
/// customer, callback, reopening), and those it may have on top.
const REQUIRED_PER_TICKET: f64 = 2.0;
const OPTIONAL_PER_TICKET: f64 = 2.5;

/// Everything the phases share.
struct Gen<'a> {
    seed: u64,
    /// `ctx.now` in whole seconds: nothing is generated at or after it.
    now: i64,
    ctx: &'a Ctx,
    /// The team's time zone: customers mostly get in touch in its daytime.
    tz: Tz,
    words: Words,
    team: team::Team,
    progress: &'a dyn Progress,
}

/// Items between two steps told to the progress listener: a step per row
/// would cost more than the row.
const PROGRESS_BATCH: usize = 1000;

impl Gen<'_> {
    /// Item number `done` (counted from 1) of the current stage is written:
    /// the listener hears of it once per batch.
    fn done(&self, done: usize) {
        if done.is_multiple_of(PROGRESS_BATCH) {
            self.progress.advance(PROGRESS_BATCH as u64);
        }
    }

    /// The current stage ended after `done` items: the last, partial batch.
    fn stage_done(&self, done: usize) {
        self.progress.advance((done % PROGRESS_BATCH) as u64);
    }

    /// A sentence from the list `key` with its placeholders filled in.
    fn render(&self, rng: &mut Rng, lang: Lang, key: &str, product: &str, subject: &str) -> String {
        let list = self.words.text(lang, key);
        let text = rng.pick(list).copied().unwrap_or(key);
        text.replace("{product}", product).replace("{subject}", subject)
    }
}

impl Sizes {
    /// Refuses sizes no demo can have; the command line checks them before
    /// it opens (and so creates) the database: invalid input creates nothing.
    pub fn check(self) -> Result<(), Invalid> {
        check(self)
    }
}

fn check(sizes: Sizes) -> Result<(), Invalid> {
    for (field, n) in [
        ("customers", sizes.customers),
        ("tickets", sizes.tickets),
        ("interactions", sizes.interactions),
    ] {
        if n > MAX_SIZE {
            return Err(Invalid::new(
                field,
                n.to_string(),
                crate::domain::error::Reason::AtMost { max: MAX_SIZE as i64 },
            ));
        }
    }
    if sizes.customers == 0 && (sizes.tickets > 0 || sizes.interactions > 0) {
        return Err(Invalid::new(
            "customers",
            "0",
            crate::domain::error::Reason::DemoNeedsCustomer,
        ));
    }
    Ok(())
}

/// What to do with a file that already holds customers or tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse (exit 2): sample data mixed into a team's records is hard to
    /// take out again.
    Refuse,
    /// Add the sample data anyway (`demo --force`).
    AddTo,
}

/// Adds sample data to a file without customers or tickets (see
/// [`generate_with`]).
pub fn generate(store: &mut Store, ctx: &Ctx, config: &Config, sizes: Sizes, seed: u64) -> Result<DemoReport, Error> {
    generate_with(store, ctx, config, sizes, seed, Existing::Refuse, &Quiet)
}

/// Adds sample data. `--interactions` counts all interactions; tickets need
/// a few each (the reply that answers the customer, the callback), so when
/// fewer are asked for than the tickets need, the tickets get what they need.
///
/// A file that already has agents belongs to a real team: the sample agents
/// are then added as plain agents (never admin or supervisor), and an
/// existing agent of the same name is left exactly as it is.
pub fn generate_with(
    store: &mut Store,
    ctx: &Ctx,
    config: &Config,
    sizes: Sizes,
    seed: u64,
    existing: Existing,
    progress: &dyn Progress,
) -> Result<DemoReport, Error> {
    check(sizes)?;
    let g = Gen {
        seed,
        now: ctx.now.timestamp(),
        ctx,
        tz: config.sla.timezone.parse().unwrap_or(chrono_tz::UTC),
        words: Words::load(),
        team: team::Team::load(),
        progress,
    };
    let per_ticket = TICKET_SHARE * sizes.interactions as f64 / sizes.tickets.max(1) as f64;
    let extra = ((per_ticket - REQUIRED_PER_TICKET) / OPTIONAL_PER_TICKET).clamp(0.0, 1.0);
    // Rows of every table together, roughly, to decide on rebuilding indexes.
    let expected_rows = (sizes.customers * 7 + sizes.tickets * 12 + sizes.interactions) as u64;
    let database = store.path().display().to_string();
    store.write_filling(|tx| {
        // Checked under the write lock, so no one adds records in between.
        let (customers, tickets) = tx.count_records()?;
        let held_data = customers + tickets > 0;
        if existing == Existing::Refuse && held_data {
            let reason = crate::domain::error::Reason::DemoNotEmpty { customers, tickets };
            return Err(Invalid::new("database", database.as_str(), reason).into());
        }
        let roles = if tx.count_agents()? > 0 {
            team::Roles::PlainAgents
        } else {
            team::Roles::AsListed
        };
        let rules = Rules::load(tx)?;
        let routing = tx.routing_rules()?;
        let mut load = tx.begin_bulk_load(&crate::store::DEMO_LOAD, expected_rows)?;
        let mut w = tx.load_writer()?;
        g.team.write(&mut w, &routing, ctx.now, roles)?;
        progress.stage(Stage::Customers, Some(sizes.customers as u64));
        let (customers, orders) = customers::generate(&g, tx, &mut w, sizes.customers)?;
        g.stage_done(customers.len());
        let mut activity = vec![i64::MIN; customers.len()];
        let tickets = tickets::Tickets {
            g: &g,
            rules: &rules,
            routing: &routing,
            customers: &customers,
            extra,
        };
        progress.stage(Stage::Tickets, Some(sizes.tickets as u64));
        let written = tickets.generate(&mut w, sizes.tickets, &mut activity)?;
        g.stage_done(written.tickets);
        let standalone = sizes.interactions.saturating_sub(written.contacts);
        progress.stage(Stage::Interactions, Some(standalone as u64));
        let contacts = contacts::generate(&g, &mut w, &customers, standalone, &mut activity)?;
        g.stage_done(contacts);
        for (c, last) in customers.iter().zip(&activity) {
            if *last > i64::MIN {
                w.touch_customer(c.id, when::instant(*last))?;
            }
        }
        w.finish()?;
        progress.stage(Stage::Indexes, None);
        load.rebuild_indexes()?;
        progress.stage(Stage::SearchIndex, None);
        // The tiers and stages drawn above only approximate the rules (they
        // steer the tickets); now that every order, contact, ticket and
        // survey is written, the rules themselves set them, so the demo
        // ends with nothing for `customer recompute` to change. On a fresh
        // file that is part of creating the records, not a change; with
        // `--force` a team's own customers may move too, and that is audited.
        // This runs while the search index of a new file is built aside.
        let audited = if held_data {
            super::segments::Audited::Yes
        } else {
            super::segments::Audited::No
        };
        load.finish_while(|| {
            progress.stage(Stage::Segments, None);
            super::segments::refresh_all(tx, ctx, audited)
        })?;
        Ok(DemoReport {
            customers: customers.len(),
            tickets: written.tickets,
            interactions: written.contacts + contacts,
            orders,
            surveys: written.surveys,
        })
    })
}
