//! The seam between the store's queries and a database engine.
//!
//! Every query of the store goes through [`Db`] and [`Stmt`]: SQL with
//! numbered `?N` parameters, values as [`Params`], rows read through
//! [`Row`]. Nothing here names an engine's types to the code above, so a
//! query and its row mapping are written once and run on either engine;
//! where the dialects differ, the store keeps each engine's SQL side by
//! side.

mod param;
mod row;

pub(crate) use param::params;
pub use param::{ParamRef, Params, ToParam, Value};
pub use row::{Row, ValueRef, column_error};

use super::StoreError;
use rusqlite::types::{ToSqlOutput, ValueRef as SqliteValue};

/// A connection inside a transaction (see [`super::Tx`]): runs statements.
#[derive(Clone, Copy)]
pub struct Db<'c> {
    conn: &'c rusqlite::Connection,
}

impl<'c> Db<'c> {
    pub(super) fn sqlite(conn: &'c rusqlite::Connection) -> Db<'c> {
        Db { conn }
    }

    /// `sql` prepared once per connection and kept (the statement cache):
    /// for the fixed statements of the store.
    pub fn prepare(&self, sql: &str) -> Result<Stmt<'c>, StoreError> {
        Ok(Stmt {
            conn: self.conn,
            inner: Inner::Cached(self.conn.prepare_cached(sql)?),
        })
    }

    /// `sql` prepared for this use only: for statements built at run time,
    /// which would only crowd the cache.
    pub fn prepare_once(&self, sql: &str) -> Result<Stmt<'c>, StoreError> {
        Ok(Stmt {
            conn: self.conn,
            inner: Inner::Once(self.conn.prepare(sql)?),
        })
    }

    /// Runs a statement that returns no rows; how many rows it changed.
    pub fn execute(&self, sql: &str, params: impl Params) -> Result<usize, StoreError> {
        self.prepare(sql)?.execute(params)
    }

    /// Runs an `INSERT` into a table keyed by `id`; the new row's id.
    pub fn insert(&self, sql: &str, params: impl Params) -> Result<i64, StoreError> {
        self.prepare(sql)?.insert(params)
    }

    /// Runs an `INSERT` that may insert nothing (a name already taken);
    /// the new row's id when it inserted one.
    pub fn insert_new(&self, sql: &str, params: impl Params) -> Result<Option<i64>, StoreError> {
        self.prepare(sql)?.insert_new(params)
    }

    /// The first row, mapped; a query that returns none is an error.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.prepare(sql)?.query_row(params, map)
    }

    /// The first row, mapped, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        self.prepare(sql)?.query_opt(params, map)
    }

    /// Every row, mapped.
    pub fn query_map<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        self.prepare(sql)?.query_map(params, map)
    }

    /// Hands each row to `each` as it is read, without collecting them.
    pub fn query_each<E: From<StoreError>>(
        &self,
        sql: &str,
        params: impl Params,
        each: impl FnMut(&Row) -> Result<(), E>,
    ) -> Result<(), E> {
        self.prepare(sql)?.query_each(params, each)
    }
}

/// A prepared statement.
pub struct Stmt<'c> {
    conn: &'c rusqlite::Connection,
    inner: Inner<'c>,
}

enum Inner<'c> {
    Cached(rusqlite::CachedStatement<'c>),
    Once(rusqlite::Statement<'c>),
}

impl<'c> Stmt<'c> {
    fn statement(&mut self) -> &mut rusqlite::Statement<'c> {
        match &mut self.inner {
            Inner::Cached(stmt) => stmt,
            Inner::Once(stmt) => stmt,
        }
    }

    /// Binds every parameter, after checking there are as many as the
    /// statement numbers (a mismatch is the store's bug, reported, not
    /// silently bound as null).
    fn bind(&mut self, params: &impl Params) -> Result<(), StoreError> {
        let stmt = self.statement();
        let wanted = stmt.parameter_count();
        if params.count() != wanted {
            return Err(StoreError::Sqlite(format!(
                "{} parameters given for a statement of {wanted}",
                params.count()
            )));
        }
        for index in 0..wanted {
            stmt.raw_bind_parameter(index + 1, Bound(params.at(index)))?;
        }
        Ok(())
    }

    pub fn execute(&mut self, params: impl Params) -> Result<usize, StoreError> {
        self.bind(&params)?;
        Ok(self.statement().raw_execute()?)
    }

    pub fn insert(&mut self, params: impl Params) -> Result<i64, StoreError> {
        self.execute(params)?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn insert_new(&mut self, params: impl Params) -> Result<Option<i64>, StoreError> {
        let inserted = self.execute(params)? == 1;
        Ok(inserted.then(|| self.conn.last_insert_rowid()))
    }

    /// Whether the query returns any row.
    pub fn exists(&mut self, params: impl Params) -> Result<bool, StoreError> {
        Ok(self.query_opt(params, |_| Ok(()))?.is_some())
    }

    pub fn query_row<T>(
        &mut self,
        params: impl Params,
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.query_opt(params, map)?
            .ok_or_else(|| StoreError::Sqlite("the query returned no row".into()))
    }

    pub fn query_opt<T>(
        &mut self,
        params: impl Params,
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        self.bind(&params)?;
        let mut rows = self.statement().raw_query();
        match rows.next()? {
            Some(row) => map(&Row::sqlite(row)).map(Some),
            None => Ok(None),
        }
    }

    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        mut map: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        self.query_each(params, |row| {
            out.push(map(row)?);
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    pub fn query_each<E: From<StoreError>>(
        &mut self,
        params: impl Params,
        mut each: impl FnMut(&Row) -> Result<(), E>,
    ) -> Result<(), E> {
        self.query_while(params, |row| each(row).map(|()| true))
    }

    /// The rows as a cursor, for stepping two queries side by side.
    pub fn query(&mut self, params: impl Params) -> Result<Rows<'_>, StoreError> {
        self.bind(&params)?;
        Ok(Rows {
            inner: self.statement().raw_query(),
        })
    }

    /// Like [`Stmt::query_each`], stopping after the row for which `each`
    /// says `false` (a page that is full).
    pub fn query_while<E: From<StoreError>>(
        &mut self,
        params: impl Params,
        mut each: impl FnMut(&Row) -> Result<bool, E>,
    ) -> Result<(), E> {
        self.bind(&params)?;
        let mut rows = self.statement().raw_query();
        while let Some(row) = rows.next().map_err(StoreError::from)? {
            if !each(&Row::sqlite(row))? {
                break;
            }
        }
        Ok(())
    }
}

/// A parameter as SQLite binds it, borrowed, without a copy.
struct Bound<'a>(ParamRef<'a>);

impl rusqlite::ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self.0 {
            ParamRef::Null => SqliteValue::Null,
            ParamRef::Integer(i) => SqliteValue::Integer(i),
            ParamRef::Real(f) => SqliteValue::Real(f),
            ParamRef::Text(s) => SqliteValue::Text(s.as_bytes()),
            ParamRef::Blob(b) => SqliteValue::Blob(b),
        }))
    }
}

/// A query's rows, read one at a time.
pub struct Rows<'s> {
    inner: rusqlite::Rows<'s>,
}

impl Rows<'_> {
    pub fn next(&mut self) -> Result<Option<Row<'_>>, StoreError> {
        Ok(self.inner.next()?.map(Row::sqlite))
    }
}
