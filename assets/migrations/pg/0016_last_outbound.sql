-- frontdesk schema on PostgreSQL, version 16: the twin of
-- ../0016_last_outbound.sql (each customer's last outbound contact, kept
-- exact by triggers; the cadence and occasion indexes).
CREATE TABLE customer_last_outbound (
    customer_id BIGINT PRIMARY KEY,
    at          BIGINT NOT NULL
);

INSERT INTO customer_last_outbound (customer_id, at)
    SELECT customer_id, max(at) FROM interactions WHERE direction = 'out' GROUP BY customer_id;

-- A new outbound contact can only move the last one later. SQLite's
-- two-argument max() is greatest() here.
CREATE FUNCTION interactions_last_outbound_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_last_outbound AS c (customer_id, at) VALUES (NEW.customer_id, NEW.at)
        ON CONFLICT (customer_id) DO UPDATE SET at = greatest(c.at, excluded.at);
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_last_outbound_ai AFTER INSERT ON interactions
    FOR EACH ROW WHEN (NEW.direction = 'out') EXECUTE FUNCTION interactions_last_outbound_ai();

-- A removed or changed one may have been the last: find it again, for the
-- customer it left and the one it now belongs to.
CREATE FUNCTION interactions_last_outbound_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM customer_last_outbound WHERE customer_id = OLD.customer_id;
    INSERT INTO customer_last_outbound (customer_id, at)
        SELECT customer_id, max(at) FROM interactions
         WHERE customer_id = OLD.customer_id AND direction = 'out' GROUP BY customer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_last_outbound_ad AFTER DELETE ON interactions
    FOR EACH ROW WHEN (OLD.direction = 'out') EXECUTE FUNCTION interactions_last_outbound_ad();

CREATE FUNCTION interactions_last_outbound_au() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM customer_last_outbound WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
    INSERT INTO customer_last_outbound (customer_id, at)
        SELECT customer_id, max(at) FROM interactions
         WHERE customer_id IN (OLD.customer_id, NEW.customer_id) AND direction = 'out'
         GROUP BY customer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_last_outbound_au AFTER UPDATE OF customer_id, direction, at ON interactions
    FOR EACH ROW WHEN (OLD.direction = 'out' OR NEW.direction = 'out')
    EXECUTE FUNCTION interactions_last_outbound_au();

CREATE INDEX customers_cadence ON customers(tier, archived, created_at, code, name);

-- The expressions must stay the ones OCCASIONS_SQL writes in
-- src/store/occasions.rs (substr is the same function on both engines).
CREATE INDEX customers_birthday_day ON customers(substr(birthday, 6, 5));
CREATE INDEX customers_since_day ON customers(substr(since, 6, 5));

DROP INDEX tickets_callback_owed;
CREATE INDEX tickets_callback_owed ON tickets(callback_due, status, assignee, customer_id)
    WHERE callback_at IS NULL AND callback_due IS NOT NULL;
CREATE INDEX customers_archived ON customers(id) WHERE archived;
ANALYZE customers;
