-- frontdesk schema, version 19: roles enforced by the server.
--
-- A SQLite file has no server: who may merge, archive or change policies is
-- checked by frontdesk itself (service/roles.rs), as before. On PostgreSQL
-- the same version adds the server's own checks (pg/0019_server_roles.sql);
-- this migration keeps both engines' schema versions in step.
SELECT 1;
