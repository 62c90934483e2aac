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
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations the file lacks, in one immediate transaction so two
/// agents opening a fresh file at once cannot both migrate it.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(current).unwrap_or(0))
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}
