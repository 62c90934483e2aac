-- frontdesk schema on PostgreSQL, version 21: the twin of
-- ../0021_ticket_history.sql (each ticket's history in one row, kept exact
-- by triggers, for the monthly review). SQLite's two-argument max() is
-- greatest() here, group_concat is string_agg.
CREATE TABLE ticket_history (
    ticket_id  BIGINT PRIMARY KEY,
    last_at    BIGINT,
    events     TEXT NOT NULL DEFAULT '',
    first_out  BIGINT,
    second_out BIGINT
);
CREATE INDEX ticket_history_last ON ticket_history(last_at);

INSERT INTO ticket_history (ticket_id, last_at, events)
    SELECT ticket_id, max(at), string_agg(at || ':' || id || ':' || event, ',')
      FROM ticket_events GROUP BY ticket_id;
INSERT INTO ticket_history (ticket_id)
    SELECT DISTINCT ticket_id FROM interactions WHERE direction = 'out' AND ticket_id IS NOT NULL
    ON CONFLICT (ticket_id) DO NOTHING;
UPDATE ticket_history h SET
    first_out = (SELECT at FROM interactions i
                  WHERE i.ticket_id = h.ticket_id AND i.direction = 'out'
                  ORDER BY at LIMIT 1),
    second_out = (SELECT at FROM interactions i
                   WHERE i.ticket_id = h.ticket_id AND i.direction = 'out'
                   ORDER BY at LIMIT 1 OFFSET 1);

-- The events and the first two outbound contacts of these tickets, found again.
CREATE FUNCTION ticket_history_refresh_events(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE ticket_history h SET
        last_at = (SELECT max(at) FROM ticket_events e WHERE e.ticket_id = h.ticket_id),
        events = coalesce((SELECT string_agg(at || ':' || id || ':' || event, ',')
                             FROM ticket_events e WHERE e.ticket_id = h.ticket_id), '')
     WHERE h.ticket_id = ANY (ids);
$$;
CREATE FUNCTION ticket_history_refresh_outbound(ids BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE ticket_history h SET
        first_out = (SELECT at FROM interactions i
                      WHERE i.ticket_id = h.ticket_id AND i.direction = 'out'
                      ORDER BY at LIMIT 1),
        second_out = (SELECT at FROM interactions i
                       WHERE i.ticket_id = h.ticket_id AND i.direction = 'out'
                       ORDER BY at LIMIT 1 OFFSET 1)
     WHERE h.ticket_id = ANY (ids);
$$;

-- A new event is appended; it can only move the last one later.
CREATE FUNCTION ticket_events_history_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_history AS h (ticket_id, last_at, events)
        VALUES (NEW.ticket_id, NEW.at, NEW.at || ':' || NEW.id || ':' || NEW.event)
        ON CONFLICT (ticket_id) DO UPDATE SET
            last_at = greatest(h.last_at, excluded.last_at),
            events = CASE WHEN h.events = '' THEN excluded.events
                          ELSE h.events || ',' || excluded.events END;
    RETURN NULL;
END $$;
CREATE TRIGGER ticket_events_history_ai AFTER INSERT ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION ticket_events_history_ai();

-- A removed or changed event: the history of the ticket it left and of the
-- one it now belongs to, found again.
CREATE FUNCTION ticket_events_history_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_history_refresh_events(ARRAY[OLD.ticket_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER ticket_events_history_ad AFTER DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION ticket_events_history_ad();

CREATE FUNCTION ticket_events_history_au() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_history (ticket_id) VALUES (NEW.ticket_id) ON CONFLICT (ticket_id) DO NOTHING;
    PERFORM ticket_history_refresh_events(ARRAY[OLD.ticket_id, NEW.ticket_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER ticket_events_history_au AFTER UPDATE OF id, ticket_id, at, event ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION ticket_events_history_au();

-- A new outbound contact of a ticket takes its place among the first two
-- (SET reads the row as it was).
CREATE FUNCTION interactions_history_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_history AS h (ticket_id, first_out) VALUES (NEW.ticket_id, NEW.at)
        ON CONFLICT (ticket_id) DO UPDATE SET
            first_out = CASE WHEN h.first_out IS NULL OR excluded.first_out < h.first_out
                             THEN excluded.first_out ELSE h.first_out END,
            second_out = CASE WHEN h.first_out IS NULL THEN h.second_out
                              WHEN excluded.first_out < h.first_out THEN h.first_out
                              WHEN h.second_out IS NULL OR excluded.first_out < h.second_out
                              THEN excluded.first_out
                              ELSE h.second_out END;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_history_ai AFTER INSERT ON interactions
    FOR EACH ROW WHEN (NEW.direction = 'out' AND NEW.ticket_id IS NOT NULL)
    EXECUTE FUNCTION interactions_history_ai();

-- A removed or changed one may have been one of the two: found again, for
-- the ticket it left and the one it now belongs to.
CREATE FUNCTION interactions_history_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_history_refresh_outbound(ARRAY[OLD.ticket_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_history_ad AFTER DELETE ON interactions
    FOR EACH ROW WHEN (OLD.direction = 'out' AND OLD.ticket_id IS NOT NULL)
    EXECUTE FUNCTION interactions_history_ad();

CREATE FUNCTION interactions_history_au() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.ticket_id IS NOT NULL THEN
        INSERT INTO ticket_history (ticket_id) VALUES (NEW.ticket_id) ON CONFLICT (ticket_id) DO NOTHING;
    END IF;
    PERFORM ticket_history_refresh_outbound(ARRAY[OLD.ticket_id, NEW.ticket_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_history_au AFTER UPDATE OF ticket_id, direction, at ON interactions
    FOR EACH ROW WHEN ((OLD.direction = 'out' AND OLD.ticket_id IS NOT NULL)
                    OR (NEW.direction = 'out' AND NEW.ticket_id IS NOT NULL))
    EXECUTE FUNCTION interactions_history_au();
