-- frontdesk schema on PostgreSQL, version 8: the twin of
-- ../0008_correction_external_ids.sql (a stable key for order corrections).
ALTER TABLE order_corrections ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX order_corrections_external ON order_corrections(external_id) WHERE external_id IS NOT NULL;
