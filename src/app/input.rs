//! A one-line text field: the filter boxes, the palette and form fields.
//! Positions are in chars, so Chinese text edits one character at a time.

use super::keys::{Key, KeyCode};
use crate::domain::text::{sanitize_line, width};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Char index of the cursor, 0..=len.
    cursor: usize,
}

impl TextInput {
    pub fn new(text: &str) -> Self {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before the cursor (what an insertion follows).
    pub fn before_cursor(&self) -> &str {
        &self.text[..self.byte_at(self.cursor)]
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text);
    }

    pub fn clear(&mut self) {
        *self = TextInput::default();
    }

    /// Inserts `text` at the cursor and moves the cursor past it (a paste).
    pub fn insert(&mut self, text: &str) -> bool {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
        !text.is_empty()
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Applies an editing key; returns whether the text changed. Keys that
    /// only move the cursor return false but still take effect.
    pub fn handle(&mut self, key: Key) -> bool {
        if let Some(c) = key.text() {
            let at = self.byte_at(self.cursor);
            self.text.insert(at, c);
            self.cursor += 1;
            return true;
        }
        let len = self.len();
        match (key.code, key.ctrl) {
            (KeyCode::Backspace, _) | (KeyCode::Char('h'), true) if self.cursor > 0 => {
                self.remove(self.cursor - 1, self.cursor);
                true
            }
            (KeyCode::Delete, _) | (KeyCode::Char('d'), true) if self.cursor < len => {
                self.remove(self.cursor, self.cursor + 1);
                true
            }
            (KeyCode::Char('w'), true) => {
                let start = self.word_start();
                let changed = start < self.cursor;
                self.remove(start, self.cursor);
                changed
            }
            (KeyCode::Char('u'), true) => {
                let changed = self.cursor > 0;
                self.remove(0, self.cursor);
                changed
            }
            (KeyCode::Char('k'), true) => {
                let changed = self.cursor < len;
                self.remove(self.cursor, len);
                changed
            }
            (KeyCode::Left, _) | (KeyCode::Char('b'), true) => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            (KeyCode::Right, _) | (KeyCode::Char('f'), true) => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            (KeyCode::Home, _) | (KeyCode::Char('a'), true) => {
                self.cursor = 0;
                false
            }
            (KeyCode::End, _) => {
                self.cursor = len;
                false
            }
            _ => false,
        }
    }

    fn remove(&mut self, from: usize, to: usize) {
        let (a, b) = (self.byte_at(from), self.byte_at(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
    }

    /// Where Ctrl-W stops: the start of the word before the cursor.
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut i = chars.len();
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    /// The line (of the `\n`-separated ones) the cursor is on, by index,
    /// and that line as an input with the cursor where it is: a long field
    /// shows its lines one under the other, the cursor on its own.
    pub fn cursor_line(&self) -> (usize, TextInput) {
        let before = &self.text[..self.byte_at(self.cursor)];
        let index = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |b| before[..=b].chars().count());
        let line = self.text.split('\n').nth(index).unwrap_or("");
        let input = TextInput {
            text: line.to_string(),
            cursor: self.cursor - line_start,
        };
        (index, input)
    }

    /// The part to show in `cols` columns and the cursor's column in it:
    /// scrolled so the cursor stays visible, one line, controls neutralised.
    pub fn window(&self, cols: usize) -> (String, usize) {
        let cols = cols.max(1);
        let chars: Vec<char> = sanitize_line(&self.text).chars().collect();
        // The cursor after what is shown of the text before it: characters
        // the screen leaves out (a pasted zero-width space) take no place.
        let before = sanitize_line(&self.text[..self.byte_at(self.cursor)]).chars().count();
        let cursor = before.min(chars.len());
        let char_width = |c: char| width(c.encode_utf8(&mut [0; 4]));
        // Start far enough right that the cursor (and one cell after it)
        // fits: walked back from the cursor, so a pasted page of text costs
        // one pass, not one pass per character.
        let (mut start, mut cursor_col) = (cursor, 0);
        while let Some(&c) = start.checked_sub(1).and_then(|i| chars.get(i)) {
            if cursor_col + char_width(c) + 1 > cols {
                break;
            }
            cursor_col += char_width(c);
            start -= 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for &c in &chars[start..] {
            let w = char_width(c);
            if used + w > cols {
                break;
            }
            shown.push(c);
            used += w;
        }
        (shown, cursor_col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(keys: &[Key]) -> TextInput {
        let mut input = TextInput::default();
        for k in keys {
            input.handle(*k);
        }
        input
    }

    #[test]
    fn edits_by_character_including_chinese() {
        let c = Key::char;
        let mut input = typed(&[c('张'), c('三'), c('x')]);
        assert_eq!(input.text(), "张三x");
        input.handle(Key::plain(KeyCode::Backspace));
        input.handle(Key::plain(KeyCode::Home));
        input.handle(c('老'));
        assert_eq!(input.text(), "老张三");
        input.handle(Key::plain(KeyCode::End));
        input.handle(c(' '));
        input.handle(c('w'));
        input.handle(Key::ctrl('w'));
        assert_eq!(input.text(), "老张三 ");
        input.handle(Key::ctrl('u'));
        assert!(input.is_empty());
        assert!(!input.handle(Key::plain(KeyCode::Backspace)));
    }

    #[test]
    fn the_cursor_line_is_the_line_the_cursor_is_on() {
        let mut input = TextInput::new("第一行\nsecond\n第三行");
        assert_eq!(input.cursor_line().0, 2);
        assert_eq!(input.cursor_line().1.window(20), ("第三行".to_string(), 6));
        for _ in 0.."第三行".chars().count() + 2 {
            input.handle(Key::plain(KeyCode::Left));
        }
        let (index, line) = input.cursor_line();
        assert_eq!((index, line.text()), (1, "second"));
        assert_eq!(line.window(20), ("second".to_string(), 5));
    }

    #[test]
    fn window_keeps_the_cursor_visible_by_display_width() {
        let input = TextInput::new("张三李四王五");
        let (shown, col) = input.window(7);
        assert_eq!(shown, "四王五");
        assert_eq!(col, 6);
        let (shown, col) = TextInput::new("ab").window(10);
        assert_eq!((shown.as_str(), col), ("ab", 2));
        let (shown, _) = TextInput::new("a\u{1b}[31mb").window(10);
        assert!(!shown.contains('\u{1b}'));
    }

    #[test]
    fn a_pasted_page_of_text_shows_its_end_with_the_cursor() {
        // 300,000 characters: scrolling to the cursor one character at a
        // time summed the widths from there each time, and the screen froze.
        let input = TextInput::new(&format!("{}尾巴", "长文本 ".repeat(100_000)));
        assert_eq!(input.window(10), ("文本 尾巴".to_string(), 9));
        assert_eq!(TextInput::new("张三李四王五").window(7), ("四王五".to_string(), 6));
    }

    #[test]
    fn the_cursor_stays_after_the_character_it_follows_when_some_are_not_shown() {
        // Pasted text can hold what the screen leaves out (zero-width
        // spaces, a colour sequence): the cursor counts only what shows.
        let mut input = TextInput::default();
        input.insert("\u{200b}\u{200b}张三\u{1b}[31m李四");
        for _ in 0.."李四".chars().count() {
            input.handle(Key::plain(KeyCode::Left));
        }
        assert_eq!(input.window(20), ("张三李四".to_string(), 4));
        input.handle(Key::char('x'));
        assert_eq!(input.window(20), ("张三x李四".to_string(), 5));
    }
}
