-- frontdesk schema, version 21: each ticket's history in one row (issue #14,
-- the monthly review and the dashboard).
--
-- A report of two months read every event since shortly before them (half a
-- million rows on the 100k/200k/1M demo), sorted them by ticket, fetched the
-- older events of the tickets found and then the tickets and their first two
-- outbound contacts one lookup each: three quarters of its time. One row per
-- ticket now holds what those reads gathered: when its last event happened
-- (indexed, so a report reads only the tickets with an event since a day),
-- its events as `at:id:event` items joined by commas (in the order written,
-- sorted where read, as the queue's history column), and the times of its
-- first two outbound contacts.
--
-- The triggers below keep it exact on every write to ticket_events and
-- interactions (frontdesk's, imports', a merge's, the sqlite3 shell's):
-- an insert appends, an edit or a delete finds the ticket's values again.
-- group_concat, not string_agg: the triggers also run in older sqlite3
-- shells.
CREATE TABLE ticket_history (
    ticket_id  INTEGER PRIMARY KEY,
    last_at    INTEGER,
    events     TEXT NOT NULL DEFAULT '',
    first_out  INTEGER,
    second_out INTEGER
);
CREATE INDEX ticket_history_last ON ticket_history(last_at);

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
                   ORDER BY at LIMIT 1 OFFSET 1);

-- A new event is appended; it can only move the last one later.
CREATE TRIGGER ticket_events_history_ai AFTER INSERT ON ticket_events BEGIN
    INSERT INTO ticket_history (ticket_id, last_at, events)
        VALUES (new.ticket_id, new.at, new.at || ':' || new.id || ':' || new.event)
        ON CONFLICT (ticket_id) DO UPDATE SET
            last_at = max(coalesce(last_at, excluded.last_at), excluded.last_at),
            events = CASE WHEN events = '' THEN excluded.events
                          ELSE events || ',' || excluded.events END;
END;

-- A removed or changed event: the history of the ticket it left and of the
-- one it now belongs to, found again.
CREATE TRIGGER ticket_events_history_ad AFTER DELETE ON ticket_events BEGIN
    UPDATE ticket_history SET
        last_at = (SELECT max(at) FROM ticket_events e WHERE e.ticket_id = ticket_history.ticket_id),
        events = coalesce((SELECT group_concat(at || ':' || id || ':' || event, ',')
                             FROM ticket_events e WHERE e.ticket_id = ticket_history.ticket_id), '')
     WHERE ticket_id = old.ticket_id;
END;

CREATE TRIGGER ticket_events_history_au AFTER UPDATE OF id, ticket_id, at, event ON ticket_events BEGIN
    INSERT OR IGNORE INTO ticket_history (ticket_id) VALUES (new.ticket_id);
    UPDATE ticket_history SET
        last_at = (SELECT max(at) FROM ticket_events e WHERE e.ticket_id = ticket_history.ticket_id),
        events = coalesce((SELECT group_concat(at || ':' || id || ':' || event, ',')
                             FROM ticket_events e WHERE e.ticket_id = ticket_history.ticket_id), '')
     WHERE ticket_id IN (old.ticket_id, new.ticket_id);
END;

-- A new outbound contact of a ticket takes its place among the first two
-- (SET reads the row as it was).
CREATE TRIGGER interactions_history_ai AFTER INSERT ON interactions
WHEN new.direction = 'out' AND new.ticket_id IS NOT NULL BEGIN
    INSERT INTO ticket_history (ticket_id, first_out) VALUES (new.ticket_id, new.at)
        ON CONFLICT (ticket_id) DO UPDATE SET
            first_out = CASE WHEN first_out IS NULL OR excluded.first_out < first_out
                             THEN excluded.first_out ELSE first_out END,
            second_out = CASE WHEN first_out IS NULL THEN second_out
                              WHEN excluded.first_out < first_out THEN first_out
                              WHEN second_out IS NULL OR excluded.first_out < second_out
                              THEN excluded.first_out
                              ELSE second_out END;
END;

-- A removed or changed one may have been one of the two: found again, for
-- the ticket it left and the one it now belongs to.
CREATE TRIGGER interactions_history_ad AFTER DELETE ON interactions
WHEN old.direction = 'out' AND old.ticket_id IS NOT NULL BEGIN
    UPDATE ticket_history SET
        first_out = (SELECT at FROM interactions i
                      WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                      ORDER BY at LIMIT 1),
        second_out = (SELECT at FROM interactions i
                       WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                       ORDER BY at LIMIT 1 OFFSET 1)
     WHERE ticket_id = old.ticket_id;
END;

CREATE TRIGGER interactions_history_au AFTER UPDATE OF ticket_id, direction, at ON interactions
WHEN (old.direction = 'out' AND old.ticket_id IS NOT NULL)
  OR (new.direction = 'out' AND new.ticket_id IS NOT NULL) BEGIN
    INSERT OR IGNORE INTO ticket_history (ticket_id)
        SELECT new.ticket_id WHERE new.ticket_id IS NOT NULL;
    UPDATE ticket_history SET
        first_out = (SELECT at FROM interactions i
                      WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                      ORDER BY at LIMIT 1),
        second_out = (SELECT at FROM interactions i
                       WHERE i.ticket_id = ticket_history.ticket_id AND i.direction = 'out'
                       ORDER BY at LIMIT 1 OFFSET 1)
     WHERE ticket_id IN (old.ticket_id, new.ticket_id);
END;
