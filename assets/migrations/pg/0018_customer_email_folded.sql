-- frontdesk schema on PostgreSQL, version 18: the twin of
-- ../0018_customer_email_folded.sql (a sender found by folded address).
CREATE INDEX customers_email_folded ON customers(lower(trim(email))) WHERE email <> '' AND NOT archived;
