//! Text that is safe to put on a terminal and that lines up in columns.
//!
//! Customer data comes from e-mails, imports and other people's systems, so
//! it can carry escape sequences that recolour the screen, retitle the
//! window, plant hyperlinks or reorder text. Everything shown goes through
//! [`sanitize_line`] or [`sanitize_block`] first.

use std::borrow::Cow;
use std::iter::Peekable;
use std::str::Chars;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Tab stops used when a multi-line body is expanded. Terminals use 8, but
/// the bodies are shown in narrow panes where 8 wastes too much room.
const TAB_WIDTH: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 string terminator, the 8-bit form of `ESC \`.
const ST: char = '\u{9c}';

/// Neutralises anything that could act on a terminal: C0 controls (except none — \n and \t become a space in single-line use), DEL, C1 controls (U+0080–U+009F), ESC sequences (CSI/OSC/DCS… removed whole, e.g. "\x1b[31m", "\x1b]0;title\x07", "\x1b]8;;url\x1b\\"), bidi overrides (U+202A–U+202E, U+2066–U+2069) and other invisible format characters; line and paragraph separators (U+2028, U+2029, NEL) break lines like \n. Returns Cow to avoid allocating for clean text.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    sanitize(s, false)
}

/// Same but keeps \n (for multi-line bodies); \r\n and bare \r become \n; tabs become spaces.
///
/// Tabs are expanded to the next multiple of four columns, so text that was
/// aligned with tabs stays aligned (CJK characters count as two columns).
pub fn sanitize_block(s: &str) -> Cow<'_, str> {
    sanitize(s, true)
}

/// Line and paragraph separators (and NEL, a C1 control): line breaks by
/// their meaning, but one column wide to the width tables while terminals
/// break the line, draw nothing or a box — the cells after them would not
/// be where the screen was told. They become line breaks like `\n`.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Invisible format characters (Unicode's Cf) and the Hangul fillers.
/// Bidi embeddings, overrides and isolates among them reorder the text
/// around them and can make a line show something other than what it
/// contains; the others (zero-width spaces and marks, the soft hyphen, the
/// byte-order mark, prepended number signs, tags) are drawn as nothing, a
/// blank or a box depending on the terminal. All go. The zero-width joiner
/// stays: it holds emoji sequences (👨‍👩‍👧) together, and the width rule
/// counts such a sequence as one character.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{600}'..='\u{605}'
            | '\u{61C}'
            | '\u{6DD}'
            | '\u{70F}'
            | '\u{890}'..='\u{891}'
            | '\u{8E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200C}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// A character a terminal cannot be trusted to draw as the width tables
/// say: controls, line separators and invisible format characters. No
/// sanitized text contains one (but `\n` in a block).
pub fn is_unsafe_for_terminal(c: char) -> bool {
    c.is_control() || is_line_separator(c) || is_invisible_format(c)
}

/// Whether `c` cannot be copied to the output as it is. A zero-width
/// joiner is looked at in its place: it stays only inside an emoji sequence.
fn needs_work(c: char, block: bool) -> bool {
    match c {
        '\n' => !block,
        ZWJ => true,
        c => is_unsafe_for_terminal(c),
    }
}

const ZWJ: char = '\u{200D}';

/// Characters an emoji ZWJ sequence is made of (👨‍👩‍👧, 🏳️‍🌈, ❤️‍🔥):
/// pictographs, and the emoji presentation selector after one. A joiner
/// anywhere else joins nothing, and terminals that glue the next
/// character onto the cell before it shift the rest of the line.
fn joins_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{2300}'..='\u{23FF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{FE0F}' | '\u{1F000}'..='\u{1FAFF}'
    )
}

fn sanitize(s: &str, block: bool) -> Cow<'_, str> {
    // Most text is clean: checking first avoids an allocation per cell.
    if !s.chars().any(|c| needs_work(c, block)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    // Display column within the current line, for tab stops.
    let mut col = 0usize;
    let mut chars = s.chars().peekable();
    // Set when a string sequence ended at an ESC that starts another
    // sequence; handled by this loop rather than by recursion, so a long
    // run of nested introducers cannot exhaust the stack.
    let mut pending_esc = false;
    loop {
        let c = if pending_esc {
            pending_esc = false;
            ESC
        } else {
            match chars.next() {
                Some(c) => c,
                None => break,
            }
        };
        match c {
            ESC => pending_esc = skip_escape(&mut chars),
            // 8-bit CSI, and the 8-bit introducers of string sequences (DCS,
            // SOS, OSC, PM, APC): some terminals honour them in UTF-8 too.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                pending_esc = skip_string(&mut chars);
            }
            c if c == '\r' || c == '\n' || is_line_separator(c) => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if block { '\n' } else { ' ' });
                col = 0;
            }
            '\t' => {
                let n = if block { TAB_WIDTH - col % TAB_WIDTH } else { 1 };
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            ZWJ => {
                let between_emoji = out.chars().next_back().is_some_and(joins_emoji)
                    && chars
                        .peek()
                        .is_some_and(|&next| next != '\u{FE0F}' && joins_emoji(next));
                if between_emoji {
                    out.push(ZWJ);
                }
            }
            c if is_unsafe_for_terminal(c) => {}
            c => {
                out.push(c);
                col += c.width().unwrap_or(0);
            }
        }
    }
    Cow::Owned(out)
}

/// Skips what follows an ESC. Returns true when it stopped at another ESC
/// that the caller must treat as the start of a new sequence.
fn skip_escape(chars: &mut Peekable<Chars<'_>>) -> bool {
    match chars.peek().copied() {
        // A lone trailing ESC: nothing more to remove.
        None => false,
        Some('[') => {
            chars.next();
            skip_csi(chars);
            false
        }
        // OSC, DCS, SOS, PM, APC carry a payload up to a terminator.
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars)
        }
        // nF sequences (charset selection like `ESC ( B`): intermediates,
        // then one final byte.
        Some('\u{20}'..='\u{2f}') => {
            while chars.next_if(|c| matches!(c, '\u{20}'..='\u{2f}')).is_some() {}
            chars.next_if(|c| matches!(c, '\u{30}'..='\u{7e}'));
            false
        }
        // Two-character sequences: `ESC 7`, `ESC c` (reset), `ESC =`, a
        // stray `ESC \`…
        Some('\u{30}'..='\u{7e}') => {
            chars.next();
            false
        }
        // ESC before anything else (text, another control) starts nothing:
        // only the ESC goes, the next char is handled normally.
        Some(_) => false,
    }
}

/// Skips the parameters and final byte of a control sequence (`ESC [ … m`).
/// A sequence broken by a char that cannot belong to it ends there and
/// that char is kept, as a terminal would show it.
fn skip_csi(chars: &mut Peekable<Chars<'_>>) {
    // Parameter bytes 0x30–0x3F and intermediate bytes 0x20–0x2F.
    while chars.next_if(|c| matches!(c, '\u{20}'..='\u{3f}')).is_some() {}
    chars.next_if(|c| matches!(c, '\u{40}'..='\u{7e}'));
}

/// Skips the payload of a string sequence (OSC, DCS, …) and its terminator:
/// BEL, `ESC \` or the C1 ST. Returns true when an ESC that is not part of a
/// terminator ended it (it starts a new sequence, as in a terminal).
///
/// An unterminated payload ends at the end of its line: the introducer is
/// already gone so the rest is inert, and a stray `ESC ]` must not swallow
/// a whole multi-line body.
fn skip_string(chars: &mut Peekable<Chars<'_>>) -> bool {
    while let Some(&c) = chars.peek() {
        match c {
            '\n' | '\r' => return false,
            BEL | ST => {
                chars.next();
                return false;
            }
            ESC => {
                chars.next();
                return chars.next_if_eq(&'\\').is_none();
            }
            _ => {
                chars.next();
            }
        }
    }
    false
}

/// Display width (CJK = 2 columns) via unicode-width.
///
/// Expects sanitized text: control characters have no meaningful width.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts to at most `max` columns, ending in '…' when cut; never splits a wide char (pad nothing).
///
/// Nor does it split a character from the marks that combine with it, or an
/// emoji sequence (👨‍👩‍👧, 👍🏽, 🇨🇳) into its parts.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    // No room even for the ellipsis.
    let Some(budget) = max.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let mut end = 0;
    let mut used = 0;
    while end < s.len() {
        let next = cluster_end(s, end);
        let w = s.get(end..next).map_or(0, width);
        if used + w > budget {
            break;
        }
        used += w;
        end = next;
    }
    let mut kept = s.get(..end).unwrap_or("");
    // Widths depend on context (a ligature, a variation selector), so the
    // sum over the pieces may differ from the width of the whole; back off
    // until the whole fits. Rarely runs more than once.
    while width(kept) > budget {
        let mut it = kept.chars();
        it.next_back();
        kept = it.as_str();
    }
    let mut out = String::with_capacity(kept.len() + '…'.len_utf8());
    out.push_str(kept);
    out.push('…');
    Cow::Owned(out)
}

/// Byte offset where the cluster of chars starting at `start` ends: a
/// character and the zero-width marks, joiners, emoji modifiers or second
/// regional indicator that a terminal draws together with it. An
/// approximation of grapheme clusters that is enough for cutting safely.
fn cluster_end(s: &str, start: usize) -> usize {
    let rest = s.get(start..).unwrap_or("");
    let mut it = rest.char_indices();
    let Some((_, first)) = it.next() else {
        return s.len();
    };
    let regional = |c: char| matches!(c, '\u{1F1E6}'..='\u{1F1FF}');
    let mut prev = first;
    let mut paired_flag = false;
    for (i, c) in it {
        let joins = c.width() == Some(0)
            || prev == '\u{200D}'
            || matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
            || (regional(first) && regional(c) && !paired_flag);
        if !joins {
            return start + i;
        }
        paired_flag |= regional(c);
        prev = c;
    }
    s.len()
}

/// truncate then pad with spaces to exactly `cols` columns (for table cells).
pub fn fit(s: &str, cols: usize) -> String {
    let cut = truncate(s, cols);
    let pad = cols.saturating_sub(width(&cut));
    let mut out = String::with_capacity(cut.len() + pad);
    out.push_str(&cut);
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// Masks for screen sharing: phone "13812345678" → "138****5678", email "zhang.san@example.com" → "z*******@example.com" (keep domain), short values masked sensibly.
///
/// Only digits are masked; separators stay so the value still looks like a
/// phone number. At least half of the digits are always hidden: 10 digits or
/// more keep the first 3 and last 4, 7–9 keep the last 4, 4–6 the last 2,
/// and shorter values are hidden whole. A value with no digit is hidden
/// whole. The input is sanitized first, as the result is meant for display.
pub fn mask_phone(s: &str) -> String {
    let clean = sanitize_line(s);
    let value = clean.trim();
    let digits = value.chars().filter(|c| c.is_numeric()).count();
    if digits == 0 {
        return value.chars().map(|c| if c.is_whitespace() { c } else { '*' }).collect();
    }
    let (head, tail) = match digits {
        0..=3 => (0, 0),
        4..=6 => (0, 2),
        7..=9 => (0, 4),
        _ => (3, 4),
    };
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if !c.is_numeric() {
                return c;
            }
            let keep = seen < head || seen + tail >= digits;
            seen += 1;
            if keep { c } else { '*' }
        })
        .collect()
}

/// Masks for screen sharing: phone "13812345678" → "138****5678", email "zhang.san@example.com" → "z*******@example.com" (keep domain), short values masked sensibly.
///
/// The part before the last '@' always becomes eight characters, so its
/// length is not shown either: its first character and seven stars, or
/// eight stars when it has fewer than three characters (one of two would
/// give half of it away). A value without '@' is masked like that part.
pub fn mask_email(s: &str) -> String {
    const MASKED_LEN: usize = 8;
    let clean = sanitize_line(s);
    let value = clean.trim();
    let (local, domain) = match value.rfind('@') {
        Some(at) => (value.get(..at).unwrap_or(""), value.get(at..).unwrap_or("")),
        None => (value, ""),
    };
    if local.is_empty() {
        return value.to_string();
    }
    let mut out = String::with_capacity(MASKED_LEN + domain.len());
    let mut masked = 0;
    if local.chars().count() >= 3
        && let Some(first) = local.chars().next()
    {
        out.push(first);
        masked += 1;
    }
    out.extend(std::iter::repeat_n('*', MASKED_LEN - masked));
    out.push_str(domain);
    out
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
