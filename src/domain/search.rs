//! Matching of customers (and of other named things: actions, macros,
//! pick-list entries) for the search box, ranked as a person would rank
//! them: see [`Tier`].
//!
//! Everything a query is compared against is prepared once per customer in a
//! [`SearchKey`], so a keystroke only runs the matcher: lowercasing and pinyin
//! conversion of 100k customers on every keystroke would be far too slow.

mod ranking;
mod spelling;
mod stored;
mod tiers;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ranking::score_of;
pub use ranking::{Hit, Ranker, drop_scattered, rank, rank_all, tier_of};
use spelling::{Masks, Reads, encoded_chars, is_cjk, letter_bit, read_as_pinyin, readings_of, spell};
pub use stored::{KeyArena, KeyView};
pub use tiers::Tier;
use tiers::{Field, Found, Mark, in_email, in_phone, in_token, in_words, word_initials};

/// Fields longer than this are cut before matching. The matcher's work and
/// memory grow with `field length × query length`, and nobody searches for
/// text that far into a name; the cap keeps a pasted megabyte harmless.
const MAX_FIELD_CHARS: usize = 256;

/// Queries longer than this are cut for the same reason as [`MAX_FIELD_CHARS`].
const MAX_QUERY_CHARS: usize = 64;

/// Words of a query whose places in the name are highlighted; further
/// words must still match.
const MARKED_WORDS: usize = 8;

/// Precomputed once per customer at load (keep it cheap: 100k keys are
/// built on every load of the customer list).
///
/// All texts live back to back in one string: at 100k customers the
/// allocations, not the pinyin lookups, are what building keys costs.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    buf: String,
    /// End offset in `buf` of each [`Part`], in declaration order.
    ends: [u32; PARTS],
    /// Letters in the readings of the name: most keys fail a pinyin
    /// query on these alone.
    masks: Masks,
}

/// The texts of a [`SearchKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Lowercased one char at a time, so char `i` here is char `i` of the
    /// original name and the matcher's indices can be used for highlighting.
    Name,
    Code,
    /// Company or contact person, whichever the caller finds useful.
    Company,
    /// Digits only: people type "13812345678" for "138-1234-5678".
    Phone,
    Email,
    /// Every reading of every char of a Chinese name, encoded as
    /// `spelling::write_readings` describes; empty for other names.
    Readings,
    /// "zhangsan" for 张三 in its usual reading, surnames read as surnames,
    /// for scattered letters (the other tiers use every reading); ü is
    /// written "v", as pinyin input methods do. This and the next are empty
    /// unless the name has CJK characters.
    PinyinFull,
    /// "zs" for 张三.
    PinyinInitials,
}

const PARTS: usize = 8;

impl SearchKey {
    pub fn new(name: &str, code: &str, company: &str, phone: &str, email: &str) -> Self {
        let capped = |s: &str| s.len().min(MAX_FIELD_CHARS * 4);
        let cjk = name.chars().take(MAX_FIELD_CHARS).any(is_cjk);
        // A CJK char is 3 bytes; its readings with their header take about
        // 12, the usual spelling at most 6 letters plus an initial.
        let pinyin_len = if cjk { capped(name) * 7 } else { 0 };
        let mut buf = String::with_capacity(
            capped(name) + capped(code) + capped(company) + capped(phone) + capped(email) + pinyin_len,
        );
        let mut ends = [0u32; PARTS];
        // Offsets stay far below u32::MAX because every part is capped.
        let mut end = |buf: &String, part: Part| {
            ends[part as usize] = u32::try_from(buf.len()).unwrap_or(u32::MAX);
        };

        push_lower(&mut buf, name);
        end(&buf, Part::Name);
        push_lower(&mut buf, code);
        end(&buf, Part::Code);
        push_lower(&mut buf, company);
        end(&buf, Part::Company);
        buf.extend(phone.chars().filter_map(ascii_digit).take(MAX_FIELD_CHARS));
        end(&buf, Part::Phone);
        push_lower(&mut buf, email);
        end(&buf, Part::Email);

        // The usual spelling is each char's first reading: one walk over
        // the name writes the readings and keeps the first ones aside (on
        // the stack for any realistic name) to spell the name after them.
        let mut firsts = [""; 16];
        let mut n_firsts = 0;
        let mut more_firsts = Vec::new();
        let masks = if cjk {
            spelling::write_readings(name, &mut buf, |first| match firsts.get_mut(n_firsts) {
                Some(slot) => {
                    *slot = first;
                    n_firsts += 1;
                }
                None => more_firsts.push(first),
            })
        } else {
            Masks::default()
        };
        end(&buf, Part::Readings);
        let usual = || firsts.iter().take(n_firsts).chain(&more_firsts);
        for first in usual() {
            buf.push_str(first);
        }
        end(&buf, Part::PinyinFull);
        // Readings are ASCII, so their first bytes are chars.
        buf.extend(usual().filter_map(|r| r.as_bytes().first()).map(|&b| char::from(b)));
        end(&buf, Part::PinyinInitials);
        SearchKey { buf, ends, masks }
    }

    #[cfg(test)]
    fn part(&self, part: Part) -> &str {
        self.view().part(part)
    }

    /// The key as the matcher reads it.
    pub fn view(&self) -> KeyView<'_> {
        KeyView {
            buf: &self.buf,
            ends: self.ends,
            masks: self.masks,
        }
    }
}

/// Appends `s` (capped at [`MAX_FIELD_CHARS`]) lowercased without changing
/// its number of chars: a char whose lowercase form is several chars (like
/// 'İ') is kept as is, so indices into the result are indices into `s`.
fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        // Codes, phones and e-mails are ASCII: copy and fold in bulk rather
        // than a char at a time.
        let start = buf.len();
        buf.push_str(s.get(..MAX_FIELD_CHARS).unwrap_or(s));
        if let Some(added) = buf.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else {
        buf.extend(s.chars().take(MAX_FIELD_CHARS).map(lower_char));
    }
}

fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Han has no case; skipping the case tables for it halves the cost of
    // lowercasing Chinese names.
    if is_cjk(c) {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The digit `c` stands for, also for the full-width digits (０–９) that
/// Chinese input methods can produce, so both kinds find each other.
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')),
        _ => None,
    }
}

/// The toneless pinyin of a name with Han characters ("zhangsan" for 张三,
/// surnames read as surnames), with its other letters and digits as they
/// are; `None` for a name without Han characters.
pub fn pinyin_spelling(name: &str) -> Option<String> {
    if !name.chars().take(MAX_FIELD_CHARS).any(is_cjk) {
        return None;
    }
    let mut out = String::new();
    spell(name, |_, syllable| out.push_str(syllable.v));
    Some(out)
}

/// Matches queries against [`SearchKey`]s. Create one and reuse it: the
/// underlying matcher keeps per-thread scratch buffers between calls.
pub struct Matcher {
    skim: SkimMatcherV2,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").finish_non_exhaustive()
    }
}

impl Default for Matcher {
    fn default() -> Self {
        Self::new()
    }
}

/// One blank-separated word of a query, prepared for each kind of field.
struct Word {
    /// Lowercased like the keys, for name, code, company and e-mail.
    text: String,
    /// ASCII letters and digits without apostrophes ("xi'an"), for pinyin;
    /// empty when the word has other chars.
    letters: Vec<u8>,
    /// Digits of a word that looks like a phone number ("138-1234").
    digits: Option<String>,
}

/// A query prepared once for all the keys it is matched against.
struct Query {
    /// Lowercased like the keys, for scattered letters.
    text: String,
    /// Without spaces or apostrophes, for pinyin: "zhang san" and "xi'an"
    /// are typed with separators the spellings do not have.
    compact: String,
    /// Each word must match some field of a customer.
    words: Vec<Word>,
    /// The whole query read as one, when it has several words: pinyin
    /// ("zhang san") and phone digits ("138 1234").
    whole: Option<Word>,
}

impl Word {
    fn new(text: &str) -> Self {
        let letters: Vec<u8> = text
            .bytes()
            .filter(|&b| b != b'\'' && !b.is_ascii_whitespace())
            .collect();
        let letters = if letters.iter().all(u8::is_ascii_alphanumeric) {
            letters
        } else {
            Vec::new()
        };
        let phone_like = text.chars().any(|c| ascii_digit(c).is_some())
            && text
                .chars()
                .all(|c| ascii_digit(c).is_some() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'));
        let digits = phone_like.then(|| text.chars().filter_map(ascii_digit).collect());
        Word {
            text: text.to_string(),
            letters,
            digits,
        }
    }
}

impl Query {
    fn new(raw: &str) -> Self {
        let text: String = raw.trim().chars().take(MAX_QUERY_CHARS).map(lower_char).collect();
        let compact = text.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
        let words: Vec<Word> = text.split_whitespace().map(Word::new).collect();
        let whole = (words.len() > 1).then(|| Word::new(&text));
        Query {
            text,
            compact,
            words,
            whole,
        }
    }
}

impl Matcher {
    pub fn new() -> Self {
        // Keys and queries are lowercased by us (with Unicode rules, where the
        // matcher only folds ASCII), so case must not be folded again; the
        // default "smart case" would even make "ZS" case-sensitive.
        Matcher {
            skim: SkimMatcherV2::default().respect_case(),
        }
    }

    pub fn matches(&self, query: &str, key: &SearchKey) -> Option<Hit> {
        self.match_prepared(&Query::new(query), key.view(), true)
    }

    /// The hit of `key`, its letters scattered through a field only when
    /// `scattered` and it matches no better.
    fn match_prepared(&self, q: &Query, key: KeyView<'_>, scattered: bool) -> Option<Hit> {
        if q.words.is_empty() {
            return Some(Hit::default());
        }
        if let Some((found, marks)) = self.tiered(q, key) {
            let name_indices = highlight(key, &marks);
            return Some(Hit {
                score: score_of(found.tier, found.rank_bits()),
                name_indices,
            });
        }
        if scattered { self.scattered(q, key) } else { None }
    }

    /// The best match of tiers 1–4: every word of the query found in some
    /// field (the worst of them counts), or the whole query as pinyin or
    /// phone digits.
    fn tiered(&self, q: &Query, key: KeyView<'_>) -> Option<(Found, [Mark; MARKED_WORDS])> {
        let mut marks = [Mark::None; MARKED_WORDS];
        let mut each: Option<Found> = None;
        for (i, word) in q.words.iter().enumerate() {
            // A word found nowhere leaves the whole query to be read as one
            // (`+86 138…`: "86" alone is in no field).
            let Some(found) = self.word(word, key, i < MARKED_WORDS) else {
                each = None;
                break;
            };
            if let Some(mark) = marks.get_mut(i) {
                *mark = found.mark;
            }
            if each.is_none_or(|worst| found.order() > worst.order()) {
                each = Some(found);
            }
        }
        let whole = q.whole.as_ref().and_then(|whole| {
            let pinyin = pinyin_found(&whole.letters, key, true);
            let phone = whole.digits.as_deref().and_then(|d| in_phone(key.part(Part::Phone), d));
            Found::best(pinyin, phone)
        });
        match (each, whole) {
            (Some(e), Some(w)) if w.order() < e.order() => Some((w, one_mark(w.mark))),
            (Some(e), _) => Some((e, marks)),
            (None, Some(w)) => Some((w, one_mark(w.mark))),
            (None, None) => None,
        }
    }

    /// The best field for one query word.
    fn word(&self, w: &Word, key: KeyView<'_>, marked: bool) -> Option<Found> {
        let name = key.part(Part::Name);
        let mut best = in_words(name, &w.text, Field::Name, marked);
        if best.is_some_and(|b| b.tier == Tier::Exact && b.word == 0) {
            // Nothing can do better than the whole name or its first word.
            return best;
        }
        best = Found::best(best, pinyin_found(&w.letters, key, marked));
        best = Found::best(best, in_token(key.part(Part::Code), &w.text, Field::Code));
        if let Some(digits) = &w.digits {
            best = Found::best(best, in_phone(key.part(Part::Phone), digits));
        }
        best = Found::best(best, in_email(key.part(Part::Email), &w.text));
        best = Found::best(best, in_words(key.part(Part::Company), &w.text, Field::Company, false));
        if best.is_none_or(|b| b.tier > Tier::Initials) {
            best = Found::best(best, word_initials(name, &w.text).map(|f| unmarked(f, marked)));
        }
        best
    }

    /// Letters of the query scattered through a field, the last resort.
    fn scattered(&self, q: &Query, key: KeyView<'_>) -> Option<Hit> {
        let score = |part: Part, pattern: &str| {
            let choice = key.part(part);
            if pattern.is_empty() || !is_subsequence(pattern, choice) {
                None
            } else {
                self.skim.fuzzy_match(choice, pattern)
            }
        };
        // Parts are tried in order of preference and a later one replaces
        // the best only with a strictly higher score, so at equal scores the
        // name wins over pinyin, and both over code, company and e-mail.
        // Phone numbers are left out: a scattered "2024" would be found in
        // nearly every phone number.
        let mut best: Option<(i64, Part)> = None;
        let mut consider = |part: Part, pattern: &str| {
            if let Some(s) = score(part, pattern)
                && best.is_none_or(|(b, _)| s > b)
            {
                best = Some((s, part));
            }
        };
        consider(Part::Name, &q.text);
        consider(Part::PinyinFull, &q.compact);
        consider(Part::PinyinInitials, &q.compact);
        consider(Part::Code, &q.text);
        consider(Part::Company, &q.text);
        consider(Part::Email, &q.text);

        let (score, part) = best?;
        // Positions cost a full score matrix, so they are computed only once,
        // for the winning part, and only when it can be highlighted.
        let name_indices = match part {
            Part::Name => self.positions(key.part(part), &q.text),
            Part::PinyinFull | Part::PinyinInitials => self.pinyin_positions(key, part, &q.compact),
            Part::Code | Part::Company | Part::Phone | Part::Email | Part::Readings => Vec::new(),
        };
        Some(Hit {
            score: score_of(Tier::Scattered, score),
            name_indices,
        })
    }

    fn positions(&self, choice: &str, pattern: &str) -> Vec<usize> {
        self.skim
            .fuzzy_indices(choice, pattern)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }

    /// Maps matched letters of a spelling back to the name chars they were
    /// spelled from: "zs" on 张三 matches both letters of "zs", so [0, 1].
    fn pinyin_positions(&self, key: KeyView<'_>, part: Part, pattern: &str) -> Vec<usize> {
        let matched = self.positions(key.part(part), pattern);
        if matched.is_empty() {
            return matched;
        }
        // Which name char each letter of the spelling came from: the
        // spelling was written from these same readings.
        let mut source = Vec::new();
        for (ch, body) in encoded_chars(key.part(Part::Readings)) {
            if let Some(usual) = readings_of(body).next() {
                let letters = if part == Part::PinyinInitials { 1 } else { usual.len() };
                source.extend(std::iter::repeat_n(ch, letters));
            }
        }
        let mut out: Vec<usize> = matched.into_iter().filter_map(|m| source.get(m).copied()).collect();
        // Several letters of one syllable point at the same char.
        out.dedup();
        out
    }
}

fn one_mark(mark: Mark) -> [Mark; MARKED_WORDS] {
    let mut marks = [Mark::None; MARKED_WORDS];
    marks[0] = mark;
    marks
}

fn unmarked(found: Found, marked: bool) -> Found {
    if marked {
        found
    } else {
        Found {
            mark: Mark::None,
            ..found
        }
    }
}

/// `letters` read as the pinyin of the name, with the tier that reading
/// earns: the whole spelling, its start, a run inside, or initials.
fn pinyin_found(letters: &[u8], key: KeyView<'_>, marked: bool) -> Option<Found> {
    let lead = letters.first().copied();
    if key.masks.starts & letter_bit(lead) == 0 {
        return None;
    }
    let all = letters.iter().fold(0, |mask, &b| mask | letter_bit(Some(b)));
    if all & !key.masks.letters != 0 {
        return None;
    }
    let m = read_as_pinyin(letters, key.part(Part::Readings))?;
    let tier = match (m.reads, m.start) {
        (Reads::Whole, 0) => Tier::Exact,
        (Reads::Prefix, 0) => Tier::Prefix,
        (Reads::Whole | Reads::Prefix, _) => Tier::Inside,
        (Reads::MixedWhole | Reads::Mixed, _) => Tier::Initials,
    };
    // Among initials: all the name's chars, then its start, then inside.
    let word = if tier == Tier::Initials {
        m.start.saturating_mul(2) + u16::from(m.reads == Reads::Mixed)
    } else {
        m.start
    };
    Some(Found {
        tier,
        word,
        len: u16::try_from(key.part(Part::Name).len()).unwrap_or(u16::MAX),
        field: Field::Pinyin,
        mark: if marked {
            Mark::Spelled {
                from: m.start,
                to: m.end,
            }
        } else {
            Mark::None
        },
    })
}

/// The name chars the marks of a hit cover, in order.
fn highlight(key: KeyView<'_>, marks: &[Mark]) -> Vec<usize> {
    let name = key.part(Part::Name);
    let mut out = Vec::new();
    for mark in marks {
        match *mark {
            Mark::None => {}
            Mark::Bytes { from, to } => {
                let (from, to) = (from as usize, to as usize);
                let before = name.get(..from).map_or(0, |s| s.chars().count());
                let within = name.get(from..to).map_or(0, |s| s.chars().count());
                out.extend(before..before + within);
            }
            Mark::Spelled { from, to } => out.extend(
                encoded_chars(key.part(Part::Readings))
                    .enumerate()
                    .filter(|(seq, _)| (usize::from(from)..usize::from(to)).contains(seq))
                    .map(|(_, (ch, _))| ch),
            ),
            Mark::WordStarts { first, count } => out.extend(
                tiers::words(name)
                    .skip(usize::from(first))
                    .take(usize::from(count))
                    .map(|(at, _)| name.get(..at).map_or(0, |s| s.chars().count())),
            ),
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether the chars of `pattern` appear in `choice` in order, which is
/// what a fuzzy match needs. Most customers fail this for any given query,
/// and checking it here is several times cheaper than asking the matcher
/// (which first copies the text into a char buffer).
fn is_subsequence(pattern: &str, choice: &str) -> bool {
    if pattern.is_ascii() {
        // An ASCII byte never occurs inside a multi-byte UTF-8 char, so
        // comparing bytes is exact.
        let mut want = pattern.bytes().peekable();
        for b in choice.bytes() {
            if want.peek() == Some(&b) {
                want.next();
            }
        }
        want.peek().is_none()
    } else {
        let mut want = pattern.chars().peekable();
        for c in choice.chars() {
            if want.peek() == Some(&c) {
                want.next();
            }
        }
        want.peek().is_none()
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
