//! A short, safe quotation of text that came from a file: messages about a
//! bad file quote a few dozen characters of it, never the whole content
//! (a 10 MB line would otherwise be printed back to the user).

use super::text::sanitize_line;

/// How many characters of a bad value a message quotes.
pub const VALUE_CHARS: usize = 80;
/// How long one message about a file may get.
pub const MESSAGE_CHARS: usize = 300;

/// `text` made safe for a terminal and cut to at most about `max`
/// characters: its start and its end, with `…` and the full length between,
/// so a message still shows what the value looked like and where it ended.
pub fn excerpt(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return sanitize_line(text).into_owned();
    }
    let head: String = text.chars().take(max * 2 / 3).collect();
    let tail: String = text.chars().skip(count - max / 3).collect();
    format!("{}…[{count} characters]…{}", sanitize_line(&head), sanitize_line(&tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_keeps_its_ends_and_says_how_long_it_was() {
        let cases = [
            ("short", 10, "short"),
            ("0123456789", 10, "0123456789"),
            ("0123456789abcdef", 6, "0123…[16 characters]…ef"),
            ("长长长长长长长长长", 3, "长长…[9 characters]…长"),
            ("\u{1b}]0;title\u{7}", 80, ""),
        ];
        for (text, max, expected) in cases {
            assert_eq!(excerpt(text, max), expected, "{text:?}");
        }
        let huge = "x".repeat(1 << 20);
        assert!(excerpt(&huge, VALUE_CHARS).chars().count() < VALUE_CHARS + 30);
    }
}
