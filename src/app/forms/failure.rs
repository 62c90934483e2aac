//! Why a save failed and why a field is marked, as data: the form's view
//! words them through the catalogue (`model.strings`), and the form finds
//! the field to mark from the data, never from a message's words.

use crate::domain::error::{Entity, Invalid, Reason};
use crate::i18n::Strings;
use crate::service::Error;

/// Why a save failed, as the form shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Invalid(Invalid),
    /// Someone else changed the record first.
    Conflict(Conflict),
    NotFound {
        entity: Entity,
        key: String,
    },
    /// Anything else (storage, a refused role), already worded: the
    /// service's error cannot be cloned into a message (it may hold an OS
    /// error), and the process speaks the terminal UI's language.
    Other(String),
}

impl Failure {
    /// The service's error as the form needs it; what the form does not act
    /// on is worded now, in the process's language (the terminal UI's).
    pub fn of(e: Error) -> Failure {
        let s = crate::i18n::get();
        match e {
            Error::Invalid(invalid) => Failure::Invalid(invalid),
            Error::NotFound { entity, key } => Failure::NotFound { entity, key },
            Error::Conflict {
                entity,
                id,
                expected,
                actual,
            } => Failure::Conflict(Conflict {
                entity,
                id,
                expected,
                actual,
            }),
            other => Failure::Other(crate::i18n::describe(&other, s)),
        }
    }

    /// The whole failure in one line.
    pub fn describe(&self, s: &Strings) -> String {
        match self {
            Failure::Invalid(invalid) => crate::i18n::describe_invalid(invalid, s),
            Failure::NotFound { entity, key } => crate::i18n::not_found(*entity, key, s),
            Failure::Conflict(c) => crate::i18n::describe(&c.error(), s),
            Failure::Other(text) => text.clone(),
        }
    }
}

/// Which record changed under a save, and its versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    pub entity: Entity,
    pub id: i64,
    pub expected: i64,
    pub actual: i64,
}

impl Conflict {
    fn error(self) -> Error {
        Error::Conflict {
            entity: self.entity,
            id: self.id,
            expected: self.expected,
            actual: self.actual,
        }
    }
}

/// Why a field is marked.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldError {
    Invalid(Reason),
    /// The record the field names does not exist.
    NotFound {
        entity: Entity,
        key: String,
    },
}

impl FieldError {
    pub fn describe(&self, s: &Strings) -> String {
        match self {
            FieldError::Invalid(reason) => crate::i18n::describe_reason(reason, s),
            FieldError::NotFound { entity, key } => crate::i18n::not_found(*entity, key, s),
        }
    }
}

/// The form field that names a record of `entity`, by its service key.
pub fn field_of(entity: Entity) -> Option<&'static str> {
    match entity {
        Entity::Customer => Some("customer"),
        Entity::Ticket => Some("ticket"),
        Entity::Order => Some("order"),
        Entity::Article => Some("kb"),
        _ => None,
    }
}
