//! Grouping of customers by a shared key without a `String` or a map entry
//! per key: each key is hashed over its chars to a `u64`, the (hash,
//! customer) entries are sorted, and a run of equal hashes is split by the
//! keys themselves. At 100k customers the similar-name keys alone number
//! about a million; as Strings in a `HashMap` their allocations were most
//! of the Data quality view's time.
//!
//! A hash only orders the work, it never decides: two entries are in one
//! group only when their keys are equal char for char, so a collision can
//! neither join two keys nor (by swelling a group past the cap) hide one.

use std::cmp::Ordering;

/// Hashes a key given as its chars. Pluggable so that tests can force
/// collisions and show that they change nothing.
pub trait KeyHash: Sync {
    fn hash(&self, chars: &mut dyn Iterator<Item = char>) -> u64;
}

/// The multiply-rotate hash of rustc's `FxHasher`, one char at a time: fast,
/// and good enough to keep equal-hash runs short (correctness does not rest
/// on it, see the module comment).
#[derive(Debug, Clone, Copy, Default)]
pub struct FxChars;

impl KeyHash for FxChars {
    fn hash(&self, chars: &mut dyn Iterator<Item = char>) -> u64 {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut h: u64 = 0;
        let mut len: u64 = 0;
        for c in chars {
            h = (h.rotate_left(5) ^ u64::from(u32::from(c))).wrapping_mul(SEED);
            len += 1;
        }
        (h.rotate_left(5) ^ len).wrapping_mul(SEED)
    }
}

/// One key of one customer: `who` indexes the candidates, `what` tells the
/// caller which of the customer's keys it is (e.g. the char left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub hash: u64,
    pub who: u32,
    pub what: u32,
}

/// Indices sharing a key, in groups of 2 to `max` distinct indices, each
/// group ascending. `cmp_keys` compares the keys of two entries exactly.
pub fn classes(mut entries: Vec<Entry>, max: usize, cmp_keys: impl Fn(&Entry, &Entry) -> Ordering) -> Vec<Vec<usize>> {
    // Sorting by integers only is several times faster than comparing keys
    // (most runs of one hash hold one key, often hundreds of times over).
    entries.sort_unstable_by_key(|e| (e.hash, e.who));
    let mut out = Vec::new();
    for run in entries.chunk_by_mut(|a, b| a.hash == b.hash) {
        if run.len() < 2 {
            continue;
        }
        let first = run[0];
        if run.iter().all(|e| cmp_keys(&first, e) == Ordering::Equal) {
            push_group(&mut out, run, max);
        } else {
            // Keys that collided: split the run by the keys themselves.
            run.sort_unstable_by(|a, b| cmp_keys(a, b).then(a.who.cmp(&b.who)));
            for class in run.chunk_by(|a, b| cmp_keys(a, b) == Ordering::Equal) {
                push_group(&mut out, class, max);
            }
        }
    }
    out
}

/// The distinct indices of `class` (ascending) as a group, if 2 to `max`.
fn push_group(out: &mut Vec<Vec<usize>>, class: &[Entry], max: usize) {
    if class.len() < 2 {
        return;
    }
    let mut group: Vec<usize> = class.iter().map(|e| e.who as usize).collect();
    group.dedup();
    if (2..=max).contains(&group.len()) {
        out.push(group);
    }
}
