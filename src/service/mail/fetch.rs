//! `mail import PATH…` and `mail fetch`: every message of the given paths,
//! or of the `[mail] sources` in order, through the ingest (one transaction
//! per message, each stored once). A source that fails is reported and the
//! next one is still read.

use super::ingest::ingest_batch;
use super::local::{self, Local};
use super::{FetchReport, Ingested, SourceFailure, imap, ingest};
use crate::config::MailConfig;
use crate::domain::error::{Invalid, Reason};
use crate::domain::mail::url::redacted;
use crate::service::progress::Progress;
use crate::service::{Ctx, Error};
use crate::store::Store;
use std::path::{Path, PathBuf};

/// Words a source's failure for the report (the edge passes the
/// catalogue's `describe`; the service itself speaks no language).
pub type Describe<'a> = dyn Fn(&Error) -> String + 'a;

/// Reads `paths` (each an `.eml` file, an mbox file or a Maildir folder).
/// Every path is checked before anything is read: a missing one is not
/// found, a folder that is no Maildir invalid, and nothing is written.
pub fn import(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    paths: &[PathBuf],
    progress: &dyn Progress,
    describe: &Describe<'_>,
) -> Result<FetchReport, Error> {
    super::ingest::default_kind(config)?;
    let sources = paths
        .iter()
        .map(|p| local::recognise(p, "path"))
        .collect::<Result<Vec<_>, _>>()?;
    let mut report = FetchReport::default();
    for (path, source) in paths.iter().zip(&sources) {
        let result = read_local(store, ctx, config, source, false, "import", progress, &mut report);
        if let Err(e) = result {
            report.failed.push(failure(&path.display().to_string(), &e, describe));
        }
    }
    Ok(report)
}

/// Reads the `[mail] sources` in order. A bad `[mail] default_kind` is
/// refused before any source is read.
pub fn fetch(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    progress: &dyn Progress,
    describe: &Describe<'_>,
) -> Result<FetchReport, Error> {
    super::ingest::default_kind(config)?;
    let mut report = FetchReport::default();
    for source in &config.sources {
        let shown = redacted(source);
        if let Err(e) = fetch_one(store, ctx, config, source, &shown, progress, &mut report) {
            report.failed.push(failure(&shown, &e, describe));
        }
    }
    Ok(report)
}

fn fetch_one(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    source: &str,
    shown: &str,
    progress: &dyn Progress,
    report: &mut FetchReport,
) -> Result<(), Error> {
    if source.starts_with("imaps://") || source.starts_with("imap://") {
        let mut deliver = |store: &mut Store, raw: &[u8]| -> Result<Ingested, Error> {
            let outcome = ingest(store, ctx, config, raw, shown)?;
            report.count(&outcome);
            Ok(outcome)
        };
        return imap::fetch(store, config, source, progress, &mut deliver);
    }
    let (path, want_maildir) = if let Some(path) = source.strip_prefix("maildir:") {
        (path, true)
    } else if let Some(path) = source.strip_prefix("mbox:") {
        (path, false)
    } else {
        return Err(Invalid::new("mail.sources", shown, Reason::UnknownMailSource).into());
    };
    let local = local::recognise(Path::new(path), "mail.sources")?;
    let local = match (local, want_maildir) {
        (Local::Maildir(dir), true) => Local::Maildir(dir),
        (Local::Eml(file) | Local::Mbox(file), false) => Local::Mbox(file),
        _ => return Err(Invalid::new("mail.sources", shown, Reason::NotMaildir).into()),
    };
    read_local(store, ctx, config, &local, true, shown, progress, report)
}

#[allow(clippy::too_many_arguments)]
fn read_local(
    store: &mut Store,
    ctx: &Ctx,
    config: &MailConfig,
    source: &Local,
    take_new: bool,
    origin: &str,
    progress: &dyn Progress,
    report: &mut FetchReport,
) -> Result<(), Error> {
    let mut deliver = |raws: &[Vec<u8>]| -> Result<(), Error> {
        ingest_batch(store, ctx, config, raws, origin, &mut |outcome| report.count(outcome))
    };
    local::read(source, take_new, progress, &mut deliver)
}

fn failure(source: &str, e: &Error, describe: &Describe<'_>) -> SourceFailure {
    SourceFailure {
        source: source.to_string(),
        message: describe(e),
    }
}
