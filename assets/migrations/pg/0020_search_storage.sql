-- frontdesk schema on PostgreSQL, version 20: the twin of ../0020_search_storage.sql —
-- the search documents kept in their rows (the SQLite file only keeps the version in step).
--
-- A search ranks its newest 5000 matches, reading each match's tsvector.
-- With the default storage a row's index texts and its document together
-- pass the toast threshold, and the document, the largest, is moved out of
-- the row: every rank then fetched it from the toast table again. MAIN
-- makes the toaster move the texts out first and keep the document in the
-- row where it fits (nearly every one): a search of a common CJK word in
-- the demo's 200k tickets went from 20 to 12 ms on the server. Rows
-- written before keep their layout until they are written again (a
-- `copy` writes every one).
ALTER TABLE ticket_text ALTER COLUMN document SET STORAGE MAIN;
ALTER TABLE contact_text ALTER COLUMN document SET STORAGE MAIN;
