//! The CLI's one way to a PostgreSQL server: the passwords from where the
//! user keeps them, the password file's warning on standard error.

use crate::config::DatabaseConfig;
use crate::config::secret::run_password_command;
use crate::service::Error;
use crate::service::database::{PgSecrets, PgTarget, PgWarning, connect_postgres};

/// A connection to `target` with the settings' password command, or the
/// typed reason why there is none.
pub fn open_postgres(target: &PgTarget, settings: &DatabaseConfig) -> Result<postgres::Client, Error> {
    let secrets = PgSecrets::from_env(&settings.password_command, run_password_command, warn);
    Ok(connect_postgres(target, &secrets)?)
}

fn warn(warning: &PgWarning) {
    let told = crate::i18n::pg_connect::warning(warning, crate::i18n::get());
    errln!("frontdesk: {}", crate::domain::text::sanitize_line(&told));
}
