//! Append-only migrations keyed by `PRAGMA user_version`. A released
//! migration is never edited; a change is a new entry at the end.

use super::StoreError;
use rusqlite::Connection;

/// Marks a file as frontdesk's (`PRAGMA application_id`): "FDSK".
pub const APPLICATION_ID: i64 = 0x4644_534B;

pub const MIGRATIONS: &[&str] = &[
    include_str!("../../assets/migrations/0001_initial.sql"),
    include_str!("../../assets/migrations/0002_kb.sql"),
    include_str!("../../assets/migrations/0003_crm.sql"),
    include_str!("../../assets/migrations/0004_presence.sql"),
    include_str!("../../assets/migrations/0005_report.sql"),
    include_str!("../../assets/migrations/0006_order_corrections.sql"),
    include_str!("../../assets/migrations/0007_external_ids.sql"),
    include_str!("../../assets/migrations/0008_correction_external_ids.sql"),
    include_str!("../../assets/migrations/0009_triaged.sql"),
    include_str!("../../assets/migrations/0010_macros.sql"),
    include_str!("../../assets/migrations/0011_search.sql"),
    include_str!("../../assets/migrations/0012_views.sql"),
    include_str!("../../assets/migrations/0013_find_indexes.sql"),
    include_str!("../../assets/migrations/0014_customer_keys.sql"),
    include_str!("../../assets/migrations/0015_report_stamp.sql"),
    include_str!("../../assets/migrations/0016_last_outbound.sql"),
    include_str!("../../assets/migrations/0017_mail.sql"),
    include_str!("../../assets/migrations/0018_customer_email_folded.sql"),
    include_str!("../../assets/migrations/0019_server_roles.sql"),
    include_str!("../../assets/migrations/0020_search_storage.sql"),
    include_str!("../../assets/migrations/0021_ticket_history.sql"),
    include_str!("../../assets/migrations/0022_churn_warnings.sql"),
    include_str!("../../assets/migrations/0023_at_risk_order.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations the file lacks, in one immediate transaction so two
/// agents opening a fresh file at once cannot both migrate it. A file that is
/// already current is left alone without taking the write lock, so opening
/// the database (every command does) never queues behind other writers.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    if is_current(conn)? {
        return Ok(());
    }
    super::retry::write(conn, |tx| {
        let conn = tx.sqlite()?;
        let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (index, sql) in MIGRATIONS
            .iter()
            .enumerate()
            .skip(usize::try_from(current).unwrap_or(0))
        {
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", index as i64 + 1)?;
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        // Index what a migration marked (0011 marks every record): a file is
        // searchable as soon as it is opened.
        tx.flush_search_index()?;
        tx.flush_customer_keys()?;
        Ok(())
    })
}

fn is_current(conn: &Connection) -> Result<bool, StoreError> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i64 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    Ok(version == LATEST_VERSION && app_id == APPLICATION_ID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_file_is_migrated_step_by_step_and_a_current_one_is_left_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        migrate(&mut conn).unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, LATEST_VERSION);
        let presence: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'presence'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(presence, 1);
        let corrections: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'order_corrections'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(corrections, 1);
        assert!(is_current(&conn).unwrap());
        migrate(&mut conn).unwrap();
    }
}
