//! A result row in engine-neutral form: columns are read as the values
//! both engines hold (integers, reals, text, bytes) and converted to Rust
//! types here, so a mapping function is written once for both engines.

use super::super::StoreError;

/// One column's value as read from the row, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl<'a> ValueRef<'a> {
    /// The text, if the value is text.
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            ValueRef::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// A row of a query's result.
pub struct Row<'r> {
    inner: Inner<'r>,
}

enum Inner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl<'r> Row<'r> {
    pub(super) fn sqlite(row: &'r rusqlite::Row<'r>) -> Row<'r> {
        Row {
            inner: Inner::Sqlite(row),
        }
    }

    pub(super) fn postgres(row: &'r postgres::Row) -> Row<'r> {
        Row {
            inner: Inner::Postgres(row),
        }
    }

    /// Column `index` (from 0) as `T`; a value `T` cannot hold is an error
    /// naming the column, never a panic.
    pub fn get<T: FromColumn>(&self, index: usize) -> Result<T, StoreError> {
        T::from_column(self.value(index)?).map_err(|why| column_error(index, &why))
    }

    /// A text or blob column's bytes as stored, without the check that text
    /// is UTF-8 (`None` for NULL or a number): for ASCII this program wrote
    /// and reads a byte at a time, such as a ticket's history.
    pub fn bytes(&self, index: usize) -> Result<Option<&[u8]>, StoreError> {
        use rusqlite::types::ValueRef as Sqlite;
        let value = match self.inner {
            Inner::Sqlite(row) => match row.get_ref(index)? {
                Sqlite::Text(bytes) | Sqlite::Blob(bytes) => return Ok(Some(bytes)),
                _ => return Ok(None),
            },
            Inner::Postgres(row) => super::pg::value(row, index)?,
        };
        Ok(match value {
            ValueRef::Text(text) => Some(text.as_bytes()),
            ValueRef::Blob(bytes) => Some(bytes),
            _ => None,
        })
    }

    /// Column `index` as it is stored. Text that is not UTF-8 (another
    /// program wrote it) comes as bytes, for the caller to read leniently or
    /// refuse.
    pub fn value(&self, index: usize) -> Result<ValueRef<'_>, StoreError> {
        use rusqlite::types::ValueRef as Sqlite;
        let row = match self.inner {
            Inner::Sqlite(row) => row,
            Inner::Postgres(row) => return super::pg::value(row, index),
        };
        Ok(match row.get_ref(index)? {
            Sqlite::Null => ValueRef::Null,
            Sqlite::Integer(i) => ValueRef::Integer(i),
            Sqlite::Real(f) => ValueRef::Real(f),
            Sqlite::Text(bytes) => std::str::from_utf8(bytes).map_or(ValueRef::Blob(bytes), ValueRef::Text),
            Sqlite::Blob(bytes) => ValueRef::Blob(bytes),
        })
    }
}

/// A column that cannot be read as the type asked for: the file holds what
/// this binary does not expect (a newer or damaged database).
pub fn column_error(index: usize, why: &str) -> StoreError {
    StoreError::Sqlite(format!("column {index}: {why}"))
}

/// A Rust type a column can be read as.
pub trait FromColumn: Sized {
    /// `Err` says why the value does not fit.
    fn from_column(value: ValueRef<'_>) -> Result<Self, String>;
}

fn unexpected(value: ValueRef<'_>, wanted: &str) -> String {
    let found = match value {
        ValueRef::Null => "null",
        ValueRef::Integer(_) => "an integer",
        ValueRef::Real(_) => "a real number",
        ValueRef::Text(_) => "text",
        ValueRef::Blob(_) => "bytes",
    };
    format!("{found} where {wanted} was expected")
}

impl FromColumn for i64 {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        match value {
            ValueRef::Integer(i) => Ok(i),
            other => Err(unexpected(other, "an integer")),
        }
    }
}

macro_rules! narrow_integers {
    ($($t:ty),*) => {$(
        impl FromColumn for $t {
            fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
                let wide = i64::from_column(value)?;
                <$t>::try_from(wide).map_err(|_| format!("{wide} is out of range for {}", stringify!($t)))
            }
        }
    )*};
}
narrow_integers!(i32, u32, u64, usize, u16, u8);

impl FromColumn for bool {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        Ok(i64::from_column(value)? != 0)
    }
}

impl FromColumn for f64 {
    /// Integers are read as reals too: an aggregate of integer columns
    /// (`avg`, `total`) may come back as either.
    #[allow(clippy::cast_precision_loss)]
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        match value {
            ValueRef::Real(f) => Ok(f),
            ValueRef::Integer(i) => Ok(i as f64),
            other => Err(unexpected(other, "a number")),
        }
    }
}

impl FromColumn for String {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        match value {
            ValueRef::Text(s) => Ok(s.to_string()),
            other => Err(unexpected(other, "text")),
        }
    }
}

impl FromColumn for Vec<u8> {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        match value {
            ValueRef::Blob(b) => Ok(b.to_vec()),
            ValueRef::Text(s) => Ok(s.as_bytes().to_vec()),
            other => Err(unexpected(other, "bytes")),
        }
    }
}

impl<T: FromColumn> FromColumn for Option<T> {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        match value {
            ValueRef::Null => Ok(None),
            other => T::from_column(other).map(Some),
        }
    }
}

impl FromColumn for super::Value {
    fn from_column(value: ValueRef<'_>) -> Result<Self, String> {
        Ok(match value {
            ValueRef::Null => super::Value::Null,
            ValueRef::Integer(i) => super::Value::Integer(i),
            ValueRef::Real(f) => super::Value::Real(f),
            ValueRef::Text(s) => super::Value::Text(s.to_string()),
            ValueRef::Blob(b) => super::Value::Blob(b.to_vec()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_convert_or_say_why_not() {
        assert_eq!(i64::from_column(ValueRef::Integer(-3)), Ok(-3));
        assert_eq!(u8::from_column(ValueRef::Integer(255)), Ok(255));
        assert!(
            u8::from_column(ValueRef::Integer(256))
                .unwrap_err()
                .contains("out of range")
        );
        assert!(u32::from_column(ValueRef::Integer(-1)).is_err());
        assert_eq!(bool::from_column(ValueRef::Integer(1)), Ok(true));
        assert_eq!(bool::from_column(ValueRef::Integer(0)), Ok(false));
        assert_eq!(f64::from_column(ValueRef::Integer(2)), Ok(2.0));
        assert_eq!(String::from_column(ValueRef::Text("回访")), Ok("回访".to_string()));
        assert_eq!(Option::<String>::from_column(ValueRef::Null), Ok(None));
        assert!(
            String::from_column(ValueRef::Integer(1))
                .unwrap_err()
                .contains("an integer where text")
        );
        assert!(i64::from_column(ValueRef::Null).is_err());
    }
}
