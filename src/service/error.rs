//! What a use case can fail with; each kind maps to one CLI exit code.

use crate::domain::error::Invalid;
use crate::domain::excerpt::{VALUE_CHARS, excerpt};
use crate::store::{BusyError, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input: nothing was written.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// Bad rows of an import file, with their line numbers: nothing was written.
    #[error("{}", rows_message(.0))]
    InvalidRows(Vec<(u64, Invalid)>),
    #[error("{0}")]
    NotFound(String),
    /// A stale edit: someone else changed the record first.
    #[error("{0}")]
    Conflict(String),
    /// The agent's role does not allow this.
    #[error("{0}")]
    Forbidden(String),
    /// Not the caller's fault: I/O, a corrupt or foreign file.
    #[error("{0}")]
    Storage(StoreError),
    /// Saves that failed after the terminal UI had closed: what was typed
    /// is printed above, so nothing is lost, but the run did not succeed.
    #[error("{} not saved; what was typed is printed above", forms(*.0))]
    NotSaved(usize),
    /// Writing the output failed (a full disk, a closed terminal).
    #[error("cannot write the output: {0}")]
    Output(String),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } | StoreError::Missing { .. } | StoreError::Empty { .. } => {
                Error::NotFound(e.to_string())
            }
            StoreError::Conflict { .. } => Error::Conflict(e.to_string()),
            StoreError::Invalid(invalid) => Error::Invalid(invalid),
            other => Error::Storage(other),
        }
    }
}

impl Error {
    /// The exit code of ../CLI.md for this failure.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Invalid(_) | Error::InvalidRows(_) | Error::Forbidden(_) => 2,
            Error::Conflict(_) => 3,
            Error::NotFound(_) => 4,
            Error::Storage(_) | Error::Output(_) | Error::NotSaved(_) => 1,
        }
    }
}

impl BusyError for Error {
    fn is_busy(&self) -> bool {
        matches!(self, Error::Storage(e) if e.is_busy())
    }
}

fn forms(count: usize) -> String {
    match count {
        1 => "1 form".to_string(),
        n => format!("{n} forms"),
    }
}

fn rows_message(rows: &[(u64, Invalid)]) -> String {
    // A value from the file is quoted short: a row may hold megabytes.
    let lines: Vec<String> = rows
        .iter()
        .map(|(line, e)| {
            let value = excerpt(&e.value, VALUE_CHARS);
            format!("line {line}: {}", Invalid { value, ..e.clone() })
        })
        .collect();
    format!("nothing imported; fix these rows first:\n  {}", lines.join("\n  "))
}
