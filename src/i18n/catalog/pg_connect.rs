//! The words of reaching a PostgreSQL server (`store::pg_connect`), reached
//! through `Strings::pg_connect`.

crate::i18n::texts::catalogue_struct! {
    pub struct PgConnectStrings {
        /// The server was reached, the store runs on SQLite only: `{target}`.
        pub agent_not_login: &'static str,
        /// The connection to `{target}` broke while a change was being
        /// committed: whether it was saved is unknown.
        pub lost_at_commit: &'static str,
        /// The server refused `{login}` what it asked; `{detail}` the server's word.
        pub not_permitted: &'static str,
        /// Nothing answered at `{target}`; `{detail}` the system's word.
        pub unreachable: &'static str,
        /// The server refused `{user}`'s password, which came from `{source}`.
        pub wrong_password: &'static str,
        /// The server asked `{user}` for a password and none was found.
        pub no_password: &'static str,
        /// The server does not let `{user}` in; `{detail}` the server's word.
        pub not_allowed: &'static str,
        /// No database `{database}` on the server `{target}`.
        pub no_database: &'static str,
        /// `sslmode={sslmode}` needs TLS and `{target}` offers none.
        pub tls_refused: &'static str,
        /// The TLS handshake with `{target}` failed under `sslmode={sslmode}`.
        pub tls_failed: &'static str,
        /// `sslrootcert` at `{path}` cannot be used.
        pub root_cert: &'static str,
        /// `[database] password_command` exited with `{status}`.
        pub password_failed: &'static str,
        /// It could not be started: `{detail}`.
        pub password_not_run: &'static str,
        /// It printed no password.
        pub password_empty: &'static str,
        /// Any other answer of the server: `{code}` SQLSTATE, `{detail}`.
        pub server: &'static str,
        /// A password source: PGPASSWORD.
        pub from_environment: &'static str,
        /// A password source: the password file `{path}`.
        pub from_passfile: &'static str,
        /// A password source: `[database] password_command`.
        pub from_command: &'static str,
        /// Warning: the password file `{path}` may be read by others.
        pub passfile_open: &'static str,
        /// Reasons for a bad `postgres://` URL.
        pub url_scheme: &'static str,
        pub url_password: &'static str,
        pub url_host: &'static str,
        pub url_port: &'static str,
        pub url_encoding: &'static str,
        pub url_sslmode: &'static str,
        pub url_timeout: &'static str,
        pub url_parameter: &'static str,
    }
}
