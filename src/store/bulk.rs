//! Bulk loading (the demo generator, large imports): prepared statements held
//! open across one long transaction, and secondary indexes dropped during the
//! load and rebuilt at its end, where that is cheaper than keeping them.
//!
//! Everything happens inside the caller's one write transaction (on SQLite
//! `BEGIN IMMEDIATE`, the index changes included), so a load killed
//! half-way leaves the database exactly as it was before.
//!
//! The writer's statements go through the engine-neutral driver, so the
//! same load runs on a PostgreSQL server; what is SQLite's own (its pragmas,
//! dropping and rebuilding indexes, the FTS5 index written in one pass) is
//! done on a file only. On PostgreSQL the load refreshes the planner's
//! statistics of the loaded tables at its end (`ANALYZE`), and the search
//! rows are written from the insert triggers' marks by the store's flush
//! before the commit, as for any write there.
//!
//! The schema's `CHECK (x IN (...))` constraints cost SQLite a temporary
//! b-tree per insert (measured: 4× slower inserts), so a load skips CHECK
//! constraints (`PRAGMA ignore_check_constraints`). Nothing is lost: every
//! column such a constraint guards is written here from a closed Rust enum
//! (status, event, direction, role, outcome), and the numeric ones (survey
//! scores, order amounts) are checked by the writer before they are bound.

pub(super) use super::bulk_rows::Loaded;
pub use super::bulk_rows::{NewAgent, NewAudit, NewInteraction, NewOrder, NewReminder, NewSurvey};
pub use super::load_shape::{DEMO_LOAD, LoadShape, TICKET_IMPORT};
use super::sql::{Db, Dialect, Stmt, ToParam, params};
use super::{StoreError, Tx};
use crate::domain::customer::Customer;
use crate::domain::error::Invalid;
use crate::domain::sla::TicketEvent;
use crate::domain::ticket::Ticket;
use crate::store::TicketDues;
use crate::store::tickets::event_key;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

/// The reasons the `reminders` table accepts (its CHECK constraint, which a
/// load skips, so the writer checks them itself).
const REMINDER_REASONS: &[&str] = &["cadence", "callback", "manual", "birthday", "anniversary"];

/// Helper threads SQLite may use to sort while rebuilding the indexes at
/// the end of a load (`PRAGMA threads`): the machine's second core sorts
/// half of each index's keys while the first writes.
const LOAD_SORT_THREADS: i64 = 2;

/// Rows ANALYZE samples per index: enough for the planner's estimates, and
/// seconds faster than a full scan on a large file.
const ANALYSIS_LIMIT: i64 = 2000;

/// Prepared inserts for every table a load writes.
pub struct BulkWriter<'a> {
    department: Stmt<'a>,
    agent: Stmt<'a>,
    /// The inserts of [`Loaded`], in its order.
    inserts: Vec<Stmt<'a>>,
    touch: Stmt<'a>,
    /// On PostgreSQL, for a load's writer ([`Tx::load_writer`]): rows
    /// gathered and sent by COPY instead of the statements above.
    copy: Option<super::bulk_pg::Gathered<'a>>,
}

/// A load in progress: the indexes dropped for it, to be rebuilt by
/// [`BulkLoad::finish`]. Dropping it (finished or not, e.g. on an error)
/// restores the connection's settings; the transaction's rollback restores
/// the indexes of an unfinished load.
pub struct BulkLoad<'a> {
    db: Db<'a>,
    /// The SQLite connection, for its own settings and indexes; `None` on
    /// PostgreSQL.
    conn: Option<&'a Connection>,
    /// The tables the load writes ([`LoadShape::tables`]).
    tables: &'static [&'static str],
    /// [`LoadShape::always_analyze`].
    always_analyze: bool,
    /// The dropped indexes: table, name and the SQL that creates them.
    dropped: Vec<(&'static str, String, String)>,
    /// [`LoadShape::rewritten_at_the_end`].
    rewritten_at_the_end: &'static [&'static str],
    /// [`LoadShape::search_backlog_mib`].
    search_backlog_mib: usize,
    /// The full-text insert triggers suspended for the load, and where it
    /// started; `finish` indexes the load's rows in one pass and restores
    /// them (see `fulltext_load`).
    suspended_triggers: Vec<String>,
    start: Option<super::fulltext_load::LoadStart>,
    /// The insert triggers of derived rows (last outbound contacts,
    /// customer search keys due), suspended with the others.
    derived: Option<super::derived_on_insert::Suspended>,
    /// The ticket history's insert triggers, suspended with the others:
    /// `finish` works out the rows of the loaded tickets once.
    history: Option<super::ticket_history::DeferredHistory<'a>>,
    /// Whether `rebuild_indexes` has run (`finish` runs it otherwise).
    rebuilt: bool,
    cache_size: i64,
}

fn ts(t: Option<DateTime<Utc>>) -> Option<i64> {
    t.map(|t| t.timestamp())
}

impl<'a> Tx<'a> {
    /// Prepares a load of `shape` expected to add about `new_rows` rows.
    /// When they outnumber the rows already in its tables, their secondary
    /// indexes (but the kept ones) are dropped now and rebuilt by `finish`
    /// (one sort instead of a million random inserts); on a large file,
    /// adding a little, they are kept. Either way the insert triggers of the
    /// search index, the ticket histories and the derived rows (see
    /// `derived_on_insert`) are suspended, and `finish` writes what they
    /// would have for the load's rows in one pass each.
    ///
    /// On PostgreSQL nothing is dropped: its indexes and the triggers that
    /// mark rows for search stay as they are (see the module's comment).
    pub fn begin_bulk_load(&self, shape: &'static LoadShape, new_rows: u64) -> Result<BulkLoad<'a>, StoreError> {
        let mut load = BulkLoad {
            db: self.db,
            conn: self.conn,
            tables: shape.tables,
            always_analyze: shape.always_analyze,
            dropped: Vec::new(),
            rewritten_at_the_end: shape.rewritten_at_the_end,
            search_backlog_mib: shape.search_backlog_mib,
            suspended_triggers: Vec::new(),
            start: None,
            derived: None,
            history: None,
            rebuilt: false,
            cache_size: 0,
        };
        let Some(conn) = self.conn else { return Ok(load) };
        load.cache_size = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        conn.pragma_update(None, "ignore_check_constraints", true)?;
        conn.pragma_update(None, "threads", LOAD_SORT_THREADS)?;
        // Counted only as far as the comparison needs: a few rows loaded into
        // a large file read a few rows, not every row of its tables.
        let mut existing: u64 = 0;
        for table in shape.tables {
            let bound = i64::try_from(new_rows.saturating_sub(existing).saturating_add(1)).unwrap_or(i64::MAX);
            // Table names come from the constants above, never from input.
            let sql = format!("SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT ?1)");
            let n: i64 = conn.query_row(&sql, [bound], |r| r.get(0))?;
            existing += n.unsigned_abs();
            if existing > new_rows {
                break;
            }
        }
        if new_rows >= existing {
            let mut stmt = conn.prepare(
                "SELECT name, sql FROM sqlite_master
                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
            )?;
            for table in shape.tables {
                let rows = stmt.query_map([table], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
                for row in rows {
                    let (name, sql) = row?;
                    if !shape.kept.contains(&name.as_str()) {
                        load.dropped.push((table, name, sql));
                    }
                }
            }
            for (_, name, _) in &load.dropped {
                conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
            }
        }
        let cache_kib = if load.dropped.is_empty() {
            shape.cache_kib
        } else {
            shape.rebuild_cache_kib
        };
        conn.pragma_update(None, "cache_size", -cache_kib)?;
        load.suspend_search_triggers(conn)?;
        load.derived = Some(super::derived_on_insert::suspend(conn)?);
        load.history = self.defer_ticket_history()?;
        Ok(load)
    }

    /// A writer whose rows are written as each call comes: what it wrote
    /// is seen at once by the transaction's other statements (an import
    /// looks up the records it added).
    pub fn bulk_writer(&self) -> Result<BulkWriter<'a>, StoreError> {
        let db = self.db;
        Ok(BulkWriter {
            department: db.prepare("INSERT OR IGNORE INTO departments (name) VALUES (?1)")?,
            agent: db.prepare(
                "INSERT OR IGNORE INTO agents (name, display, department, role, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?,
            inserts: Loaded::ALL
                .iter()
                .map(|table| db.prepare(&table.insert_sql()))
                .collect::<Result<_, _>>()?,
            touch: db.prepare(db.pick(
                "UPDATE customers SET last_activity_at = max(coalesce(last_activity_at, 0), ?2) WHERE id = ?1",
                "UPDATE customers SET last_activity_at = greatest(coalesce(last_activity_at, 0), ?2) WHERE id = ?1",
            ))?,
            copy: None,
        })
    }

    /// The writer of a load that reads nothing back until it is done (the
    /// demo): on PostgreSQL its rows are gathered and sent by COPY in
    /// batches, numbered from blocks of ids taken from the tables'
    /// sequences, and are seen by the transaction only once
    /// [`BulkWriter::finish`] has sent the rest. On SQLite it is
    /// [`Tx::bulk_writer`].
    pub fn load_writer(&self) -> Result<BulkWriter<'a>, StoreError> {
        let mut writer = self.bulk_writer()?;
        if self.db.dialect() == Dialect::Postgres {
            writer.copy = Some(super::bulk_pg::Gathered::new(self.db));
        }
        Ok(writer)
    }
}

impl BulkLoad<'_> {
    /// Drops the full-text insert triggers (keeping their SQL to restore),
    /// noting where the load starts so `finish` knows which rows to index.
    fn suspend_search_triggers(&mut self, conn: &Connection) -> Result<(), StoreError> {
        for name in super::fulltext_load::INSERT_TRIGGERS {
            if let Some(sql) = super::suspended_trigger::drop_keeping_sql(conn, name)? {
                self.suspended_triggers.push(sql);
            }
        }
        if !self.suspended_triggers.is_empty() {
            self.start = Some(super::fulltext_load::load_start(conn)?);
        }
        Ok(())
    }

    /// Rebuilds the dropped indexes; a step of its own so that a caller can
    /// tell its progress apart from the search index's (see `finish`).
    pub fn rebuild_indexes(&mut self) -> Result<(), StoreError> {
        if !self.rebuilt {
            self.rebuild(|table| !self.rewritten_at_the_end.contains(&table))?;
        }
        self.rebuilt = true;
        Ok(())
    }

    /// Creates again the dropped indexes of the tables `of` picks.
    fn rebuild(&self, of: impl Fn(&str) -> bool) -> Result<(), StoreError> {
        if let Some(conn) = self.conn {
            for (_, _, sql) in self.dropped.iter().filter(|(table, _, _)| of(table)) {
                conn.execute_batch(sql)?;
            }
        }
        Ok(())
    }

    /// Rebuilds the dropped indexes (unless done already), indexes the
    /// loaded texts for search, works out the ticket histories if their
    /// triggers were suspended, restores the suspended triggers and
    /// refreshes the planner statistics, still inside the caller's
    /// transaction.
    pub fn finish(self) -> Result<(), StoreError> {
        self.finish_while(|| Ok::<_, StoreError>(()))
    }

    /// [`BulkLoad::finish`], running `meanwhile` (on this transaction, after
    /// everything else) while a helper thread may still be building the
    /// search index of a new file: the demo's segments take as long. The
    /// indexes of the tables `meanwhile` rewrites
    /// ([`LoadShape::rewritten_at_the_end`]) are rebuilt after it.
    pub fn finish_while<T, E: From<StoreError>>(mut self, meanwhile: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        self.rebuild_indexes()?;
        let analyze = self.always_analyze || !self.dropped.is_empty();
        let Some(conn) = self.conn else {
            analyze_loaded(self.db, self.tables, analyze)?;
            return meanwhile();
        };
        let search = match self.start {
            Some(start) => Some(super::fulltext_load::begin(conn, start, self.search_backlog_mib)?),
            None => None,
        };
        if let Some(history) = self.history.take() {
            history.finish()?;
        }
        if let Some(derived) = self.derived.take() {
            derived.finish(conn)?;
        }
        for sql in &self.suspended_triggers {
            conn.execute_batch(sql).map_err(StoreError::from)?;
        }
        if analyze {
            analyze_here(conn, "")?;
        }
        let out = meanwhile()?;
        // The tables it rewrote, indexed and their statistics taken now.
        let rewritten = |table: &str| self.rewritten_at_the_end.contains(&table);
        self.rebuild(rewritten)?;
        if analyze {
            for table in self.rewritten_at_the_end {
                if self.dropped.iter().any(|(of, ..)| of == table) {
                    analyze_here(conn, &format!("main.{table}"))?;
                }
            }
        }
        if let Some(search) = search {
            search.finish(conn)?;
        }
        Ok(out)
    }
}

/// `ANALYZE` of `what` (all when empty), within the load's bound on rows read.
fn analyze_here(conn: &Connection, what: &str) -> Result<(), StoreError> {
    conn.pragma_update(None, "analysis_limit", ANALYSIS_LIMIT)?;
    conn.execute_batch(&format!("ANALYZE {what}"))?;
    conn.pragma_update(None, "analysis_limit", 0)?;
    Ok(())
}

/// The end of a load on PostgreSQL: the search rows of what it marked
/// written in one pass (see `bulk_pg::index_marked`), then (when `analyze`)
/// the planner statistics of the loaded tables refreshed inside the load's
/// transaction, so the first queries after a large load plan for its sizes
/// (autovacuum would see them only after the commit, later). A login that
/// does not own a table is told so by a warning, not an error: the
/// statistics then wait for autovacuum.
fn analyze_loaded(db: Db, tables: &[&str], analyze: bool) -> Result<(), StoreError> {
    if db.dialect() == Dialect::Postgres {
        super::bulk_pg::index_marked(db)?;
        if !analyze {
            return Ok(());
        }
        // Table names come from the constant, never from input.
        db.execute(
            &format!("ANALYZE {}, ticket_text, contact_text", tables.join(", ")),
            params![],
        )?;
    }
    Ok(())
}

impl Drop for BulkLoad<'_> {
    fn drop(&mut self) {
        // Failing to restore a setting cannot be reported from here; a
        // setting left changed lasts only as long as this connection.
        if let Some(conn) = self.conn {
            let _ = conn.pragma_update(None, "ignore_check_constraints", false);
            let _ = conn.pragma_update(None, "threads", 0);
            let _ = conn.pragma_update(None, "cache_size", self.cache_size);
        }
    }
}

impl BulkWriter<'_> {
    /// Adds a department unless one of that name exists.
    pub fn department(&mut self, name: &str) -> Result<(), StoreError> {
        self.department.execute([name])?;
        Ok(())
    }

    /// Adds an agent unless one of that name exists.
    pub fn agent(&mut self, a: &NewAgent) -> Result<(), StoreError> {
        self.agent.execute(params![
            a.name,
            a.display,
            a.department,
            a.role.key(),
            a.created_at.timestamp()
        ])?;
        Ok(())
    }

    pub fn customer(&mut self, c: &Customer, birthday: Option<NaiveDate>) -> Result<i64, StoreError> {
        let id = self.insert_row(
            Loaded::Customers,
            &params![
                c.code,
                c.name,
                c.kind.key(),
                c.contact,
                c.phone,
                c.email,
                c.address,
                c.industry,
                c.since.map(|d| d.to_string()),
                c.lifetime_value_cents,
                c.tier.key(),
                c.tier_pinned,
                c.lifecycle,
                c.tags.join(","),
                c.channel.map(|ch| ch.key()),
                c.owner,
                c.notes,
                birthday.map(|d| d.to_string()),
                c.archived,
                c.created_at.timestamp(),
                c.updated_at.timestamp(),
                ts(c.last_activity_at),
                c.version,
            ],
        )?;
        Ok(id)
    }

    pub fn order(&mut self, o: &NewOrder) -> Result<(), StoreError> {
        if o.amount_cents < 0 {
            return Err(Invalid::new(
                "amount",
                o.amount_cents.to_string(),
                crate::domain::error::Reason::Negative,
            )
            .into());
        }
        self.execute_row(
            Loaded::Orders,
            &params![o.customer_id, o.at.timestamp(), o.amount_cents, o.product, o.created_by],
        )?;
        Ok(())
    }

    /// Inserts a ticket with its derived due times; it was entered when opened.
    pub fn ticket(&mut self, t: &Ticket, dues: &TicketDues) -> Result<i64, StoreError> {
        self.insert_ticket(t, dues, t.opened_at)
    }

    /// Inserts an imported ticket with its derived due times: entered now
    /// (`t.updated_at`), as [`Tx::insert_ticket`] enters it.
    pub fn imported_ticket(&mut self, t: &Ticket, dues: &TicketDues) -> Result<i64, StoreError> {
        self.insert_ticket(t, dues, t.updated_at)
    }

    fn insert_ticket(&mut self, t: &Ticket, dues: &TicketDues, created_at: DateTime<Utc>) -> Result<i64, StoreError> {
        let id = self.insert_row(
            Loaded::Tickets,
            &params![
                t.customer_id,
                t.kind.key(),
                t.category,
                t.priority.key(),
                t.channel.key(),
                t.subject,
                t.description,
                t.status.key(),
                t.department,
                t.assignee,
                t.opened_at.timestamp(),
                ts(t.first_response_at),
                ts(t.resolved_at),
                ts(t.closed_at),
                t.reopen_count,
                ts(t.callback_at),
                t.callback_outcome.map(|o| o.key()),
                ts(dues.first_response),
                ts(dues.resolution),
                ts(dues.callback),
                ts(dues.next),
                created_at.timestamp(),
                t.updated_at.timestamp(),
                t.version,
                t.external_id,
                t.tags.join(","),
            ],
        )?;
        Ok(id)
    }

    pub fn event(
        &mut self,
        ticket_id: i64,
        at: DateTime<Utc>,
        event: TicketEvent,
        agent: &str,
    ) -> Result<(), StoreError> {
        self.execute_row(
            Loaded::TicketEvents,
            &params![ticket_id, at.timestamp(), event_key(event), agent],
        )?;
        Ok(())
    }

    pub fn interaction(&mut self, i: &NewInteraction) -> Result<i64, StoreError> {
        let id = self.insert_row(
            Loaded::Interactions,
            &params![
                i.customer_id,
                i.ticket_id,
                i.at.timestamp(),
                i.channel.key(),
                i.direction.key(),
                i.agent,
                i.summary
            ],
        )?;
        Ok(id)
    }

    pub fn survey(&mut self, s: &NewSurvey) -> Result<(), StoreError> {
        let [quality, response, communication] = s.scores;
        for (field, score) in [
            ("quality", quality),
            ("response", response),
            ("communication", communication),
        ] {
            if !(1..=5).contains(&score) {
                return Err(Invalid::new(field, score.to_string(), crate::domain::error::Reason::Score).into());
            }
        }
        self.execute_row(
            Loaded::Surveys,
            &params![
                s.customer_id,
                s.ticket_id,
                s.at.timestamp(),
                quality,
                response,
                communication,
                s.comment,
                s.agent
            ],
        )?;
        Ok(())
    }

    pub fn reminder(&mut self, r: &NewReminder) -> Result<(), StoreError> {
        if !REMINDER_REASONS.contains(&r.reason) {
            let why = crate::domain::error::Reason::NotOneOf {
                allowed: REMINDER_REASONS.iter().map(|r| r.to_string()).collect(),
            };
            return Err(Invalid::new("reason", r.reason, why).into());
        }
        self.execute_row(
            Loaded::Reminders,
            &params![
                r.customer_id,
                r.ticket_id,
                r.due_at.timestamp(),
                r.reason,
                r.note,
                ts(r.done_at),
                r.created_by,
                r.created_at.timestamp()
            ],
        )?;
        Ok(())
    }

    pub fn audit(&mut self, a: &NewAudit) -> Result<(), StoreError> {
        self.execute_row(
            Loaded::Audit,
            &params![
                a.at.timestamp(),
                a.agent,
                a.entity,
                a.entity_id,
                a.field,
                a.old_value,
                a.new_value
            ],
        )?;
        Ok(())
    }

    /// Records contact with a customer, as [`Tx::touch_customer`] does.
    pub fn touch_customer(&mut self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        match &mut self.copy {
            Some(copy) => copy.touch(id, at.timestamp()),
            None => {
                self.touch.execute(params![id, at.timestamp()])?;
                Ok(())
            }
        }
    }

    /// Sends what a load's writer gathered (nothing to do otherwise): the
    /// rows, then the customers' last contacts. A writer dropped without
    /// it loses its gathered rows; the caller's error rolls back the rest.
    pub fn finish(self) -> Result<(), StoreError> {
        match self.copy {
            Some(mut copy) => copy.finish(),
            None => Ok(()),
        }
    }

    /// One row of `table`; its new id.
    fn insert_row(&mut self, table: Loaded, values: &[&dyn ToParam]) -> Result<i64, StoreError> {
        match &mut self.copy {
            Some(copy) => copy.row(table, values),
            None => self.inserts[table as usize].insert(values),
        }
    }

    /// One row of `table`.
    fn execute_row(&mut self, table: Loaded, values: &[&dyn ToParam]) -> Result<(), StoreError> {
        match &mut self.copy {
            Some(copy) => copy.row(table, values).map(drop),
            None => self.inserts[table as usize].execute(values).map(drop),
        }
    }
}
