//! Sample customers (persons and companies, Chinese and English) with their
//! orders, which give the lifetime value, tier and lifecycle stage.

use super::Gen;
use super::people::{self, Company};
use super::rng::Rng;
use super::when::{DAY, HOUR, instant, sometime};
use super::words::Lang;
use crate::domain::customer::{Customer, code_for, seq_of};
use crate::domain::enums::{Channel, CustomerKind, Tier};
use crate::service::Error;
use crate::store::{BulkWriter, NewAudit, NewOrder, Tx};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// What later phases need to know about a customer.
pub struct Cust {
    pub id: i64,
    pub lang: Lang,
    pub tier: Tier,
    pub owner: &'static str,
    pub created: i64,
    pub channel: Option<Channel>,
    pub company: bool,
    /// Index of the product they bought most recently (or are asking about).
    pub product: usize,
}

/// How far back the oldest customer goes.
const HISTORY_DAYS: f64 = 6.0 * 365.0;
/// Customers are at least this old, so every one can have a ticket history.
const YOUNGEST_DAYS: i64 = 2;

/// An order: when, how much, which product.
struct Order {
    at: i64,
    cents: i64,
    product: usize,
}

/// When customer `index` was entered; the first draw of its stream, so the
/// customers can be sorted by it before the rest is generated.
fn created_at(g: &Gen, rng: &mut Rng) -> i64 {
    // 1 − √u puts more customers in recent years: the business grows.
    let days_ago = YOUNGEST_DAYS as f64 + HISTORY_DAYS * (1.0 - rng.unit().sqrt());
    let day = g.now - (days_ago as i64) * DAY;
    sometime(rng, g.tz, day - DAY, day, false)
}

pub fn generate(g: &Gen, tx: &Tx, w: &mut BulkWriter, count: usize) -> Result<(Vec<Cust>, usize), Error> {
    let stream = |i: usize| Rng::for_item(g.seed, super::PHASE_CUSTOMERS, i as u64);
    let mut order: Vec<(i64, usize)> = (0..count).map(|i| (created_at(g, &mut stream(i)), i)).collect();
    order.sort_unstable();
    let mut codes = Codes {
        tx,
        last: BTreeMap::new(),
    };
    let mut out = Vec::with_capacity(count);
    let mut orders_written = 0;
    for (_, i) in order {
        let mut rng = stream(i);
        let created = created_at(g, &mut rng);
        let year = instant(created).with_timezone(&g.tz).year();
        let code = codes.next(year)?;
        let (customer, birthday, orders, cust) = draw(g, &mut rng, code, created);
        let id = w.customer(&customer, birthday)?;
        for o in &orders {
            w.order(&NewOrder {
                customer_id: id,
                at: instant(o.at),
                amount_cents: o.cents,
                product: g.words.products.get(o.product).map_or("", |p| p.name.get(cust.lang)),
                created_by: cust.owner,
            })?;
        }
        orders_written += orders.len();
        w.audit(&NewAudit {
            at: customer.created_at,
            agent: &g.ctx.agent,
            entity: "customer",
            entity_id: id,
            field: "created",
            old_value: None,
            new_value: Some(&customer.code),
        })?;
        out.push(Cust { id, ..cust });
        g.done(out.len());
    }
    codes.save()?;
    Ok((out, orders_written))
}

/// Generated codes, year by year, continuing the counter that `customer
/// add` keeps in `meta` (`code_seq:<year>`), and saving it once at the end
/// rather than once per customer.
struct Codes<'t, 'c> {
    tx: &'t Tx<'c>,
    last: BTreeMap<i32, u64>,
}

impl Codes<'_, '_> {
    fn next(&mut self, year: i32) -> Result<String, Error> {
        let mut seq = match self.last.get(&year) {
            Some(seq) => *seq,
            None => match self.tx.meta(&counter_key(year))?.and_then(|v| v.parse().ok()) {
                Some(seq) => seq,
                None => self
                    .tx
                    .last_code_with_prefix(&format!("C{year}"))?
                    .and_then(|code| seq_of(year, &code))
                    .unwrap_or(0),
            },
        };
        // A code typed by hand may already hold the next number.
        let code = loop {
            seq += 1;
            let code = code_for(year, seq);
            if !self.tx.code_exists(&code)? {
                break code;
            }
        };
        self.last.insert(year, seq);
        Ok(code)
    }

    fn save(self) -> Result<(), Error> {
        for (year, seq) in &self.last {
            self.tx.set_meta(&counter_key(*year), &seq.to_string())?;
        }
        Ok(())
    }
}

fn counter_key(year: i32) -> String {
    format!("code_seq:{year}")
}

type Drawn = (Customer, Option<NaiveDate>, Vec<Order>, Cust);

fn draw(g: &Gen, rng: &mut Rng, code: String, created: i64) -> Drawn {
    let words = &g.words;
    let lang = if rng.chance(0.55) { Lang::Zh } else { Lang::En };
    let company = rng.chance(0.4);
    let person = people::person(rng, words, lang);
    let (name, contact, email, phone) = if company {
        let firm: Company = people::company(rng, words, lang);
        let email = format!("{}@{}", person.mail_user, firm.domain);
        let phone = if rng.chance(0.5) {
            people::landline(rng, &firm)
        } else {
            people::mobile(rng, lang)
        };
        (firm.name, person.name, email, phone)
    } else {
        let email = people::personal_email(rng, &person, lang);
        (person.name, String::new(), email, people::mobile(rng, lang))
    };
    // Some records lack contact details, as real ones do (data-quality checks find them).
    let phone = if rng.chance(0.04) { String::new() } else { phone };
    let email = if rng.chance(0.1) { String::new() } else { email };
    let address = if rng.chance(0.85) {
        people::address(rng, words, lang)
    } else {
        String::new()
    };
    let industry = match rng.pick(&words.industries) {
        Some(i) if company || rng.chance(0.2) => i.get(lang).to_string(),
        _ => String::new(),
    };
    let orders = draw_orders(g, rng, created, company);
    let ltv: i64 = orders.iter().map(|o| o.cents).sum();
    let last_order = orders.last().map(|o| o.at);
    let tenure_days = (g.now - created) / DAY;
    let mut tier = segment(ltv, orders.len(), tenure_days, last_order.map(|t| (g.now - t) / DAY));
    // An agent pins a tier by hand now and then.
    let tier_pinned = rng.chance(0.02);
    if tier_pinned {
        tier = *rng.pick(Tier::ALL).unwrap_or(&Tier::Standard);
    }
    let lifecycle = lifecycle(&orders, tenure_days, tier, last_order.map(|t| (g.now - t) / DAY));
    let archived = lifecycle == "churned" && rng.chance(0.3);
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..rng.weighted(&[4, 4, 2, 1]) {
        if let Some(tag) = rng.pick(&words.tags)
            && !tags.iter().any(|t| t == tag)
        {
            tags.push(tag.to_string());
        }
    }
    let channel = preferred_channel(rng, lang);
    let owner = g.team.name(g.team.pick_owner(rng));
    let notes = match rng.pick(&words.notes) {
        Some(n) if rng.chance(0.15) => n.get(lang).to_string(),
        _ => String::new(),
    };
    let birthday = (!company && rng.chance(0.4))
        .then(|| NaiveDate::from_ymd_opt(rng.range(1955, 2004) as i32, 1, 1))
        .flatten()
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(365))));
    let product = orders
        .last()
        .map_or_else(|| rng.below(words.products.len() as u64) as usize, |o| o.product);
    let at = instant(created);
    let customer = Customer {
        id: 0,
        code,
        name,
        kind: if company {
            CustomerKind::Company
        } else {
            CustomerKind::Person
        },
        contact,
        phone,
        email,
        address,
        industry,
        since: Some(at.with_timezone(&g.tz).date_naive()),
        lifetime_value_cents: ltv,
        tier,
        tier_pinned,
        lifecycle: lifecycle.to_string(),
        tags,
        channel,
        owner: owner.to_string(),
        notes,
        archived,
        created_at: at,
        updated_at: at,
        last_activity_at: None,
        version: 1,
        birthday,
    };
    let cust = Cust {
        id: 0,
        lang,
        tier,
        owner,
        created,
        channel,
        company,
        product,
    };
    (customer, birthday, orders, cust)
}

fn draw_orders(g: &Gen, rng: &mut Rng, created: i64, company: bool) -> Vec<Order> {
    // A few prospects have not ordered yet.
    if rng.chance(0.08) {
        return Vec::new();
    }
    let count = if company { 1 + rng.skewed(24) } else { 1 + rng.skewed(6) };
    let mut orders: Vec<Order> = (0..count)
        .map(|_| {
            let product = rng.below(g.words.products.len() as u64) as usize;
            let price = g.words.products.get(product).map_or(100, |p| p.price_yuan);
            let quantity = if company {
                1 + rng.skewed(80) as i64
            } else {
                1 + rng.below(2) as i64
            };
            // Discounts of up to 15 %, kept in whole cents.
            let cents = price * 100 * quantity * rng.range(85, 100) / 100;
            Order {
                at: sometime(rng, g.tz, created + HOUR, g.now, false),
                cents,
                product,
            }
        })
        .collect();
    orders.sort_by_key(|o| o.at);
    orders
}

/// The segment the rules would compute: high order value, new and buying,
/// or long silent after buying.
fn segment(ltv_cents: i64, orders: usize, tenure_days: i64, days_since_order: Option<i64>) -> Tier {
    const HIGH_VALUE_CENTS: i64 = 5_000_000;
    match days_since_order {
        _ if ltv_cents >= HIGH_VALUE_CENTS => Tier::HighValue,
        Some(d) if d > 300 && tenure_days > 365 => Tier::AtRisk,
        Some(_) if tenure_days < 365 && orders >= 1 => Tier::Potential,
        _ => Tier::Standard,
    }
}

fn lifecycle(orders: &[Order], tenure_days: i64, tier: Tier, days_since_order: Option<i64>) -> &'static str {
    match days_since_order {
        None => "prospect",
        Some(d) if d > 730 => "churned",
        _ if tenure_days < 90 => "new",
        _ if tier == Tier::AtRisk => "at-risk",
        _ if tenure_days > 3 * 365 && orders.len() >= 6 => "loyal",
        _ => "active",
    }
}

fn preferred_channel(rng: &mut Rng, lang: Lang) -> Option<Channel> {
    use Channel::*;
    if rng.chance(0.2) {
        return None;
    }
    let (channels, weights): (&[Channel], &[u32]) = match lang {
        Lang::Zh => (&[Phone, Chat, Sms, Social, Email], &[4, 4, 1, 2, 1]),
        Lang::En => (&[Email, Phone, Chat, Meeting], &[5, 3, 1, 1]),
    };
    channels.get(rng.weighted(weights)).copied()
}

/// A customer index for a ticket or contact: a few customers are busy, most
/// quiet. The skewed draw is spread over the list by a fixed permutation
/// (multiplication by a prime that does not divide `n`), so busy customers
/// are not simply the oldest ones.
pub fn pick_busy(rng: &mut Rng, n: usize) -> usize {
    const PRIMES: [u128; 3] = [1_000_003, 1_000_033, 1_000_037];
    if n == 0 {
        return 0;
    }
    let n128 = n as u128;
    let prime = PRIMES.iter().copied().find(|p| !n128.is_multiple_of(*p)).unwrap_or(1);
    ((rng.skewed(n) as u128 * prime + 7) % n128) as usize
}
