-- Stored search keys of customers (issue #14): the lowercased fields, pinyin
-- readings and spellings the customer search matches against, built in Rust
-- (src/domain/search.rs, `SearchKey`) once per customer write instead of for
-- every customer in every process that searches.
--
-- customer_keys: one row per live (not archived) customer; `activity` is
-- coalesce(last_activity_at, created_at), the ranking's tie-break, so a
-- search reads this table alone; `key` is `SearchKey::encode`'s blob.
CREATE TABLE customer_keys (
    id       INTEGER PRIMARY KEY,
    activity INTEGER NOT NULL,
    key      BLOB NOT NULL
);

-- Customers whose key must be built again, filled by the triggers below
-- (plain SQL, so the sqlite3 shell can still write the file) and emptied by
-- the store just before every commit (src/store/customer_keys.rs). Readers
-- build the keys of customers still listed here themselves, so a row
-- changed by another program is found by its new fields at once.
CREATE TABLE customer_keys_dirty (
    id INTEGER PRIMARY KEY
);

CREATE TRIGGER customers_keys_ai AFTER INSERT ON customers BEGIN
    INSERT OR IGNORE INTO customer_keys_dirty (id) VALUES (new.id);
END;
CREATE TRIGGER customers_keys_au AFTER UPDATE OF id, code, name, contact, phone, email, archived ON customers BEGIN
    INSERT OR IGNORE INTO customer_keys_dirty (id) VALUES (old.id), (new.id);
END;
CREATE TRIGGER customers_keys_ad AFTER DELETE ON customers BEGIN
    INSERT OR IGNORE INTO customer_keys_dirty (id) VALUES (old.id);
END;
-- Contact moves the tie-break only: kept here in SQL, as it changes with
-- every call logged and needs no key built. A customer not yet keyed has no
-- row to update; building its key reads the activity then.
CREATE TRIGGER customers_keys_activity AFTER UPDATE OF last_activity_at, created_at ON customers BEGIN
    UPDATE customer_keys SET activity = coalesce(new.last_activity_at, new.created_at)
     WHERE id = new.id AND activity IS NOT coalesce(new.last_activity_at, new.created_at);
END;

-- The first writing open builds the keys of the customers already there.
INSERT INTO customer_keys_dirty (id) SELECT id FROM customers;
