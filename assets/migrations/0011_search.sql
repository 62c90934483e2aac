-- Full-text search over tickets and ticketless interactions (issue #13).
--
-- frontdesk writes the index text itself (src/domain/fulltext.rs): English
-- words with CJK blanked out, every CJK character, and every CJK pair, so the
-- tokenizer only has to split on spaces and stem English. The tables are
-- contentless (the texts stay in tickets and interactions only) to keep the
-- file small; rows are rewritten whole by the store.
--
-- ticket_text: rowid = ticket id; the subject in its own columns so a ticket
-- about a word ranks above one that mentions it once in a reply; the rest
-- holds the description and the summary and body of every interaction.
CREATE VIRTUAL TABLE ticket_text USING fts5(
    subject_words, subject_cjk1, subject_cjk2, words, cjk1, cjk2,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- contact_text: rowid = interaction id, for interactions without a ticket
-- (logged calls, notes); a ticket's interactions are found through it.
CREATE VIRTUAL TABLE contact_text USING fts5(
    words, cjk1, cjk2,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- What changed since the index was last written, filled by the triggers below
-- (plain SQL, so the sqlite3 shell can still write the file) and emptied by
-- the store just before every commit (src/store/fulltext_index.rs).
-- kind 'ticket': a ticket's row in ticket_text; 'contact': an interaction's
-- row in contact_text (written only while it has no ticket).
CREATE TABLE search_dirty (
    kind TEXT NOT NULL CHECK (kind IN ('ticket', 'contact')),
    id   INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE TRIGGER tickets_search_ai AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id) VALUES ('ticket', new.id);
END;
CREATE TRIGGER tickets_search_au AFTER UPDATE OF subject, description ON tickets BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id) VALUES ('ticket', new.id);
END;
CREATE TRIGGER tickets_search_ad AFTER DELETE ON tickets BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id) VALUES ('ticket', old.id);
END;

CREATE TRIGGER interactions_search_ai AFTER INSERT ON interactions BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id)
        VALUES (CASE WHEN new.ticket_id IS NULL THEN 'contact' ELSE 'ticket' END,
                coalesce(new.ticket_id, new.id));
END;
-- A moved interaction (a ticket merge) makes both tickets dirty, and its own
-- row: it may have gained or lost a ticket.
CREATE TRIGGER interactions_search_au AFTER UPDATE OF summary, body, ticket_id ON interactions BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id)
        SELECT 'ticket', old.ticket_id WHERE old.ticket_id IS NOT NULL
        UNION SELECT 'ticket', new.ticket_id WHERE new.ticket_id IS NOT NULL
        UNION SELECT 'contact', new.id;
END;
CREATE TRIGGER interactions_search_ad AFTER DELETE ON interactions BEGIN
    INSERT OR IGNORE INTO search_dirty (kind, id)
        VALUES (CASE WHEN old.ticket_id IS NULL THEN 'contact' ELSE 'ticket' END,
                coalesce(old.ticket_id, old.id));
END;

-- The first writing open builds the index of what is already there.
INSERT INTO search_dirty (kind, id) SELECT 'ticket', id FROM tickets;
INSERT INTO search_dirty (kind, id) SELECT 'contact', id FROM interactions WHERE ticket_id IS NULL;
