//! The customer list: every live customer, filtered as you type with the
//! CLI's fuzzy and pinyin matching over an index built once per load.
//!
//! Matching 100,000 customers takes longer than a frame, so a keystroke
//! never matches them all at once. The search runs a slice at a time
//! ([`STEP`] customers), the first slice on the keystroke itself and the
//! rest between keystrokes, showing what it has found so far. A query that
//! grows by a letter only looks among the matches of the query before it
//! (fuzzy matches of "zs" are a subset of those of "z"), and queries met
//! earlier in the same filter come back at once.
//!
//! Letters scattered through a name are shown only when nothing matches
//! better, so the list drops them as soon as a better match turns up. A
//! query grown from one whose scattered matches were dropped may need them
//! back (nothing better matches "evil", something matches "ev"): when the
//! narrowed search finds nothing better, it runs again over everyone.

use super::filtered::{Filtered, Match, Row};
use crate::domain::search::{Tier, drop_scattered, tier_of};
use crate::service::customers::SearchIndex;
use crate::service::screens::CustomerRow;

/// Customers matched per slice: a few milliseconds of work. Most of all
/// customers fail the matcher's cheap first test; nearly all of an earlier
/// query's matches pass it and cost a full scoring, so those go in smaller
/// slices.
pub const STEP: usize = 2048;
pub const NARROW_STEP: usize = 512;
/// Completed queries kept for Backspace and narrowing.
const CACHE: usize = 16;

impl Row for CustomerRow {
    fn id(&self) -> i64 {
        self.id
    }
}

/// A search under way.
struct Search {
    query: String,
    /// Rows to look at: all, or the matches of a shorter query.
    pool: Option<Vec<usize>>,
    /// The pool lacks the shorter query's scattered matches.
    pool_pruned: bool,
    /// Scattered matches were dropped from this search's results.
    pruned: bool,
    next: usize,
}

/// A finished search, for Backspace and narrowing.
struct Cached {
    query: String,
    matches: Vec<Match>,
    /// Scattered matches were dropped from `matches`.
    pruned: bool,
}

#[derive(Default)]
pub struct CustomersPane {
    pub list: Filtered<CustomerRow>,
    /// Built by the service from the same rows, in the same order, so an
    /// index position is a row number.
    index: Option<SearchIndex>,
    search: Option<Search>,
    cache: Vec<Cached>,
    /// A record to select again once the search after a reload is done.
    reselect: Option<i64>,
}

/// Whether every match of `longer` is among those of `shorter`. Queries
/// starting with phone punctuation are left out: "+" alone matches no
/// phone number, but "+86" does.
pub(crate) fn narrows(shorter: &str, longer: &str) -> bool {
    longer.starts_with(shorter) && shorter.chars().next().is_some_and(char::is_alphanumeric)
}

impl CustomersPane {
    pub fn load(&mut self, rows: Vec<CustomerRow>, index: SearchIndex, height: usize) {
        let selected = self.list.selected().map(|c| c.id);
        self.list.set_rows(rows);
        self.index = Some(index);
        self.cache.clear();
        self.search = None;
        self.reselect = selected;
        self.start(height);
    }

    /// The filter text changed: the best match will be selected.
    pub fn refilter(&mut self, height: usize) {
        self.reselect = None;
        self.list.cursor = Default::default();
        self.start(height);
    }

    fn start(&mut self, height: usize) {
        let query = self.list.filter.text().trim().to_string();
        self.search = None;
        if query.is_empty() {
            *self.list.matches_mut() = None;
            self.finish(height);
            return;
        }
        if let Some(done) = self.cache.iter().find(|c| c.query == query) {
            *self.list.matches_mut() = Some(done.matches.clone());
            self.finish(height);
            return;
        }
        let shorter = self
            .cache
            .iter()
            .filter(|c| narrows(&c.query, &query))
            .max_by_key(|c| c.query.len());
        let pool_pruned = shorter.is_some_and(|c| c.pruned);
        let pool = shorter.map(|c| {
            let mut rows: Vec<usize> = c.matches.iter().map(|m| m.row).collect();
            rows.sort_unstable();
            rows
        });
        *self.list.matches_mut() = Some(Vec::new());
        self.search = Some(Search {
            query,
            pool,
            pool_pruned,
            pruned: false,
            next: 0,
        });
        self.step(height);
    }

    /// The search keys of every customer (pinyin included), for finding
    /// customers outside the list, as the palette and form pick lists do.
    pub fn index(&self) -> Option<&SearchIndex> {
        self.index.as_ref()
    }

    /// A search is under way: call [`Self::step`] until it is done.
    pub fn busy(&self) -> bool {
        self.search.is_some()
    }

    /// Matches one more slice; true when this finished the search.
    pub fn step(&mut self, height: usize) -> bool {
        let (Some(search), Some(index)) = (&mut self.search, &self.index) else {
            return false;
        };
        let total = search.pool.as_ref().map_or(index.len(), Vec::len);
        let step = if search.pool.is_some() { NARROW_STEP } else { STEP };
        let end = (search.next + step).min(total);
        let hits = match &search.pool {
            Some(pool) => index.find_among(&search.query, pool[search.next..end].iter().copied()),
            None => index.find_among(&search.query, search.next..end),
        };
        search.next = end;
        let rows = self.list.rows().len();
        let mut found: Vec<Match> = hits
            .into_iter()
            .filter(|(_, row)| *row < rows)
            .map(|(hit, row)| Match {
                row,
                hits: hit.name_indices,
                score: hit.score,
            })
            .collect();
        found.sort_by(|a, b| b.score.cmp(&a.score).then(a.row.cmp(&b.row)));
        let matches = self.list.matches_mut().get_or_insert_with(Vec::new);
        *matches = merge(std::mem::take(matches), found);
        search.pruned |= drop_scattered(matches, |m| m.score);
        if end >= total && search.pool_pruned && matches.iter().all(|m| tier_of(m.score) == Tier::Scattered) {
            // The pool lacked scattered matches that are now the best there
            // is: look at everyone.
            matches.clear();
            search.pool = None;
            search.pool_pruned = false;
            search.next = 0;
            return false;
        }
        if end < total {
            let len = self.list.len();
            self.list.cursor.clamp(len, height);
            return false;
        }
        let query = search.query.clone();
        let pruned = search.pruned;
        self.search = None;
        if self.cache.len() >= CACHE {
            self.cache.remove(0);
        }
        let matches = self.list.matches_mut().clone().unwrap_or_default();
        self.cache.push(Cached { query, matches, pruned });
        self.finish(height);
        true
    }

    fn finish(&mut self, height: usize) {
        let len = self.list.len();
        match self.reselect.take() {
            Some(id) if self.list.select_id(id, height) => {}
            _ => self.list.cursor.clamp(len, height),
        }
    }

    pub fn selected(&self) -> Option<&CustomerRow> {
        self.list.selected()
    }
}

/// Merges two lists sorted best first (score, then load order, which is
/// most recent activity first: the CLI's order).
fn merge(a: Vec<Match>, b: Vec<Match>) -> Vec<Match> {
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => (x.score, std::cmp::Reverse(x.row)) >= (y.score, std::cmp::Reverse(y.row)),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
    out
}

#[cfg(test)]
#[path = "customers_tests.rs"]
mod tests;
