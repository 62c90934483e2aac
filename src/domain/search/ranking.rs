//! Hits and their order: a score that puts every match of a better tier
//! above every match of a worse one, and the ranking of many candidates.

use super::{KeyView, Matcher, Query, Tier};

/// The result of matching one customer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hit {
    /// Higher is better. Every match of a better [`Tier`] scores above
    /// every match of a worse one.
    pub score: i64,
    /// char indices into the NAME (for highlighting), empty when the match was on another field
    pub name_indices: Vec<usize>,
}

/// Bits of a score below the tier.
const TIER_SHIFT: u32 = 40;

impl Hit {
    /// The tier a score was given in; an empty query's hits (score 0) and
    /// other callers' own scores count as [`Tier::Exact`].
    pub fn tier(&self) -> Tier {
        tier_of(self.score)
    }
}

/// The tier of a [`Hit::score`].
pub fn tier_of(score: i64) -> Tier {
    match score >> TIER_SHIFT {
        1 => Tier::Scattered,
        2 => Tier::Initials,
        3 => Tier::Inside,
        4 => Tier::Prefix,
        _ => Tier::Exact,
    }
}

pub(super) fn score_of(tier: Tier, bits: i64) -> i64 {
    ((6 - tier as i64) << TIER_SHIFT) | bits.clamp(0, (1 << TIER_SHIFT) - 1)
}

/// Drops the scattered-letter matches from a list sorted best first when it
/// holds anything better: they are shown only when nothing else matches.
/// Returns whether any were dropped. For callers that collect the results
/// of [`rank_all`] a slice at a time.
pub fn drop_scattered<T>(sorted: &mut Vec<T>, score: impl Fn(&T) -> i64) -> bool {
    let better = sorted
        .first()
        .is_some_and(|first| tier_of(score(first)) < Tier::Scattered);
    let keep = if better {
        sorted.partition_point(|hit| tier_of(score(hit)) < Tier::Scattered)
    } else {
        sorted.len()
    };
    let dropped = keep < sorted.len();
    sorted.truncate(keep);
    dropped
}

/// Ranks candidates: best tier first, then best score within the tier,
/// ties broken by more recent activity (larger i64 = more recent).
/// Scattered-letter matches are kept only when nothing matches better.
pub fn rank<'a, K: Into<KeyView<'a>>, T>(
    matcher: &Matcher,
    query: &str,
    items: impl Iterator<Item = (K, i64 /*last activity*/, T)>,
) -> Vec<(Hit, T)> {
    ranked(matcher, query, items, true)
}

/// Like [`rank`] but keeps every match, scattered ones included: for
/// callers that search a slice of the candidates at a time and apply
/// [`drop_scattered`] to what they have gathered.
pub fn rank_all<'a, K: Into<KeyView<'a>>, T>(
    matcher: &Matcher,
    query: &str,
    items: impl Iterator<Item = (K, i64 /*last activity*/, T)>,
) -> Vec<(Hit, T)> {
    ranked(matcher, query, items, false)
}

fn ranked<'a, K: Into<KeyView<'a>>, T>(
    matcher: &Matcher,
    query: &str,
    items: impl Iterator<Item = (K, i64, T)>,
    drop_scattered_hits: bool,
) -> Vec<(Hit, T)> {
    let mut ranker = Ranker::new(matcher, query, drop_scattered_hits);
    for (key, activity, item) in items {
        ranker.offer(key.into(), activity, item);
    }
    ranker.finish()
}

/// [`rank`] (or [`rank_all`]) fed one candidate at a time, for keys that
/// live only while they are offered: read in place from the store, none of
/// them kept.
pub struct Ranker<'m, T> {
    matcher: &'m Matcher,
    query: Query,
    drop_scattered_hits: bool,
    better_found: bool,
    hits: Vec<(Hit, i64, T)>,
}

impl<'m, T> Ranker<'m, T> {
    /// With `drop_scattered_hits`, as [`rank`]; otherwise as [`rank_all`].
    pub fn new(matcher: &'m Matcher, query: &str, drop_scattered_hits: bool) -> Self {
        Ranker {
            matcher,
            query: Query::new(query),
            drop_scattered_hits,
            better_found: false,
            hits: Vec::new(),
        }
    }

    pub fn offer(&mut self, key: KeyView<'_>, activity: i64, item: T) {
        // Once something matches better, scattered letters will be
        // dropped anyway: not scoring them saves most of the work.
        let scattered = !(self.drop_scattered_hits && self.better_found);
        if let Some(hit) = self.matcher.match_prepared(&self.query, key, scattered) {
            self.better_found |= hit.tier() < Tier::Scattered;
            self.hits.push((hit, activity, item));
        }
    }

    /// Takes in the hits of a ranker of the same query that was offered the
    /// candidates after this one's (another thread's share): [`Self::finish`]
    /// then ranks as one ranker offered them all would. (Scattered hits one
    /// of them kept are dropped there when anything matched better.)
    pub fn append(&mut self, later: Ranker<'_, T>) {
        self.better_found |= later.better_found;
        self.hits.extend(later.hits);
    }

    /// The hits, best first, ties by more recent activity, then in the
    /// order offered.
    pub fn finish(self) -> Vec<(Hit, T)> {
        let mut hits = self.hits;
        // Stable, so items equal in score and activity keep the caller's order.
        hits.sort_by(|a, b| b.0.score.cmp(&a.0.score).then(b.1.cmp(&a.1)));
        if self.drop_scattered_hits {
            drop_scattered(&mut hits, |(hit, _, _)| hit.score);
        }
        hits.into_iter().map(|(hit, _, item)| (hit, item)).collect()
    }
}
