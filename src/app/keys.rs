//! Keys as the keymap names them (`j`, `<C-c>`, `<S-Tab>`, `g g`), with no
//! terminal library in sight: the `tui` driver converts its events into
//! these, so the model can be driven by plain key sequences in tests.

use crate::i18n::Strings;
use std::fmt;

/// A key without modifiers; shifted letters are their upper-case char.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

impl KeyCode {
    /// The name the catalogue keys this key's label by; `None` for a
    /// character, which is its own label.
    pub fn stable_name(self) -> Option<&'static str> {
        Some(match self {
            KeyCode::Char(' ') => "space",
            KeyCode::Char(_) | KeyCode::F(_) => return None,
            KeyCode::Enter => "enter",
            KeyCode::Esc => "esc",
            KeyCode::Tab => "tab",
            KeyCode::BackTab => "backtab",
            KeyCode::Backspace => "backspace",
            KeyCode::Delete => "delete",
            KeyCode::Up => "up",
            KeyCode::Down => "down",
            KeyCode::Left => "left",
            KeyCode::Right => "right",
            KeyCode::Home => "home",
            KeyCode::End => "end",
            KeyCode::PageUp => "pageup",
            KeyCode::PageDown => "pagedown",
        })
    }
}

/// One key press: a code and the Ctrl / Alt modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

/// Names of the special keys in the keymap syntax, without the angle brackets.
const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("S-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Space", KeyCode::Char(' ')),
    ("lt", KeyCode::Char('<')),
];

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// A printable character typed without Ctrl or Alt: text for an input field.
    pub fn text(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.ctrl && !self.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }

    /// Parses one key: `a`, `A`, `/`, `<Enter>`, `<C-c>`, `<A-x>`, `<S-Tab>`, `<F5>`.
    pub fn parse(text: &str) -> Option<Key> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control() && !c.is_whitespace()).then_some(Key::char(c));
        }
        let inner = text.strip_prefix('<')?.strip_suffix('>')?;
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = inner;
        loop {
            if let Some(r) = rest.strip_prefix("C-") {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("A-") {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        key.code = if let Some((_, code)) = NAMED.iter().find(|(name, _)| *name == rest) {
            *code
        } else if let Some(n) = rest.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            if !(1..=24).contains(&n) {
                return None;
            }
            KeyCode::F(n)
        } else {
            let mut it = rest.chars();
            match (it.next(), it.next()) {
                // Ctrl and Alt combinations are matched on the lower-case letter.
                (Some(c), None) if (key.ctrl || key.alt) && !c.is_control() => KeyCode::Char(c.to_ascii_lowercase()),
                _ => return None,
            }
        };
        Some(key)
    }

    /// The name of this key for the footer and help, in the catalogue's words.
    pub fn label(&self, s: &Strings) -> String {
        let mut out = String::new();
        if self.ctrl {
            out.push_str(s.key_ctrl);
        }
        if self.alt {
            out.push_str(s.key_alt);
        }
        let named = |code: KeyCode| {
            let key = code.stable_name()?;
            s.key_names
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, label)| *label)
        };
        match self.code {
            KeyCode::F(n) => out.push_str(&format!("F{n}")),
            code => match named(code) {
                Some(name) => out.push_str(name),
                None => {
                    if let KeyCode::Char(c) = code {
                        out.push(c);
                    }
                }
            },
        }
        out
    }
}

impl fmt::Display for Key {
    /// The keymap syntax, as a user would write it in the config file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = NAMED.iter().find(|(_, c)| *c == self.code).map(|(n, _)| *n);
        match (self.code, name, self.ctrl || self.alt) {
            (KeyCode::Char(c), None, false) => write!(f, "{c}"),
            (code, name, _) => {
                f.write_str("<")?;
                if self.ctrl {
                    f.write_str("C-")?;
                }
                if self.alt {
                    f.write_str("A-")?;
                }
                match (code, name) {
                    (_, Some(name)) => f.write_str(name)?,
                    (KeyCode::F(n), None) => write!(f, "F{n}")?,
                    (KeyCode::Char(c), None) => write!(f, "{c}")?,
                    _ => {}
                }
                f.write_str(">")
            }
        }
    }
}

/// A key sequence as written in the keymap: keys separated by spaces (`g g`).
pub fn parse_sequence(text: &str) -> Option<Vec<Key>> {
    let keys: Option<Vec<Key>> = text.split_whitespace().map(Key::parse).collect();
    keys.filter(|k| !k.is_empty() && k.len() <= 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_the_keymap_syntax() {
        let cases = [
            ("j", Some(Key::char('j'))),
            ("G", Some(Key::char('G'))),
            ("/", Some(Key::char('/'))),
            ("<C-c>", Some(Key::ctrl('c'))),
            ("<C-C>", Some(Key::ctrl('c'))),
            ("<Enter>", Some(Key::plain(KeyCode::Enter))),
            ("<S-Tab>", Some(Key::plain(KeyCode::BackTab))),
            ("<Space>", Some(Key::char(' '))),
            ("<F5>", Some(Key::plain(KeyCode::F(5)))),
            ("<F99>", None),
            ("<Nope>", None),
            ("<C-", None),
            ("ab", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(Key::parse(text), want, "{text:?}");
        }
        for text in ["j", "<C-c>", "<Enter>", "<PageDown>", "<A-x>", "<F2>", "<Space>"] {
            assert_eq!(Key::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(parse_sequence("g g"), Some(vec![Key::char('g'), Key::char('g')]));
        assert_eq!(parse_sequence("g <Bad>"), None);
        assert_eq!(parse_sequence("  "), None);
    }
}
