-- frontdesk schema on PostgreSQL, version 12: the twin of ../0012_views.sql
-- (saved views, the shipped ones seeded once).
--
-- SQLite's `name TEXT PRIMARY KEY COLLATE NOCASE`: the primary key stays on
-- `name` (what other rows and `copy` refer to) and the unique index on
-- lower(name) keeps two views from differing in case only. Every query that
-- finds a view by name (`ticket list --view`, view rename/delete, the
-- duplicate check) must say `lower(name) = lower($1)` on PostgreSQL.
CREATE TABLE views (
    name        TEXT PRIMARY KEY,
    query       TEXT NOT NULL,
    position    BIGINT NOT NULL,
    builtin     TEXT UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX views_name_nocase ON views (lower(name));

INSERT INTO views (name, query, position, builtin, created_at) VALUES
    ('mine',            'assignee:me status:active sort:due',        1, 'mine',            0),
    ('unassigned',      'assignee:none status:active sort:due',      2, 'unassigned',      0),
    ('breached',        'sla:breached -status:closed sort:due',      3, 'breached',        0),
    ('waiting',         'status:pending sort:updated',               4, 'waiting',         0),
    ('complaints-week', 'kind:complaint opened:>=sow sort:opened',   5, 'complaints-week', 0);
