//! Mail on this machine: an `.eml` file, an mbox file or a Maildir folder.
//! Each message is handed to `deliver` (the ingest: one transaction, once
//! by its key) in the order the source holds them.

use super::Ingested;
use crate::domain::error::{Entity, Invalid, Reason};
use crate::service::Error;
use crate::service::progress::{Progress, Stage};
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// What a path holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Local {
    /// One message.
    Eml(PathBuf),
    /// Messages after `From ` lines.
    Mbox(PathBuf),
    /// A folder with `new/` and `cur/`.
    Maildir(PathBuf),
}

/// Stores one message and says what became of it.
pub type Deliver<'a> = dyn FnMut(&[u8]) -> Result<Ingested, Error> + 'a;

/// What `path` (given as `field`) holds: a missing path is not found (exit
/// 4), a folder that is no Maildir invalid (exit 2).
pub fn recognise(path: &Path, field: &str) -> Result<Local, Error> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound {
            entity: Entity::File,
            key: path.display().to_string(),
        },
        _ => unreadable(path, &e),
    })?;
    if meta.is_dir() {
        return if path.join("new").is_dir() && path.join("cur").is_dir() {
            Ok(Local::Maildir(path.to_path_buf()))
        } else {
            Err(Invalid::new(field, path.display().to_string(), Reason::NotMaildir).into())
        };
    }
    let mut start = [0u8; 5];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut start))
        .map_err(|e| unreadable(path, &e))?;
    if read == 5 && &start == b"From " {
        Ok(Local::Mbox(path.to_path_buf()))
    } else {
        Ok(Local::Eml(path.to_path_buf()))
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Error::Mail(format!("{}: {e}", path.display()))
}

/// Reads every message of `source` into `deliver`. `take_new`: a Maildir's
/// messages in `new/` move to `cur/` (marked seen) once stored, as a mail
/// program does; an import leaves the folder as it is.
pub fn read(source: &Local, take_new: bool, progress: &dyn Progress, deliver: &mut Deliver<'_>) -> Result<(), Error> {
    match source {
        Local::Eml(path) => {
            progress.stage(Stage::Mail, Some(1));
            let raw = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
            deliver(&raw)?;
            progress.advance(1);
        }
        Local::Mbox(path) => {
            progress.stage(Stage::Mail, None);
            let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
            for message in mail_parser::mailbox::mbox::MessageIterator::new(BufReader::new(file)) {
                let message = message.map_err(|e| unreadable(path, &e))?;
                deliver(message.contents())?;
                progress.advance(1);
            }
        }
        Local::Maildir(dir) => read_maildir(dir, take_new, progress, deliver)?,
    }
    Ok(())
}

fn read_maildir(dir: &Path, take_new: bool, progress: &dyn Progress, deliver: &mut Deliver<'_>) -> Result<(), Error> {
    let new = files_in(&dir.join("new"))?;
    let cur = files_in(&dir.join("cur"))?;
    progress.stage(Stage::Mail, Some((new.len() + cur.len()) as u64));
    for path in &new {
        let raw = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
        deliver(&raw)?;
        // Only after the message's transaction committed: a crash before
        // this leaves it in new/, and the next fetch finds it stored.
        if take_new && let Some(name) = path.file_name() {
            let mut seen = name.to_os_string();
            seen.push(":2,S");
            let to = dir.join("cur").join(seen);
            std::fs::rename(path, &to).map_err(|e| unreadable(path, &e))?;
        }
        progress.advance(1);
    }
    for path in &cur {
        let raw = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
        deliver(&raw)?;
        progress.advance(1);
    }
    Ok(())
}

/// The message files of a Maildir subfolder in name order (the delivery
/// order, as names begin with the time); dot files are a mail program's own.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, &e))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(dir, &e))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}
