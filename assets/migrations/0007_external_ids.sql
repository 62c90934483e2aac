-- Stable keys for orders, surveys and stored reminders, as tickets and interactions
-- have: `export` fills the column from the record's own key (or its id), and `import`
-- stores it, so importing the same export twice adds nothing. Empty for records made
-- here. Append-only, like every migration.
ALTER TABLE orders ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX orders_external ON orders(external_id) WHERE external_id IS NOT NULL;
ALTER TABLE surveys ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX surveys_external ON surveys(external_id) WHERE external_id IS NOT NULL;
ALTER TABLE reminders ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX reminders_external ON reminders(external_id) WHERE external_id IS NOT NULL;
