-- Who made the last triage decision on a ticket, and when (unix seconds):
-- set in the same transaction as the decision (a key in triage, a bulk
-- change from the queue's marks), restored by its undo, NULL when nobody
-- has decided on the ticket yet. The queue shows it and can hide what was
-- triaged. Not a versioned field: the mark rides on the decision's version.
ALTER TABLE tickets ADD COLUMN triaged_by TEXT;
ALTER TABLE tickets ADD COLUMN triaged_at INTEGER;
