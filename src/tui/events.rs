//! Terminal events into the model's messages.

use crate::app::keys::{Key, KeyCode};
use crate::app::msg::{Mouse, MouseKind, Msg};
use ratatui::crossterm::event::{
    Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

pub fn convert(event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_of(key).map(Msg::Key),
        Event::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Msg::Mouse(Mouse {
                kind,
                column: mouse.column,
                row: mouse.row,
            }))
        }
        Event::Resize(width, height) => Some(Msg::Resize(width, height)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        _ => None,
    }
}

fn key_of(event: KeyEvent) -> Option<Key> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let code = match event.code {
        // Shift is already in the character; Ctrl combinations are bound
        // by their lower-case letter.
        TermKey::Char(c) if ctrl || alt => KeyCode::Char(c.to_ascii_lowercase()),
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key { code, ctrl, alt })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    #[test]
    fn keys_arrive_in_the_keymap_vocabulary() {
        let press = |code, mods| convert(Event::Key(KeyEvent::new(code, mods)));
        let key = |m: Option<Msg>| match m {
            Some(Msg::Key(k)) => Some(k),
            _ => None,
        };
        assert_eq!(
            key(press(TermKey::Char('c'), KeyModifiers::CONTROL)),
            Some(Key::ctrl('c'))
        );
        assert_eq!(
            key(press(TermKey::Char('G'), KeyModifiers::SHIFT)),
            Some(Key::char('G'))
        );
        assert_eq!(
            key(press(TermKey::BackTab, KeyModifiers::SHIFT)),
            Some(Key::plain(KeyCode::BackTab))
        );
        assert_eq!(key(press(TermKey::CapsLock, KeyModifiers::NONE)), None);
    }

    #[test]
    fn a_paste_arrives_as_text_not_keys() {
        let msg = convert(Event::Paste("一\nq".into()));
        assert!(matches!(msg, Some(Msg::Paste(text)) if text == "一\nq"));
    }
}
