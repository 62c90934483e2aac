-- frontdesk schema on PostgreSQL, version 18: the twin of
-- ../0018_customer_email_folded.sql (a sender found by folded address).
-- `NOT archived` is `archived = 0` here (a BIGINT flag): the sender lookup
-- must say so on PostgreSQL to use the index.
CREATE INDEX customers_email_folded ON customers(lower(trim(email))) WHERE email <> '' AND archived = 0;
