-- frontdesk schema on PostgreSQL, version 4: the twin of ../0004_presence.sql
-- (who has which record open). SQLite's WITHOUT ROWID has no meaning here:
-- the primary key is an index beside the heap, as for every table.
CREATE TABLE presence (
    agent      TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  BIGINT NOT NULL,
    beat_at    BIGINT NOT NULL,
    PRIMARY KEY (entity, entity_id, agent)
);
CREATE INDEX presence_beat ON presence(beat_at);
