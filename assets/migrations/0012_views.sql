-- Saved views (issue #13, "Find anything"): a named filter-language query,
-- shown in the TUI's views bar in `position` order and listed by
-- `ticket list --view NAME`.
--
-- The shipped views are seeded here once, with a stable `builtin` key;
-- their display names come from the catalogue in the interface language,
-- so `name` holds the key for them. A shipped view an agent removes stays
-- removed: no later migration seeds views again.
CREATE TABLE views (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    query       TEXT NOT NULL,
    position    INTEGER NOT NULL,
    builtin     TEXT UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

INSERT INTO views (name, query, position, builtin, created_at) VALUES
    ('mine',            'assignee:me status:active sort:due',        1, 'mine',            CAST(strftime('%s', 'now') AS INTEGER)),
    ('unassigned',      'assignee:none status:active sort:due',      2, 'unassigned',      CAST(strftime('%s', 'now') AS INTEGER)),
    ('breached',        'sla:breached sort:due',                     3, 'breached',        CAST(strftime('%s', 'now') AS INTEGER)),
    ('waiting',         'status:pending sort:updated',               4, 'waiting',         CAST(strftime('%s', 'now') AS INTEGER)),
    ('complaints-week', 'kind:complaint opened:>=sow sort:opened',   5, 'complaints-week', CAST(strftime('%s', 'now') AS INTEGER));
