-- frontdesk schema on PostgreSQL, version 2: the twin of ../0002_kb.sql.

-- The knowledge base's search. SQLite keeps an FTS5 table with the trigram
-- tokenizer (kb_fts) over the articles, kept in step by three triggers; it
-- finds any substring of three or more characters, case-insensitively,
-- which is what Chinese text needs. PostgreSQL's pg_trgm answers exactly
-- that question (`col ILIKE '%term%'`) from a GIN index on the articles
-- themselves, which the server keeps in step on every write: no copy of the
-- texts and no triggers (kb_articles_ai/_ad/_au have no twin here). The
-- index carries the FTS table's name, kb_fts. A query matches each long
-- term with `(a.title ILIKE ? OR a.body ILIKE ? OR a.tags ILIKE ?)`; there
-- is no bm25, so the ranking is the query's to choose (similarity()).
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may
-- create it without being superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX kb_fts ON kb_articles
    USING gin (title gin_trgm_ops, body gin_trgm_ops, tags gin_trgm_ops);

CREATE INDEX kb_articles_title ON kb_articles(title);
