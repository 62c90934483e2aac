//! The seam between the store's queries and a database engine.
//!
//! Every query of the store goes through [`Db`] and [`Stmt`]: SQL with
//! numbered `?N` parameters, values as [`Params`], rows read through
//! [`Row`]. Nothing here names an engine's types to the code above, so a
//! query and its row mapping are written once and run on either engine;
//! where the dialects differ, the store keeps each engine's SQL side by
//! side.

mod param;
pub(crate) mod pg;
mod row;

pub(crate) use param::params;
pub use param::{Params, ToParam, Value};
pub use row::{Row, ValueRef, column_error};

use super::StoreError;
use rusqlite::types::{ToSqlOutput, ValueRef as SqliteValue};

/// A connection inside a transaction (see [`super::Tx`]): runs statements.
#[derive(Clone, Copy)]
pub struct Db<'c> {
    engine: Engine<'c>,
}

#[derive(Clone, Copy)]
enum Engine<'c> {
    Sqlite(&'c rusqlite::Connection),
    Postgres(&'c dyn pg::PgRun),
}

/// Which SQL a statement must be written in, where the two differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// What a JSON list parameter holds (see [`Db::json_list`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListOf {
    Text,
    Integer,
}

impl<'c> Db<'c> {
    pub(super) fn sqlite(conn: &'c rusqlite::Connection) -> Db<'c> {
        Db {
            engine: Engine::Sqlite(conn),
        }
    }

    pub(super) fn postgres(run: &'c dyn pg::PgRun) -> Db<'c> {
        Db {
            engine: Engine::Postgres(run),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self.engine {
            Engine::Sqlite(_) => Dialect::Sqlite,
            Engine::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The statement of this engine's dialect, where the two differ: the
    /// store keeps both side by side.
    pub fn pick<'s>(&self, sqlite: &'s str, postgres: &'s str) -> &'s str {
        match self.dialect() {
            Dialect::Sqlite => sqlite,
            Dialect::Postgres => postgres,
        }
    }

    /// `sql` for this engine, where it takes a list as one parameter: the
    /// JSON array SQLite reads with `json_each(?N)` (its items in a column
    /// `value`) is read on PostgreSQL by its own JSON function, the items
    /// as `items` says (a JSON number has no type there until told).
    pub fn json_list<'s>(&self, sql: &'s str, items: ListOf) -> std::borrow::Cow<'s, str> {
        match self.dialect() {
            Dialect::Sqlite => sql.into(),
            Dialect::Postgres => pg::json_list(sql, items).into(),
        }
    }

    /// Runs PostgreSQL's `COPY … FROM STDIN` (`sql`) with `data` as its
    /// input, inside this transaction: the bulk path of a load into a
    /// server. SQLite has no such statement: there it is the caller's bug.
    pub fn copy_in(&self, sql: &str, data: &[u8]) -> Result<u64, StoreError> {
        match self.engine {
            Engine::Postgres(run) => run.copy_in(sql, data),
            Engine::Sqlite(_) => Err(StoreError::Sqlite("COPY is PostgreSQL's statement".into())),
        }
    }

    /// `sql` prepared once per connection and kept (the statement cache):
    /// for the fixed statements of the store.
    pub fn prepare(&self, sql: &str) -> Result<Stmt<'c>, StoreError> {
        Ok(Stmt {
            inner: match self.engine {
                Engine::Sqlite(conn) => Inner::Sqlite {
                    conn,
                    stmt: SqliteStmt::Cached(conn.prepare_cached(sql)?),
                },
                Engine::Postgres(run) => Inner::Postgres {
                    run,
                    sql: sql.to_string(),
                },
            },
        })
    }

    /// `sql` prepared for this use only: for statements built at run time,
    /// which would only crowd SQLite's statement cache.
    pub fn prepare_once(&self, sql: &str) -> Result<Stmt<'c>, StoreError> {
        match self.engine {
            Engine::Sqlite(conn) => Ok(Stmt {
                inner: Inner::Sqlite {
                    conn,
                    stmt: SqliteStmt::Once(conn.prepare(sql)?),
                },
            }),
            Engine::Postgres(_) => self.prepare(sql),
        }
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

    /// Like [`Stmt::query_while`] for a read that usually stops early (a
    /// page of the queue). On PostgreSQL its first `first` rows are read
    /// whole, in one round trip (a portal takes two before the first row),
    /// and only a read that goes on past them steps the rest from a
    /// portal. `sql` must have no LIMIT and end in an ORDER BY that leaves
    /// no ties, so that the rest follows the first rows exactly.
    pub fn query_while_paged<E: From<StoreError>>(
        &self,
        sql: &str,
        params: impl Params,
        first: usize,
        mut each: impl FnMut(&Row) -> Result<bool, E>,
    ) -> Result<(), E> {
        if self.dialect() == Dialect::Sqlite {
            return self.prepare(sql)?.query_while(params, each);
        }
        let page = self
            .prepare(&format!("{sql} LIMIT {first}"))?
            .whole_result(&params)?
            .unwrap_or_default();
        for row in &page {
            if !each(&Row::postgres(row))? {
                return Ok(());
            }
        }
        if page.len() < first {
            return Ok(());
        }
        self.prepare(&format!("{sql} OFFSET {first}"))?
            .query_while(params, each)
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
    inner: Inner<'c>,
}

enum Inner<'c> {
    Sqlite {
        conn: &'c rusqlite::Connection,
        stmt: SqliteStmt<'c>,
    },
    /// Prepared when first run: the values bound then may be needed to type
    /// its parameters (see [`pg::PgRun::prepare`]).
    Postgres { run: &'c dyn pg::PgRun, sql: String },
}

enum SqliteStmt<'c> {
    Cached(rusqlite::CachedStatement<'c>),
    Once(rusqlite::Statement<'c>),
}

impl<'c> SqliteStmt<'c> {
    fn get(&mut self) -> &mut rusqlite::Statement<'c> {
        match self {
            SqliteStmt::Cached(stmt) => stmt,
            SqliteStmt::Once(stmt) => stmt,
        }
    }

    /// Binds every parameter, after checking there are as many as the
    /// statement numbers (a mismatch is the store's bug, reported, not
    /// silently bound as null).
    fn bind(&mut self, params: &impl Params) -> Result<&mut rusqlite::Statement<'c>, StoreError> {
        let stmt = self.get();
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
        Ok(stmt)
    }
}

impl<'c> Stmt<'c> {
    pub fn execute(&mut self, params: impl Params) -> Result<usize, StoreError> {
        match &mut self.inner {
            Inner::Sqlite { stmt, .. } => Ok(stmt.bind(&params)?.raw_execute()?),
            Inner::Postgres { run, sql } => {
                let statement = run.prepare(sql, false, &params)?;
                Ok(usize::try_from(run.execute(&statement, &params)?).unwrap_or(usize::MAX))
            }
        }
    }

    pub fn insert(&mut self, params: impl Params) -> Result<i64, StoreError> {
        self.insert_new(params)?
            .ok_or_else(|| StoreError::Sqlite("the insert inserted no row".into()))
    }

    pub fn insert_new(&mut self, params: impl Params) -> Result<Option<i64>, StoreError> {
        match &mut self.inner {
            Inner::Sqlite { conn, stmt } => {
                let inserted = stmt.bind(&params)?.raw_execute()? == 1;
                Ok(inserted.then(|| conn.last_insert_rowid()))
            }
            Inner::Postgres { run, sql } => {
                let returning = run.prepare(sql, true, &params)?;
                match run.query(&returning, &params)?.first() {
                    Some(row) => Ok(Some(row.try_get(0)?)),
                    None => Ok(None),
                }
            }
        }
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

    /// The first row, if any; on PostgreSQL the whole result is read in
    /// one round trip, so the statement should return one row at most.
    pub fn query_opt<T>(
        &mut self,
        params: impl Params,
        map: impl FnOnce(&Row) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        if let Some(rows) = self.whole_result(&params)? {
            return rows.first().map(|row| map(&Row::postgres(row))).transpose();
        }
        let mut rows = self.query(params)?;
        match rows.next()? {
            Some(row) => map(&row).map(Some),
            None => Ok(None),
        }
    }

    pub fn query_map<T>(
        &mut self,
        params: impl Params,
        mut map: impl FnMut(&Row) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        if let Some(rows) = self.whole_result(&params)? {
            return rows.iter().map(|row| map(&Row::postgres(row))).collect();
        }
        let mut out = Vec::new();
        self.query_each(params, |row| {
            out.push(map(row)?);
            Ok::<_, StoreError>(())
        })?;
        Ok(out)
    }

    /// On PostgreSQL, every row of the result at once: one round trip
    /// where stepping a portal takes two (bind, then fetch) — on a server
    /// the round trips were most of a short read such as the queue's.
    /// None on SQLite, which steps its rows in process.
    fn whole_result(&mut self, params: &impl Params) -> Result<Option<Vec<postgres::Row>>, StoreError> {
        match &mut self.inner {
            Inner::Sqlite { .. } => Ok(None),
            Inner::Postgres { run, sql } => {
                let statement = run.prepare(sql, false, params)?;
                Ok(Some(run.query(&statement, params)?))
            }
        }
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
        Ok(Rows {
            inner: match &mut self.inner {
                Inner::Sqlite { stmt, .. } => RowsInner::Sqlite(stmt.bind(&params)?.raw_query()),
                Inner::Postgres { run, sql } => {
                    let statement = run.prepare(sql, false, &params)?;
                    RowsInner::Postgres(pg::PgRows::open(*run, &statement, &params)?)
                }
            },
        })
    }

    /// Like [`Stmt::query_each`], stopping after the row for which `each`
    /// says `false` (a page that is full).
    pub fn query_while<E: From<StoreError>>(
        &mut self,
        params: impl Params,
        mut each: impl FnMut(&Row) -> Result<bool, E>,
    ) -> Result<(), E> {
        let mut rows = self.query(params)?;
        while let Some(row) = rows.next()? {
            if !each(&row)? {
                break;
            }
        }
        Ok(())
    }
}

/// A parameter as SQLite binds it, borrowed, without a copy.
struct Bound<'a>(ValueRef<'a>);

impl rusqlite::ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self.0 {
            ValueRef::Null => SqliteValue::Null,
            ValueRef::Integer(i) => SqliteValue::Integer(i),
            ValueRef::Real(f) => SqliteValue::Real(f),
            ValueRef::Text(s) => SqliteValue::Text(s.as_bytes()),
            ValueRef::Blob(b) => SqliteValue::Blob(b),
        }))
    }
}

/// A query's rows, read one at a time.
pub struct Rows<'s> {
    inner: RowsInner<'s>,
}

enum RowsInner<'s> {
    Sqlite(rusqlite::Rows<'s>),
    Postgres(pg::PgRows<'s>),
}

impl Rows<'_> {
    pub fn next(&mut self) -> Result<Option<Row<'_>>, StoreError> {
        Ok(match &mut self.inner {
            RowsInner::Sqlite(rows) => rows.next()?.map(Row::sqlite),
            RowsInner::Postgres(rows) => rows.next()?.map(Row::postgres),
        })
    }
}
