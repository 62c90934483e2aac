//! The terminal UI's own settings, the `[keymap]` and `[theme]` tables of
//! the same file as the core settings. The core settings (`config/`) leave
//! these tables unchecked in [`Deferred`]; they are read and checked here,
//! on the UI's side, so the core builds without ratatui and without the
//! UI's vocabulary of actions and keys.

use super::keymap::Keymap;
use super::theme::Theme;
use crate::config::Deferred;

#[derive(Debug, Clone)]
pub struct TuiSettings {
    pub keymap: Keymap,
    pub theme: Theme,
}

impl TuiSettings {
    /// The user's tables over the embedded defaults. A bad entry becomes a
    /// warning naming the file, line and key, and its default stays.
    pub fn load(deferred: &Deferred) -> TuiSettings {
        TuiSettings {
            keymap: Keymap::load(deferred.places(), deferred.get("keymap")),
            theme: Theme::load(deferred.places(), deferred.get("theme")),
        }
    }

    /// What was wrong with the keymap and the theme, in that order.
    pub fn warnings(&self) -> impl Iterator<Item = &String> {
        self.keymap.warnings.iter().chain(&self.theme.warnings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn keymap_and_theme_keep_their_own_checks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[theme]\nglow = { fg = \"red\" }\n[keymap]\nsidebar = []\n").unwrap();
        let loaded = Config::load(&path);
        // The core settings leave both tables to the UI: no problem there.
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let settings = TuiSettings::load(&loaded.deferred);
        // Their problems name the line of the table they are about.
        let theme = settings.theme.warnings.join("\n");
        assert!(theme.contains("config.toml:2: theme.glow"), "{theme}");
        let keymap = settings.keymap.warnings.join("\n");
        assert!(keymap.contains("config.toml:4: keymap.sidebar"), "{keymap}");
        assert_eq!(settings.warnings().count(), 2);
    }

    #[test]
    fn without_a_file_the_embedded_defaults_are_clean() {
        let settings = TuiSettings::load(&Deferred::default());
        assert_eq!(settings.warnings().count(), 0);
    }
}
