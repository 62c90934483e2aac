-- frontdesk schema on PostgreSQL, version 14: the twin of
-- ../0014_customer_keys.sql (stored search keys of customers, rebuilt by the
-- store for the customers the triggers mark dirty).
-- Both ids mirror customers.id: plain keys, no identity.
CREATE TABLE customer_keys (
    id       BIGINT PRIMARY KEY,
    activity BIGINT NOT NULL,
    key      BYTEA NOT NULL
);

CREATE TABLE customer_keys_dirty (
    id BIGINT PRIMARY KEY
);

CREATE FUNCTION customers_keys_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_keys_dirty (id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_ai AFTER INSERT ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_keys_ai();

CREATE FUNCTION customers_keys_au() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_keys_dirty (id) VALUES (OLD.id), (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_au AFTER UPDATE OF id, code, name, contact, phone, email, archived ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_keys_au();

CREATE FUNCTION customers_keys_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO customer_keys_dirty (id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_ad AFTER DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_keys_ad();

-- Contact moves the tie-break only, kept in SQL as on SQLite.
CREATE FUNCTION customers_keys_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE customer_keys SET activity = coalesce(NEW.last_activity_at, NEW.created_at)
     WHERE id = NEW.id AND activity IS DISTINCT FROM coalesce(NEW.last_activity_at, NEW.created_at);
    RETURN NULL;
END $$;
CREATE TRIGGER customers_keys_activity AFTER UPDATE OF last_activity_at, created_at ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_keys_activity();

-- The first writing open builds the keys of the customers already there.
INSERT INTO customer_keys_dirty (id) SELECT id FROM customers;
