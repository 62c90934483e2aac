//! The one validation error of the domain: which field, which value, why.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid {
    pub field: String,
    pub value: String,
    pub reason: String,
}

impl Invalid {
    pub fn new(field: impl Into<String>, value: impl Into<String>, reason: impl Into<String>) -> Self {
        Invalid {
            field: field.into(),
            value: value.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The value is shown escaped so a control character in it cannot act on the terminal.
        write!(f, "invalid {} {:?}: {}", self.field, self.value, self.reason)
    }
}
