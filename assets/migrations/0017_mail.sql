-- E-mail as a channel (issue #15). Mail arrives into tickets and replies leave
-- through an outbox; every table here is written in the same transaction as
-- the ticket or interaction it belongs to, so a crash leaves both or neither.

-- Every message seen, in or out, once: `message_key` is the Message-ID (or,
-- when a message has none, a hash of its bytes), so fetching or importing the
-- same message again finds it here and adds nothing. Messages set aside
-- (auto-replies, bounces, bulk and list mail) are kept with their reason and
-- no ticket, so they are counted and never ticketed twice either.
CREATE TABLE mail_messages (
    id              INTEGER PRIMARY KEY,
    message_key     TEXT NOT NULL UNIQUE,
    direction       TEXT NOT NULL CHECK (direction IN ('in','out')),
    ticket_id       INTEGER REFERENCES tickets(id),
    interaction_id  INTEGER REFERENCES interactions(id),
    customer_id     INTEGER REFERENCES customers(id),
    from_address    TEXT NOT NULL DEFAULT '',
    from_name       TEXT NOT NULL DEFAULT '',
    to_address      TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    -- The Date header (or the time it arrived when the header is missing or absurd).
    sent_at         INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    in_reply_to     TEXT NOT NULL DEFAULT '',
    -- Message-IDs of the thread, space-separated, oldest first (the References header).
    refs            TEXT NOT NULL DEFAULT '',
    -- NULL for a message that became part of a ticket; else why it was set
    -- aside: 'auto-reply', 'bounce', 'bulk', 'list', 'loop'.
    set_aside       TEXT,
    -- Where it came from: 'import', or the source as configured (no password).
    origin          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mail_messages_ticket ON mail_messages(ticket_id, sent_at) WHERE ticket_id IS NOT NULL;
CREATE INDEX mail_messages_interaction ON mail_messages(interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX mail_messages_set_aside ON mail_messages(set_aside, received_at) WHERE set_aside IS NOT NULL;

-- A customer's e-mail addresses (lower case), beyond customers.email: the
-- sender of a message is found here first, and a merge moves the merged
-- customer's addresses to the customer that stays.
CREATE TABLE mail_addresses (
    address      TEXT PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id)
);
CREATE INDEX mail_addresses_customer ON mail_addresses(customer_id);

-- Attachment contents, once per distinct content (SHA-256 in hex).
CREATE TABLE mail_blobs (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    data    BLOB NOT NULL
);

-- An attachment of a message: its name as sent (never trusted as a path) and
-- its content by hash.
CREATE TABLE mail_attachments (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES mail_messages(id),
    ticket_id   INTEGER REFERENCES tickets(id),
    file_name   TEXT NOT NULL,
    mime_type   TEXT NOT NULL DEFAULT 'application/octet-stream',
    size        INTEGER NOT NULL,
    sha256      TEXT NOT NULL REFERENCES mail_blobs(sha256)
);
CREATE INDEX mail_attachments_ticket ON mail_attachments(ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX mail_attachments_message ON mail_attachments(message_id);

-- Replies waiting to leave, and what became of them. A row is written in the
-- transaction that records the reply; the sender claims it, sends it, and
-- marks it sent. `message` is the whole RFC 5322 message as built at queue
-- time, so a retry sends the same bytes with the same Message-ID.
CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    interaction_id  INTEGER NOT NULL UNIQUE REFERENCES interactions(id),
    ticket_id       INTEGER NOT NULL REFERENCES tickets(id),
    message_key     TEXT NOT NULL UNIQUE,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    message         BLOB NOT NULL,
    state           TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued','sending','sent','failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    -- When a sender claimed it ('sending'): a claim older than the sender's
    -- timeout is a sender that died, and the row may be tried again.
    claimed_at      INTEGER,
    last_error      TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE state IN ('queued','sending');
CREATE INDEX mail_outbox_ticket ON mail_outbox(ticket_id);

-- Where each IMAP folder was read up to, so a fetch asks only for new mail.
-- The exactly-once guarantee does not rest on this (mail_messages does): it
-- only saves reading old mail again.
CREATE TABLE mail_sources (
    source        TEXT PRIMARY KEY,
    uid_validity  INTEGER NOT NULL DEFAULT 0,
    last_uid      INTEGER NOT NULL DEFAULT 0,
    fetched_at    INTEGER
);

-- The documents' e-mail reply target ("邮件 24 小时内回复"), in minutes, 24×7:
-- the first-response target of an e-mail ticket; its kind's resolution and
-- callback targets still apply. Kept in the file so every agent's clocks agree.
INSERT OR IGNORE INTO meta (key, value) VALUES ('email_reply_minutes', '1440');
