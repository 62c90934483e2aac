-- frontdesk schema on PostgreSQL, version 15: the twin of
-- ../0015_report_stamp.sql (the report stamp, issue #14): a counter that
-- every change to the facts of the monthly review and the dashboard moves,
-- other than the insertion of a row into an id-ordered table. Row triggers
-- as on SQLite, so a statement changing n rows moves it n times; the
-- triggers share one function (SQLite repeats one body in each).
--
-- On a server the single row is a hot spot: every updating transaction
-- takes its row lock until it commits. Transactions are short, and the lock
-- is what keeps the stamp exact; a reader never waits for it.
CREATE TABLE report_epoch (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO report_epoch (id, n) VALUES (1, 0);

CREATE FUNCTION report_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE report_epoch SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER report_epoch_tickets_update
AFTER UPDATE OF customer_id, kind, priority, channel, status, department, assignee, opened_at,
    first_response_at, resolved_at, closed_at, callback_at, callback_outcome
ON tickets FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_tickets_delete AFTER DELETE ON tickets
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_events_update AFTER UPDATE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_events_delete AFTER DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_interactions_update AFTER UPDATE ON interactions
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_interactions_delete AFTER DELETE ON interactions
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_surveys_update AFTER UPDATE ON surveys
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_surveys_delete AFTER DELETE ON surveys
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_orders_update AFTER UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_orders_delete AFTER DELETE ON orders
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_corrections_update AFTER UPDATE ON order_corrections
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_corrections_delete AFTER DELETE ON order_corrections
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

-- `IS NOT` (SQLite's null-safe inequality) is IS DISTINCT FROM.
CREATE TRIGGER report_epoch_customers_update
AFTER UPDATE OF code, name, kind, contact, phone, email, tier, tier_pinned, lifecycle, archived, version
ON customers FOR EACH ROW
WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name
  OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.contact IS DISTINCT FROM NEW.contact
  OR OLD.phone IS DISTINCT FROM NEW.phone OR OLD.email IS DISTINCT FROM NEW.email
  OR OLD.tier IS DISTINCT FROM NEW.tier OR OLD.tier_pinned IS DISTINCT FROM NEW.tier_pinned
  OR OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR OLD.archived IS DISTINCT FROM NEW.archived
  OR OLD.version IS DISTINCT FROM NEW.version)
EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_customers_delete AFTER DELETE ON customers
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();

CREATE TRIGGER report_epoch_policies_insert AFTER INSERT ON sla_policies
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_policies_update AFTER UPDATE ON sla_policies
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_policies_delete AFTER DELETE ON sla_policies
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_calendars_insert AFTER INSERT ON sla_calendars
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_calendars_update AFTER UPDATE ON sla_calendars
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
CREATE TRIGGER report_epoch_calendars_delete AFTER DELETE ON sla_calendars
    FOR EACH ROW EXECUTE FUNCTION report_epoch_bump();
