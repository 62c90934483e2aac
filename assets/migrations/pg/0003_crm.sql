-- frontdesk schema on PostgreSQL, version 3: the twin of ../0003_crm.sql
-- (indexes for contact cadence, callbacks and merging; prospects).
CREATE INDEX interactions_direction ON interactions(customer_id, direction, at);

CREATE INDEX tickets_callback_owed ON tickets(callback_due)
    WHERE callback_at IS NULL AND callback_due IS NOT NULL;

CREATE INDEX reminders_customer ON reminders(customer_id) WHERE customer_id IS NOT NULL;

UPDATE customers SET lifecycle = 'prospect'
 WHERE lifecycle = 'new' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id);
