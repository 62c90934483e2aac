//! Each ticket's history in one row (`ticket_history`, migration 0021: its
//! last event time, its events, its first two outbound contacts), kept exact
//! by triggers and read by the monthly review. A bulk load into a file it
//! outgrows suspends the insert triggers and works the table out once at
//! the end: an upsert per event and per contact cost the demo a sixth of
//! its time.

/// The triggers a bulk load suspends (the edit and delete ones never fire
/// on its inserts).
pub(super) const INSERT_TRIGGERS: &[&str] = &["ticket_events_history_ai", "interactions_history_ai"];

/// Every ticket's row worked out again from its events and contacts: the
/// statements that fill the table in `0021_ticket_history.sql`.
pub(super) const REBUILD_SQL: &str = "
    DELETE FROM ticket_history;
    INSERT INTO ticket_history (ticket_id, last_at, events)
        SELECT ticket_id, max(at), group_concat(at || ':' || id || ':' || event, ',')
          FROM ticket_events GROUP BY ticket_id;
    INSERT OR IGNORE INTO ticket_history (ticket_id)
        SELECT DISTINCT ticket_id FROM interactions WHERE direction = 'out' AND ticket_id IS NOT NULL;
    UPDATE ticket_history SET
        first_out = (SELECT at FROM interactions i
                      WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                      ORDER BY at LIMIT 1),
        second_out = (SELECT at FROM interactions i
                       WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                       ORDER BY at LIMIT 1 OFFSET 1);";
