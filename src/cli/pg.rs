//! The CLI's one way to a PostgreSQL server: the passwords from where the
//! user keeps them, the password file's warning on standard error.

use crate::config::DatabaseConfig;
use crate::config::secret::run_password_command;
use crate::service::Error;
use crate::service::database::{Database, PgSecrets, PgTarget, PgWarning, connect_postgres};

/// Connects to `target` with the settings' password command, so every
/// problem of reaching the server is told in the user's terms.
pub fn reach_postgres(target: &PgTarget, settings: &DatabaseConfig) -> Result<(), Error> {
    let secrets = secrets(settings);
    connect_postgres(target, &secrets)?;
    Ok(())
}

/// Opens the frontdesk database on `target` (migrating it, creating the
/// schema in an empty database), with the settings' password command.
pub fn open_postgres(target: &PgTarget, settings: &DatabaseConfig) -> Result<Database, Error> {
    let secrets = secrets(settings);
    Ok(Database::open_postgres(
        target,
        &secrets,
        &crate::service::database::open_options(settings),
    )?)
}

/// The database on `target` as it is, for `doctor` (see
/// [`Database::examine_postgres`]).
pub fn examine_postgres(target: &PgTarget, settings: &DatabaseConfig) -> Result<Database, Error> {
    let secrets = secrets(settings);
    Ok(Database::examine_postgres(
        target,
        &secrets,
        &crate::service::database::open_options(settings),
    )?)
}

/// Where the passwords come from: the environment, the password file, the
/// settings' password command.
fn secrets(settings: &DatabaseConfig) -> PgSecrets {
    PgSecrets::from_env(&settings.password_command, run_password_command, warn)
}

fn warn(warning: &PgWarning) {
    let told = crate::i18n::pg_connect::warning(warning, crate::i18n::get());
    errln!("frontdesk: {}", crate::domain::text::sanitize_line(&told));
}
