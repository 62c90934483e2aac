-- frontdesk schema, version 22: each customer's churn warnings stored with
-- the tier and stage (issue #14, the dashboard's at-risk list).
--
-- The at-risk list worked out every customer's facts (their orders,
-- contacts, complaints and surveys) to find the few dozen it shows: two
-- thirds of a dashboard's read on the 100k demo. The warnings are now
-- written wherever the tier and stage are — whenever an input of the
-- customer changes, and for everyone on the first read of a day — as the
-- JSON the reasons serialise to ('' when there is none), and the list
-- reads them.
ALTER TABLE customers ADD COLUMN churn_warnings TEXT NOT NULL DEFAULT '';

-- The stored segments no longer hold for today: the next read refreshes
-- every customer, warnings included.
DELETE FROM meta WHERE key = 'segments_as_of';

-- The at-risk list is among the figures the report stamp stands for.
DROP TRIGGER report_epoch_customers_update;
CREATE TRIGGER report_epoch_customers_update
AFTER UPDATE OF code, name, kind, contact, phone, email, tier, tier_pinned, lifecycle, archived, version,
    churn_warnings
ON customers
WHEN old.code IS NOT new.code OR old.name IS NOT new.name OR old.kind IS NOT new.kind
  OR old.contact IS NOT new.contact OR old.phone IS NOT new.phone OR old.email IS NOT new.email
  OR old.tier IS NOT new.tier OR old.tier_pinned IS NOT new.tier_pinned
  OR old.lifecycle IS NOT new.lifecycle OR old.archived IS NOT new.archived
  OR old.version IS NOT new.version OR old.churn_warnings IS NOT new.churn_warnings
BEGIN UPDATE report_epoch SET n = n + 1 WHERE id = 1; END;
