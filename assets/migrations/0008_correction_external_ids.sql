-- A stable key for order corrections, as orders have (0007): `export
-- order-corrections` fills it from the correction's own key (or its id), and
-- `import order-corrections` stores it, so importing the same export twice
-- adds nothing. Empty for corrections made here. Append-only, like every migration.
ALTER TABLE order_corrections ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX order_corrections_external ON order_corrections(external_id) WHERE external_id IS NOT NULL;
