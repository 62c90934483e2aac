//! Long text in the user's `$EDITOR` (`$VISUAL` first, `vi` otherwise):
//! for a form field in the terminal UI, and for `ticket reply|note` from
//! the shell.

use std::io::Write;
use std::process::Command;

/// The editor the user named, if any: `$VISUAL`, then `$EDITOR`.
pub fn chosen() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|e| !e.trim().is_empty())
}

/// The command that [`edit`] runs.
pub fn command() -> String {
    chosen().unwrap_or_else(|| "vi".to_string())
}

/// Writes `text` to a private temporary file, lets the editor change it,
/// and reads it back. The terminal must be given back around this call.
pub fn edit(text: &str) -> Result<String, String> {
    let editor = command();
    let path = std::env::temp_dir().join(format!(
        "frontdesk-{}-{}.txt",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    // The text may be a customer's personal data.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = (|| {
        let mut file = options.open(&path).map_err(|e| e.to_string())?;
        file.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        drop(file);
        // "code --wait" and the like: the first word is the program.
        let mut words = editor.split_whitespace();
        let program = words.next().unwrap_or("vi");
        let status = Command::new(program)
            .args(words)
            .arg(&path)
            .status()
            .map_err(|e| format!("{program}: {e}"))?;
        if !status.success() {
            return Err(format!("{program}: {status}"));
        }
        std::fs::read_to_string(&path).map_err(|e| e.to_string())
    })();
    let _ = std::fs::remove_file(&path);
    result
}

/// What the user wrote under a `git commit`-style template: lines starting
/// with `#` left out, trailing blank lines and spaces trimmed, the lines
/// in between kept as written.
pub fn without_comments(text: &str) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(str::trim_end)
        .collect();
    kept.join("\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::without_comments;

    #[test]
    fn comment_lines_go_and_the_other_lines_stay() {
        for (written, kept) in [
            ("", ""),
            ("\n# Write the reply\n# more\n", ""),
            ("已安排换货\n# Write the reply\n", "已安排换货"),
            ("line one\n\nline three  \n# c\n\n", "line one\n\nline three"),
            ("  # not a comment: indented\n", "# not a comment: indented"),
            ("a\r\nb\r\n", "a\nb"),
        ] {
            assert_eq!(without_comments(written), kept, "{written:?}");
        }
    }
}
