//! Pinyin of names: the one spelling of a name (its usual reading, surnames
//! read as surnames) and every reading of each character, matched against a
//! query the way pinyin input methods read what is typed.

use super::{MAX_FIELD_CHARS, lower_char};
use pinyin::{ToPinyin, ToPinyinMulti};
use std::cell::RefCell;

/// Han ideographs, the only characters that have a pinyin reading.
pub(super) fn is_cjk(c: char) -> bool {
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
pub(super) struct Syllable<'a> {
    /// Lowercase, with ü written "v" (as pinyin input methods do) and ê "e".
    pub v: &'a str,
    /// The same with ü written "u"; equal to `v` for all but four syllables.
    pub u: &'a str,
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

/// The surname reading of the first char of a name, and of the second for
/// a compound surname: what [`spell`] and [`write_readings`] both read first.
struct Surname {
    at_start: bool,
    /// Second reading of a compound surname, for the char after the first.
    pending: Option<&'static str>,
}

impl Surname {
    fn new() -> Self {
        Surname {
            at_start: true,
            pending: None,
        }
    }

    /// The surname reading of `c`, if it is (part of) the surname; `next`
    /// is the char after it. Call once per spelled char, in order.
    fn reading(&mut self, c: char, next: Option<char>) -> Option<&'static str> {
        if let Some(r) = self.pending.take() {
            return Some(r);
        }
        if !std::mem::replace(&mut self.at_start, false) {
            // Surname readings apply to the first char only: 曾 in a given
            // name is read "ceng".
            return None;
        }
        match COMPOUND_SURNAMES
            .iter()
            .find(|(cs, _)| c == cs[0] && next == Some(cs[1]))
        {
            Some((_, [first, second])) => {
                self.pending = Some(second);
                Some(first)
            }
            None => surname_reading(c),
        }
    }
}

/// The chars of `name` that are spelled (capped at [`MAX_FIELD_CHARS`]),
/// with their index in the name and the char after them: blanks are left
/// out ("  曾国藩" is still 曾国藩, its surname read as one).
fn spelled_chars(name: &str) -> impl Iterator<Item = (usize, char, Option<char>)> + '_ {
    let mut chars = name
        .chars()
        .take(MAX_FIELD_CHARS)
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace())
        .peekable();
    std::iter::from_fn(move || {
        let (i, c) = chars.next()?;
        Some((i, c, chars.peek().map(|&(_, n)| n)))
    })
}

/// Spells `name` (capped at [`MAX_FIELD_CHARS`] chars) in pinyin, one
/// reading per char, calling `emit(char index in the name, syllable)` for
/// each spelled char in order. Both building keys and mapping matched
/// letters back to name chars use this walk, so the two cannot disagree.
///
/// Latin letters and digits of mixed names ("王Lily") are spelled as
/// themselves, one char each, so "wanglily" and "wl" work. Spaces and
/// punctuation ("张 三", "阿卜杜·热合曼") are left out, as they are from the
/// query.
pub(super) fn spell(name: &str, mut emit: impl FnMut(usize, Syllable<'_>)) {
    let mut surname = Surname::new();
    for (i, c, next) in spelled_chars(name) {
        let reading = surname.reading(c, next).or_else(|| c.to_pinyin().map(|p| p.plain()));
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

/// ASCII letters and digits spelled as themselves, so a reading of a
/// Latin char in a mixed name can be `&'static` like the pinyin ones.
const ASCII_ALNUM: &str = "0123456789abcdefghijklmnopqrstuvwxyz";

fn ascii_self(c: char) -> &'static str {
    let lower = c.to_ascii_lowercase();
    ASCII_ALNUM
        .find(lower)
        .and_then(|at| ASCII_ALNUM.get(at..at + 1))
        .unwrap_or("")
}

/// The readings are stored in the search key's own text, so a key stays
/// one allocation (at 100k customers, allocating and freeing a second one
/// each costs more than reading the pinyin). Each spelled char is this
/// byte, then its index in the name in two 7-bit bytes, then its readings
/// separated by [`READING_SEP`]. Readings are ASCII letters and digits, so
/// neither control byte occurs inside one.
const CHAR_MARK: u8 = 2;
const READING_SEP: char = '\u{1}';

/// Masks of a name's readings, a cheap first test for pinyin queries.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Masks {
    /// A bit per letter that begins a reading.
    pub starts: u64,
    /// A bit per letter in any reading.
    pub letters: u64,
}

/// Writes every reading of every spelled char of `name` to `buf` (see
/// [`CHAR_MARK`]), surname readings first, then the usual one: 行 gives
/// "xing" and "hang", 曾 at the start "zeng" then "ceng". Each char's
/// readings are stored once, never combined into spellings of the whole
/// name (a long name would have thousands). `first` gets each char's first
/// reading, the one the name is usually spelled with.
pub(super) fn write_readings(name: &str, buf: &mut String, mut first: impl FnMut(&'static str)) -> Masks {
    let mut masks = Masks::default();
    let mut surname = Surname::new();
    for (i, c, next) in spelled_chars(name) {
        let surname_reading = surname.reading(c, next);
        let multi = c.to_pinyin_multi();
        if multi.is_none() && surname_reading.is_none() && !c.is_alphanumeric() {
            // Punctuation is left out, as it is from the query.
            continue;
        }
        let ch = u8::try_from(i >> 7).unwrap_or(0x7f) & 0x7f;
        buf.push(char::from(CHAR_MARK));
        buf.push(char::from(ch));
        buf.push(char::from(u8::try_from(i & 0x7f).unwrap_or(0)));
        // The readings written for this char; a char has a handful at most.
        let mut seen = [""; 8];
        let mut n_seen = 0;
        let mut add = |text: &'static str| {
            // Tones are gone, so readings repeat: 行 is xíng, háng, hàng, héng.
            if seen.iter().take(n_seen).any(|r| *r == text) {
                return;
            }
            if n_seen == 0 {
                first(text);
            } else {
                buf.push(READING_SEP);
            }
            if let Some(slot) = seen.get_mut(n_seen) {
                *slot = text;
                n_seen += 1;
            }
            buf.push_str(text);
            masks.starts |= letter_bit(text.as_bytes().first().copied());
            for b in text.bytes() {
                masks.letters |= letter_bit(Some(b));
            }
        };
        if let Some(r) = surname_reading {
            add(r);
        }
        match multi {
            Some(multi) => {
                for p in multi {
                    let s = typeable(p.plain());
                    if !s.v.is_empty() {
                        add(s.v);
                        // Only four syllables have a ü to write two ways.
                        if !std::ptr::eq(s.u, s.v) {
                            add(s.u);
                        }
                    }
                }
            }
            // A letter or digit in a Chinese name is read as itself; one no
            // pinyin query can type ("王Émile") stays without readings: a gap
            // a match cannot run across.
            None if c.is_ascii_alphanumeric() => add(ascii_self(c)),
            None => {}
        }
    }
    masks
}

/// The spelled chars written by [`write_readings`]: each one's index in
/// the name and its readings (split them with [`readings_of`]).
pub(super) fn encoded_chars(region: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = region.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if bytes.get(at) != Some(&CHAR_MARK) {
            return None;
        }
        let (hi, lo) = (*bytes.get(at + 1)?, *bytes.get(at + 2)?);
        let body = at + 3;
        // Only the header's bytes can look like a mark: search after it.
        let end = bytes
            .get(body..)?
            .iter()
            .position(|&b| b == CHAR_MARK)
            .map_or(bytes.len(), |p| body + p);
        at = end;
        Some((usize::from(hi) << 7 | usize::from(lo), region.get(body..end)?))
    })
}

/// The readings of one encoded char, first the usual one.
pub(super) fn readings_of(body: &str) -> impl Iterator<Item = &str> {
    body.split(READING_SEP).filter(|r| !r.is_empty())
}

/// A bit per ASCII letter and digit, for the first-letter mask.
pub(super) fn letter_bit(b: Option<u8>) -> u64 {
    match b {
        Some(b @ b'a'..=b'z') => 1 << (b - b'a'),
        Some(b @ b'0'..=b'9') => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// How a query was read as pinyin of a run of a name's chars, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Reads {
    /// Full syllables to the end of the name ("yinhang" on 银行).
    Whole,
    /// Full syllables, the last possibly cut short ("yinh", "zhangs").
    Prefix,
    /// Initials or cut syllables inside, to the end of the name ("zs", "zhsan").
    MixedWhole,
    /// The same, ending before the end of the name ("zs" on 张三丰).
    Mixed,
}

/// A query read as the pinyin of chars `start..end` (spelled chars).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct PinyinMatch {
    pub reads: Reads,
    pub start: u16,
    pub end: u16,
}

/// Names longer than this (in spelled chars) are read only this far: the
/// table of partial results grows with name length × query length.
const MAX_READ_CHARS: usize = 64;

thread_local! {
    /// The table of partial results, reused between calls: allocating it for
    /// each of 100k customers would cost more than the matching.
    static MEMO: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// Reads `query` (lowercase, no blanks) as the pinyin of a run of the chars
/// in `region` (see [`write_readings`]): each char takes a whole reading,
/// or a beginning of one (initials, "zh", "zhan"), as pinyin input methods
/// accept. The best reading wins: a run from the first char before one
/// inside the name, then by [`Reads`].
pub(super) fn read_as_pinyin(query: &[u8], region: &str) -> Option<PinyinMatch> {
    let mut bodies = [""; MAX_READ_CHARS];
    let mut all_chars = 0;
    for (slot, (_, body)) in encoded_chars(region).enumerate() {
        if let Some(cell) = bodies.get_mut(slot) {
            *cell = body;
        }
        all_chars = slot + 1;
    }
    let chars = all_chars.min(MAX_READ_CHARS);
    if query.is_empty() || chars == 0 {
        return None;
    }
    let reader = Reader {
        query,
        bodies: &bodies[..chars],
        chars,
        whole_name: chars == all_chars,
    };
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        memo.clear();
        memo.resize((query.len() + 1) * (chars + 1), UNKNOWN);
        let mut best: Option<PinyinMatch> = None;
        for start in 0..chars {
            let begins = reader.of(start).any(|r| r.as_bytes().first() == query.first());
            if !begins {
                continue;
            }
            let Some((reads, end)) = reader.best(&mut memo, 0, start) else {
                continue;
            };
            let found = PinyinMatch {
                reads,
                start: u16::try_from(start).unwrap_or(u16::MAX),
                end: u16::try_from(end).unwrap_or(u16::MAX),
            };
            if best.is_none_or(|b| rank_key(found) < rank_key(b)) {
                best = Some(found);
            }
        }
        best
    })
}

/// Order of pinyin matches: a clean reading beats initials, and from the
/// first char beats one inside the name.
fn rank_key(m: PinyinMatch) -> (bool, bool, Reads, u16) {
    let mixed = matches!(m.reads, Reads::MixedWhole | Reads::Mixed);
    (mixed, m.start > 0, m.reads, m.start)
}

const UNKNOWN: u16 = 0;
const FAILS: u16 = 1;

struct Reader<'a> {
    query: &'a [u8],
    /// The readings of each char, as [`encoded_chars`] gives them.
    bodies: &'a [&'a str],
    chars: usize,
    /// The name is no longer than [`MAX_READ_CHARS`], so reaching the last
    /// char read is reaching the end of the name.
    whole_name: bool,
}

impl Reader<'_> {
    fn of(&self, char: usize) -> impl Iterator<Item = &str> {
        readings_of(self.bodies.get(char).copied().unwrap_or(""))
    }

    /// The best reading of `query[at..]` starting with char `char`, and the
    /// char after the last one it takes. Memoised by (at, char), so the work
    /// is bounded by query length × name length × readings per char.
    fn best(&self, memo: &mut [u16], at: usize, char: usize) -> Option<(Reads, usize)> {
        if at == self.query.len() {
            let whole = char == self.chars && self.whole_name;
            return Some((if whole { Reads::Whole } else { Reads::Prefix }, char));
        }
        if char >= self.chars {
            return None;
        }
        let slot = at * (self.chars + 1) + char;
        match memo.get(slot).copied() {
            Some(FAILS) => return None,
            Some(UNKNOWN) | None => {}
            Some(known) => return Some(decode(known)),
        }
        let rest = self.query.get(at..).unwrap_or(&[]);
        let mut best: Option<(Reads, usize)> = None;
        let mut consider = |found: (Reads, usize)| {
            if best.is_none_or(|b| found.0 < b.0) {
                best = Some(found);
            }
        };
        for reading in self.of(char) {
            let text = reading.as_bytes();
            // How many letters of this reading the query spells next.
            let common = text.iter().zip(rest).take_while(|(a, b)| a == b).count();
            if common == 0 {
                continue;
            }
            if common == text.len()
                && let Some(found) = self.best(memo, at + common, char + 1)
            {
                consider(found);
            }
            // Cut syllables: the query ends inside this one ("yinh"), or
            // goes on with the next char after a beginning of this one.
            let cut = common.min(text.len() - 1);
            if cut > 0 && at + cut == self.query.len() {
                consider((Reads::Prefix, char + 1));
            }
            for len in (1..=cut).rev() {
                if at + len == self.query.len() {
                    continue;
                }
                if let Some((_, end)) = self.best(memo, at + len, char + 1) {
                    let whole = end == self.chars && self.whole_name;
                    let mixed = if whole { Reads::MixedWhole } else { Reads::Mixed };
                    consider((mixed, end));
                }
            }
        }
        if let Some(cell) = memo.get_mut(slot) {
            *cell = best.map_or(FAILS, encode);
        }
        best
    }
}

fn encode((reads, end): (Reads, usize)) -> u16 {
    let end = u16::try_from(end).unwrap_or(u16::MAX / 4 - 1);
    2 + reads as u16 + 4 * end
}

fn decode(v: u16) -> (Reads, usize) {
    let v = v - 2;
    let reads = match v % 4 {
        0 => Reads::Whole,
        1 => Reads::Prefix,
        2 => Reads::MixedWhole,
        _ => Reads::Mixed,
    };
    (reads, usize::from(v / 4))
}
