//! Fuzzy and pinyin matching of customers for the search box.
//!
//! Everything a query is compared against is prepared once per customer in a
//! [`SearchKey`], so a keystroke only runs the matcher: lowercasing and pinyin
//! conversion of 100k customers on every keystroke would be far too slow.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyin;

/// Fields longer than this are cut before matching. The matcher's work and
/// memory grow with `field length × query length`, and nobody searches for
/// text that far into a name; the cap keeps a pasted megabyte harmless.
const MAX_FIELD_CHARS: usize = 256;

/// Queries longer than this are cut for the same reason as [`MAX_FIELD_CHARS`].
const MAX_QUERY_CHARS: usize = 64;

/// Precomputed once per customer at load (keep it cheap: pinyin for 100k names must cost ~5–10 ms total in release).
///
/// All texts live back to back in one string: at 100k customers the
/// allocations, not the pinyin lookups, are what building keys costs.
#[derive(Debug, Clone, Default)]
pub struct SearchKey {
    buf: String,
    /// End offset in `buf` of each [`Part`], in declaration order.
    ends: [u32; PARTS],
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
    /// "zhangsan" for 张三; ü is written "v", as pinyin input methods do.
    /// This and the next two are empty unless the name has CJK characters.
    PinyinFull,
    /// "zs" for 张三.
    PinyinInitials,
    /// The full spelling with ü written "u", so "lvbu" and "lubu" both find
    /// 吕布; empty when the name has no ü.
    PinyinFullU,
}

const PARTS: usize = 8;

impl SearchKey {
    pub fn new(name: &str, code: &str, company: &str, phone: &str, email: &str) -> Self {
        let capped = |s: &str| s.len().min(MAX_FIELD_CHARS * 4);
        let cjk = name.chars().take(MAX_FIELD_CHARS).any(is_cjk);
        // A CJK char is 3 bytes and spells at most 6 letters plus an initial.
        let pinyin_len = if cjk { capped(name) * 3 } else { 0 };
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

        // One walk writes the full spelling and keeps the initials aside
        // (on the stack for any realistic name) to append after it.
        let mut has_u = false;
        let mut initials = ['\0'; 16];
        let mut n_initials = 0;
        let mut more_initials = String::new();
        if cjk {
            spell(name, |_, syllable| {
                has_u |= syllable.u != syllable.v;
                buf.push_str(syllable.v);
                if let Some(first) = syllable.v.chars().next() {
                    match initials.get_mut(n_initials) {
                        Some(slot) => {
                            *slot = first;
                            n_initials += 1;
                        }
                        None => more_initials.push(first),
                    }
                }
            });
        }
        end(&buf, Part::PinyinFull);
        buf.extend(initials.iter().take(n_initials));
        buf.push_str(&more_initials);
        end(&buf, Part::PinyinInitials);
        if has_u {
            spell(name, |_, syllable| buf.push_str(syllable.u));
        }
        end(&buf, Part::PinyinFullU);
        SearchKey { buf, ends }
    }

    fn part(&self, part: Part) -> &str {
        let i = part as usize;
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.buf.get(start as usize..end as usize).unwrap_or("")
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

/// Han ideographs, the only characters that have a pinyin reading.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3007}'                      // 〇, the ideographic zero
        | '\u{3400}'..='\u{4DBF}'       // extension A
        | '\u{4E00}'..='\u{9FFF}'       // unified ideographs
        | '\u{F900}'..='\u{FAFF}'       // compatibility ideographs
        | '\u{20000}'..='\u{323AF}') // extensions B–H
}

/// Readings of compound surnames the pinyin crate gets wrong (it reads
/// 尉 as "wei" and 万 as "wan"). 欧阳, 司马, 诸葛 and 长孙 are read right.
const COMPOUND_SURNAMES: &[([char; 2], [&str; 2])] = &[(['尉', '迟'], ["yu", "chi"]), (['万', '俟'], ["mo", "qi"])];

/// Reading of a polyphonic character when it is a surname, for those where
/// the pinyin crate's default reading is a different one (曾 "ceng", 单 "dan",
/// …). 任, 华, 纪, 燕, 那 and 长 already get their surname reading.
/// 阚, 卜 and 薄 are not in the original list but are common surnames whose
/// default reading (han, bo, bao) is wrong in the same way.
fn surname_reading(c: char) -> Option<&'static str> {
    Some(match c {
        '曾' => "zeng",
        '单' => "shan",
        '解' => "xie",
        '区' => "ou",
        '仇' => "qiu",
        '朴' => "piao",
        '查' => "zha",
        '盖' => "ge",
        '乐' => "yue",
        '覃' => "qin",
        '缪' => "miao",
        '翟' => "zhai",
        '重' => "chong",
        '秘' => "bi",
        '繁' => "po",
        '种' => "chong",
        '阚' => "kan",
        '卜' => "bu",
        '薄' => "bo",
        _ => return None,
    })
}

/// How one char of a name is spelled, in letters that can be typed.
#[derive(Debug, Clone, Copy)]
struct Syllable<'a> {
    /// Lowercase, with ü written "v" (as pinyin input methods do) and ê "e".
    v: &'a str,
    /// The same with ü written "u"; equal to `v` for all but four syllables.
    u: &'a str,
}

/// The pinyin crate's plain syllables are ASCII except these five.
fn typeable(plain: &'static str) -> Syllable<'static> {
    if plain.is_ascii() {
        return Syllable { v: plain, u: plain };
    }
    let (v, u) = match plain {
        "lü" => ("lv", "lu"),
        "lüe" => ("lve", "lue"),
        "nü" => ("nv", "nu"),
        "nüe" => ("nve", "nue"),
        "ê" => ("e", "e"),
        other => (other, other),
    };
    Syllable { v, u }
}

/// Spells `name` (capped at [`MAX_FIELD_CHARS`] chars) in pinyin, calling
/// `emit(char index in the name, syllable)` for each spelled char in order.
/// Both building keys and mapping matched letters back to name chars use
/// this walk, so the two cannot disagree.
///
/// Latin letters and digits of mixed names ("王Lily") are spelled as
/// themselves, one char each, so "wanglily" and "wl" work. Spaces and
/// punctuation ("张 三", "阿卜杜·热合曼") are left out, as they are from the
/// query.
fn spell(name: &str, mut emit: impl FnMut(usize, Syllable<'_>)) {
    let mut chars = name.chars().take(MAX_FIELD_CHARS).enumerate().peekable();
    let mut at_surname = true;
    // Second reading of a compound surname, for the char after the first.
    let mut pending: Option<&'static str> = None;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            // "  曾国藩" is still 曾国藩: blanks do not end the surname.
            continue;
        }
        let reading = if let Some(r) = pending.take() {
            Some(r)
        } else if at_surname {
            // Surname readings apply to the first char only: 曾 in a given
            // name is read "ceng".
            at_surname = false;
            let next = chars.peek().map(|&(_, n)| n);
            match COMPOUND_SURNAMES
                .iter()
                .find(|(cs, _)| c == cs[0] && next == Some(cs[1]))
            {
                Some((_, [first, second])) => {
                    pending = Some(second);
                    Some(*first)
                }
                None => surname_reading(c).or_else(|| c.to_pinyin().map(|p| p.plain())),
            }
        } else {
            c.to_pinyin().map(|p| p.plain())
        };
        match reading {
            Some(plain) if !plain.is_empty() => emit(i, typeable(plain)),
            Some(_) => {}
            None if c.is_alphanumeric() => {
                let mut utf8 = [0u8; 4];
                let own: &str = lower_char(c).encode_utf8(&mut utf8);
                emit(i, Syllable { v: own, u: own });
            }
            None => {}
        }
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

/// The result of matching one customer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hit {
    pub score: i64,
    /// char indices into the NAME (for highlighting), empty when the match was on another field
    pub name_indices: Vec<usize>,
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

/// A query prepared once for all the keys it is matched against.
struct Query {
    /// Lowercased like the keys, for name, code, company and email.
    text: String,
    /// Without spaces or apostrophes, for pinyin: "zhang san" and "xi'an"
    /// are typed with separators the spellings do not have.
    compact: String,
    /// Digits of a query that looks like a phone number ("138-1234"), if any.
    digits: Option<String>,
}

impl Query {
    fn new(raw: &str) -> Self {
        let text: String = raw.trim().chars().take(MAX_QUERY_CHARS).map(lower_char).collect();
        let compact = text.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
        let phone_like = text.chars().any(|c| ascii_digit(c).is_some())
            && text
                .chars()
                .all(|c| ascii_digit(c).is_some() || matches!(c, ' ' | '-' | '+' | '(' | ')' | '.'));
        let digits = phone_like.then(|| text.chars().filter_map(ascii_digit).collect());
        Query { text, compact, digits }
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
        self.match_prepared(&Query::new(query), key)
    }

    fn match_prepared(&self, q: &Query, key: &SearchKey) -> Option<Hit> {
        if q.text.is_empty() {
            return Some(Hit::default());
        }
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
        // name wins over pinyin, and both over code, company, phone, e-mail.
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
        consider(Part::PinyinFullU, &q.compact);
        consider(Part::PinyinInitials, &q.compact);
        consider(Part::Code, &q.text);
        consider(Part::Company, &q.text);
        // Phone numbers match only on a run of consecutive digits: a fuzzy
        // "2024" would be found scattered in nearly every phone number.
        if let Some(digits) = &q.digits
            && key.part(Part::Phone).contains(digits.as_str())
        {
            consider(Part::Phone, digits);
        }
        consider(Part::Email, &q.text);

        let (score, part) = best?;
        // Positions cost a full score matrix, so they are computed only once,
        // for the winning part, and only when it can be highlighted.
        let name_indices = match part {
            Part::Name => self.positions(key.part(part), &q.text),
            Part::PinyinFull | Part::PinyinFullU | Part::PinyinInitials => self.pinyin_positions(key, part, &q.compact),
            Part::Code | Part::Company | Part::Phone | Part::Email => Vec::new(),
        };
        Some(Hit { score, name_indices })
    }

    fn positions(&self, choice: &str, pattern: &str) -> Vec<usize> {
        self.skim
            .fuzzy_indices(choice, pattern)
            .map(|(_, idx)| idx)
            .unwrap_or_default()
    }

    /// Maps matched letters of a spelling back to the name chars they were
    /// spelled from: "zs" on 张三 matches both letters of "zs", so [0, 1].
    fn pinyin_positions(&self, key: &SearchKey, part: Part, pattern: &str) -> Vec<usize> {
        let matched = self.positions(key.part(part), pattern);
        if matched.is_empty() {
            return matched;
        }
        // Which name char each letter of the spelling came from. Spelling the
        // stored (lowercased) name gives the same letters as the original.
        let mut source = Vec::new();
        spell(key.part(Part::Name), |i, syllable| {
            let letters = match part {
                Part::PinyinInitials => 1,
                Part::PinyinFullU => syllable.u.chars().count(),
                _ => syllable.v.chars().count(),
            };
            source.extend(std::iter::repeat_n(i, letters));
        });
        let mut out: Vec<usize> = matched.into_iter().filter_map(|m| source.get(m).copied()).collect();
        // Several letters of one syllable point at the same char.
        out.dedup();
        out
    }
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

/// Ranks candidates: best score first, ties broken by more recent activity (larger i64 = more recent).
pub fn rank<'a, T>(
    matcher: &Matcher,
    query: &str,
    items: impl Iterator<Item = (&'a SearchKey, i64 /*last activity*/, T)>,
) -> Vec<(Hit, T)> {
    let q = Query::new(query);
    let mut hits: Vec<(Hit, i64, T)> = items
        .filter_map(|(key, activity, item)| matcher.match_prepared(&q, key).map(|hit| (hit, activity, item)))
        .collect();
    // Stable, so items equal in score and activity keep the caller's order.
    hits.sort_by(|a, b| b.0.score.cmp(&a.0.score).then(b.1.cmp(&a.1)));
    hits.into_iter().map(|(hit, _, item)| (hit, item)).collect()
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
