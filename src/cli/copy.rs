//! `frontdesk copy --from SRC --to DEST`: the whole database into an empty
//! one, SQLite file or PostgreSQL URL on either side. The only command that
//! opens a PostgreSQL store for now, and one of the few that create a
//! database (its destination).

use super::Cli;
use crate::config::Config;
use crate::i18n::fill;
use crate::service::Error;
use crate::service::database::{Database, Location, sidecar};
use clap::Args;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Clone, Args)]
pub struct CopyArgs {
    /// The database to copy: a file, or postgres://USER@HOST:PORT/NAME
    #[arg(long, value_name = "SRC")]
    pub from: std::ffi::OsString,
    /// An empty database to copy into: a new or empty file, or a URL
    #[arg(long, value_name = "DEST")]
    pub to: std::ffi::OsString,
}

pub fn run(cli: &Cli, args: &CopyArgs) -> Result<(), Error> {
    let config = Config::load(&cli.config_path()).config;
    super::speak_as(&config);
    // Both named before anything is opened: a bad URL creates nothing.
    let from = Location::parse_field("--from", &args.from)?;
    let to = Location::parse_field("--to", &args.to)?;
    let mut source = open(&from, &config, false)?.0;
    let (mut dest, created) = open(&to, &config, true)?;
    let bar = super::progress::Bar::on_stderr();
    catch_interrupt();
    let copied = crate::service::copy::copy(&mut source, &mut dest, &bar, &interrupted);
    drop(bar);
    let copied = match copied {
        Ok(copied) => copied,
        Err(e) => {
            drop(dest);
            if let (Some(path), Location::File(_)) = (created, &to) {
                remove_created(&path);
            }
            return Err(e);
        }
    };
    let rows: u64 = copied.tables.iter().map(|(_, n)| n).sum();
    let words = crate::i18n::get().copy;
    let (from, to) = (source.path().display().to_string(), dest.path().display().to_string());
    outln!(
        "{}",
        crate::domain::text::sanitize_line(&fill(
            words.copied,
            &[
                ("rows", &rows.to_string()),
                ("tables", &copied.tables.len().to_string()),
                ("from", &from),
                ("to", &to),
            ],
        ))
    );
    Ok(())
}

/// `backup DEST` when the database is on a server: `None` for a file,
/// whose backup is the usual command's.
pub fn backup_of_server(cli: &Cli, args: &super::care::BackupArgs) -> Result<Option<()>, Error> {
    let config = Config::load(&cli.config_path()).config;
    let Location::Postgres(target) = cli.location(&config)? else {
        return Ok(None);
    };
    super::speak_as(&config);
    let mut server = super::pg::open_postgres(&target, &config.database)?;
    let bar = super::progress::Bar::on_stderr();
    catch_interrupt();
    let info = crate::service::copy::backup_postgres(&mut server, &args.dest, &bar, &interrupted);
    drop(bar);
    super::care::print_backup(&info?, cli.json);
    Ok(Some(()))
}

fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Opens one side; the destination's file is created when missing (and
/// its path returned, to be removed again if the copy fails).
fn open(location: &Location, config: &Config, create: bool) -> Result<(Database, Option<std::path::PathBuf>), Error> {
    let options = crate::service::database::open_options(&config.database);
    match location {
        Location::Postgres(target) => Ok((super::pg::open_postgres(target, &config.database)?, None)),
        Location::File(path) if create && !path.exists() => {
            let store = Database::create(path, &options);
            if store.is_err() {
                remove_created(path);
            }
            Ok((store?, Some(path.clone())))
        }
        Location::File(path) => Ok((Database::open(path, &options)?, None)),
    }
}

/// A file this copy created, with its sidecars, gone again: a failed copy
/// leaves the destination as it was.
fn remove_created(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sidecar(path, suffix));
    }
}

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Ctrl-C during the copy stops it between two batches, so the
/// destination's transaction rolls back and a created file is removed.
fn catch_interrupt() {
    // SAFETY: the handler only stores to an atomic, which is
    // async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_interrupt as *const () as libc::sighandler_t);
    }
}
