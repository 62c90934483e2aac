//! Mail on this machine: an `.eml` file, an mbox file or a Maildir folder.
//! The messages are handed to `deliver` (the ingest: each stored once by
//! its key) in the order the source holds them, a batch at a time: one
//! transaction per batch writes each index page once for many messages
//! (one per message wrote ~95 pages each, and the commits were most of
//! the time). Nothing is marked read until its batch committed.

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

/// Stores a batch of messages in one transaction; it returns only once
/// they committed.
pub type Deliver<'a> = dyn FnMut(&[Vec<u8>]) -> Result<(), Error> + 'a;

/// At most this many messages, or about this many bytes, go in one batch:
/// large enough that a commit is rare, small enough that a batch of mail
/// with attachments stays a few megabytes in memory.
const BATCH_MESSAGES: usize = 200;
const BATCH_BYTES: usize = 16 << 20;

/// Messages read and not yet delivered.
struct Batch {
    raws: Vec<Vec<u8>>,
    bytes: usize,
}

impl Batch {
    fn new() -> Batch {
        Batch {
            raws: Vec::new(),
            bytes: 0,
        }
    }

    /// Adds one; true when the batch is full and must be delivered.
    fn push(&mut self, raw: Vec<u8>) -> bool {
        self.bytes += raw.len();
        self.raws.push(raw);
        self.raws.len() >= BATCH_MESSAGES || self.bytes >= BATCH_BYTES
    }

    /// Delivers what is held (nothing when empty) and empties it.
    fn deliver(&mut self, deliver: &mut Deliver<'_>, progress: &dyn Progress) -> Result<(), Error> {
        if !self.raws.is_empty() {
            deliver(&self.raws)?;
            progress.advance(self.raws.len() as u64);
        }
        *self = Batch::new();
        Ok(())
    }
}

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
            deliver(&[raw])?;
            progress.advance(1);
        }
        Local::Mbox(path) => {
            progress.stage(Stage::Mail, None);
            let file = std::fs::File::open(path).map_err(|e| unreadable(path, &e))?;
            let mut batch = Batch::new();
            for message in mail_parser::mailbox::mbox::MessageIterator::new(BufReader::new(file)) {
                let message = message.map_err(|e| unreadable(path, &e))?;
                if batch.push(message.contents().to_vec()) {
                    batch.deliver(deliver, progress)?;
                }
            }
            batch.deliver(deliver, progress)?;
        }
        Local::Maildir(dir) => read_maildir(dir, take_new, progress, deliver)?,
    }
    Ok(())
}

fn read_maildir(dir: &Path, take_new: bool, progress: &dyn Progress, deliver: &mut Deliver<'_>) -> Result<(), Error> {
    let new = files_in(&dir.join("new"))?;
    let cur = files_in(&dir.join("cur"))?;
    progress.stage(Stage::Mail, Some((new.len() + cur.len()) as u64));
    for (files, move_to_cur) in [(&new, take_new), (&cur, false)] {
        let mut batch = Batch::new();
        let mut held: Vec<&PathBuf> = Vec::new();
        for (n, path) in files.iter().enumerate() {
            let raw = std::fs::read(path).map_err(|e| unreadable(path, &e))?;
            held.push(path);
            if batch.push(raw) || n + 1 == files.len() {
                batch.deliver(deliver, progress)?;
                // Only after the batch's transaction committed: a crash
                // before this leaves them in new/, and the next fetch finds
                // them stored.
                if move_to_cur {
                    for path in &held {
                        mark_seen(dir, path)?;
                    }
                }
                held.clear();
            }
        }
    }
    Ok(())
}

/// Moves a message from `new/` to `cur/` with the seen flag, as a mail
/// program does once it has read it.
fn mark_seen(dir: &Path, path: &Path) -> Result<(), Error> {
    if let Some(name) = path.file_name() {
        let mut seen = name.to_os_string();
        seen.push(":2,S");
        std::fs::rename(path, dir.join("cur").join(seen)).map_err(|e| unreadable(path, &e))?;
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
