//! What a use case can fail with; each kind maps to one CLI exit code. The
//! variants carry data (which record, which versions, which role); the CLI
//! and the terminal UI word them through the catalogue
//! (`crate::i18n::describe`), so nothing here is English for users.

use crate::domain::enums::Role;
use crate::domain::error::{Entity, Invalid};
use crate::store::{BusyError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: nothing was written.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// Bad rows of an import file, with their line numbers: nothing was written.
    #[error("invalid rows: {0:?}")]
    InvalidRows(Vec<(u64, Invalid)>),
    /// No record of this kind has this key (an id, a code, a name).
    #[error("{entity:?} {key} not found")]
    NotFound { entity: Entity, key: String },
    /// A stale edit: someone else changed the record first.
    #[error("{entity:?} {id} changed (expected version {expected}, now {actual})")]
    Conflict {
        entity: Entity,
        id: i64,
        expected: i64,
        actual: i64,
    },
    /// The agent's role does not allow this.
    #[error("{agent} acts as {role:?}; needs {needed:?}")]
    Forbidden { agent: String, role: Role, needed: Role },
    /// Not the caller's fault: I/O, a corrupt or foreign file.
    #[error("{0}")]
    Storage(StoreError),
    /// Saves that failed after the terminal UI had closed: what was typed
    /// is printed above, so nothing is lost, but the run did not succeed.
    #[error("{0} not saved")]
    NotSaved(usize),
    /// A mail server or mail command failed or refused (not the caller's
    /// fault): where, and what it said.
    #[error("{0}")]
    Mail(String),
    /// Reading an IMAP source failed (not the caller's fault), as data the
    /// edge words.
    #[error("{0:?}")]
    Imap(crate::domain::mail::imap_failure::ImapFailure),
    /// Writing the output failed (a full disk, a closed terminal); the OS's message.
    #[error("cannot write the output: {0}")]
    Output(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { entity, key } => Error::NotFound { entity, key },
            StoreError::Conflict {
                entity,
                id,
                expected,
                actual,
            } => Error::Conflict {
                entity,
                id,
                expected,
                actual,
            },
            StoreError::Invalid(invalid) => Error::Invalid(invalid),
            // The server refused what frontdesk itself would refuse: said
            // the same way, whoever `--agent` claimed to be.
            StoreError::NotPermitted {
                login,
                role: Some(role),
                needed: Some(needed),
                ..
            } => Error::Forbidden {
                agent: login,
                role,
                needed,
            },
            other => Error::Storage(other),
        }
    }
}

impl Error {
    /// The exit code of ../CLI.md for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid(_) | Error::InvalidRows(_) | Error::Forbidden { .. } => 2,
            // `copy` into a database that holds data: the caller's choice of DEST.
            Error::Storage(StoreError::NotEmpty { .. } | StoreError::AgentNotLogin { .. }) => 2,
            Error::Conflict { .. } => 3,
            // No database at the path given is a thing not found, as a record is.
            Error::NotFound { .. } | Error::Storage(StoreError::Missing { .. } | StoreError::Empty { .. }) => 4,
            // No database of that name on the server: `createdb` or `init` makes it.
            Error::Storage(StoreError::Postgres(failure)) if failure.is_not_found() => 4,
            Error::Storage(_) | Error::Output(_) | Error::NotSaved(_) | Error::Mail(_) | Error::Imap(_) => 1,
        }
    }
}

impl BusyError for Error {
    fn is_busy(&self) -> bool {
        matches!(self, Error::Storage(e) if e.is_busy())
    }
}
