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
    /// Someone else changed the record; the text says which.
    Conflict(String),
    NotFound {
        entity: Entity,
        key: String,
    },
    /// Anything else (storage, a refused role), already worded.
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
            conflict @ Error::Conflict { .. } => Failure::Conflict(crate::i18n::describe(&conflict, s)),
            other => Failure::Other(crate::i18n::describe(&other, s)),
        }
    }

    /// The whole failure in one line.
    pub fn describe(&self, s: &Strings) -> String {
        match self {
            Failure::Invalid(invalid) => crate::i18n::describe_invalid(invalid, s),
            Failure::NotFound { entity, key } => crate::i18n::not_found(*entity, key, s),
            Failure::Conflict(text) | Failure::Other(text) => text.clone(),
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
