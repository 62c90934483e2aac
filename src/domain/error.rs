//! The one validation error of the domain: which field, which value, why.
//! The reason is data ([`Reason`]); the CLI and the terminal UI word it in
//! the user's language (`crate::i18n::describe`).

pub use super::reason::*;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid {
    /// A stable English key: the option or column the user typed.
    pub field: String,
    pub value: String,
    pub reason: Reason,
}

impl Invalid {
    pub fn new(field: impl Into<String>, value: impl Into<String>, reason: Reason) -> Self {
        Invalid {
            field: field.into(),
            value: value.into(),
            reason,
        }
    }
}

/// For logs and debugging only: users read the catalogue's wording.
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} {:?}: {:?}", self.field, self.value, self.reason)
    }
}
