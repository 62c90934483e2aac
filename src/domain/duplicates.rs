//! Likely duplicate customers, and the evidence for each pair:
//!
//! - *same phone*: the same digits, with a `+86`/`0086` country code dropped
//!   from an 11-digit mobile number (full-width digits count as digits);
//! - *same e-mail*: equal ignoring case;
//! - *same name*: equal ignoring case, spaces and punctuation;
//! - *same pinyin*: a Chinese name spelled the same in toneless pinyin as
//!   another (章三 and 张三, or 张三 and "Zhang San") — what a wrong pick
//!   in a pinyin input method produces;
//! - *similar name*: a name without Chinese characters, at least five letters
//!   long, one edit (a letter added, dropped, changed, or two swapped) from
//!   another ("Jon Smith" and "John Smith").
//!
//! A value shared by more than [`MAX_GROUP`] customers (a switchboard number,
//! a very common name) is not taken as evidence: it would flood the list.

use super::search::pinyin_spelling;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

pub const MAX_GROUP: usize = 10;
const MIN_SIMILAR_CHARS: usize = 5;

/// What is compared, for one live customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    SamePhone,
    SameEmail,
    SameName,
    SamePinyin,
    SimilarName,
}

impl Evidence {
    pub fn key(self) -> &'static str {
        match self {
            Evidence::SamePhone => "same_phone",
            Evidence::SameEmail => "same_email",
            Evidence::SameName => "same_name",
            Evidence::SamePinyin => "same_pinyin",
            Evidence::SimilarName => "similar_name",
        }
    }
}

/// Two customers that are probably one; `first` has the lower id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicatePair {
    pub first: i64,
    pub second: i64,
    pub evidence: Vec<Evidence>,
}

pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
            _ => None,
        })
        .collect();
    let mobile = |rest: &str| rest.len() == 11 && rest.starts_with('1');
    let local = ["0086", "86"]
        .iter()
        .find_map(|cc| digits.strip_prefix(cc).filter(|rest| mobile(rest)))
        .unwrap_or(&digits);
    (local.len() >= 5).then(|| local.to_string())
}

pub fn email_key(email: &str) -> Option<String> {
    let key = email.trim().to_lowercase();
    (!key.is_empty()).then_some(key)
}

/// Lowercase letters and digits only, full-width forms folded.
pub fn name_key(name: &str) -> Option<String> {
    let key: String = name
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (!key.is_empty()).then_some(key)
}

struct Prepared {
    name: Option<String>,
    /// Pinyin for a Chinese name, the name key for any other.
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

/// Whether `a` becomes `b` by one char added, dropped or changed, or two
/// neighbours swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match long.len() - short.len() {
        0 => {
            let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diffs.as_slice() {
                [] | [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => {
            let same = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
            short[same..] == long[same + 1..]
        }
        _ => false,
    }
}

#[cfg(test)]
#[path = "duplicates_tests.rs"]
mod tests;
