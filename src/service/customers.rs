//! Customer use cases: add, edit, archive, look up, list and fuzzy-find.

use super::{Ctx, Error, roles};
use crate::domain::customer::{Customer, CustomerField, CustomerInput, code_for, seq_of};
use crate::domain::enums::Role;
use crate::domain::error::Invalid;
use crate::domain::search::{KeyArena, KeyView, Matcher, Ranker, SearchKey};
use crate::store::{CustomerKeys, Store, StoreError, Tx};

/// The store's query and row types are this service's API too.
pub use crate::store::{CustomerQuery, CustomerSearchRow};
use chrono::Datelike;

pub fn add(store: &mut Store, ctx: &Ctx, input: &CustomerInput) -> Result<Customer, Error> {
    let fields = input.validate_on(ctx.today())?;
    if input.name.is_none() {
        return Err(Invalid::new("name", "", crate::domain::error::Reason::Required).into());
    }
    store.write(|tx| insert(tx, ctx, &fields))
}

/// Inserts a validated customer inside an open transaction (imports and the
/// demo reuse this).
pub fn insert(tx: &Tx, ctx: &Ctx, fields: &[CustomerField]) -> Result<Customer, Error> {
    let mut c = Customer::blank(ctx.now, &ctx.agent);
    for field in fields {
        field.apply(&mut c);
    }
    // Only an explicit tier pins; the default one is left to the rules.
    c.tier_pinned = fields.iter().any(|f| matches!(f, CustomerField::Tier(_)));
    if c.code.is_empty() {
        c.code = next_free_code(tx, ctx.now.year())?;
    } else if tx.code_exists(&c.code)? {
        return Err(Invalid::new(
            "code",
            &c.code,
            crate::domain::error::Reason::Taken {
                by: crate::domain::error::Entity::Customer,
            },
        )
        .into());
    }
    c.id = tx.insert_customer(&c)?;
    ctx.audit(tx, "customer", c.id, "created", None, Some(c.code.clone()))?;
    Ok(c)
}

/// The next unused generated code of the year. The last number handed out is
/// kept in `meta`, so bulk imports do not scan the codes for every row.
fn next_free_code(tx: &Tx, year: i32) -> Result<String, Error> {
    let key = format!("code_seq:{year}");
    let mut seq = match tx.meta(&key)?.and_then(|v| v.parse::<u64>().ok()) {
        Some(seq) => seq,
        None => tx
            .last_code_with_prefix(&format!("C{year}"))?
            .and_then(|code| seq_of(year, &code))
            .unwrap_or(0),
    };
    loop {
        seq += 1;
        let code = code_for(year, seq);
        // A code typed by hand may already hold this number.
        if !tx.code_exists(&code)? {
            tx.set_meta(&key, &seq.to_string())?;
            return Ok(code);
        }
    }
}

/// Changes the given fields; with `if_version`, only if the record is still
/// at that version (otherwise a conflict, and nothing is written).
pub fn edit(
    store: &mut Store,
    ctx: &Ctx,
    key: &str,
    input: &CustomerInput,
    if_version: Option<i64>,
) -> Result<Customer, Error> {
    let fields = input.validate_on(ctx.today())?;
    // Tenure counts from "customer since": the tier and stage may follow it.
    let since = fields.iter().any(|f| matches!(f, CustomerField::Since(_)));
    store.write(|tx| {
        let c = edit_in(tx, ctx, key, &fields, if_version)?;
        if !since {
            return Ok(c);
        }
        super::segments::recompute(tx, ctx, c.id)?;
        Ok(tx.customer(c.id)?)
    })
}

/// [`edit`] inside an open transaction, with the fields already validated.
pub fn edit_in(
    tx: &Tx,
    ctx: &Ctx,
    key: &str,
    fields: &[CustomerField],
    if_version: Option<i64>,
) -> Result<Customer, Error> {
    let mut c = tx.customer_by_key(key)?;
    check_version(&c, if_version)?;
    let mut changed = false;
    for field in fields {
        if let CustomerField::Code(code) = field
            && *code != c.code
            && tx.code_exists(code)?
        {
            return Err(Invalid::new(
                "code",
                code,
                crate::domain::error::Reason::Taken {
                    by: crate::domain::error::Entity::Customer,
                },
            )
            .into());
        }
        if let Some((old, new)) = field.apply(&mut c) {
            ctx.audit(tx, "customer", c.id, field.name(), Some(old), Some(new))?;
            changed = true;
        }
    }
    if changed {
        c.updated_at = ctx.now;
        c.version = tx.update_customer(&c)?;
    }
    Ok(c)
}

fn check_version(c: &Customer, if_version: Option<i64>) -> Result<(), Error> {
    match if_version {
        Some(expected) if expected != c.version => Err(StoreError::Conflict {
            entity: crate::domain::error::Entity::Customer,
            id: c.id,
            expected,
            actual: c.version,
        }
        .into()),
        _ => Ok(()),
    }
}

/// Archives (never deletes) a customer; their history stays. Needs the
/// supervisor role.
pub fn archive(store: &mut Store, ctx: &Ctx, key: &str) -> Result<Customer, Error> {
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        let mut c = tx.customer_by_key(key)?;
        archive_in(tx, ctx, &mut c)?;
        Ok(c)
    })
}

/// [`archive`] of a customer already read inside an open transaction (with
/// any other change made to `c` saved along).
pub fn archive_in(tx: &Tx, ctx: &Ctx, c: &mut Customer) -> Result<(), Error> {
    if !c.archived {
        c.archived = true;
        c.updated_at = ctx.now;
        c.version = tx.update_customer(c)?;
        ctx.audit(
            tx,
            "customer",
            c.id,
            "archived",
            Some("false".into()),
            Some("true".into()),
        )?;
    }
    Ok(())
}

pub fn get(store: &mut Store, key: &str) -> Result<Customer, Error> {
    store.read(|tx| Ok(tx.customer_by_key(key)?))
}

/// Customers for `customer list`: with a filter, ranked by fuzzy and pinyin
/// match (ties by recent activity); otherwise most recently active first.
pub fn list(store: &mut Store, query: &CustomerQuery, filter: Option<&str>) -> Result<Vec<Customer>, Error> {
    let Some(filter) = filter.map(str::trim).filter(|f| !f.is_empty()) else {
        return store.read(|tx| Ok(tx.list_customers(query)?));
    };
    let matcher = Matcher::new();
    let hits = match store.apart() {
        Some(apart) => ranked_in_halves(store, &apart, &matcher, filter)?,
        // Keys are matched as the scan reads them: none is kept.
        None => store.read(|tx| {
            let mut ranker = Ranker::new(&matcher, filter, true);
            tx.each_customer_key(|id, activity, key| ranker.offer(key, activity, id))?;
            Ok::<_, Error>(ranker.finish())
        })?,
    };
    store.read(|tx| {
        let mut out = Vec::new();
        for (_, id) in &hits {
            // Read apart, a key may be of a customer archived or deleted since.
            let c = match tx.customer(*id) {
                Ok(c) if !c.archived => c,
                Ok(_) | Err(StoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e.into()),
            };
            let tier_ok = query.tier.as_deref().is_none_or(|t| c.tier.key() == t);
            let tag_ok = query.tag.as_deref().is_none_or(|t| c.tags.iter().any(|x| x == t));
            if tier_ok && tag_ok {
                out.push(c);
            }
            if query.limit.is_some_and(|l| out.len() >= l) {
                break;
            }
        }
        Ok(out)
    })
}

/// The keys matched in two halves by id, each on a core of its own: the
/// upper half on a reader apart while the store reads the lower, merged in
/// id order as one scan would have offered them. Reading and matching 100k
/// keys is most of `customer list --filter`.
fn ranked_in_halves(
    store: &mut Store,
    apart: &crate::store::Apart,
    matcher: &Matcher,
    filter: &str,
) -> Result<Vec<(crate::domain::search::Hit, i64)>, Error> {
    let middle = store.read(|tx| tx.customer_keys_middle())?;
    let (lower, upper) = std::thread::scope(|scope| {
        let upper = scope.spawn(|| {
            apart.read(|tx| {
                let mut ranker = Ranker::new(matcher, filter, true);
                tx.each_customer_key_in(middle.saturating_add(1)..=i64::MAX, |id, activity, key| {
                    ranker.offer(key, activity, id)
                })?;
                Ok(ranker)
            })
        });
        let lower = store.read(|tx| {
            let mut ranker = Ranker::new(matcher, filter, true);
            tx.each_customer_key_in(i64::MIN..=middle, |id, activity, key| ranker.offer(key, activity, id))?;
            Ok::<_, Error>(ranker)
        });
        (lower, upper.join())
    });
    let mut ranker = lower?;
    match upper {
        Ok(upper) => ranker.append(upper?),
        Err(panic) => std::panic::resume_unwind(panic),
    }
    Ok(ranker.finish())
}

/// Search keys for every live customer, read once (stored, pinyin
/// included: see `store::customer_keys`) and reused for each keystroke.
pub struct SearchIndex {
    matcher: Matcher,
    keys: KeyArena,
    /// The customers in the caller's order; several may share a key (the
    /// blank one).
    entries: Vec<Entry>,
}

struct Entry {
    /// Position of the customer's key in `keys`.
    key: u32,
    activity: i64,
    id: i64,
}

fn position(n: usize) -> u32 {
    // Beyond four billion customers the file would hold terabytes.
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SearchIndex {
    /// An index of these customers' fields, keys built here (tests, and
    /// callers holding rows that are not stored).
    pub fn new(rows: Vec<CustomerSearchRow>) -> Self {
        let mut keys = KeyArena::with_capacity(rows.len());
        let mut entries = Vec::with_capacity(rows.len());
        for r in rows {
            entries.push(Entry {
                key: position(keys.len()),
                activity: r.last_activity,
                id: r.id,
            });
            keys.push(&SearchKey::new(&r.name, &r.code, &r.contact, &r.phone, &r.email));
        }
        Self::of(keys, entries)
    }

    /// Every live customer's stored key, in id order (ranking ties keep it).
    pub fn load(tx: &Tx) -> Result<Self, StoreError> {
        let CustomerKeys { keys, rows } = tx.customer_keys()?;
        let entries = rows.into_iter().enumerate().map(|(i, (id, activity))| Entry {
            key: position(i),
            activity,
            id,
        });
        Ok(Self::of(keys, entries.collect()))
    }

    /// The stored keys of the customers `ids` names, at the same positions
    /// (the customer list's rows, so a position is a row number). An id
    /// without a key (not a live customer) gets one that matches nothing.
    pub fn load_for(tx: &Tx, ids: impl Iterator<Item = i64>) -> Result<Self, StoreError> {
        let CustomerKeys { mut keys, rows } = tx.customer_keys()?;
        let blank = position(keys.len());
        keys.push(&SearchKey::default());
        let entries = ids.map(|id| {
            // `rows` is in id order: a binary search per row, no map.
            let found = rows.binary_search_by_key(&id, |&(k, _)| k).ok();
            let (key, activity) = found
                .and_then(|i| Some((position(i), rows.get(i)?.1)))
                .unwrap_or((blank, i64::MIN));
            Entry { key, activity, id }
        });
        Ok(Self::of(keys, entries.collect()))
    }

    fn of(keys: KeyArena, entries: Vec<Entry>) -> Self {
        SearchIndex {
            matcher: Matcher::new(),
            keys,
            entries,
        }
    }

    fn items(&self, positions: impl Iterator<Item = usize>) -> impl Iterator<Item = (KeyView<'_>, i64, usize)> {
        positions.filter_map(|p| {
            let entry = self.entries.get(p)?;
            Some((self.keys.get(entry.key as usize)?, entry.activity, p))
        })
    }

    /// Ids of matching customers, best first.
    pub fn find(&self, query: &str) -> Vec<i64> {
        self.find_with_hits(query).into_iter().map(|(_, id)| id).collect()
    }

    /// Matches with the name positions to highlight.
    pub fn find_with_hits(&self, query: &str) -> Vec<(crate::domain::search::Hit, i64)> {
        let hits = crate::domain::search::rank(&self.matcher, query, self.items(0..self.len()));
        hits.into_iter()
            .filter_map(|(hit, p)| Some((hit, self.entries.get(p)?.id)))
            .collect()
    }

    /// Matches among the entries at `positions` (their order of loading),
    /// best first, each with its position. Lets a caller search a slice at
    /// a time, or only within an earlier query's matches when the query
    /// grows, instead of all customers on every keystroke. Scattered-letter
    /// matches are all kept: the caller drops them from what it gathers
    /// (`domain::search::drop_scattered`) once something better turns up.
    pub fn find_among(
        &self,
        query: &str,
        positions: impl Iterator<Item = usize>,
    ) -> Vec<(crate::domain::search::Hit, usize)> {
        crate::domain::search::rank_all(&self.matcher, query, self.items(positions))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes the index holds, for measuring what it costs.
    pub fn heap_bytes(&self) -> usize {
        self.keys.heap_bytes() + self.entries.capacity() * std::mem::size_of::<Entry>()
    }
}

/// A customer's change history, oldest first.
pub fn audit(store: &mut Store, id: i64) -> Result<Vec<crate::domain::audit::AuditEntry>, Error> {
    store.read(|tx| Ok(tx.audit_for("customer", id)?))
}
