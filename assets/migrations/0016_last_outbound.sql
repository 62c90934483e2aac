-- Each customer's last outbound contact (issue #14, reminders' first screen):
-- the contact cadence, occasions and low-survey reminders read it for every
-- customer, and finding it by a subquery per customer costs 100k index
-- searches on a large file. The triggers below keep it exact on every write
-- to interactions (a contact logged, one edited or deleted, a merge moving a
-- customer's interactions, an import, the sqlite3 shell), so it is never
-- older or newer than the interactions it stands for. Readers still look at
-- the interactions when it lies after the `now` they ask about (a replaced
-- clock), since the stored one is the last of all time.
CREATE TABLE customer_last_outbound (
    customer_id INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL
);

INSERT INTO customer_last_outbound (customer_id, at)
    SELECT customer_id, max(at) FROM interactions WHERE direction = 'out' GROUP BY customer_id;

-- A new outbound contact can only move the last one later.
CREATE TRIGGER interactions_last_outbound_ai AFTER INSERT ON interactions
WHEN new.direction = 'out' BEGIN
    INSERT INTO customer_last_outbound (customer_id, at) VALUES (new.customer_id, new.at)
        ON CONFLICT (customer_id) DO UPDATE SET at = max(at, excluded.at);
END;

-- A removed or changed one may have been the last: find it again, for the
-- customer it left and the one it now belongs to.
CREATE TRIGGER interactions_last_outbound_ad AFTER DELETE ON interactions
WHEN old.direction = 'out' BEGIN
    DELETE FROM customer_last_outbound WHERE customer_id = old.customer_id;
    INSERT INTO customer_last_outbound (customer_id, at)
        SELECT customer_id, max(at) FROM interactions
         WHERE customer_id = old.customer_id AND direction = 'out' GROUP BY customer_id;
END;

CREATE TRIGGER interactions_last_outbound_au AFTER UPDATE OF customer_id, direction, at ON interactions
WHEN old.direction = 'out' OR new.direction = 'out' BEGIN
    DELETE FROM customer_last_outbound WHERE customer_id IN (old.customer_id, new.customer_id);
    INSERT INTO customer_last_outbound (customer_id, at)
        SELECT customer_id, max(at) FROM interactions
         WHERE customer_id IN (old.customer_id, new.customer_id) AND direction = 'out'
         GROUP BY customer_id;
END;

-- The contact cadence reads every live customer of a tier with a cadence:
-- this index holds all it reads, so the walk stays off the wide customer
-- rows (a sixth of the pages on the 100k demo).
CREATE INDEX customers_cadence ON customers(tier, archived, created_at, code, name);

-- Birthdays and anniversaries by month-day (`MM-DD` of the stored
-- `YYYY-MM-DD`): the few customers whose day falls in the window are found
-- by index instead of a pass over every customer. The expressions must stay
-- the ones OCCASIONS_SQL writes in src/store/occasions.rs.
CREATE INDEX customers_birthday_day ON customers(substr(birthday, 6, 5));
CREATE INDEX customers_since_day ON customers(substr(since, 6, 5));

-- The agenda counts the callback backlog (tens of thousands owed on a large
-- file): the owed-callback index now holds what the count tests (status,
-- assignee, customer), so the count never reads a ticket row, and the few
-- archived customers are one small set it excludes instead of a customer
-- row read per ticket. ANALYZE tells the planner how few they are.
DROP INDEX tickets_callback_owed;
CREATE INDEX tickets_callback_owed ON tickets(callback_due, status, assignee, customer_id)
    WHERE callback_at IS NULL AND callback_due IS NOT NULL;
CREATE INDEX customers_archived ON customers(id) WHERE archived;
ANALYZE customers_archived;
