-- Ticket tags and macros (issue #12, "Replies with help").
-- Tags are kept as one comma-joined, normalized column as customer and
-- article tags are: a ticket carries a handful, and `tag:` filters match
-- them with instr(',' || tags || ',', ...) as `customer list --tag` does.
ALTER TABLE tickets ADD COLUMN tags TEXT NOT NULL DEFAULT '';

-- A macro: a named reply text plus field changes, applied to a ticket in one
-- transaction. Empty values (NULL status, '' reply) mean "leaves it alone".
CREATE TABLE macros (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    reply       TEXT NOT NULL DEFAULT '',
    status      TEXT CHECK (status IS NULL OR status IN ('new','open','pending','resolved','closed')),
    priority    TEXT,
    add_tags    TEXT NOT NULL DEFAULT '',
    remove_tags TEXT NOT NULL DEFAULT '',
    assignee    TEXT,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);
