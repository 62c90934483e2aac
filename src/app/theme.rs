//! Styles by meaning: views ask for `Role::Breached`, never for red. The
//! embedded `assets/theme.toml` is the default; the user's `[theme]` table
//! changes single attributes of single roles.

use crate::config::Places;
use crate::i18n;
use crate::i18n::fill;
use ratatui::style::{Color, Modifier, Style};
use std::path::Path;

pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// Declares the roles with their names in the theme file.
macro_rules! roles {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role { $($variant),+ }

        impl Role {
            pub const ALL: &'static [Role] = &[$(Role::$variant),+];

            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => $name),+ }
            }
        }
    };
}

roles! {
    Text => "text",
    Muted => "muted",
    Title => "title",
    Border => "border",
    BorderFocused => "border_focused",
    Selected => "selected",
    SelectedUnfocused => "selected_unfocused",
    Header => "header",
    Key => "key",
    Hint => "hint",
    Match => "match",
    Error => "error",
    Notice => "notice",
    Input => "input",
    Running => "running",
    AtRisk => "at_risk",
    Breached => "breached",
    Paused => "paused",
    Met => "met",
    Missed => "missed",
    Urgent => "urgent",
    High => "high",
    TierHighValue => "tier_high_value",
    TierPotential => "tier_potential",
    TierAtRisk => "tier_at_risk",
    TierStandard => "tier_standard",
    Inbound => "inbound",
    Outbound => "outbound",
    Note => "note",
    Event => "event",
}

#[derive(Debug, Clone)]
pub struct Theme {
    styles: Vec<Style>,
    pub warnings: Vec<String>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::load(&Places::new(Path::new("theme.toml")), None)
    }
}

const MODIFIERS: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underline", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
];

impl Theme {
    /// The defaults with `user` (the `[theme]` table of `file`) over them.
    pub fn load(file: &Places, user: Option<&toml::Value>) -> Theme {
        let mut merged: toml::Table = toml::from_str(DEFAULT_THEME).unwrap_or_default();
        let mut warnings = Vec::new();
        if let Some(user) = user.and_then(toml::Value::as_table) {
            for (name, value) in user {
                let file_name = file.of(&format!("theme.{name}"));
                if Role::ALL.iter().any(|r| r.name() == name) {
                    let mut one = toml::Table::new();
                    one.insert(name.clone(), value.clone());
                    crate::config::merge(&mut merged, one);
                } else {
                    let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
                    warnings.push(fill(
                        i18n::get().warn_unknown_role,
                        &[("file", &file_name), ("role", name), ("known", &known.join(", "))],
                    ));
                }
            }
        }
        let styles = Role::ALL
            .iter()
            .map(|role| match merged.get(role.name()) {
                Some(value) => {
                    let file_name = file.of(&format!("theme.{}", role.name()));
                    style_of(value, role.name(), &file_name, &mut warnings)
                }
                None => Style::default(),
            })
            .collect();
        Theme { styles, warnings }
    }

    pub fn style(&self, role: Role) -> Style {
        self.styles.get(role as usize).copied().unwrap_or_default()
    }

    /// For `NO_COLOR`: every colour goes, the attributes stay, and the roles
    /// that were told apart by colour alone get an attribute instead.
    pub fn without_color(&self) -> Theme {
        let styles = Role::ALL
            .iter()
            .map(|role| {
                let s = self.style(*role);
                let plain = Style::default().add_modifier(s.add_modifier - s.sub_modifier);
                let extra = match role {
                    Role::Selected | Role::Header | Role::Input => Modifier::REVERSED,
                    Role::Match | Role::Key => Modifier::UNDERLINED,
                    Role::Breached | Role::Urgent | Role::Error | Role::BorderFocused => Modifier::BOLD,
                    Role::Muted | Role::Border | Role::Met => Modifier::DIM,
                    _ => Modifier::empty(),
                };
                plain.add_modifier(extra)
            })
            .collect();
        Theme {
            styles,
            warnings: self.warnings.clone(),
        }
    }
}

/// A role's table (or a bare colour string, meaning `fg`) as a style; a bad
/// attribute is reported and left out.
fn style_of(value: &toml::Value, role: &str, file: &str, warnings: &mut Vec<String>) -> Style {
    let s = i18n::get();
    let mut style = Style::default();
    let table = match value {
        toml::Value::String(_) => {
            let mut t = toml::Table::new();
            t.insert("fg".into(), value.clone());
            t
        }
        toml::Value::Table(t) => t.clone(),
        _ => {
            warnings.push(fill(
                s.warn_bad_attribute,
                &[("file", file), ("role", role), ("attribute", "*")],
            ));
            return style;
        }
    };
    for (attr, v) in &table {
        match (attr.as_str(), v) {
            ("fg" | "bg", v) => match colour(v) {
                Some(c) if attr == "fg" => style = style.fg(c),
                Some(c) => style = style.bg(c),
                None => warnings.push(fill(
                    s.warn_bad_colour,
                    &[
                        ("file", file),
                        ("role", role),
                        ("attribute", attr),
                        ("value", &v.to_string()),
                    ],
                )),
            },
            (name, toml::Value::Boolean(on)) if MODIFIERS.iter().any(|(n, _)| *n == name) => {
                let m = MODIFIERS
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(Modifier::empty(), |(_, m)| *m);
                style = if *on {
                    style.add_modifier(m)
                } else {
                    style.remove_modifier(m)
                };
            }
            _ => warnings.push(fill(
                s.warn_bad_attribute,
                &[("file", file), ("role", role), ("attribute", attr)],
            )),
        }
    }
    style
}

fn colour(v: &toml::Value) -> Option<Color> {
    match v {
        toml::Value::String(text) => text.parse().ok(),
        toml::Value::Integer(n) => u8::try_from(*n).ok().map(Color::Indexed),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> Theme {
        let table: toml::Table = toml::from_str(text).unwrap();
        Theme::load(&Places::new(Path::new("my.toml")), table.get("theme"))
    }

    #[test]
    fn defaults_cover_every_role_without_warnings() {
        let theme = Theme::default();
        assert!(theme.warnings.is_empty(), "{:?}", theme.warnings);
        let defaults: toml::Table = toml::from_str(DEFAULT_THEME).unwrap();
        for role in Role::ALL {
            assert!(defaults.contains_key(role.name()), "{role:?}");
        }
        assert_eq!(theme.style(Role::Breached).fg, Some(Color::LightRed));
    }

    #[test]
    fn user_changes_one_attribute_and_bad_values_are_reported() {
        let theme = user(
            "[theme]\nbreached = { fg = \"magenta\" }\nmuted = \"#101010\"\nrunning = { fg = \"greenish\" }\n\
             glow = { fg = \"red\" }\nmet = { blink = true }\n",
        );
        let breached = theme.style(Role::Breached);
        assert_eq!(breached.fg, Some(Color::Magenta));
        assert!(
            breached.add_modifier.contains(Modifier::BOLD),
            "bold kept from the default"
        );
        assert_eq!(theme.style(Role::Muted).fg, Some(Color::Rgb(16, 16, 16)));
        assert_eq!(theme.style(Role::Running).fg, None, "the bad colour is left out");
        let all = theme.warnings.join("\n");
        for needle in ["my.toml: theme.running.fg", "greenish", "theme.glow", "theme.met.blink"] {
            assert!(all.contains(needle), "{needle} missing in:\n{all}");
        }
    }

    #[test]
    fn no_color_keeps_attributes_only() {
        let theme = Theme::default().without_color();
        for role in Role::ALL {
            let s = theme.style(*role);
            assert_eq!((s.fg, s.bg), (None, None), "{role:?}");
        }
        assert!(theme.style(Role::Selected).add_modifier.contains(Modifier::REVERSED));
    }
}
