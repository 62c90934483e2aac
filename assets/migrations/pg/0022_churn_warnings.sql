-- frontdesk schema on PostgreSQL, version 22: the twin of
-- ../0022_churn_warnings.sql (each customer's churn warnings stored with
-- the tier and stage, for the at-risk list).
ALTER TABLE customers ADD COLUMN churn_warnings TEXT NOT NULL DEFAULT '';

DELETE FROM meta WHERE key = 'segments_as_of';

DROP TRIGGER report_epoch_customers_update ON customers;
CREATE TRIGGER report_epoch_customers_update
AFTER UPDATE OF code, name, kind, contact, phone, email, tier, tier_pinned, lifecycle, archived, version,
    churn_warnings
ON customers FOR EACH ROW
WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name
  OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.contact IS DISTINCT FROM NEW.contact
  OR OLD.phone IS DISTINCT FROM NEW.phone OR OLD.email IS DISTINCT FROM NEW.email
  OR OLD.tier IS DISTINCT FROM NEW.tier OR OLD.tier_pinned IS DISTINCT FROM NEW.tier_pinned
  OR OLD.lifecycle IS DISTINCT FROM NEW.lifecycle OR OLD.archived IS DISTINCT FROM NEW.archived
  OR OLD.version IS DISTINCT FROM NEW.version OR OLD.churn_warnings IS DISTINCT FROM NEW.churn_warnings)
EXECUTE FUNCTION report_epoch_bump();
