-- frontdesk schema on PostgreSQL, version 11: the twin of ../0011_search.sql
-- (full-text search over tickets and ticketless interactions).
--
-- frontdesk writes the index text itself (src/domain/fulltext.rs): English
-- words with CJK blanked out, every CJK character, every CJK pair, all split
-- on spaces. SQLite indexes them with contentless FTS5 tables; here each is
-- a plain table with the same columns plus `document`, a tsvector the server
-- derives from them, under a GIN index. Why a tsvector and not pg_trgm: the
-- texts are already cut into terms (the CJK ones too), so what is needed is
-- a word index with stems and phrases, which tsvector is; a trigram index
-- would find substrings the SQLite index does not (and be larger).
--
-- - English: SQLite's tokenizer is `porter unicode61 remove_diacritics 2`
--   (case-folded, stemmed, no stop words). The `simple` configuration folds
--   case but does not stem, so `refunds` would miss `refund`; the
--   configuration frontdesk_words below is `simple` with the Snowball English
--   stemmer (the Porter stemmer's successor) and, like FTS5, no stop words.
--   Diacritics are not removed (that needs the unaccent extension): `café`
--   does not find `cafe` on PostgreSQL.
-- - CJK: `simple` (no stemming); a character or pair is one token, and a
--   longer term is the phrase of its pairs (`北 <-> 京` …) as on SQLite.
-- - Columns: an FTS5 phrase lies within one column. The tsvector has four
--   weights for the six columns: A subject words, B subject CJK, C words,
--   D CJK, so a query can keep a phrase within a part (`term:C`), and rank
--   the subject first (ts_rank's weights), as bm25's column weights do.
--   cjk1 and cjk2 share a weight: a phrase of pairs never matches single
--   characters, so nothing is found across them.
-- - SQLite's tables are contentless (no copy of the text). PostgreSQL has
--   none: the texts are kept beside the vector, which lets the server
--   derive it, lets the store write the same columns on both engines (`id`
--   where SQLite says `rowid`), and costs the index texts' size once more.
-- - FTS5's `hashsize` setting has no counterpart (GIN's fastupdate list
--   plays its part); SQLite's two INSERTs of it are left out.
CREATE TEXT SEARCH DICTIONARY frontdesk_english_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION frontdesk_words (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION frontdesk_words
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH frontdesk_english_stem;

-- ticket_text: id = ticket id (SQLite's rowid).
CREATE TABLE ticket_text (
    id             BIGINT PRIMARY KEY,
    subject_words  TEXT NOT NULL DEFAULT '',
    subject_cjk1   TEXT NOT NULL DEFAULT '',
    subject_cjk2   TEXT NOT NULL DEFAULT '',
    words          TEXT NOT NULL DEFAULT '',
    cjk1           TEXT NOT NULL DEFAULT '',
    cjk2           TEXT NOT NULL DEFAULT '',
    document       tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('frontdesk_words'::regconfig, subject_words), 'A')
        || setweight(to_tsvector('simple'::regconfig, subject_cjk1 || ' ' || subject_cjk2), 'B')
        || setweight(to_tsvector('frontdesk_words'::regconfig, words), 'C')
        || setweight(to_tsvector('simple'::regconfig, cjk1 || ' ' || cjk2), 'D')
    ) STORED
);
CREATE INDEX ticket_text_document ON ticket_text USING gin (document);

-- contact_text: id = interaction id, for interactions without a ticket.
CREATE TABLE contact_text (
    id        BIGINT PRIMARY KEY,
    words     TEXT NOT NULL DEFAULT '',
    cjk1      TEXT NOT NULL DEFAULT '',
    cjk2      TEXT NOT NULL DEFAULT '',
    document  tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('frontdesk_words'::regconfig, words), 'C')
        || setweight(to_tsvector('simple'::regconfig, cjk1 || ' ' || cjk2), 'D')
    ) STORED
);
CREATE INDEX contact_text_document ON contact_text USING gin (document);

-- What changed since the index was last written, filled by the triggers
-- below and emptied by the store before every commit, as on SQLite.
CREATE TABLE search_dirty (
    kind TEXT NOT NULL CHECK (kind IN ('ticket', 'contact')),
    id   BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- A new ticket and a changed subject or description mark the ticket: one
-- function for both triggers.
CREATE FUNCTION tickets_search_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_dirty (kind, id) VALUES ('ticket', NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_search_mark_new();
CREATE TRIGGER tickets_search_au AFTER UPDATE OF subject, description ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_search_mark_new();

CREATE FUNCTION tickets_search_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_dirty (kind, id) VALUES ('ticket', OLD.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION tickets_search_ad();

CREATE FUNCTION interactions_search_ai() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_dirty (kind, id)
        VALUES (CASE WHEN NEW.ticket_id IS NULL THEN 'contact' ELSE 'ticket' END,
                coalesce(NEW.ticket_id, NEW.id))
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_search_ai AFTER INSERT ON interactions
    FOR EACH ROW EXECUTE FUNCTION interactions_search_ai();

-- A moved interaction (a ticket merge) makes both tickets dirty, and its own
-- row: it may have gained or lost a ticket.
CREATE FUNCTION interactions_search_au() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_dirty (kind, id)
        SELECT 'ticket', OLD.ticket_id WHERE OLD.ticket_id IS NOT NULL
        UNION SELECT 'ticket', NEW.ticket_id WHERE NEW.ticket_id IS NOT NULL
        UNION SELECT 'contact', NEW.id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_search_au AFTER UPDATE OF summary, body, ticket_id ON interactions
    FOR EACH ROW EXECUTE FUNCTION interactions_search_au();

CREATE FUNCTION interactions_search_ad() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_dirty (kind, id)
        VALUES (CASE WHEN OLD.ticket_id IS NULL THEN 'contact' ELSE 'ticket' END,
                coalesce(OLD.ticket_id, OLD.id))
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER interactions_search_ad AFTER DELETE ON interactions
    FOR EACH ROW EXECUTE FUNCTION interactions_search_ad();

-- The first writing open builds the index of what is already there.
INSERT INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets;
INSERT INTO search_dirty (kind, id) SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL;
