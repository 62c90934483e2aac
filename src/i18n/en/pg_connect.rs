//! English: pg_connect.

use crate::i18n::catalog::pg_connect::PgConnectStrings;

pub const PG_CONNECT: PgConnectStrings = PgConnectStrings {
    not_permitted: "the database server does not let {login} do this ({detail}); a database administrator grants it (README: Roles on PostgreSQL)",
    lost_at_commit: "the connection to {target} broke while the change was being committed: it may or may not have been saved; check before saving it again",
    agent_not_login: "on a server an agent is its login: {login} cannot act as --agent {agent} (only the database's owner may)",
    unreachable: "cannot reach the PostgreSQL server {target} ({detail}): is it running, and is the host and port right?",
    wrong_password: "the PostgreSQL server {target} refused the password of {user} (from {source})",
    no_password: "the PostgreSQL server {target} asks {user} for a password: set PGPASSWORD, a line in ~/.pgpass, or [database] password_command",
    not_allowed: "the PostgreSQL server {target} does not let {user} in ({detail})",
    no_database: "there is no database {database} on {target}: create it with `createdb {database}` (or `frontdesk init`)",
    tls_refused: "the PostgreSQL server {target} offers no TLS, which sslmode={sslmode} requires",
    tls_failed: "TLS with the PostgreSQL server {target} failed under sslmode={sslmode}: {detail}",
    root_cert: "sslrootcert {path} cannot be used ({detail})",
    password_failed: "database.password_command failed ({status})",
    password_not_run: "database.password_command could not be run: {detail}",
    password_empty: "database.password_command printed no password (nothing, or not UTF-8 text)",
    server: "the PostgreSQL server {target} answered {code}: {detail}",
    from_environment: "PGPASSWORD",
    from_passfile: "the password file {path}",
    from_command: "database.password_command",
    passfile_open: "the password file {path} may be read by others, so it is not used (chmod 600 {path})",
    url_scheme: "must start with postgres:// or postgresql:// (a database file goes in --db or FRONTDESK_DB)",
    url_password: "holds a password: leave it out and use PGPASSWORD, ~/.pgpass or [database] password_command",
    url_host: "needs one host: a name, an IPv4 address or an [IPv6] address",
    url_port: "the port must be a number from 1 to 65535",
    url_encoding: "has a broken %XX escape, text that is not UTF-8, or a control character",
    url_sslmode: "sslmode must be disable, prefer, require, verify-ca or verify-full",
    url_timeout: "connect_timeout must be a whole number of seconds",
    url_parameter: "takes only sslmode, sslrootcert, connect_timeout and application_name (no #fragment)",
};
