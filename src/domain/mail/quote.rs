//! A mail text split into what the sender wrote now and the history their
//! mail program quoted under it. The ticket page shows the new text and
//! folds the history to one line: a thread of ten replies otherwise repeats
//! every earlier message ten times.
//!
//! What counts as history, from the first of these to the end:
//! - the separators mail programs put above a quoted message: Outlook's
//!   `-----Original Message-----` (or its header block `From: … Sent: …`),
//!   QQ/Foxmail's `------------------ 原始邮件 ------------------`, Gmail's
//!   `---------- Forwarded message ---------`;
//! - a trailing block of `>` lines, with the attribution line before it
//!   ("On … wrote:", "… 写道：", "在 … 写道："). `>` lines with new text
//!   after them are an answer written between the quotes and stay.

/// The two parts of a mail text: both borrow from it, trimmed of the blank
/// lines between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    pub new: &'a str,
    pub quoted: &'a str,
}

impl Split<'_> {
    /// Lines of the quoted history (0: none), for the folded line.
    pub fn quoted_lines(&self) -> usize {
        if self.quoted.is_empty() {
            0
        } else {
            self.quoted.lines().count()
        }
    }
}

/// Splits `text` where its quoted history starts; all of it is new when it
/// quotes nothing.
pub fn split(text: &str) -> Split<'_> {
    let lines = line_starts(text);
    let start = separator_at(&lines).into_iter().chain(trailing_quote_at(&lines)).min();
    match start {
        Some(i) => {
            let at = lines[i].0;
            Split {
                new: text[..at].trim_end(),
                quoted: text[at..].trim(),
            }
        }
        None => Split {
            new: text.trim_end(),
            quoted: "",
        },
    }
}

/// Each line's start offset and its text without the line break.
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        out.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    out
}

fn is_quoted(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('>') || t.starts_with('＞')
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// A line of dashes (or underscores) around a word, as mail programs draw
/// their separators: `-----Original Message-----`.
fn dashed(line: &str, words: &[&str]) -> bool {
    let t = line.trim();
    let inner = t.trim_matches(|c: char| c == '-' || c == '_' || c == ' ' || c == '—');
    t.len() > inner.len() + 3 && words.iter().any(|w| inner.eq_ignore_ascii_case(w))
}

const SEPARATOR_WORDS: &[&str] = &[
    "Original Message",
    "Original",
    "原始邮件",
    "原始郵件",
    "Forwarded message",
    "转发邮件",
    "已转发邮件",
    "轉寄郵件",
];

/// Outlook's header block without a separator: `From:` (or 发件人) with a
/// `Sent:`/`Date:` (发送时间, 日期) within the next lines.
fn header_block(lines: &[(usize, &str)], i: usize) -> bool {
    let starts = |line: &str, keys: &[&str]| {
        let t = line.trim_start().trim_start_matches('*');
        keys.iter().any(|k| t.starts_with(k))
    };
    starts(lines[i].1, &["From:", "发件人:", "发件人：", "寄件者:", "寄件者："])
        && lines[i + 1..].iter().take(4).any(|(_, l)| {
            starts(
                l,
                &["Sent:", "Date:", "发送时间:", "发送时间：", "日期:", "日期：", "時間:"],
            )
        })
}

/// The first separator line; Outlook draws a rule of underscores above its
/// header block, and the rule goes with it.
fn separator_at(lines: &[(usize, &str)]) -> Option<usize> {
    (0..lines.len())
        .find(|&i| dashed(lines[i].1, SEPARATOR_WORDS) || header_block(lines, i))
        .map(|i| match i.checked_sub(1) {
            Some(above) if is_rule(lines[above].1) => above,
            _ => i,
        })
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 8 && t.chars().all(|c| c == '_' || c == '-')
}

/// An attribution line: "On Mon, 1 Dec 2026, Zhang <z@x.cn> wrote:",
/// "张三 <z@x.cn> 于2026年12月1日 写道：", "在 2026-12-01，张三 写道：".
fn attribution(line: &str) -> bool {
    let t = line.trim().trim_end_matches(['：', ':']).trim_end();
    t.ends_with("wrote") || t.ends_with("写道") || t.ends_with("寫道") || t.ends_with("schrieb")
}

/// Where a block of `>` lines that runs to the end starts, with its
/// attribution line (and the first line of one wrapped over two) before it.
fn trailing_quote_at(lines: &[(usize, &str)]) -> Option<usize> {
    let last = lines.iter().rposition(|(_, l)| !blank(l))?;
    if !is_quoted(lines[last].1) {
        return None;
    }
    let mut start = last;
    while start > 0 && (is_quoted(lines[start - 1].1) || blank(lines[start - 1].1)) {
        start -= 1;
    }
    while start < last && blank(lines[start].1) {
        start += 1;
    }
    let mut above = start;
    while above > 0 && blank(lines[above - 1].1) {
        above -= 1;
    }
    if above > 0 && attribution(lines[above - 1].1) {
        start = above - 1;
        // "On Mon, 1 Dec 2026 at 10:00, Zhang San <" / "z@x.cn> wrote:"
        let first = lines[start].1.trim_start();
        let opens = |l: &str| {
            let l = l.trim_start();
            l.starts_with("On ") || l.starts_with("在")
        };
        if !opens(first) && start > 0 && opens(lines[start - 1].1) {
            start -= 1;
        }
    }
    Some(start)
}

#[cfg(test)]
#[path = "quote_tests.rs"]
mod tests;
