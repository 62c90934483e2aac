-- frontdesk schema on PostgreSQL, version 13: the twin of
-- ../0013_find_indexes.sql (the filter language's slow shapes). The
-- priority expression must stay the one `FindOrder::Priority` writes in
-- src/store/ticket_find.rs, or the planner will not match it.
CREATE INDEX tickets_updated ON tickets(updated_at);

CREATE INDEX tickets_priority_weight ON tickets(
    (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END),
    opened_at
);

CREATE INDEX tickets_tagged ON tickets(opened_at) WHERE tags <> '';
