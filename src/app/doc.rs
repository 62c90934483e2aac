//! Scrolling documents (help, the customer card, the ticket page) as lines
//! of text with a theme role each. They are built here rather than in the
//! views so that `update` knows how long they are when it scrolls; the
//! views only paint them. Data text is neutralised on the way in.

use crate::app::navigation::LineTarget;
use crate::app::theme::Role;
use crate::domain::text::{sanitize_block, sanitize_line, width};

#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub text: String,
    pub role: Role,
}

pub fn piece(text: impl Into<String>, role: Role) -> Piece {
    Piece {
        text: text.into(),
        role,
    }
}

pub type Line = Vec<Piece>;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    pub lines: Vec<Line>,
    /// Columns available, for wrapping.
    pub width: usize,
    /// Lines that name a record, in the order they come: what `j`/`k`
    /// move between and `Enter` opens on a card or ticket page.
    pub links: Vec<(usize, LineTarget)>,
    /// The line drawn as selected (the link the cursor is on).
    pub selected: Option<usize>,
}

impl Doc {
    pub fn new(width: usize) -> Doc {
        Doc {
            lines: Vec::new(),
            width: width.max(10),
            links: Vec::new(),
            selected: None,
        }
    }

    /// The line numbers of the links, top first.
    pub fn link_lines(&self) -> Vec<usize> {
        self.links.iter().map(|(line, _)| *line).collect()
    }

    /// Shows the link at `index` (of [`Doc::links`]) as selected; the
    /// last one when the document has fewer links than it had.
    pub fn select_link(&mut self, index: usize) {
        self.selected = self
            .links
            .get(index.min(self.links.len().saturating_sub(1)))
            .map(|(line, _)| *line);
    }

    /// A line that names a record.
    pub fn push_link(&mut self, line: Line, target: impl Into<LineTarget>) {
        self.links.push((self.lines.len(), target.into()));
        self.lines.push(line);
    }

    /// A [`Doc::field`] whose value names a record: its first line is the link.
    pub fn field_link(&mut self, label: &str, value: &str, label_width: usize, target: impl Into<LineTarget>) {
        self.links.push((self.lines.len(), target.into()));
        self.field(label, value, label_width);
    }

    pub fn blank(&mut self) {
        self.lines.push(Vec::new());
    }

    pub fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.blank();
        }
        self.lines.push(vec![piece(sanitize_line(text), Role::Title)]);
    }

    pub fn push(&mut self, line: Line) {
        self.lines.push(line);
    }

    /// `label  value`, with the label in a column of `label_width`.
    pub fn field(&mut self, label: &str, value: &str, label_width: usize) {
        let label = crate::domain::text::fit(label, label_width);
        let value = sanitize_line(value);
        let rest = self.width.saturating_sub(label_width + 1).max(4);
        for (i, part) in wrap(&value, rest).into_iter().enumerate() {
            let head = if i == 0 { label.clone() } else { " ".repeat(label_width) };
            self.lines.push(vec![
                piece(head, Role::Muted),
                piece(" ", Role::Text),
                piece(part, Role::Text),
            ]);
        }
    }

    /// Free text (a description, a comment), wrapped and indented.
    pub fn paragraph(&mut self, text: &str, role: Role, indent: usize) {
        let clean = sanitize_block(text);
        for part in wrap(&clean, self.width.saturating_sub(indent).max(4)) {
            self.lines
                .push(vec![piece(" ".repeat(indent), Role::Text), piece(part, role)]);
        }
    }
}

/// Breaks text into lines of at most `cols` display columns: at a space
/// when the line has one, anywhere in Chinese text (which has no spaces).
pub fn wrap(text: &str, cols: usize) -> Vec<String> {
    let cols = cols.max(1);
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<char> = Vec::new();
        let mut used = 0;
        for c in paragraph.chars() {
            let w = width(c.encode_utf8(&mut [0; 4]));
            if used + w > cols && !line.is_empty() {
                if c == ' ' {
                    out.push(line.drain(..).collect());
                    used = 0;
                    continue;
                }
                match line.iter().rposition(|ch| *ch == ' ') {
                    Some(space) if space > 0 => {
                        let rest: Vec<char> = line.split_off(space + 1);
                        line.pop();
                        out.push(line.drain(..).collect());
                        line = rest;
                    }
                    _ => out.push(line.drain(..).collect()),
                }
                used = line.iter().map(|ch| width(ch.encode_utf8(&mut [0; 4]))).sum();
            }
            line.push(c);
            used += w;
        }
        out.push(line.into_iter().collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_words_and_chinese_by_width() {
        assert_eq!(wrap("the quick brown fox", 10), vec!["the quick", "brown fox"]);
        assert_eq!(
            wrap("产品质量问题需要尽快处理", 8),
            vec!["产品质量", "问题需要", "尽快处理"]
        );
        assert_eq!(wrap("a\n\nb", 5), vec!["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        for line in wrap("混合 text 和中文 mixed together 在一起", 7) {
            assert!(width(&line) <= 7, "{line:?}");
        }
    }
}
