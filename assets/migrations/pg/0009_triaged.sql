-- frontdesk schema on PostgreSQL, version 9: the twin of ../0009_triaged.sql
-- (who made the last triage decision on a ticket, and when).
ALTER TABLE tickets ADD COLUMN triaged_by TEXT;
ALTER TABLE tickets ADD COLUMN triaged_at BIGINT;
