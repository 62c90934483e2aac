//! What the full-text index holds and how a user's text becomes a query.
//!
//! SQLite's FTS5 tokenizers find English words but not Chinese ones (a run of
//! Han characters is one token), so frontdesk writes the index text itself,
//! in three columns, and FTS5 only splits them on spaces:
//! - `words`: the text with every CJK character blanked out; the table's
//!   `porter unicode61 remove_diacritics 2` tokenizer makes English matching
//!   case-insensitive and maps word forms (refunds, refunded) to one stem;
//! - `cjk1`: every CJK character on its own, for one-character terms;
//! - `cjk2`: the overlapping pairs of each CJK run, for two-character terms;
//!   a longer term is the phrase of its pairs (`北京华联` = `"北京 京华 华联"`).
//!
//! Runs are kept apart in `cjk2` by a separator token, so the phrase of a
//! three-character term never matches the end of one run and the start of
//! the next (`北京，京华` must not match `北京华`).

use super::text::sanitize_line;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Written between CJK runs in `cjk2`. A digit: never a CJK pair, so no
/// query ever asks for it.
const RUN_SEPARATOR: &str = "0";

/// Han ideographs (with extension A and the compatibility block), kana and
/// hangul: scripts written without spaces between words, indexed by
/// character and pair.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'      // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'    // extension A
        | '\u{4E00}'..='\u{9FFF}'    // unified ideographs
        | '\u{AC00}'..='\u{D7AF}'    // hangul syllables
        | '\u{F900}'..='\u{FAFF}'    // compatibility ideographs
        | '\u{20000}'..='\u{2FA1F}') // extensions B–F, compatibility supplement
}

/// The three index columns of one record, built from any number of texts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexText {
    pub words: String,
    pub cjk1: String,
    pub cjk2: String,
}

impl IndexText {
    pub fn of(texts: &[&str]) -> IndexText {
        let mut out = IndexText::default();
        for text in texts {
            out.add(text);
        }
        out
    }

    /// Appends one text; texts never join into one word or one CJK run.
    /// Terminal controls are dropped first, so the words indexed are the
    /// ones the screen shows (`\e[31mRED` is found by `red`).
    pub fn add(&mut self, text: &str) {
        let text = crate::domain::text::sanitize_line(text);
        let mut previous: Option<char> = None;
        if !self.words.is_empty() {
            self.words.push(' ');
        }
        for c in text.chars() {
            if is_cjk(c) {
                // One space for a whole run keeps the words apart.
                if previous.is_none() {
                    self.words.push(' ');
                }
                push_token(&mut self.cjk1, c.encode_utf8(&mut [0; 4]));
                match previous {
                    Some(p) => {
                        let mut pair = String::with_capacity(8);
                        pair.push(p);
                        pair.push(c);
                        push_token(&mut self.cjk2, &pair);
                    }
                    // A new run: keep it apart from the one before.
                    None if !self.cjk2.is_empty() => push_token(&mut self.cjk2, RUN_SEPARATOR),
                    None => {}
                }
                previous = Some(c);
            } else {
                self.words.push(c);
                previous = None;
            }
        }
    }
}

fn push_token(column: &mut String, token: &str) {
    if !column.is_empty() {
        column.push(' ');
    }
    column.push_str(token);
}

/// One required part of a search: a Latin word or a run of CJK characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Cjk(String),
}

/// Splits what the user typed into terms, in order, each required:
/// `iPhone照片 refund` is `iPhone`, `照片`, `refund`. Punctuation and FTS5
/// syntax (`"`, `*`, `-`, `:`) only separate terms. Repeats are dropped.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut current = String::new();
    let mut current_cjk = false;
    let finish = |current: &mut String, cjk: bool, out: &mut Vec<Term>| {
        if current.is_empty() {
            return;
        }
        let taken = std::mem::take(current);
        let term = if cjk { Term::Cjk(taken) } else { Term::Word(taken) };
        if !out.contains(&term) {
            out.push(term);
        }
    };
    for c in text.chars() {
        let cjk = is_cjk(c);
        if cjk || c.is_alphanumeric() {
            if !current.is_empty() && cjk != current_cjk {
                finish(&mut current, current_cjk, &mut out);
            }
            current_cjk = cjk;
            current.push(c);
        } else {
            finish(&mut current, current_cjk, &mut out);
        }
    }
    finish(&mut current, current_cjk, &mut out);
    out
}

/// Which index columns a term is looked up in; a table may hold the same
/// three columns more than once (the subject apart from the rest).
pub struct Columns<'a> {
    pub words: &'a [&'a str],
    pub cjk1: &'a [&'a str],
    pub cjk2: &'a [&'a str],
}

/// The FTS5 MATCH expression requiring every term, or None when `text` has
/// no term. Every term is a quoted FTS5 string (it holds only letters and
/// digits anyway), so nothing the user types is read as query syntax.
pub fn match_expression(text: &str, columns: &Columns) -> Option<String> {
    let parts: Vec<String> = terms(text)
        .iter()
        .map(|term| match term {
            Term::Word(word) => filtered(columns.words, &quoted(word)),
            Term::Cjk(run) => {
                let chars: Vec<char> = run.chars().collect();
                if chars.len() == 1 {
                    filtered(columns.cjk1, &quoted(run))
                } else {
                    let pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
                    filtered(columns.cjk2, &quoted(&pairs.join(" ")))
                }
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn filtered(columns: &[&str], phrase: &str) -> String {
    format!("{{{}}} : {phrase}", columns.join(" "))
}

/// PostgreSQL's twin of [`Columns`]: the tsvector weights of a record's
/// words (the index keeps each part of a record under its own weight).
/// Only a word that is also a token of the CJK side — the run separator —
/// is limited to them: every other word and CJK token is found under its
/// own weights alone, and a weight the GIN index cannot check makes the
/// server read every matching row again (a search of a common CJK word in
/// the demo's 200k tickets took 86 ms with the limit, 36 without).
pub struct Weights<'a> {
    pub words: &'a str,
}

/// How a term's text is normalised on PostgreSQL: English words stemmed
/// like the index's words (`frontdesk_words`), CJK tokens as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TsConfig {
    Words,
    Simple,
}

impl TsConfig {
    pub fn name(self) -> &'static str {
        match self {
            TsConfig::Words => "frontdesk_words",
            TsConfig::Simple => "simple",
        }
    }
}

/// One required term as `to_tsquery` text, with the configuration to
/// read it with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsTerm {
    pub config: TsConfig,
    pub query: String,
}

/// The PostgreSQL twin of [`match_expression`], from the same terms: a
/// word, a CJK character, or the phrase (`<->`) of a longer run's pairs
/// (see [`Weights`] for the one word limited to its weights). Terms hold only letters and digits (see
/// [`terms`]), so nothing the user types is read as tsquery syntax. Empty
/// when `text` has no term.
pub fn ts_terms(text: &str, weights: &Weights) -> Vec<TsTerm> {
    terms(text)
        .iter()
        .map(|term| match term {
            Term::Word(word) => TsTerm {
                config: TsConfig::Words,
                query: if word == RUN_SEPARATOR {
                    format!("{word}:{}", weights.words)
                } else {
                    word.clone()
                },
            },
            Term::Cjk(run) => {
                let chars: Vec<char> = run.chars().collect();
                let tokens: Vec<String> = if chars.len() == 1 {
                    vec![run.clone()]
                } else {
                    chars.windows(2).map(|w| w.iter().collect()).collect()
                };
                TsTerm {
                    config: TsConfig::Simple,
                    query: tokens.join(" <-> "),
                }
            }
        })
        .collect()
}

/// The `words` index text as FTS5's unicode61 tokenizer reads it: runs of
/// letters and digits, one space apart. PostgreSQL's parser would
/// otherwise keep `a@b.com`, `12.5` or `e-mail` whole as one token, which
/// the terms `b`, `12` or `mail` (found on SQLite) would then miss.
pub fn separated_words(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for run in words.split(|c: char| !c.is_alphanumeric()).filter(|r| !r.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(run);
    }
    out
}

/// The stem an English word's forms share, enough to find it in a text for
/// display (`refunded`, `refunds` → `refund`); the index itself uses the
/// Porter stemmer. Lower case.
fn display_stem(word: &str) -> String {
    let lower = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = lower.strip_suffix(suffix)
            && stem.chars().count() >= 3
        {
            return stem.to_string();
        }
    }
    lower
}

/// Where the first term of `text` occurs in `haystack`: byte range. English
/// words match case-insensitively at the start of a word, by their stem.
fn first_match(haystack: &str, text: &str) -> Option<(usize, usize)> {
    let lower = haystack.to_lowercase();
    // Lowercasing may change byte lengths (rarely): only use it when it did not.
    let searchable = if lower.len() == haystack.len() {
        lower.as_str()
    } else {
        haystack
    };
    let mut best: Option<(usize, usize)> = None;
    for term in terms(text) {
        let found = match &term {
            Term::Cjk(run) => searchable.find(run.as_str()).map(|at| (at, at + run.len())),
            Term::Word(word) => {
                let stem = display_stem(word);
                searchable.match_indices(stem.as_str()).find_map(|(at, _)| {
                    let starts_word = searchable[..at]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric() || is_cjk(c));
                    starts_word.then(|| {
                        let end = searchable[at..]
                            .char_indices()
                            .find(|(_, c)| !c.is_alphanumeric() || is_cjk(*c))
                            .map_or(searchable.len(), |(i, _)| at + i);
                        (at, end)
                    })
                })
            }
        };
        if let Some(found) = found
            && best.is_none_or(|b| found.0 < b.0)
        {
            best = Some(found);
        }
    }
    best
}

/// How wide a snippet may get, in display columns.
pub const SNIPPET_COLUMNS: usize = 80;
/// How much of the text before a match a snippet keeps, in display columns.
const LEAD_COLUMNS: usize = 24;

/// A one-line excerpt of the first of `texts` that contains a term of
/// `text`, around that match: safe for a terminal, at most `SNIPPET_COLUMNS`
/// wide, with `…` where it was cut. None when no text contains a term.
pub fn snippet(texts: &[&str], text: &str) -> Option<String> {
    texts.iter().find_map(|haystack| {
        let (start, end) = first_match(haystack, text)?;
        let line = sanitize_line(haystack);
        // Sanitising may change lengths; find the match again in the clean line.
        let matched = sanitize_line(&haystack[start..end]).into_owned();
        let at = line.find(matched.trim()).unwrap_or(0);
        Some(window(&line, at))
    })
}

/// The part of `line` around byte `at` that fits the snippet width.
fn window(line: &str, at: usize) -> String {
    let mut begin = at;
    let mut lead = 0;
    for (i, c) in line[..at].char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if lead + w > LEAD_COLUMNS {
            break;
        }
        lead += w;
        begin = i;
    }
    let cut_before = begin > 0;
    let budget = SNIPPET_COLUMNS - usize::from(cut_before);
    let rest = &line[begin..];
    let cut_after = UnicodeWidthStr::width(rest) > budget;
    // Leave a column for the `…` when the rest does not fit.
    let room = if cut_after { budget - 1 } else { budget };
    let mut used = 0;
    let mut end = begin;
    for (i, c) in rest.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = begin + i + c.len_utf8();
    }
    let mut out = String::new();
    if cut_before {
        out.push('…');
    }
    out.push_str(line[begin..end].trim());
    if cut_after {
        out.push('…');
    }
    out
}

#[cfg(test)]
#[path = "fulltext_tests.rs"]
mod tests;
