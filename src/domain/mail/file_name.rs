//! An attachment's name made safe to write under: the sender chooses it,
//! so as given it could climb out of the folder (`../../.bashrc`), name an
//! absolute path, hide itself (`.profile`), or carry control characters.

use crate::domain::text::sanitize_line;

/// Bytes kept of a name: file systems allow 255, and a path is built around it.
const MAX_BYTES: usize = 200;

/// The last component of `name` with controls, separators and characters
/// Windows refuses replaced, no leading dots or trailing spaces and dots,
/// at most [`MAX_BYTES`]; "attachment" when nothing is left.
pub fn clean(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or("");
    let visible = sanitize_line(last);
    let mut out: String = visible
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    out = out
        .trim()
        .trim_start_matches('.')
        .trim_end_matches(['.', ' '])
        .to_string();
    if out.len() > MAX_BYTES {
        // Keep the extension: it is what tells the file's type.
        let ext = out.rfind('.').map(|i| out[i..].to_string()).filter(|e| e.len() <= 16);
        let ext = ext.unwrap_or_default();
        let mut cut = MAX_BYTES - ext.len();
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out = format!("{}{ext}", &out[..cut]);
    }
    if out.is_empty() { "attachment".to_string() } else { out }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn names_from_mail_never_leave_the_folder() {
        let cases = [
            ("发票.pdf", "发票.pdf"),
            ("../../.bashrc", "bashrc"),
            ("/etc/passwd", "passwd"),
            ("C:\\Windows\\win.ini", "win.ini"),
            ("..", "attachment"),
            ("", "attachment"),
            ("a\u{1b}[2Jb.txt", "ab.txt"),
            ("x\ny.txt", "x y.txt"),
            ("what?.doc", "what_.doc"),
            ("  报价单 .xlsx. ", "报价单 .xlsx"),
            ("\u{202e}fdp.exe", "fdp.exe"),
        ];
        for (given, want) in cases {
            assert_eq!(clean(given), want, "{given:?}");
        }
    }

    #[test]
    fn long_names_keep_their_extension_and_whole_characters() {
        let long = format!("{}.pdf", "报".repeat(100));
        let cleaned = clean(&long);
        assert!(cleaned.len() <= 200, "{}", cleaned.len());
        assert!(cleaned.ends_with("报.pdf"), "{cleaned}");
    }
}
