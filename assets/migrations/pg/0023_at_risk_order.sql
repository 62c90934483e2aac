-- frontdesk schema on PostgreSQL, version 23: the twin of
-- ../0023_at_risk_order.sql (the at-risk list read in its own order).
CREATE INDEX customers_at_risk ON customers(
    (length(churn_warnings) - length(replace(churn_warnings, '"reason"', ''))) DESC,
    lifetime_value_cents DESC, id)
  WHERE churn_warnings <> '' AND NOT archived;
