-- Relationship management: indexes for contact cadence,
-- callbacks due and merging, and lifecycle stages for customers who never
-- ordered. Append-only: never edit a released migration.

-- The last outbound contact of a customer, found with one seek (contact cadence).
CREATE INDEX interactions_outbound ON interactions(customer_id, at) WHERE direction = 'out';

-- Resolved tickets still owing their callback (回访).
CREATE INDEX tickets_callback_owed ON tickets(callback_due)
    WHERE callback_at IS NULL AND callback_due IS NOT NULL;

-- Moving a customer's reminders on merge.
CREATE INDEX reminders_customer ON reminders(customer_id) WHERE customer_id IS NOT NULL;

-- Until now every customer started as 'new'; one who never ordered is a prospect.
UPDATE customers SET lifecycle = 'prospect'
 WHERE lifecycle = 'new' AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id);
