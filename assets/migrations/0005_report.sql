-- Indexes for the monthly review (`frontdesk report`): every KPI is read by a range
-- query on an instant. Append-only, like every migration.

-- Tickets with events in a month, and status changes after an instant; covering, so the
-- scan never touches the table.
CREATE INDEX ticket_events_at ON ticket_events(at, event, ticket_id);

-- Customer activity in a span, for the churn rate: contacts (internal notes are not
-- activity) and orders, by time. `direction` is in the index so that it covers the query.
CREATE INDEX interactions_activity ON interactions(at, customer_id, direction) WHERE direction <> 'note';
CREATE INDEX orders_at ON orders(at, customer_id);

-- Tickets waiting for the team, for the backlog: a small partial index instead of a
-- scan of every ticket.
CREATE INDEX tickets_open ON tickets(opened_at) WHERE status IN ('new', 'open', 'pending');

-- The first outbound contacts of a ticket (first-contact resolution), read from the index
-- alone.
CREATE INDEX interactions_ticket_direction ON interactions(ticket_id, direction, at) WHERE ticket_id IS NOT NULL;
