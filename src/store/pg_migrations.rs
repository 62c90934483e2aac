//! The PostgreSQL schema, versioned with SQLite's: migration N of
//! assets/migrations/pg/ is the twin of migration N of assets/migrations/,
//! so a database on either engine at version N holds the same tables.
//! PostgreSQL has no `PRAGMA user_version` or `application_id`: a one-row
//! table, `frontdesk_schema`, holds both, written only here.
//!
//! The connection itself (URLs, passwords, TLS) is made elsewhere; this
//! takes a client that is already connected.

use super::StoreError;
use super::error::Foreign;
use postgres::{Client, Transaction};

/// A migration's file name (without `.sql`) and its text.
macro_rules! migration {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../assets/migrations/pg/", $name, ".sql")),
        )
    };
}

/// In order; append-only, like SQLite's list in `migrations.rs`, and as long
/// as it (a test says so).
pub(crate) const PG_MIGRATIONS: &[(&str, &str)] = &[
    migration!("0001_initial"),
    migration!("0002_kb"),
    migration!("0003_crm"),
    migration!("0004_presence"),
    migration!("0005_report"),
    migration!("0006_order_corrections"),
    migration!("0007_external_ids"),
    migration!("0008_correction_external_ids"),
    migration!("0009_triaged"),
    migration!("0010_macros"),
    migration!("0011_search"),
    migration!("0012_views"),
    migration!("0013_find_indexes"),
    migration!("0014_customer_keys"),
    migration!("0015_report_stamp"),
    migration!("0016_last_outbound"),
    migration!("0017_mail"),
    migration!("0018_customer_email_folded"),
    migration!("0019_server_roles"),
    migration!("0020_search_storage"),
    migration!("0021_ticket_history"),
    migration!("0022_churn_warnings"),
    migration!("0023_at_risk_order"),
];

/// `frontdesk_schema.application` of a frontdesk database: what SQLite's
/// `application_id` ("FDSK") says of a file.
pub(crate) const APPLICATION: &str = "frontdesk";

/// The key of the advisory lock every migrating transaction takes first,
/// so two frontdesks starting on one database migrate it one after the
/// other; the second then finds the work done. Frontdesk's application id,
/// so it is unlikely to meet another program's key.
const MIGRATION_LOCK: i64 = super::migrations::APPLICATION_ID;

/// The version table, made in the transaction of the first migration. The
/// unique index on a constant keeps it to one row.
const SCHEMA_TABLE: &str = "
    CREATE TABLE frontdesk_schema (
        version     BIGINT NOT NULL,
        application TEXT NOT NULL
    );
    CREATE UNIQUE INDEX frontdesk_schema_one_row ON frontdesk_schema ((true));
";

/// Brings the database to the latest version, one transaction per
/// migration, and returns the version it is at. An empty database (no table
/// in its schema) gets the whole schema; one of a newer frontdesk, or with
/// someone else's tables, is refused and left untouched.
pub(crate) fn migrate(client: &mut Client) -> Result<i64, StoreError> {
    loop {
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        let found = schema_version(&mut tx)?;
        let Some((_, sql)) = usize::try_from(found.version)
            .ok()
            .and_then(|next| PG_MIGRATIONS.get(next))
        else {
            // Current: nothing was written, the lock goes with the transaction.
            tx.commit()?;
            return Ok(found.version);
        };
        if !found.has_table {
            tx.batch_execute(SCHEMA_TABLE)?;
            tx.execute(
                "INSERT INTO frontdesk_schema (version, application) VALUES (0, $1)",
                &[&APPLICATION],
            )?;
        }
        tx.batch_execute(sql)?;
        tx.execute("UPDATE frontdesk_schema SET version = $1", &[&(found.version + 1)])?;
        tx.commit()?;
    }
}

/// The version of a frontdesk database, or of an empty one (0).
struct Found {
    version: i64,
    has_table: bool,
}

/// Reads the version under the migration lock; refuses a database that is
/// not frontdesk's, or is of a newer frontdesk, before anything is written.
fn schema_version(tx: &mut Transaction) -> Result<Found, StoreError> {
    // Only the schema the tables are made in (the first of the search path)
    // counts: another schema of the database is not ours to judge.
    let row = tx.query_one(
        "SELECT current_database()::text,
                    to_regclass(quote_ident(current_schema()) || '.frontdesk_schema') IS NOT NULL,
                    (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f'))",
        &[],
    )?;
    let (database, has_table, tables): (String, bool, i64) = (row.get(0), row.get(1), row.get(2));
    let not_ours = || StoreError::NotFrontdesk {
        path: database.clone(),
        why: Foreign::OtherTables,
    };
    if !has_table {
        return if tables == 0 {
            Ok(Found { version: 0, has_table })
        } else {
            Err(not_ours())
        };
    }
    let rows = tx.query("SELECT version, application FROM frontdesk_schema", &[])?;
    let [row] = rows.as_slice() else {
        return Err(not_ours());
    };
    let (version, application): (i64, String) = (row.get(0), row.get(1));
    if application != APPLICATION {
        return Err(not_ours());
    }
    let known = PG_MIGRATIONS.len() as i64;
    if version > known {
        return Err(StoreError::NewerSchema {
            path: database,
            found: version,
            known,
        });
    }
    Ok(Found { version, has_table })
}

#[doc(hidden)]
pub fn migrate_for_tests(client: &mut Client) -> Result<i64, StoreError> {
    migrate(client)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// The `.sql` file names of a folder, sorted, without the extension.
    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .filter_map(|entry| {
                let name = entry.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".sql").map(str::to_string)
            })
            .collect();
        names.sort();
        names
    }

    /// A SQLite migration added without its PostgreSQL twin (or the other
    /// way round, or out of order) fails here.
    #[test]
    fn every_sqlite_migration_has_its_postgresql_twin_in_the_same_place() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/migrations");
        let sqlite = names(&folder);
        let listed: Vec<String> = PG_MIGRATIONS.iter().map(|(name, _)| name.to_string()).collect();
        assert_eq!(PG_MIGRATIONS.len() as i64, super::super::LATEST_VERSION);
        assert_eq!(sqlite.len(), super::super::migrations::MIGRATIONS.len());
        assert_eq!(listed, sqlite, "the PostgreSQL list follows the SQLite files");
        assert_eq!(names(&folder.join("pg")), sqlite, "a twin file for each SQLite file");
    }

    #[test]
    fn every_migration_names_its_sqlite_twin() {
        for (name, sql) in PG_MIGRATIONS {
            assert!(
                sql.contains(&format!("../{name}.sql")),
                "{name} says which file it follows"
            );
        }
    }
}
