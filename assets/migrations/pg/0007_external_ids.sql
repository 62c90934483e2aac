-- frontdesk schema on PostgreSQL, version 7: the twin of
-- ../0007_external_ids.sql (stable keys for orders, surveys, reminders).
ALTER TABLE orders ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX orders_external ON orders(external_id) WHERE external_id IS NOT NULL;
ALTER TABLE surveys ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX surveys_external ON surveys(external_id) WHERE external_id IS NOT NULL;
ALTER TABLE reminders ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX reminders_external ON reminders(external_id) WHERE external_id IS NOT NULL;
