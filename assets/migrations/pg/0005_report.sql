-- frontdesk schema on PostgreSQL, version 5: the twin of ../0005_report.sql
-- (the monthly review's range indexes).
CREATE INDEX ticket_events_at ON ticket_events(at, event, ticket_id);
CREATE INDEX interactions_activity ON interactions(at, customer_id, direction) WHERE direction <> 'note';
CREATE INDEX orders_at ON orders(at, customer_id);
CREATE INDEX tickets_open ON tickets(opened_at) WHERE status IN ('new', 'open', 'pending');
CREATE INDEX interactions_ticket_direction ON interactions(ticket_id, direction, at) WHERE ticket_id IS NOT NULL;
