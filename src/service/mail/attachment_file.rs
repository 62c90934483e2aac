//! Saving an attachment to a file the agent names. The content is written
//! as stored, never opened or rendered; an existing file is replaced only
//! when the agent said so, and the refusal is decided by the file system
//! itself (`create_new`), so nothing can slip in between a check and the write.

use crate::domain::mail::file_name;
use crate::service::{Database, Error};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an attachment was not saved, as data: the TUI words it.
#[derive(Debug)]
pub enum SaveRefused {
    /// A file is already there and replacing it was not asked for.
    Exists(PathBuf),
    /// No attachment has this id (deleted since the page was read).
    NotFound(i64),
    /// The path is empty.
    NoPath,
    /// The database could not be read.
    Storage(Error),
    /// The file system refused: its words.
    Failed { path: PathBuf, detail: String },
}

/// Where an attachment goes unless the agent types another path: its
/// cleaned name in `folder` (the download folder, or the current one).
pub fn default_path(name: &str, folder: &Path) -> PathBuf {
    folder.join(file_name::clean(name))
}

/// The download folder, else the current folder: asked once at start, as it
/// may read the desktop's settings file.
pub fn download_folder() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.download_dir().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The path as typed: `~/` is the home folder, and a folder gets the
/// attachment's cleaned name inside it.
fn target(typed: &str, name: &str) -> Option<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let path = match typed.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new().map_or_else(|| PathBuf::from(typed), |d| d.home_dir().join(rest)),
        None => PathBuf::from(typed),
    };
    Some(if path.is_dir() {
        path.join(file_name::clean(name))
    } else {
        path
    })
}

/// Writes attachment `id` to `typed` (see [`target`]); replaces a file there
/// only with `overwrite`. Returns where it went.
pub fn save(store: &mut Database, id: i64, typed: &str, overwrite: bool) -> Result<PathBuf, SaveRefused> {
    let failed = |path: &Path, detail: String| SaveRefused::Failed {
        path: path.to_path_buf(),
        detail,
    };
    let found = store
        .read(|tx| Ok::<_, Error>(tx.attachment_content(id)?))
        .map_err(SaveRefused::Storage)?;
    let Some((info, data)) = found else {
        return Err(SaveRefused::NotFound(id));
    };
    let path = target(typed, &info.file_name).ok_or(SaveRefused::NoPath)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if overwrite {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options.open(&path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => SaveRefused::Exists(path.clone()),
        _ => failed(&path, e.to_string()),
    })?;
    file.write_all(&data)
        .and_then(|()| file.sync_all())
        .map_err(|e| failed(&path, e.to_string()))?;
    Ok(path)
}
