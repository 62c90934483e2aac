//! Long text in the user's `$EDITOR` (`$VISUAL` first, `vi` otherwise).

use std::io::Write;
use std::process::Command;

/// Writes `text` to a private temporary file, lets the editor change it,
/// and reads it back. The terminal must be given back around this call.
pub fn edit(text: &str) -> Result<String, String> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .ok()
        .filter(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
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
