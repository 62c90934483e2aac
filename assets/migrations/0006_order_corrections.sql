-- Corrections of an order (refunds and cancellations): recorded beside the order, never
-- an edit of it, so the history shows what was sold and what was given back. An order's
-- net amount is its amount less its corrections; together they never exceed the amount
-- (checked by the service, which also keeps the customer's lifetime value net).
-- Append-only, like every migration.
CREATE TABLE order_corrections (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders(id),
    at           INTEGER NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('refund', 'cancel')),
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
    note         TEXT NOT NULL DEFAULT '',
    created_by   TEXT NOT NULL
);
CREATE INDEX order_corrections_order ON order_corrections(order_id, at);
