-- Indexes for the filter language's slow shapes (issue #13, performance):
-- each turns a full scan and sort of every ticket into an index walk that
-- stops at the page's limit.
--
-- `sort:updated` (and `updated:` ranges): the updated clock in order.
CREATE INDEX tickets_updated ON tickets(updated_at);

-- `sort:priority`: the store orders by this weight (urgent first), then
-- newest first; the expression must stay the one `FindOrder::Priority`
-- writes in src/store/ticket_find.rs, or SQLite will not match it.
CREATE INDEX tickets_priority_weight ON tickets(
    CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END,
    opened_at
);

-- `tag:`: only tagged tickets, newest first. Most tickets carry no tag, so a
-- tag term (which also says `tags <> ''`) walks these instead of them all.
CREATE INDEX tickets_tagged ON tickets(opened_at) WHERE tags <> '';
