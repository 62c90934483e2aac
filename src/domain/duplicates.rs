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

#[path = "duplicates_groups.rs"]
mod groups;
use groups::{Entry, FxChars, KeyHash, classes};

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
    pub const ALL: [Evidence; 5] = [
        Evidence::SamePhone,
        Evidence::SameEmail,
        Evidence::SameName,
        Evidence::SamePinyin,
        Evidence::SimilarName,
    ];

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

/// What is compared of one candidate, normalised once.
struct Prepared {
    phone: Option<String>,
    email: Option<String>,
    name: Option<String>,
    /// Pinyin for a Chinese name, the name key for any other.
    spoken: Option<String>,
    chinese: bool,
}

/// Every likely duplicate pair, the strongest evidence first.
pub fn find(candidates: &[Candidate]) -> Vec<DuplicatePair> {
    find_with(candidates, &FxChars)
}

/// [`find`] with the keys hashed by `hasher`: the result never depends on
/// it (see `duplicates_groups`), which the tests check with colliding ones.
///
/// A large file's candidates are normalised in two halves and grouped on
/// two cores (the exact keys on one, the spoken and near names on the
/// other): each grouping sorts only its own entries, and the pairs are
/// merged and ordered after, so the result is one pass's.
fn find_with(candidates: &[Candidate], hasher: &dyn KeyHash) -> Vec<DuplicatePair> {
    let prepared = prepare(candidates);
    let (mut found, by_sound) = on_two_cores(
        || exact_pairs(&prepared, hasher),
        || sound_pairs(&prepared, hasher),
        prepared.len(),
    );
    found.extend(by_sound);
    pairs_in_order(candidates, found)
}

/// Fewer candidates than this are worked on one core: a thread costs more
/// than it saves on a small file (and `find` runs in tests by the hundred).
const TWO_CORES_FROM: usize = 4096;

/// `first()` and `second()`, on a thread of its own for the second when
/// there are `n` candidates to work on.
fn on_two_cores<A, B: Send>(first: impl FnOnce() -> A, second: impl FnOnce() -> B + Send, n: usize) -> (A, B) {
    if n < TWO_CORES_FROM {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let helper = scope.spawn(second);
        let own = first();
        let theirs = helper.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (own, theirs)
    })
}

fn prepare(candidates: &[Candidate]) -> Vec<Prepared> {
    let each = |part: &[Candidate]| -> Vec<Prepared> {
        part.iter()
            .map(|c| {
                let name = name_key(&c.name);
                let pinyin = pinyin_spelling(&c.name).and_then(|p| name_key(&p));
                Prepared {
                    phone: phone_key(&c.phone),
                    email: email_key(&c.email),
                    chinese: pinyin.is_some(),
                    spoken: pinyin.or_else(|| name.clone()),
                    name,
                }
            })
            .collect()
    };
    let (lower, upper) = candidates.split_at(candidates.len() / 2);
    let (mut all, rest) = on_two_cores(|| each(lower), || each(upper), candidates.len());
    all.extend(rest);
    all
}

/// A found pair: the two candidates' places and its evidence as a bit.
type Found = (u32, u32, u8);

/// The pairs within each group that `keep` accepts, for `evidence`.
fn pairs_of(groups: Vec<Vec<usize>>, evidence: Evidence, keep: impl Fn(usize, usize) -> bool, found: &mut Vec<Found>) {
    for group in groups {
        for (n, &a) in group.iter().enumerate() {
            for &b in &group[n + 1..] {
                if keep(a, b) {
                    found.push((index(a), index(b), 1 << evidence as u8));
                }
            }
        }
    }
}

/// Same phone, same e-mail, same name.
fn exact_pairs(prepared: &[Prepared], hasher: &dyn KeyHash) -> Vec<Found> {
    let mut found = Vec::new();
    let texts = |key: fn(&Prepared) -> Option<&str>| text_groups(prepared, key, hasher);
    pairs_of(
        texts(|p| p.phone.as_deref()),
        Evidence::SamePhone,
        |_, _| true,
        &mut found,
    );
    pairs_of(
        texts(|p| p.email.as_deref()),
        Evidence::SameEmail,
        |_, _| true,
        &mut found,
    );
    pairs_of(
        texts(|p| p.name.as_deref()),
        Evidence::SameName,
        |_, _| true,
        &mut found,
    );
    found
}

/// Same pinyin, similar name.
fn sound_pairs(prepared: &[Prepared], hasher: &dyn KeyHash) -> Vec<Found> {
    let mut found = Vec::new();
    let homophones =
        |a: usize, b: usize| (prepared[a].chinese || prepared[b].chinese) && prepared[a].name != prepared[b].name;
    let spoken = text_groups(prepared, |p| p.spoken.as_deref(), hasher);
    pairs_of(spoken, Evidence::SamePinyin, homophones, &mut found);
    let near = NearNames::of(prepared);
    let one_edit = |a: usize, b: usize| {
        let (x, y) = (near.chars(a), near.chars(b));
        x != y && one_edit_chars(x, y)
    };
    pairs_of(near.groups(hasher), Evidence::SimilarName, one_edit, &mut found);
    found
}

fn index(i: usize) -> u32 {
    // Candidates are live customers read into memory: far fewer than 4 billion.
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Candidates sharing the text `key` gives them, in groups of 2 to [`MAX_GROUP`].
fn text_groups(prepared: &[Prepared], key: fn(&Prepared) -> Option<&str>, hasher: &dyn KeyHash) -> Vec<Vec<usize>> {
    let entries = prepared
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            key(p).map(|k| Entry {
                hash: hasher.hash(&mut k.chars()),
                who: index(i),
                what: 0,
            })
        })
        .collect();
    let text = |e: &Entry| key(&prepared[e.who as usize]).unwrap_or_default();
    classes(entries, MAX_GROUP, |a, b| text(a).cmp(text(b)))
}

/// The name keys that may be near matches (no Chinese characters, at
/// least [`MIN_SIMILAR_CHARS`] long), as chars back to back.
struct NearNames {
    chars: Vec<char>,
    /// Each candidate's range in `chars`, empty when not a near-match name.
    spans: Vec<(u32, u32)>,
}

/// `Entry::what` for the whole name rather than a char left out.
const WHOLE: u32 = u32::MAX;

impl NearNames {
    fn of(prepared: &[Prepared]) -> NearNames {
        let mut chars = Vec::new();
        let spans = prepared
            .iter()
            .map(|p| {
                let start = chars.len();
                if let Some(name) = p.name.as_deref().filter(|_| !p.chinese) {
                    chars.extend(name.chars());
                    if chars.len() - start < MIN_SIMILAR_CHARS {
                        chars.truncate(start);
                    }
                }
                (index(start), index(chars.len()))
            })
            .collect();
        NearNames { chars, spans }
    }

    fn chars(&self, i: usize) -> &[char] {
        let (start, end) = self.spans[i];
        &self.chars[start as usize..end as usize]
    }

    /// The chars of one deletion key.
    fn key(&self, e: &Entry) -> impl Iterator<Item = char> + '_ {
        let skip = e.what as usize;
        self.chars(e.who as usize)
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i != skip)
            .map(|(_, c)| *c)
    }

    /// Groups by the symmetric-delete trick: each name's keys are the name
    /// itself and the name with each one char left out, and two names one
    /// edit apart always share one of these keys, so near matches are found
    /// without comparing every pair.
    fn groups(&self, hasher: &dyn KeyHash) -> Vec<Vec<usize>> {
        let mut entries = Vec::new();
        for who in 0..self.spans.len() {
            let name = self.chars(who);
            if name.is_empty() {
                continue;
            }
            let mut push = |what: u32| {
                let mut key = self.key(&Entry {
                    hash: 0,
                    who: index(who),
                    what,
                });
                entries.push(Entry {
                    hash: hasher.hash(&mut key),
                    who: index(who),
                    what,
                });
            };
            push(WHOLE);
            for skip in 0..name.len() {
                // Leaving out either of two equal neighbours gives the same
                // key, and only then do two of a name's keys agree: each once.
                if skip == 0 || name[skip] != name[skip - 1] {
                    push(index(skip));
                }
            }
        }
        classes(entries, MAX_GROUP, |a, b| self.key(a).cmp(self.key(b)))
    }
}

/// One pair per two candidates with all their evidence, the strongest first.
fn pairs_in_order(candidates: &[Candidate], mut found: Vec<Found>) -> Vec<DuplicatePair> {
    found.sort_unstable();
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for (a, b, bits) in found {
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == (a, b) => last.2 |= bits,
            _ => merged.push((a, b, bits)),
        }
    }
    let mut out: Vec<(u32, DuplicatePair)> = merged
        .into_iter()
        .map(|(a, b, bits)| {
            let evidence: Vec<Evidence> = Evidence::ALL
                .into_iter()
                .filter(|e| bits & (1 << *e as u8) != 0)
                .collect();
            let (x, y) = (candidates[a as usize].id, candidates[b as usize].id);
            let pair = DuplicatePair {
                first: x.min(y),
                second: x.max(y),
                evidence,
            };
            (strength_order(&pair.evidence), pair)
        })
        .collect();
    // More kinds of evidence first, then the stronger kinds, then by ids.
    out.sort_unstable_by(|(x, a), (y, b)| x.cmp(y).then(a.first.cmp(&b.first)).then(a.second.cmp(&b.second)));
    out.into_iter().map(|(_, pair)| pair).collect()
}

/// A number ordering evidence lists as "longer first, then lexicographic":
/// the count (inverted) and then each kind's place as a base-6 digit.
fn strength_order(evidence: &[Evidence]) -> u32 {
    // At most 5 kinds: 6^5 < 2^16, so the digits never reach the count.
    let missing = u32::try_from(Evidence::ALL.len().saturating_sub(evidence.len())).unwrap_or(0);
    let digits = evidence.iter().fold(0u32, |n, e| n * 6 + *e as u32 + 1);
    (missing << 16) | (digits * 6u32.pow(missing))
}

/// Whether `a` becomes `b` by one char added, dropped or changed, or two
/// neighbours swapped.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit_chars(&a, &b)
}

fn one_edit_chars(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
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

#[cfg(test)]
#[path = "duplicates_reference.rs"]
mod reference;
