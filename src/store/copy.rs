//! `copy --from SRC --to DEST`: a whole frontdesk database into an empty
//! one, from either engine to either engine, through the driver only.
//!
//! - The source is read in one read transaction (one snapshot), each table
//!   stepped row by row (PostgreSQL hands them over in batches through a
//!   portal); the destination is written in ONE write transaction, so a
//!   failure leaves it as it was.
//! - Tables go in the order of their foreign keys ([`TABLES`]); every
//!   column the destination can be given (generated columns are derived
//!   there) is copied by name, ids included.
//! - Triggers: the destination's triggers do run while rows go in; what
//!   they write lands in tables kept by them (`customer_keys_dirty`,
//!   `customer_last_outbound`, `ticket_history`, `report_epoch`), which come after the tables
//!   whose triggers fill them and are replaced by the source's rows, so
//!   their side effects do not survive the transaction. Audit rows are
//!   written by the store, never by a trigger: copied once. Into a server
//!   whose tables the login owns, the triggers are off instead, with the
//!   secondary indexes and foreign keys (`copy_aside`), and the search
//!   marks they would have made are made for all records at once.
//! - Into PostgreSQL the rows go by `COPY … FROM STDIN` in batches (see
//!   `bulk_pg`), inside the same one transaction; into SQLite by
//!   multi-row INSERTs. On a server the search rows are then written in
//!   one pass from the insert triggers' marks (`bulk_pg::index_marked`)
//!   and the planner statistics of every table refreshed (`ANALYZE`),
//!   before the commit.
//! - The search index: SQLite's FTS5 tables are contentless (nothing to
//!   read), so the destination's index is rebuilt from the copied rows —
//!   the insert triggers mark every ticket and ticketless interaction in
//!   `search_dirty`, and the store's flush before the commit writes them
//!   (`kb_fts` follows `kb_articles` by its own triggers). PostgreSQL's
//!   search tables are plain rows, copied as such between two servers;
//!   into a server from a file they are written from the marks by the same
//!   flush before the commit.

use super::bulk_pg::CopyBatch;
use super::copy_aside::SetAside;
use super::sql::{Db, Dialect, Value, params};
use super::{Engine, Store, StoreError, Tx};

/// What a table's rows are to the copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The team's data: must be empty on the destination.
    Data,
    /// Settings a new database is given (`init`'s calendars and policies,
    /// the built-in views, meta): replaced by the source's.
    Setting,
    /// Kept by triggers from other tables: replaced by the source's rows
    /// after the tables that fill them, so the triggers' writes are undone.
    Derived,
    /// PostgreSQL's search tables: copied only from one server to another
    /// (SQLite's are contentless; a SQLite side rebuilds its own).
    PgSearch,
}

/// One table of the schema, as the copy handles it.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    /// The primary key, for a stable order (and the tests' dumps).
    pub key: &'static str,
    pub role: Role,
}

const fn t(name: &'static str, key: &'static str, role: Role) -> Table {
    Table { name, key, role }
}

/// Every table copied, in the order of their foreign keys (a table after
/// every table it references); checked against both schemas by a test.
pub const TABLES: &[Table] = &[
    t("departments", "id", Role::Data),
    t("agents", "id", Role::Data),
    t("customers", "id", Role::Data),
    t("orders", "id", Role::Data),
    t("order_corrections", "id", Role::Data),
    t("tickets", "id", Role::Data),
    t("ticket_events", "id", Role::Data),
    t("interactions", "id", Role::Data),
    t("sla_calendars", "id", Role::Setting),
    t("sla_policies", "id", Role::Setting),
    t("routing_rules", "id", Role::Setting),
    t("surveys", "id", Role::Data),
    t("kb_articles", "id", Role::Data),
    t("reminders", "id", Role::Data),
    t("audit", "id", Role::Data),
    t("meta", "key", Role::Setting),
    t("presence", "entity, entity_id, agent", Role::Data),
    t("macros", "id", Role::Data),
    t("views", "name", Role::Setting),
    t("mail_addresses", "address", Role::Data),
    t("mail_blobs", "sha256", Role::Data),
    t("mail_messages", "id", Role::Data),
    t("mail_attachments", "id", Role::Data),
    t("mail_outbox", "id", Role::Data),
    t("mail_sources", "source", Role::Data),
    t("customer_keys", "id", Role::Derived),
    t("customer_keys_dirty", "id", Role::Derived),
    t("customer_last_outbound", "customer_id", Role::Derived),
    t("ticket_history", "ticket_id", Role::Derived),
    t("ticket_text", "id", Role::PgSearch),
    t("contact_text", "id", Role::PgSearch),
    // Last: every trigger above may have moved the stamp.
    t("report_epoch", "id", Role::Derived),
];

/// The search marks the insert triggers of tickets and interactions make,
/// for all of them at once (as `pg/0011_search.sql` marks a database's).
const MARK_EVERY_TICKET: &str = "INSERT INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets";
const MARK_EVERY_CONTACT: &str =
    "INSERT INTO search_dirty (kind, id) SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL";

/// Tables of the schema the copy leaves to the destination: the marks of
/// what the search index must (re)build, made by the insert triggers.
pub const REBUILT: &[&str] = &["search_dirty"];

/// Told how far the copy has got; asked whether to stop (Ctrl-C).
pub trait CopyProgress {
    /// The rows to copy, counted in the source's snapshot.
    fn total(&self, rows: u64);
    fn copied(&self, rows: u64);
    /// True once the user asked to stop: the copy rolls back.
    fn cancelled(&self) -> bool;
}

/// What a copy did: each table copied and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copied {
    pub tables: Vec<(&'static str, u64)>,
}

/// Most parameters one INSERT binds (SQLite allows 32766, PostgreSQL 65535).
const MAX_PARAMS: usize = 30_000;
/// Most rows one INSERT carries.
const MAX_ROWS: usize = 500;

impl Store {
    fn dialect(&self) -> Dialect {
        match self.engine {
            Engine::Sqlite(_) => Dialect::Sqlite,
            Engine::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Copies every table of `self` into `to`, which must hold no data
    /// ([`StoreError::NotEmpty`] otherwise, nothing written). All or
    /// nothing: on any failure, or when `progress` says cancelled, `to`'s
    /// transaction rolls back.
    pub fn copy_database(&mut self, to: &mut Store, progress: &dyn CopyProgress) -> Result<Copied, StoreError> {
        let (from_version, to_version) = (self.schema_version()?, to.schema_version()?);
        if from_version != to_version {
            // Both were opened (and so migrated) by this build: they can
            // only differ if one is newer, which opening refuses.
            return Err(StoreError::Sqlite(format!(
                "schema versions differ: {from_version} and {to_version}"
            )));
        }
        let target = to.path().display().to_string();
        let dest_dialect = to.dialect();
        self.read(|source| {
            let counts = count_rows(source.db, dest_dialect)?;
            progress.total(counts.iter().map(|(_, n)| n).sum());
            to.write(|dest| {
                refuse_data(dest.db, &target)?;
                copy_tables(source, dest, progress)
            })
        })
    }
}

/// The tables of `TABLES` this pair of engines copies.
fn copied_tables(source: Dialect, dest: Dialect) -> impl Iterator<Item = &'static Table> {
    TABLES
        .iter()
        .filter(move |table| table.role != Role::PgSearch || (source == Dialect::Postgres && dest == Dialect::Postgres))
}

fn count_rows(db: Db, dest: Dialect) -> Result<Vec<(&'static str, u64)>, StoreError> {
    copied_tables(db.dialect(), dest)
        .map(|table| Ok((table.name, count(db, table.name)?)))
        .collect()
}

fn count(db: Db, table: &str) -> Result<u64, StoreError> {
    db.query_row(&format!("SELECT count(*) FROM {table}"), params![], |r| r.get(0))
}

/// The first table of the team's data that holds rows, named in the error.
fn refuse_data(db: Db, target: &str) -> Result<(), StoreError> {
    for table in TABLES.iter().filter(|t| t.role == Role::Data) {
        if db
            .prepare_once(&format!("SELECT 1 FROM {} LIMIT 1", table.name))?
            .exists(params![])?
        {
            return Err(StoreError::NotEmpty {
                target: target.to_string(),
                table: table.name.to_string(),
            });
        }
    }
    Ok(())
}

fn copy_tables(source: &Tx, dest: &Tx, progress: &dyn CopyProgress) -> Result<Copied, StoreError> {
    let tables: Vec<&Table> = copied_tables(source.db.dialect(), dest.db.dialect()).collect();
    // Settings and derived rows the destination already has go first, the
    // children before their parents.
    for table in tables.iter().rev() {
        dest.db.execute(&format!("DELETE FROM {}", table.name), params![])?;
    }
    let set_aside = match dest.db.dialect() {
        Dialect::Postgres => {
            let names = with_search_tables(tables.iter().map(|t| t.name));
            super::copy_aside::set_aside(dest.db, &names)?
        }
        Dialect::Sqlite => SetAside::default(),
    };
    let mut copied = Vec::new();
    for table in tables {
        if table.role == Role::Derived {
            // What the destination's triggers wrote while the tables above
            // went in: undone, the source's rows take its place.
            dest.db.execute(&format!("DELETE FROM {}", table.name), params![])?;
        }
        let rows = copy_table(source.db, dest.db, table, progress)?;
        copied.push((table.name, rows));
    }
    if dest.db.dialect() == Dialect::Postgres {
        advance_identities(dest.db)?;
        if set_aside.triggers_off() && source.db.dialect() == Dialect::Sqlite {
            // What the insert triggers would have marked: every record
            // needs its search row (a server's come copied).
            dest.db.execute(MARK_EVERY_TICKET, params![])?;
            dest.db.execute(MARK_EVERY_CONTACT, params![])?;
        }
        // The search rows of the copied records written in one pass (the
        // flush at the commit then finds nothing marked), then analysed
        // with every table copied.
        super::bulk_pg::index_marked(dest.db)?;
        set_aside.restore(dest.db)?;
        let names = with_search_tables(copied.iter().map(|(name, _)| *name));
        dest.db.execute(&format!("ANALYZE {}", names.join(", ")), params![])?;
    }
    Ok(Copied { tables: copied })
}

/// `names` and the server's search tables, each once: written on a server
/// whether copied (from another server) or built (from a file).
fn with_search_tables<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.collect();
    for search in ["ticket_text", "contact_text"] {
        if !names.contains(&search) {
            names.push(search);
        }
    }
    names
}

/// The columns of `table` a row can be given, by name (generated ones are
/// derived by the engine), in the engine's order.
pub fn insertable_columns(db: Db, table: &str) -> Result<Vec<String>, StoreError> {
    let sql = db.pick(
        "SELECT name FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid",
        "SELECT column_name::text FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ?1 AND is_generated = 'NEVER'
          ORDER BY ordinal_position",
    );
    db.query_map(sql, params![table], |r| r.get(0))
}

fn copy_table(source: Db, dest: Db, table: &Table, progress: &dyn CopyProgress) -> Result<u64, StoreError> {
    let columns = insertable_columns(dest, table.name)?;
    let mut sorted = columns.clone();
    sorted.sort();
    let mut theirs = insertable_columns(source, table.name)?;
    theirs.sort();
    if sorted != theirs {
        return Err(StoreError::Sqlite(format!(
            "{} has columns ({}) here and ({}) in the source",
            table.name,
            sorted.join(", "),
            theirs.join(", ")
        )));
    }
    if dest.dialect() == Dialect::Postgres {
        return copy_table_in(source, dest, table, &columns, progress);
    }
    let list = columns.join(", ");
    let width = columns.len().max(1);
    let per_insert = (MAX_PARAMS / width).clamp(1, MAX_ROWS);
    let mut batch: Vec<Value> = Vec::with_capacity(per_insert * width);
    let mut done = 0u64;
    let flush = |batch: &mut Vec<Value>| -> Result<(), StoreError> {
        let rows = batch.len() / width;
        if rows == 0 {
            return Ok(());
        }
        if progress.cancelled() {
            return Err(StoreError::Cancelled);
        }
        let sql = insert_sql(table.name, &list, width, rows);
        // The full batch's statement is kept; the last, shorter one is not.
        let mut stmt = if rows == per_insert {
            dest.prepare(&sql)?
        } else {
            dest.prepare_once(&sql)?
        };
        stmt.execute(&*batch)?;
        progress.copied(rows as u64);
        batch.clear();
        Ok(())
    };
    let read = format!("SELECT {list} FROM {} ORDER BY {}", table.name, table.key);
    source.prepare_once(&read)?.query_each(params![], |row| {
        for index in 0..width {
            batch.push(row.get::<Value>(index)?);
        }
        done += 1;
        if batch.len() == per_insert * width {
            flush(&mut batch)?;
        }
        Ok::<_, StoreError>(())
    })?;
    flush(&mut batch)?;
    Ok(done)
}

/// `copy_table` into PostgreSQL: the rows read in the key's order and sent
/// by `COPY … FROM STDIN` in batches, asked between batches whether to stop.
fn copy_table_in(
    source: Db,
    dest: Db,
    table: &Table,
    columns: &[String],
    progress: &dyn CopyProgress,
) -> Result<u64, StoreError> {
    let mut batch = CopyBatch::new(table.name, columns);
    let mut done = 0u64;
    let send = |batch: &mut CopyBatch| -> Result<(), StoreError> {
        if batch.rows() == 0 {
            return Ok(());
        }
        if progress.cancelled() {
            return Err(StoreError::Cancelled);
        }
        progress.copied(batch.send(dest)?);
        Ok(())
    };
    let read = format!(
        "SELECT {} FROM {} ORDER BY {}",
        columns.join(", "),
        table.name,
        table.key
    );
    source.prepare_once(&read)?.query_each(params![], |row| {
        for index in 0..columns.len() {
            batch.value(row.value(index)?);
        }
        batch.end_row();
        done += 1;
        if batch.full() {
            send(&mut batch)?;
        }
        Ok::<_, StoreError>(())
    })?;
    send(&mut batch)?;
    Ok(done)
}

fn insert_sql(table: &str, columns: &str, width: usize, rows: usize) -> String {
    let mut sql = format!("INSERT INTO {table} ({columns}) VALUES ");
    for row in 0..rows {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..width {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("?{}", row * width + column + 1));
        }
        sql.push(')');
    }
    sql
}

/// Every identity column's sequence set past the ids copied, so the next
/// row the server numbers does not take one of them.
fn advance_identities(db: Db) -> Result<(), StoreError> {
    let tables: Vec<String> = db.query_map(
        "SELECT table_name::text FROM information_schema.columns
          WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
        params![],
        |r| r.get(0),
    )?;
    for table in tables {
        // The table name comes from the server's catalog, quoted as a literal.
        let literal = table.replace('\'', "''");
        db.query_row(
            &format!(
                "SELECT setval(pg_get_serial_sequence('{literal}', 'id'), coalesce(max(id), 0) + 1, false)::text
                   FROM \"{}\"",
                table.replace('"', "\"\"")
            ),
            params![],
            |_| Ok(()),
        )?;
    }
    Ok(())
}
