//! Saved views: a named filter-language query (`view add`), shipped with a
//! few every desk needs. The query is kept as typed and checked by the
//! filter language when it is saved; this module knows only names.

use super::error::Invalid;
use super::text::sanitize_line;
use super::validate;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The longest view name, in characters: it is shown in the views bar.
pub const NAME_MAX: usize = 40;
/// The longest saved query, in characters.
pub const QUERY_MAX: usize = 500;

/// The views frontdesk ships, by their stable keys. Their display names
/// come from the catalogue, in the interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Builtin {
    Mine,
    Unassigned,
    Breached,
    Waiting,
    ComplaintsWeek,
}

impl Builtin {
    pub const ALL: [Builtin; 5] = [
        Builtin::Mine,
        Builtin::Unassigned,
        Builtin::Breached,
        Builtin::Waiting,
        Builtin::ComplaintsWeek,
    ];

    /// The key stored in `views.builtin` and typed as `--view KEY`.
    pub fn key(self) -> &'static str {
        match self {
            Builtin::Mine => "mine",
            Builtin::Unassigned => "unassigned",
            Builtin::Breached => "breached",
            Builtin::Waiting => "waiting",
            Builtin::ComplaintsWeek => "complaints-week",
        }
    }

    pub fn from_key(key: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.key() == key)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedView {
    /// As typed for a view an agent added; the key for a shipped one.
    pub name: String,
    pub query: String,
    /// The order of the views bar.
    pub position: i64,
    pub builtin: Option<Builtin>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// A view's name as typed: required and short. It is kept as it is shown
/// (what would act on a terminal dropped), so that the name `view list`
/// prints is the one `--view` and `view remove` take.
pub fn check_name(name: &str) -> Result<String, Invalid> {
    let typed = validate::required("name", name, NAME_MAX)?;
    validate::required("name", &sanitize_line(&typed), NAME_MAX)
}

/// A view's query as typed: required and not too long; the filter language
/// checks its terms.
pub fn check_query(query: &str) -> Result<String, Invalid> {
    validate::required("query", query, QUERY_MAX)
}

/// Whether `typed` names a view called `name`, letter case aside, as the
/// table's NOCASE key compares (Chinese names compare as they are).
/// Both are compared as shown, so a name saved with a terminal control
/// before names were cleaned is still found by what `view list` prints.
pub fn same_name(typed: &str, name: &str) -> bool {
    sanitize_line(typed).trim().to_lowercase() == sanitize_line(name).trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_queries_are_checked() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("  VIP 投诉 ", Ok("VIP 投诉")),
            ("", Err("name")),
            ("   ", Err("name")),
            ("nul\0byte", Err("name")),
            ("e\x1b[31mv\x1b[0m", Ok("ev")),
            ("\x1b[31m", Err("name")),
            (&"长".repeat(NAME_MAX + 1), Err("name")),
        ];
        for (typed, want) in cases {
            let got = check_name(typed);
            match want {
                Ok(name) => assert_eq!(got.as_deref(), Ok(*name), "{typed:?}"),
                Err(field) => assert_eq!(got.unwrap_err().field, *field, "{typed:?}"),
            }
        }
        assert_eq!(check_query(" kind:complaint ").unwrap(), "kind:complaint");
        assert_eq!(check_query("").unwrap_err().field, "query");
    }

    #[test]
    fn every_builtin_key_reads_back() {
        for b in Builtin::ALL {
            assert_eq!(Builtin::from_key(b.key()), Some(b));
        }
        assert_eq!(Builtin::from_key("Mine"), None);
        assert!(same_name(" MY Queue", "my queue"));
        assert!(!same_name("我的", "我的工单"));
        assert!(same_name("ev", "e\x1b[31mv"));
    }
}
