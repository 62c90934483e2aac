-- Full-text search of the knowledge base. The trigram tokenizer finds any
-- substring of three or more characters, which is what Chinese text needs
-- (the default tokenizer finds no Chinese words); shorter terms are matched
-- with LIKE by the query code.
CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, body, tags,
    content = 'kb_articles', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER kb_articles_ai AFTER INSERT ON kb_articles BEGIN
    INSERT INTO kb_fts (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;
CREATE TRIGGER kb_articles_ad AFTER DELETE ON kb_articles BEGIN
    INSERT INTO kb_fts (kb_fts, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
END;
CREATE TRIGGER kb_articles_au AFTER UPDATE OF title, body, tags ON kb_articles BEGIN
    INSERT INTO kb_fts (kb_fts, rowid, title, body, tags) VALUES ('delete', old.id, old.title, old.body, old.tags);
    INSERT INTO kb_fts (rowid, title, body, tags) VALUES (new.id, new.title, new.body, new.tags);
END;

-- Imports look articles up by title to skip ones already present.
CREATE INDEX kb_articles_title ON kb_articles(title);
