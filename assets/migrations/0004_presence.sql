-- frontdesk schema, version 4: who has which record open right now.
-- One row per agent and record, refreshed by a heartbeat while the record is
-- open in a TUI; a row older than the expiry (30 s) means the agent has gone.
-- Not part of the audit trail: presence is ephemeral and rows are deleted.

CREATE TABLE presence (
    agent      TEXT NOT NULL,
    entity     TEXT NOT NULL,          -- 'ticket' (customers may follow)
    entity_id  INTEGER NOT NULL,
    beat_at    INTEGER NOT NULL,       -- UTC unix seconds of the last heartbeat
    PRIMARY KEY (entity, entity_id, agent)
) WITHOUT ROWID;
CREATE INDEX presence_beat ON presence(beat_at);
