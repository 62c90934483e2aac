//! Interactions outside tickets: enquiries, check-in calls, quotations,
//! visits and internal notes, spread over the year and over customers
//! (a few busy accounts, many quiet ones).

use super::Gen;
use super::customers::{Cust, pick_busy};
use super::rng::Rng;
use super::when::{DAY, HOUR, instant, sometime};
use crate::domain::enums::{Channel, Direction};
use crate::service::Error;
use crate::store::{BulkWriter, NewInteraction};

pub fn generate(
    g: &Gen,
    w: &mut BulkWriter,
    customers: &[Cust],
    count: usize,
    activity: &mut [i64],
) -> Result<usize, Error> {
    if customers.is_empty() {
        return Ok(0);
    }
    // First pass: who and when, so the rows can be written in time order.
    let mut heads: Vec<(i64, usize, Rng)> = (0..count)
        .map(|j| {
            let mut rng = Rng::for_item(g.seed, super::PHASE_CONTACTS, j as u64);
            let c = pick_busy(&mut rng, customers.len());
            let created = customers.get(c).map_or(g.now, |c| c.created);
            let at = sometime(&mut rng, g.tz, (g.now - 365 * DAY).max(created + HOUR), g.now, true);
            (at, c, rng)
        })
        .collect();
    heads.sort_by_key(|(at, c, _)| (*at, *c));
    let mut written = 0;
    for (at, c, mut rng) in heads {
        let Some(cust) = customers.get(c) else {
            continue;
        };
        let rng = &mut rng;
        let direction = [Direction::Inbound, Direction::Outbound, Direction::Note][rng.weighted(&[40, 45, 15])];
        let channel = match (direction, cust.channel) {
            (Direction::Note, _) => Channel::Other,
            (_, Some(preferred)) if rng.chance(0.5) => preferred,
            // Companies get visited and meet more; people text and chat.
            _ if cust.company => Channel::ALL[rng.weighted(&[30, 25, 2, 10, 3, 12, 12, 3])],
            _ => Channel::ALL[rng.weighted(&[30, 20, 8, 22, 10, 3, 2, 3])],
        };
        let agent = if rng.chance(0.75) {
            cust.owner
        } else {
            g.team.name(rng.below(g.team.agents.len() as u64) as usize)
        };
        let key = match direction {
            Direction::Inbound => "standalone-in",
            Direction::Outbound => "standalone-out",
            Direction::Note => "standalone-note",
        };
        let product = g.words.products.get(rng.below(g.words.products.len() as u64) as usize);
        let summary = g.render(rng, cust.lang, key, product.map_or("", |p| p.name.get(cust.lang)), "");
        w.interaction(&NewInteraction {
            customer_id: cust.id,
            ticket_id: None,
            at: instant(at),
            channel,
            direction,
            agent,
            summary: &summary,
        })?;
        if direction != Direction::Note
            && let Some(last) = activity.get_mut(c)
        {
            *last = (*last).max(at);
        }
        written += 1;
        g.done(written);
    }
    Ok(written)
}
