//! The duplicate finder as it was before keys were hashed (Strings in a
//! `HashMap`), kept verbatim for the tests only: the hashed finder must give
//! exactly its result on every list.

use super::super::search::pinyin_spelling;
use super::{
    Candidate, DuplicatePair, Evidence, MAX_GROUP, MIN_SIMILAR_CHARS, email_key, name_key, phone_key, within_one_edit,
};
use std::collections::{BTreeMap, HashMap};

struct Prepared {
    name: Option<String>,
    spoken: Option<String>,
    chinese: bool,
}

/// Every likely duplicate pair, the strongest evidence first.
pub fn find(candidates: &[Candidate]) -> Vec<DuplicatePair> {
    let prepared: Vec<Prepared> = candidates
        .iter()
        .map(|c| {
            let name = name_key(&c.name);
            let pinyin = pinyin_spelling(&c.name).and_then(|p| name_key(&p));
            Prepared {
                chinese: pinyin.is_some(),
                spoken: pinyin.or_else(|| name.clone()),
                name,
            }
        })
        .collect();
    let mut pairs: BTreeMap<(usize, usize), Vec<Evidence>> = BTreeMap::new();
    let mut note = |group: &[usize], evidence: Evidence, keep: &dyn Fn(usize, usize) -> bool| {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                let key = (a.min(b), a.max(b));
                if keep(key.0, key.1) {
                    let list = pairs.entry(key).or_default();
                    if !list.contains(&evidence) {
                        list.push(evidence);
                    }
                }
            }
        }
    };
    let all = |_: usize, _: usize| true;
    for group in groups(candidates.iter().enumerate().map(|(i, c)| (i, phone_key(&c.phone)))) {
        note(&group, Evidence::SamePhone, &all);
    }
    for group in groups(candidates.iter().enumerate().map(|(i, c)| (i, email_key(&c.email)))) {
        note(&group, Evidence::SameEmail, &all);
    }
    for group in groups(prepared.iter().enumerate().map(|(i, p)| (i, p.name.clone()))) {
        note(&group, Evidence::SameName, &all);
    }
    let homophones =
        |a: usize, b: usize| (prepared[a].chinese || prepared[b].chinese) && prepared[a].name != prepared[b].name;
    for group in groups(prepared.iter().enumerate().map(|(i, p)| (i, p.spoken.clone()))) {
        note(&group, Evidence::SamePinyin, &homophones);
    }
    let one_edit = |a: usize, b: usize| match (&prepared[a].name, &prepared[b].name) {
        (Some(x), Some(y)) if x != y => within_one_edit(x, y),
        _ => false,
    };
    let deletions = prepared.iter().enumerate().flat_map(|(i, p)| {
        let name = p
            .name
            .as_deref()
            .filter(|n| !p.chinese && n.chars().count() >= MIN_SIMILAR_CHARS);
        name.map(|n| one_deletion_keys(n).into_iter().map(move |k| (i, Some(k))))
            .into_iter()
            .flatten()
    });
    for group in groups(deletions) {
        note(&group, Evidence::SimilarName, &one_edit);
    }
    let mut out: Vec<DuplicatePair> = pairs
        .into_iter()
        .map(|((a, b), mut evidence)| {
            evidence.sort();
            let (x, y) = (candidates[a].id, candidates[b].id);
            DuplicatePair {
                first: x.min(y),
                second: x.max(y),
                evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.evidence
            .len()
            .cmp(&a.evidence.len())
            .then(a.evidence.cmp(&b.evidence))
            .then(a.first.cmp(&b.first))
            .then(a.second.cmp(&b.second))
    });
    out
}

/// Indices sharing a key, in groups of 2 to [`MAX_GROUP`].
fn groups(keys: impl Iterator<Item = (usize, Option<String>)>) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, key) in keys {
        if let Some(key) = key {
            let group = by_key.entry(key).or_default();
            if group.last() != Some(&i) {
                group.push(i);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = by_key
        .into_values()
        .filter(|g| (2..=MAX_GROUP).contains(&g.len()))
        .collect();
    out.sort();
    out
}

/// The name itself and the name with each one char left out: two names one
/// edit apart always share one of these keys (the symmetric-delete trick),
/// so near matches are found without comparing every pair.
fn one_deletion_keys(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut keys = vec![name.to_string()];
    for skip in 0..chars.len() {
        let key: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}
