-- frontdesk schema, version 20: how PostgreSQL stores the search documents.
--
-- A SQLite file's full-text index is FTS5's own (0011): nothing to change.
-- On PostgreSQL the same version keeps each search row's document in its
-- row (pg/0020_search_storage.sql);
-- this migration keeps both engines' schema versions in step.
SELECT 1;
