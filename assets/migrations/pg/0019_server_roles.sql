-- frontdesk schema on PostgreSQL, version 19: the twin of ../0019_server_roles.sql —
-- roles enforced by the server (the SQLite file only keeps the version in step).
--
-- An agent is who the server says it is: the login (`session_user`) is the
-- agent's name in `agents`, so no new column is needed and `agent list`
-- shows the logins. The database's owner and superusers set frontdesk up
-- and are admin; a login without an agents row is a plain agent.
--
-- What service/roles.rs checks in frontdesk, these triggers check again in
-- the server, so neither `--agent` nor a hand-written statement gets round
-- them: adding agents and changing roles needs admin; SLA policies and
-- calendars, routing rules and the e-mail reply target, archiving or
-- deleting a customer, and moving history between customers (a merge) need
-- supervisor. A refusal is SQLSTATE 42501 with the login, its role and the
-- role needed in DETAIL (`login=… role=… needed=…`), HINT the action.
--
-- Table privileges: a login that is a member of `frontdesk_agent` may read
-- and write the tables frontdesk uses (never TRUNCATE, never the schema
-- version, never DDL, so no trigger can be switched off), and only add to
-- the audit trail. The group role is
-- made here when the one migrating may create roles; otherwise a database
-- administrator makes it (README "Roles on PostgreSQL").

CREATE FUNCTION frontdesk_session_role() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    found text;
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
       OR pg_has_role(session_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')
    THEN
        RETURN 'admin';
    END IF;
    SELECT role INTO found FROM agents WHERE name = session_user;
    RETURN coalesce(found, 'agent');
END $$;

CREATE FUNCTION frontdesk_require(needed text, action text) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    have text := frontdesk_session_role();
BEGIN
    IF have = 'admin' OR have = needed OR needed = 'agent' THEN
        RETURN;
    END IF;
    RAISE EXCEPTION USING
        ERRCODE = 'insufficient_privilege',
        MESSAGE = format('%s needs the %s role; %s is %s', action, needed, session_user, have),
        DETAIL = format('login=%s role=%s needed=%s', session_user, have, needed),
        HINT = action;
END $$;

-- Statement-level guards: any change at all to these tables.
CREATE FUNCTION frontdesk_guard_admin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontdesk_require('admin', TG_ARGV[0]);
    RETURN NULL;
END $$;

CREATE FUNCTION frontdesk_guard_supervisor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontdesk_require('supervisor', TG_ARGV[0]);
    RETURN NULL;
END $$;

CREATE TRIGGER agents_guard BEFORE INSERT OR UPDATE OR DELETE ON agents
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_guard_admin('agents');
CREATE TRIGGER sla_policies_guard BEFORE INSERT OR UPDATE OR DELETE ON sla_policies
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_guard_supervisor('sla policies');
CREATE TRIGGER sla_calendars_guard BEFORE INSERT OR UPDATE OR DELETE ON sla_calendars
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_guard_supervisor('sla calendars');
CREATE TRIGGER routing_rules_guard BEFORE INSERT OR UPDATE OR DELETE ON routing_rules
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_guard_supervisor('routing rules');
CREATE TRIGGER customers_delete_guard BEFORE DELETE ON customers
    FOR EACH STATEMENT EXECUTE FUNCTION frontdesk_guard_supervisor('customer delete');

-- Row-level guards: only the changes that are a supervisor's.
CREATE FUNCTION frontdesk_guard_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontdesk_require('supervisor', TG_ARGV[0]);
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER customers_archive_guard BEFORE UPDATE OF archived ON customers
    FOR EACH ROW WHEN (OLD.archived IS DISTINCT FROM NEW.archived)
    EXECUTE FUNCTION frontdesk_guard_row('customer archive');
CREATE TRIGGER meta_email_reply_guard BEFORE INSERT OR UPDATE ON meta
    FOR EACH ROW WHEN (NEW.key = 'email_reply_minutes')
    EXECUTE FUNCTION frontdesk_guard_row('e-mail reply target');
CREATE TRIGGER meta_email_reply_delete_guard BEFORE DELETE ON meta
    FOR EACH ROW WHEN (OLD.key = 'email_reply_minutes')
    EXECUTE FUNCTION frontdesk_guard_row('e-mail reply target');
CREATE TRIGGER tickets_merge_guard BEFORE UPDATE OF customer_id ON tickets
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER interactions_merge_guard BEFORE UPDATE OF customer_id ON interactions
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER orders_merge_guard BEFORE UPDATE OF customer_id ON orders
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER surveys_merge_guard BEFORE UPDATE OF customer_id ON surveys
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER reminders_merge_guard BEFORE UPDATE OF customer_id ON reminders
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER mail_addresses_merge_guard BEFORE UPDATE OF customer_id ON mail_addresses
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');
CREATE TRIGGER mail_messages_merge_guard BEFORE UPDATE OF customer_id ON mail_messages
    FOR EACH ROW WHEN (OLD.customer_id IS DISTINCT FROM NEW.customer_id)
    EXECUTE FUNCTION frontdesk_guard_row('customer merge');

-- The agents' group role and its table privileges.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'frontdesk_agent') THEN
        BEGIN
            CREATE ROLE frontdesk_agent NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'frontdesk_agent was not created: a database administrator creates it (README "Roles on PostgreSQL")';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'frontdesk_agent') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO frontdesk_agent', current_schema());
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO frontdesk_agent', current_schema());
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO frontdesk_agent', current_schema());
        EXECUTE 'REVOKE INSERT, UPDATE, DELETE ON frontdesk_schema FROM frontdesk_agent';
        -- The audit trail is append-only for agents: what was done stays said.
        EXECUTE 'REVOKE UPDATE, DELETE ON audit FROM frontdesk_agent';
        -- Tables of later versions, made by the owner, are granted alike.
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO frontdesk_agent', current_schema());
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO frontdesk_agent', current_schema());
    END IF;
END $$;
