-- The report stamp (issue #14): a counter that every change to the facts of
-- the monthly review and the dashboard moves, other than the insertion of a
-- new row into an id-ordered table (the stamp reads the largest id of those,
-- which an insertion raises). A reader that kept figures together with the
-- stamp it read before them may show them again while the stamp is unchanged;
-- presence heartbeats, knowledge-base edits, reminders and the like do not
-- move it. Updates and deletions are rare beside insertions, so a trigger per
-- row costs the everyday writes and bulk imports nothing measurable.
CREATE TABLE report_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO report_epoch (id, n) VALUES (1, 0);

-- Tickets: kind, priority, channel and customer pick the SLA policy; status,
-- assignee and department show in the figures; a merge moves the customer.
-- Not the due times the SLA engine derives and stores on every change, nor
-- the subject, tags or triage marks, which no figure reads.
CREATE TRIGGER report_epoch_tickets_update
AFTER UPDATE OF customer_id, kind, priority, channel, status, department, assignee, opened_at,
    first_response_at, resolved_at, closed_at, callback_at, callback_outcome
ON tickets
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_tickets_delete AFTER DELETE ON tickets
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER report_epoch_events_update AFTER UPDATE ON ticket_events
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_events_delete AFTER DELETE ON ticket_events
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER report_epoch_interactions_update AFTER UPDATE ON interactions
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_interactions_delete AFTER DELETE ON interactions
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER report_epoch_surveys_update AFTER UPDATE ON surveys
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_surveys_delete AFTER DELETE ON surveys
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER report_epoch_orders_update AFTER UPDATE ON orders
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_orders_delete AFTER DELETE ON orders
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TRIGGER report_epoch_corrections_update AFTER UPDATE ON order_corrections
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_corrections_delete AFTER DELETE ON order_corrections
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

-- Customers: the tier picks SLA policies; the at-risk list shows the rest.
-- Not the derived sums and clocks (lifetime value, last activity) written
-- beside every order and interaction, which the new row's id already moves.
CREATE TRIGGER report_epoch_customers_update
AFTER UPDATE OF code, name, kind, contact, phone, email, tier, tier_pinned, lifecycle, archived, version
ON customers
WHEN old.code IS NOT new.code OR old.name IS NOT new.name OR old.kind IS NOT new.kind
  OR old.contact IS NOT new.contact OR old.phone IS NOT new.phone OR old.email IS NOT new.email
  OR old.tier IS NOT new.tier OR old.tier_pinned IS NOT new.tier_pinned
  OR old.lifecycle IS NOT new.lifecycle OR old.archived IS NOT new.archived
  OR old.version IS NOT new.version
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_customers_delete AFTER DELETE ON customers
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;

-- The SLA rules judge every month's clocks.
CREATE TRIGGER report_epoch_policies_insert AFTER INSERT ON sla_policies
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_policies_update AFTER UPDATE ON sla_policies
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_policies_delete AFTER DELETE ON sla_policies
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_calendars_insert AFTER INSERT ON sla_calendars
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_calendars_update AFTER UPDATE ON sla_calendars
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER report_epoch_calendars_delete AFTER DELETE ON sla_calendars
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
