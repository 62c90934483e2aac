//! The only code that knows SQL. Opens the file, sets the pragmas, runs the
//! append-only migrations and maps rows to domain types. No rusqlite type
//! leaves this module.

#[macro_use]
mod last_outbound;
mod agents;
mod apart;
mod audit;
mod backup;
mod bulk;
mod bulk_pg;
mod bulk_rows;
mod copy;
mod copy_aside;
mod crm;
mod customer_keys;
mod customers;
mod derived_on_insert;
mod error;
mod export;
mod filling;
mod fulltext;
mod fulltext_aside;
mod fulltext_index;
mod fulltext_load;
pub mod header;
mod health;
mod history_text;
mod interactions;
mod kb;
mod load_shape;
mod location;
mod macros;
mod mail_in;
mod mail_outbox;
mod mail_read;
mod mail_sources;
mod merge;
mod migrations;
mod occasions;
mod open;
mod orders;
mod pg_connect;
mod pg_doctor;
mod pg_engine;
#[doc(hidden)]
pub mod pg_migrations;
mod picks;
mod policies;
mod presence;
mod probe;
mod queue_bands;
mod reminders;
mod report;
mod report_stamp;
mod retry;
mod rows;
mod screens;
mod sla_settings;
pub(crate) mod sql;
mod surveys;
mod suspended_trigger;
mod ticket_find;
mod ticket_history;
mod tickets;
mod triaged;
mod views;

pub use apart::Apart;
pub use backup::{BackupInfo, is_frontdesk_file};
pub use bulk::{
    BulkLoad, BulkWriter, DEMO_LOAD, LoadShape, NewAgent, NewAudit, NewInteraction, NewOrder, NewReminder, NewSurvey,
    TICKET_IMPORT,
};
pub use copy::{Copied, CopyProgress, REBUILT, Role, TABLES, Table, insertable_columns};
pub use crm::{CadenceRow, CallbackRow, FactsRow};
pub use customer_keys::CustomerKeys;
pub use customers::{CustomerQuery, CustomerSearchRow};
pub use error::{Foreign, StoreError};
pub use export::{
    ExportTable, ExportedCorrection, ExportedOrder, ExportedReminder, ExportedSurvey, Keyed, export_queries,
};
pub use fulltext::{PgTextFilter, TextFilter, ticket_text_filter};
pub use health::{ForeignKeyProblem, Health};
pub use interactions::ExportedInteraction;
pub use location::{Location, PgTarget, SslMode};
pub use mail_in::NewMailMessage;
pub use mail_outbox::{Claimed, QueuedMail, Thread};
pub use mail_sources::ImapPosition;
pub use merge::Moved;
pub use migrations::{APPLICATION_ID, LATEST_VERSION};
pub use occasions::{LowSurveyRow, OccasionRow, SurveyNote};
pub use open::{JournalMode, OpenOptions, sidecar};
pub use pg_connect::{PasswordSource, PgFailure, PgSecrets, PgWarning, connect};
pub use pg_doctor::ServerHealth;
pub use reminders::ReminderRow;
pub use report::{FirstTwo, ReportHistory, ReportSurvey, ReportTicket, TicketGroups, report_queries};
pub use report_stamp::{ReportStamp, report_stamp_sql};
pub use retry::BusyError;
pub use screens::{CustomerRow, SurveyLine};
pub use sla_settings::{SettingsMemo, SlaSettings};
pub use surveys::SurveyQuery;
pub use ticket_find::{
    Clause, Column, Cond, FindOrder, TicketFilter, TimeColumn, count_sql, find_sql, find_sql_postgres,
};
pub use tickets::{LONG_OVERDUE_SQL, QUEUE_SQL, TicketDues, TicketQuery};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Cuts short what a connection is running, from another thread (see
/// [`Store::interrupt_handle`]); wraps the engines' handles so that no
/// rusqlite or postgres type leaves this module.
pub struct Interrupt(Cut);

enum Cut {
    Sqlite(rusqlite::InterruptHandle),
    Postgres(pg_engine::PgCancel),
}

impl Interrupt {
    pub fn interrupt(&self) {
        match &self.0 {
            Cut::Sqlite(handle) => handle.interrupt(),
            Cut::Postgres(cancel) => cancel.cancel(),
        }
    }
}

/// The queries that run on every screen or keystroke, by name, exactly as
/// the store runs them, so tests can keep their plans (`QUEUE_SQL` besides).
pub fn hot_queries() -> Vec<(&'static str, String)> {
    vec![
        ("customer_timeline", interactions::TIMELINE_SQL.to_string()),
        ("customer_by_email", mail_in::CUSTOMER_BY_EMAIL_SQL.to_string()),
        ("ticket_list", tickets::list_sql(false)),
        ("queue_events", tickets::EVENTS_OF_SQL.to_string()),
        ("queue_page", tickets::active_tickets_sql("t.next_due > ?1")),
        ("customer_tickets", tickets::list_sql(true)),
        ("occasions", occasions::OCCASIONS_SQL.to_string()),
        ("cadence", crm::CADENCE_SQL.to_string()),
        ("at_risk_page", format!("{} LIMIT 20", crm::STORED_RISKS_SQL)),
        ("low_surveys", occasions::LOW_SURVEYS_SQL.to_string()),
        ("survey_notes", occasions::SURVEY_NOTES_SQL.to_string()),
        ("customer_names", crm::CUSTOMER_NAMES_SQL.to_string()),
        ("ticket_search", fulltext::search_plan_sql()),
        ("callbacks_owed", crm::CALLBACKS_OWED_SQL.to_string()),
        (
            "callbacks_overdue_count",
            reminders::CALLBACKS_BEFORE_COUNT_SQL.to_string(),
        ),
        ("customer_keys", customer_keys::SCAN_SQL.to_string()),
        ("customer_keys_middle", customer_keys::MIDDLE_SQL.to_string()),
        ("customer_keys_flush", customer_keys::flush_sql()),
        (
            "queue_long_overdue_count",
            queue_bands::LONG_OVERDUE_COUNT_SQL.to_string(),
        ),
        // Not per keystroke, but per load: a few rows imported into a
        // large file must not read all of it.
        (
            "load_last_outbound",
            derived_on_insert::LAST_OUTBOUND_FILL_SQL.to_string(),
        ),
        (
            "load_contacts_on_earlier_tickets",
            fulltext_load::CONTACTS_ON_EARLIER_TICKETS_SQL.to_string(),
        ),
    ]
}

/// An open frontdesk database.
pub struct Store {
    engine: Engine,
    path: PathBuf,
    options: OpenOptions,
    /// The journal mode the file was in before this open set the configured one.
    journal_found: String,
    /// The SLA settings as this store's reads last found them.
    settings: std::cell::RefCell<SettingsMemo>,
}

/// The engine a store runs on.
enum Engine {
    Sqlite(Connection),
    Postgres(Box<pg_engine::PgConn>),
}

/// A transaction: every read and write of a use case goes through one, so a
/// value read and written back cannot be changed by another agent in between.
pub struct Tx<'a> {
    /// The SQLite connection itself, for the modules that are SQLite's own
    /// (bulk loading, the FTS5 index's upkeep); every query module goes
    /// through `db`. `None` on PostgreSQL.
    conn: Option<&'a Connection>,
    /// The engine-neutral statements of this transaction.
    db: sql::Db<'a>,
    /// The store's memory of the SLA settings, in a read (see `sla_settings`).
    memo: Option<&'a std::cell::RefCell<SettingsMemo>>,
}

impl<'a> Tx<'a> {
    /// The SQLite connection, for work only SQLite's modules do.
    pub(super) fn sqlite(&self) -> Result<&'a Connection, StoreError> {
        self.conn
            .ok_or_else(|| StoreError::Sqlite("this work is not yet done on PostgreSQL databases".into()))
    }
}

impl Store {
    /// Opens an existing database, migrating it if needed. A missing file
    /// is [`StoreError::Missing`] and nothing is created.
    pub fn open(path: &Path, options: &OpenOptions) -> Result<Store, StoreError> {
        Store::with(path, options, open::open(path, options, open::IfMissing::Refuse)?)
    }

    /// Opens the database, creating the file and its folders when missing
    /// (`init`, `demo`, the TUI's first start).
    pub fn create(path: &Path, options: &OpenOptions) -> Result<Store, StoreError> {
        Store::with(path, options, open::open(path, options, open::IfMissing::Create)?)
    }

    /// A frontdesk database on a PostgreSQL server, through `client` (see
    /// `pg_connect` for how one is made): migrated like a file, created on
    /// an empty database, refused when newer or someone else's. `shown_as`
    /// names it in messages (a URL without its password).
    pub fn on_postgres(client: postgres::Client, shown_as: &str, options: &OpenOptions) -> Result<Store, StoreError> {
        Store::migrated_on(pg_engine::PgConn::new(client), shown_as, options)
    }

    fn migrated_on(mut conn: pg_engine::PgConn, shown_as: &str, options: &OpenOptions) -> Result<Store, StoreError> {
        pg_migrations::migrate(conn.client())?;
        let mut store = Store {
            engine: Engine::Postgres(Box::new(conn)),
            path: PathBuf::from(shown_as),
            options: options.clone(),
            journal_found: String::new(),
            settings: Default::default(),
        };
        // What a migration marked for the search index and the customer
        // keys is indexed now, as SQLite's migrations do: searchable on open.
        let marked = store.read(|tx| {
            tx.db.query_row(
                "SELECT EXISTS (SELECT 1 FROM search_dirty) OR EXISTS (SELECT 1 FROM customer_keys_dirty)",
                sql::params![],
                |r| r.get::<bool>(0),
            )
        })?;
        if marked {
            store.write(|_| Ok::<_, StoreError>(()))?;
        }
        Ok(store)
    }

    /// A frontdesk database on the server `target` names: connected with
    /// `secrets` ([`connect`]), then opened as [`Store::on_postgres`] does.
    /// The one way the edges open a PostgreSQL store.
    pub fn open_postgres(target: &PgTarget, secrets: &PgSecrets, options: &OpenOptions) -> Result<Store, StoreError> {
        let client = connect(target, secrets)?;
        let reach = pg_engine::Reach {
            target: target.clone(),
            secrets: secrets_kept(secrets),
        };
        let conn = pg_engine::PgConn::new(client).with_reach(std::sync::Arc::new(reach));
        Store::migrated_on(conn, &target.to_string(), options)
    }

    /// Another connection to the same database, opened as this one was
    /// (the file with the same options; the server with the same login and
    /// password sources), for a reader or writer on another thread. Not
    /// migrated again: this store's open did that.
    pub fn open_again(&self) -> Result<Store, StoreError> {
        match &self.engine {
            Engine::Sqlite(_) => Store::open(&self.path, &self.options),
            Engine::Postgres(pg) => {
                let Some(reach) = pg.reach() else {
                    return Err(StoreError::Sqlite(
                        "this connection was not opened from a URL: no other can be opened like it".into(),
                    ));
                };
                let client = connect(&reach.target, &reach.secrets)?;
                Ok(Store {
                    engine: Engine::Postgres(Box::new(
                        pg_engine::PgConn::new(client).with_reach(std::sync::Arc::clone(reach)),
                    )),
                    path: self.path.clone(),
                    options: self.options.clone(),
                    journal_found: String::new(),
                    settings: Default::default(),
                })
            }
        }
    }

    /// A frontdesk database on a server as it is — not migrated, nothing
    /// created — for `doctor`, which writes nothing. A database without
    /// frontdesk's schema is [`StoreError::Missing`], as a missing file is.
    pub fn examine_postgres(
        target: &PgTarget,
        secrets: &PgSecrets,
        options: &OpenOptions,
    ) -> Result<Store, StoreError> {
        let mut client = connect(target, secrets)?;
        let ours: bool = client
            .query_one("SELECT to_regclass('frontdesk_schema') IS NOT NULL", &[])?
            .try_get(0)?;
        if !ours {
            return Err(StoreError::Missing {
                path: target.to_string(),
            });
        }
        Ok(Store {
            engine: Engine::Postgres(Box::new(pg_engine::PgConn::new(client))),
            path: PathBuf::from(target.to_string()),
            options: options.clone(),
            journal_found: String::new(),
            settings: Default::default(),
        })
    }

    /// Opens an existing file as it is — not migrated, not checked to be
    /// ours, writes switched off — for `doctor`, which must examine a
    /// damaged file and write nothing. Writes through this store fail.
    pub fn examine(path: &Path, options: &OpenOptions) -> Result<Store, StoreError> {
        let conn = open::open_query_only(path, options)?;
        // Nothing set the mode on this open: the file's own is what it reports.
        let journal_found = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap_or_default();
        Store::with(path, options, open::Opened { conn, journal_found })
    }

    fn with(path: &Path, options: &OpenOptions, opened: open::Opened) -> Result<Store, StoreError> {
        Ok(Store {
            engine: Engine::Sqlite(opened.conn),
            path: path.to_path_buf(),
            options: options.clone(),
            journal_found: opened.journal_found,
            settings: Default::default(),
        })
    }

    /// The SQLite connection, for what only a SQLite file has (its pages,
    /// its journal, its query plans).
    fn sqlite(&self) -> Result<&Connection, StoreError> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn),
            Engine::Postgres(_) => Err(StoreError::Sqlite(
                "this is not yet done on PostgreSQL databases".into(),
            )),
        }
    }

    /// How this store was opened; other connections to the file use the same.
    pub fn options(&self) -> &OpenOptions {
        &self.options
    }

    /// The journal mode the file was in when this store opened it, before the
    /// configured one was set: another mode means an agent sharing the file
    /// is configured differently.
    pub fn journal_found(&self) -> &str {
        &self.journal_found
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLite file a reader on another thread may open a connection of
    /// its own to; none on PostgreSQL, whose `path` is only how the
    /// database is shown (its work runs in the store's own transactions).
    pub fn file(&self) -> Option<&Path> {
        match self.engine {
            Engine::Sqlite(_) => Some(&self.path),
            Engine::Postgres(_) => None,
        }
    }

    /// Stops, from another thread, whatever this connection is running:
    /// a background reader that must end now gets its read cut short.
    pub fn interrupt_handle(&self) -> Interrupt {
        match &self.engine {
            Engine::Sqlite(conn) => Interrupt(Cut::Sqlite(conn.get_interrupt_handle())),
            // The server's cancel request, to whichever connection this
            // store holds when it is sent (a dropped one is replaced).
            Engine::Postgres(pg) => Interrupt(Cut::Postgres(pg.canceller())),
        }
    }

    /// Who the server says this connection is, and whether that login is
    /// the database's admin (its owner or a superuser); `None` on a file,
    /// where the agent is whoever `--agent` names.
    pub fn server_login(&mut self) -> Result<Option<(String, bool)>, StoreError> {
        match &mut self.engine {
            Engine::Sqlite(_) => Ok(None),
            Engine::Postgres(pg) => {
                let row = pg
                    .client()
                    .query_one("SELECT session_user::text, frontdesk_session_role() = 'admin'", &[])?;
                Ok(Some((row.try_get(0)?, row.try_get(1)?)))
            }
        }
    }

    pub fn schema_version(&mut self) -> Result<i64, StoreError> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?),
            Engine::Postgres(pg) => Ok(pg
                .client()
                .query_one("SELECT version FROM frontdesk_schema", &[])?
                .try_get(0)?),
        }
    }

    /// A consistent read: everything `f` sees comes from one snapshot. Like
    /// [`Store::write`] it runs `f` again when SQLite stays busy (in
    /// rollback-journal mode readers wait while a writer commits), so `f`
    /// may run more than once.
    pub fn read<T, E>(&mut self, f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        let mut f = f;
        let memo = &self.settings;
        let mut f = |tx: &Tx| f(&tx.remembering(memo));
        match &mut self.engine {
            Engine::Sqlite(conn) => retry::read(conn, &mut f),
            Engine::Postgres(pg) => pg.read(&mut f),
        }
    }

    /// A write as one `BEGIN IMMEDIATE` transaction: the write lock is taken
    /// up front, so a read-then-write inside `f` never meets another writer
    /// half-way. When SQLite stays busy past the busy timeout — at `BEGIN`,
    /// at `COMMIT` or in a statement inside `f` — the whole transaction is
    /// rolled back and `f` runs again, so agents wait instead of failing
    /// (see `retry.rs`). `f` may therefore run more than once.
    pub fn write<T, E>(&mut self, f: impl FnMut(&Tx) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError> + BusyError,
    {
        let mut f = f;
        let mut write = |tx: &Tx| {
            let out = f(tx)?;
            // Every write keeps the full-text index exact before it commits.
            tx.flush_search_index()?;
            tx.flush_customer_keys()?;
            Ok(out)
        };
        match &mut self.engine {
            Engine::Sqlite(conn) => retry::write(conn, write),
            Engine::Postgres(pg) => pg.write(&mut write),
        }
    }

    /// A counter that changes when another connection commits (`PRAGMA
    /// data_version`; on PostgreSQL the writes' notifications, see
    /// `pg_engine`), so a TUI can refresh only when something changed.
    pub fn data_version(&mut self) -> Result<i64, StoreError> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?),
            Engine::Postgres(pg) => pg.data_version(),
        }
    }

    /// Changes whenever what the file holds may have: another connection
    /// committed (`data_version`) or this one changed rows
    /// (`total_changes()`, which `data_version` leaves out). Results kept
    /// under an equal stamp are still current.
    pub fn change_stamp(&mut self) -> Result<(i64, i64), StoreError> {
        let own: i64 = match &self.engine {
            Engine::Sqlite(conn) => conn.query_row("SELECT total_changes()", [], |r| r.get(0))?,
            // Its own commits, which `data_version` leaves out.
            Engine::Postgres(pg) => pg.own_writes(),
        };
        Ok((self.data_version()?, own))
    }

    /// Runs `EXPLAIN QUERY PLAN` for a hot query (see [`hot_queries`]), so
    /// its plan can be kept under test.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.sqlite()?.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let params = stmt.parameter_count();
        let values: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Integer(0); params];
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Refreshes the planner statistics (after bulk loads).
    pub fn analyze(&self) -> Result<(), StoreError> {
        match &self.engine {
            Engine::Sqlite(conn) => conn.execute_batch("ANALYZE")?,
            Engine::Postgres(_) => {}
        }
        Ok(())
    }
}

/// The password sources of `secrets`, kept by a store that may connect
/// again (the password command runs again then, as libpq's would).
fn secrets_kept(secrets: &PgSecrets) -> PgSecrets {
    PgSecrets {
        pgpassword: secrets
            .pgpassword
            .as_ref()
            .map(|p| crate::domain::secret::Password::new(p.expose().to_string())),
        passfile: secrets.passfile.clone(),
        password_command: secrets.password_command.clone(),
        run_command: secrets.run_command,
        warn: secrets.warn,
    }
}
