//! PostgreSQL behind the driver: the store's `?N` SQL translated to `$N`,
//! parameters encoded for the type the server expects, rows decoded into
//! the same [`ValueRef`]s SQLite gives, statements prepared once per
//! connection.
//!
//! A transaction is borrowed through `RefCell`s because the store's API
//! runs statements through shared references; no borrow is held while a
//! caller's closure runs (rows are fetched in batches from a portal), so a
//! closure may run other statements of the same transaction, as on SQLite.

use super::super::StoreError;
use super::{Params, ValueRef, column_error};
use bytes::BytesMut;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};

/// How many rows a portal hands over first while a query is stepped: a page
/// (the queue's 50) costs no more than it needs; each later fetch doubles,
/// up to [`FETCH_MOST`], so a long scan takes few round trips.
const FETCH_FIRST: i32 = 64;
const FETCH_MOST: i32 = 4096;

/// Prepared statements of one connection, by the store's SQL they were
/// made from (found without translating it again: the queue's statement
/// is a kilobyte), one map for plain statements and one for inserts that
/// return their id.
#[derive(Default)]
pub struct StatementCache {
    plain: HashMap<String, postgres::Statement>,
    returning_id: HashMap<String, postgres::Statement>,
}

impl StatementCache {
    pub fn new() -> StatementCache {
        StatementCache::default()
    }

    fn map(&mut self, returning_id: bool) -> &mut HashMap<String, postgres::Statement> {
        if returning_id {
            &mut self.returning_id
        } else {
            &mut self.plain
        }
    }
}

/// An open PostgreSQL transaction, as the driver uses it.
pub struct PgTx<'a> {
    tx: RefCell<postgres::Transaction<'a>>,
    cache: RefCell<&'a mut StatementCache>,
}

impl<'a> PgTx<'a> {
    pub fn new(tx: postgres::Transaction<'a>, cache: &'a mut StatementCache) -> PgTx<'a> {
        PgTx {
            tx: RefCell::new(tx),
            cache: RefCell::new(cache),
        }
    }

    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.into_inner().commit()?)
    }
}

/// What the driver asks of a PostgreSQL transaction; a trait object so that
/// [`super::Db`] need not carry the transaction's own lifetime.
pub trait PgRun {
    /// `sql` as the store writes it, prepared (and kept) in PostgreSQL's
    /// form. A parameter the server cannot type from the statement alone
    /// (`?3 IS NULL`) takes the type of the value bound to it now.
    fn prepare(&self, sql: &str, returning_id: bool, params: &dyn Params) -> Result<postgres::Statement, StoreError>;
    fn execute(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<u64, StoreError>;
    fn query(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<Vec<postgres::Row>, StoreError>;
    fn bind(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<postgres::Portal, StoreError>;
    fn fetch(&self, portal: &postgres::Portal, rows: i32) -> Result<Vec<postgres::Row>, StoreError>;
    /// Runs `COPY … FROM STDIN` (`sql`, PostgreSQL's own) with `data` as
    /// its input; how many rows it wrote.
    fn copy_in(&self, sql: &str, data: &[u8]) -> Result<u64, StoreError>;
}

impl PgRun for PgTx<'_> {
    fn prepare(&self, sql: &str, returning_id: bool, params: &dyn Params) -> Result<postgres::Statement, StoreError> {
        if let Some(statement) = self.cache.borrow_mut().map(returning_id).get(sql) {
            return Ok(statement.clone());
        }
        let text = translate(sql, returning_id);
        // A failed prepare aborts the transaction unless it was made under
        // a savepoint; this runs once per statement and connection.
        let mut tx = self.tx.borrow_mut();
        tx.batch_execute("SAVEPOINT frontdesk_prepare")?;
        // Typed in steps, so that the server types what it can: the
        // parameters it cannot are those only tested (`?3 IS NULL`). A
        // null bound says nothing of its column (`?1 IS NULL OR
        // customer_id = ?1` is a BIGINT), an integer may stand for a flag
        // (`?1 OR NOT archived`): both are left to the server first, then
        // a null is taken for text, then an integer for a BIGINT.
        let mut prepared = tx.prepare(&text);
        for typed in [Typing::LeaveNullsAndIntegers, Typing::LeaveIntegers, Typing::Every] {
            match &prepared {
                Err(e) if e.code().is_some_and(cannot_type) => {
                    tx.batch_execute("ROLLBACK TO SAVEPOINT frontdesk_prepare")?;
                    prepared = tx.prepare_typed(&text, &types_of(params, typed));
                }
                _ => break,
            }
        }
        if prepared.is_ok() {
            tx.batch_execute("RELEASE SAVEPOINT frontdesk_prepare")?;
        }
        drop(tx);
        // A statement the server cannot prepare is the store's bug: the
        // message names it, so the report says which.
        let statement = prepared.map_err(|e| match StoreError::from(e) {
            StoreError::Sqlite(detail) => StoreError::Sqlite(format!("{detail}: {text}")),
            other => other,
        })?;
        self.cache
            .borrow_mut()
            .map(returning_id)
            .insert(sql.to_string(), statement.clone());
        Ok(statement)
    }

    fn execute(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<u64, StoreError> {
        let values = encode(params);
        Ok(self.tx.borrow_mut().execute(statement, &refs(&values))?)
    }

    fn query(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<Vec<postgres::Row>, StoreError> {
        let values = encode(params);
        Ok(self.tx.borrow_mut().query(statement, &refs(&values))?)
    }

    fn bind(&self, statement: &postgres::Statement, params: &dyn Params) -> Result<postgres::Portal, StoreError> {
        let values = encode(params);
        Ok(self.tx.borrow_mut().bind(statement, &refs(&values))?)
    }

    fn fetch(&self, portal: &postgres::Portal, rows: i32) -> Result<Vec<postgres::Row>, StoreError> {
        Ok(self.tx.borrow_mut().query_portal(portal, rows)?)
    }

    fn copy_in(&self, sql: &str, data: &[u8]) -> Result<u64, StoreError> {
        use std::io::Write;
        let mut tx = self.tx.borrow_mut();
        let mut writer = tx.copy_in(sql)?;
        // A write fails only when the connection does; `finish` then
        // reports the server's error, which says more.
        if let Err(e) = writer.write_all(data) {
            return Err(StoreError::Sqlite(format!("COPY input not sent: {e}")));
        }
        Ok(writer.finish()?)
    }
}

/// A query's rows fetched batch by batch from a portal.
pub struct PgRows<'c> {
    run: &'c dyn PgRun,
    portal: postgres::Portal,
    batch: VecDeque<postgres::Row>,
    current: Option<postgres::Row>,
    /// The size of the next fetch.
    fetch: i32,
    done: bool,
}

impl<'c> PgRows<'c> {
    pub fn open(run: &'c dyn PgRun, statement: &postgres::Statement, params: &dyn Params) -> Result<Self, StoreError> {
        Ok(PgRows {
            run,
            portal: run.bind(statement, params)?,
            batch: VecDeque::new(),
            current: None,
            fetch: FETCH_FIRST,
            done: false,
        })
    }

    /// The next row, kept until the following call.
    pub fn next(&mut self) -> Result<Option<&postgres::Row>, StoreError> {
        if self.batch.is_empty() && !self.done {
            let rows = self.run.fetch(&self.portal, self.fetch)?;
            self.done = rows.len() < usize::try_from(self.fetch).unwrap_or(0);
            self.fetch = (self.fetch * 2).min(FETCH_MOST);
            self.batch.extend(rows);
        }
        self.current = self.batch.pop_front();
        Ok(self.current.as_ref())
    }
}

/// The store's SQL in PostgreSQL's form: `?N` parameters become `$N`
/// (outside quoted text), `INSERT OR IGNORE` becomes `ON CONFLICT DO
/// NOTHING`, and an insert whose new id is wanted returns it.
pub fn translate(sql: &str, returning_id: bool) -> String {
    let mut out = String::with_capacity(sql.len() + 32);
    let mut quote: Option<char> = None;
    // SQLite numbers an anonymous `?` one past the highest number so far
    // (the dynamic SQL of the filter language writes only those);
    // PostgreSQL has numbered parameters only.
    let mut highest = 0u32;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '?') => {
                let mut digits = String::new();
                while let Some(d) = chars.next_if(char::is_ascii_digit) {
                    digits.push(d);
                }
                let number = match digits.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => highest + 1,
                };
                highest = highest.max(number);
                out.push('$');
                out.push_str(&number.to_string());
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    let mut out = out.trim_end().trim_end_matches(';').to_string();
    // SQLite reads `LIMIT -1` as no limit, which the store binds for "all";
    // PostgreSQL refuses a negative limit and reads NULL as none.
    let mut from = 0;
    while let Some(at) = out[from..].find("LIMIT $").map(|i| i + from) {
        let digits = out[at + 7..].chars().take_while(char::is_ascii_digit).count();
        let parameter = out[at + 6..at + 7 + digits].to_string();
        let limit = format!("LIMIT nullif({parameter}, -1)");
        out.replace_range(at..at + 7 + digits, &limit);
        from = at + limit.len();
    }
    if let Some(at) = out.find("INSERT OR IGNORE INTO") {
        out.replace_range(at..at + "INSERT OR IGNORE INTO".len(), "INSERT INTO");
        out.push_str(" ON CONFLICT DO NOTHING");
    }
    if returning_id {
        out.push_str(" RETURNING id");
    }
    out
}

/// SQLite's `json_each(?N)` of a JSON array as PostgreSQL's table of the
/// same items in a column `value`, typed as `items` says.
pub fn json_list(sql: &str, items: super::ListOf) -> String {
    let mut out = String::with_capacity(sql.len() + 64);
    let mut rest = sql;
    while let Some(at) = rest.find("json_each(?") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "json_each(".len()..];
        let digits = after[1..].chars().take_while(char::is_ascii_digit).count();
        let parameter = &after[..1 + digits];
        let Some(tail) = after[1 + digits..].strip_prefix(')') else {
            out.push_str("json_each(");
            rest = after;
            continue;
        };
        out.push_str(&match items {
            super::ListOf::Text => format!("json_array_elements_text({parameter}::json)"),
            super::ListOf::Integer => {
                format!("(SELECT value::bigint AS value FROM json_array_elements_text({parameter}::json))")
            }
        });
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The server could not tell a parameter's type from the statement.
fn cannot_type(code: &postgres::error::SqlState) -> bool {
    use postgres::error::SqlState;
    *code == SqlState::INDETERMINATE_DATATYPE || *code == SqlState::AMBIGUOUS_PARAMETER
}

/// How much of a statement [`types_of`] types from the values bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typing {
    /// Only text and reals: the server types the rest where it can.
    LeaveNullsAndIntegers,
    /// All but the integers, which the server types (a BOOLEAN, a BIGINT).
    LeaveIntegers,
    Every,
}

/// The type the protocol reads as "the server decides" (OID 0).
fn unspecified() -> Type {
    Type::new(
        "unspecified".into(),
        0,
        postgres::types::Kind::Pseudo,
        "pg_catalog".into(),
    )
}

/// The types of the values bound now, for a statement whose parameters the
/// server cannot type by itself; a null is taken for text.
fn types_of(params: &dyn Params, typing: Typing) -> Vec<Type> {
    (0..params.count())
        .map(|i| match params.at(i) {
            ValueRef::Integer(_) if typing != Typing::Every => unspecified(),
            ValueRef::Null if typing == Typing::LeaveNullsAndIntegers => unspecified(),
            ValueRef::Integer(_) => Type::INT8,
            ValueRef::Real(_) => Type::FLOAT8,
            ValueRef::Blob(_) => Type::BYTEA,
            ValueRef::Null | ValueRef::Text(_) => Type::TEXT,
        })
        .collect()
}

/// A parameter encoded for whatever type the server infers for it.
#[derive(Debug)]
struct Encoded<'a>(ValueRef<'a>);

fn encode(params: &dyn Params) -> Vec<Encoded<'_>> {
    (0..params.count()).map(|i| Encoded(params.at(i))).collect()
}

fn refs<'a>(values: &'a [Encoded<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    values.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

fn is_text(ty: &Type) -> bool {
    matches!(
        *ty,
        Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
    )
}

impl ToSql for Encoded<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self.0 {
            ValueRef::Null => Ok(IsNull::Yes),
            ValueRef::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
                Type::BOOL => (i != 0).to_sql(ty, out),
                #[allow(clippy::cast_precision_loss)]
                Type::FLOAT8 => (i as f64).to_sql(ty, out),
                _ if is_text(ty) => i.to_string().as_str().to_sql(ty, out),
                _ => Err(format!("an integer cannot be bound as {ty}").into()),
            },
            ValueRef::Real(f) => match *ty {
                Type::FLOAT8 => f.to_sql(ty, out),
                #[allow(clippy::cast_possible_truncation)]
                Type::FLOAT4 => (f as f32).to_sql(ty, out),
                _ => Err(format!("a real number cannot be bound as {ty}").into()),
            },
            ValueRef::Text(s) => s.to_sql(ty, out),
            ValueRef::Blob(b) => b.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// Column `index` of a PostgreSQL row as the value SQLite would give:
/// integers of every width and booleans as integers, text as text.
pub fn value(row: &postgres::Row, index: usize) -> Result<ValueRef<'_>, StoreError> {
    let column = row
        .columns()
        .get(index)
        .ok_or_else(|| column_error(index, "no such column"))?;
    let fail = |e: postgres::Error| column_error(index, &e.to_string());
    let value = match *column.type_() {
        Type::INT8 => row
            .try_get::<_, Option<i64>>(index)
            .map_err(fail)?
            .map(ValueRef::Integer),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(index)
            .map_err(fail)?
            .map(|i| ValueRef::Integer(i64::from(i))),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(index)
            .map_err(fail)?
            .map(|i| ValueRef::Integer(i64::from(i))),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(index)
            .map_err(fail)?
            .map(|b| ValueRef::Integer(i64::from(b))),
        Type::FLOAT8 => row.try_get::<_, Option<f64>>(index).map_err(fail)?.map(ValueRef::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(index)
            .map_err(fail)?
            .map(|f| ValueRef::Real(f64::from(f))),
        Type::NUMERIC => row.try_get::<_, Option<Numeric>>(index).map_err(fail)?.map(|n| n.0),
        Type::BYTEA => row
            .try_get::<_, Option<&[u8]>>(index)
            .map_err(fail)?
            .map(ValueRef::Blob),
        ref ty if is_text(ty) => row.try_get::<_, Option<&str>>(index).map_err(fail)?.map(ValueRef::Text),
        ref ty => {
            return Err(column_error(
                index,
                &format!("type {ty} is not read by the store (cast it in the query)"),
            ));
        }
    };
    Ok(value.unwrap_or(ValueRef::Null))
}

/// A NUMERIC (what `sum` and `avg` of integers give on PostgreSQL) as SQLite
/// gives it: an integer when it has no fraction, else a real.
struct Numeric(ValueRef<'static>);

impl<'a> postgres::types::FromSql<'a> for Numeric {
    /// The binary form: digit count, weight (of the first base-10000 digit),
    /// sign, display scale, then the digits.
    #[allow(clippy::cast_precision_loss)]
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let word = |i: usize| -> Result<i16, Box<dyn std::error::Error + Sync + Send>> {
            let bytes = raw.get(i * 2..i * 2 + 2).ok_or("a numeric cut short")?;
            Ok(i16::from_be_bytes([bytes[0], bytes[1]]))
        };
        let (count, weight, sign, scale) = (word(0)?, word(1)?, word(2)? as u16, word(3)?);
        if sign == 0xC000 {
            return Err("NaN where a number was expected".into());
        }
        let mut value = 0f64;
        for i in 0..usize::try_from(count).unwrap_or(0) {
            let power = i32::from(weight) - i32::try_from(i).unwrap_or(0);
            value += f64::from(word(4 + i)?) * 10_000f64.powi(power);
        }
        if sign == 0x4000 {
            value = -value;
        }
        #[allow(clippy::cast_possible_truncation)]
        let whole = (scale == 0 && value.abs() < 9.0e15).then_some(value as i64);
        Ok(Numeric(whole.map_or(ValueRef::Real(value), ValueRef::Integer)))
    }

    fn accepts(ty: &Type) -> bool {
        *ty == Type::NUMERIC
    }
}

#[cfg(test)]
mod tests {
    use super::translate;

    #[test]
    fn the_stores_sql_becomes_postgresqls() {
        let cases = [
            (
                "SELECT a FROM t WHERE b = ?1 AND c = ?2",
                false,
                "SELECT a FROM t WHERE b = $1 AND c = $2",
            ),
            ("SELECT '?1' || ?1", false, "SELECT '?1' || $1"),
            (
                "SELECT a FROM t LIMIT ?12 OFFSET ?3",
                false,
                "SELECT a FROM t LIMIT nullif($12, -1) OFFSET $3",
            ),
            (
                "SELECT a FROM t WHERE b IN (?, ?) AND c < ? LIMIT ?",
                false,
                "SELECT a FROM t WHERE b IN ($1, $2) AND c < $3 LIMIT nullif($4, -1)",
            ),
            ("SELECT ?2, ?, ?1, ?", false, "SELECT $2, $3, $1, $4"),
            (
                "INSERT INTO t (a) VALUES (?1)",
                true,
                "INSERT INTO t (a) VALUES ($1) RETURNING id",
            ),
            (
                "INSERT OR IGNORE INTO t (a) VALUES (?1);",
                true,
                "INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING id",
            ),
        ];
        for (sql, returning, want) in cases {
            assert_eq!(translate(sql, returning), want, "{sql}");
        }
    }

    /// Nulls and integers are left to the server first: a null bound for a
    /// BIGINT column taken for text, or an integer bound for a flag taken
    /// for a BIGINT, would make a type error.
    #[test]
    fn a_parameter_the_server_cannot_type_takes_the_bound_values_type_integers_last() {
        use super::{Type, Typing, types_of};
        let none: Option<String> = None;
        let bound = super::super::params![7i64, none, "x", 1.5f64];
        let oids = |typing| types_of(&bound, typing).iter().map(Type::oid).collect::<Vec<_>>();
        let (text, real) = (Type::TEXT.oid(), Type::FLOAT8.oid());
        assert_eq!(oids(Typing::LeaveNullsAndIntegers), [0, 0, text, real]);
        assert_eq!(oids(Typing::LeaveIntegers), [0, text, text, real]);
        assert_eq!(oids(Typing::Every), [Type::INT8.oid(), text, text, real]);
    }

    #[test]
    fn a_json_list_parameter_becomes_postgresqls_json_function() {
        use super::super::ListOf;
        let cases = [
            (
                "SELECT a FROM t WHERE b IN (SELECT value FROM json_each(?1)) AND c IN (SELECT value FROM json_each(?12))",
                ListOf::Text,
                "SELECT a FROM t WHERE b IN (SELECT value FROM json_array_elements_text(?1::json)) \
                 AND c IN (SELECT value FROM json_array_elements_text(?12::json))",
            ),
            (
                "SELECT j.value FROM json_each(?1) j JOIN t ON t.id = j.value",
                ListOf::Integer,
                "SELECT j.value FROM (SELECT value::bigint AS value FROM json_array_elements_text(?1::json)) j \
                 JOIN t ON t.id = j.value",
            ),
            ("SELECT json_each(x) FROM t", ListOf::Text, "SELECT json_each(x) FROM t"),
        ];
        for (sql, items, want) in cases {
            assert_eq!(super::json_list(sql, items), want, "{sql}");
        }
    }
}
