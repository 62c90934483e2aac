-- Saved views (issue #13, "Find anything"): a named filter-language query,
-- shown in the TUI's views bar in `position` order and listed by
-- `ticket list --view NAME`.
--
-- The shipped views are seeded here once, with a stable `builtin` key;
-- their display names come from the catalogue in the interface language,
-- so `name` holds the key for them. A shipped view an agent removes stays
-- removed: no later migration seeds views again. They carry no creation
-- time (0): a wall-clock stamp here made two databases of the same demo
-- seed differ, and ignored --now.
CREATE TABLE views (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    query       TEXT NOT NULL,
    position    INTEGER NOT NULL,
    builtin     TEXT UNIQUE,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

INSERT INTO views (name, query, position, builtin, created_at) VALUES
    ('mine',            'assignee:me status:active sort:due',        1, 'mine',            0),
    ('unassigned',      'assignee:none status:active sort:due',      2, 'unassigned',      0),
    ('breached',        'sla:breached -status:closed sort:due',      3, 'breached',        0),
    ('waiting',         'status:pending sort:updated',               4, 'waiting',         0),
    ('complaints-week', 'kind:complaint opened:>=sow sort:opened',   5, 'complaints-week', 0);
