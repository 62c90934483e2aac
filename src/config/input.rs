//! Files the user names (`import FILE`, `import --map FILE`, `--config
//! FILE`): read only when they are regular files of a sane size. A FIFO, a
//! device or `/dev/zero` is refused at once, before a single byte is read,
//! instead of blocking or filling memory.

use crate::domain::error::{FileKind, FileProblem, FileRole, Invalid, Reason};
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

const MIB: u64 = 1024 * 1024;

/// What a file is for, and so how large it may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// The settings file (`--config`, `FRONTDESK_CONFIG` or the default): 1 MiB.
    Config,
    /// `import --map FILE`: 1 MiB.
    Map,
    /// `import RECORDS FILE`: 1 GiB. The file is read and validated whole
    /// before anything is written, so it must fit in memory.
    Import,
    /// `ticket reply|note --body-file FILE`: 1 MiB, far above what a text holds.
    Text,
}

impl InputKind {
    /// The largest file of this kind that is read.
    pub fn limit(self) -> u64 {
        match self {
            InputKind::Config | InputKind::Map | InputKind::Text => MIB,
            InputKind::Import => 1024 * MIB,
        }
    }

    fn role(self) -> FileRole {
        match self {
            InputKind::Config => FileRole::Settings,
            InputKind::Map => FileRole::Map,
            InputKind::Import => FileRole::Import,
            InputKind::Text => FileRole::Text,
        }
    }

    /// The argument's name in messages.
    pub fn field(self) -> &'static str {
        match self {
            InputKind::Config => "config",
            InputKind::Map => "map",
            InputKind::Import => "file",
            InputKind::Text => "body-file",
        }
    }
}

/// Refuses `path` unless it is a regular file within the size limit of
/// `kind`; reads nothing. A missing file is fine here (`Ok`).
pub fn check(path: &Path, kind: InputKind) -> Result<(), Invalid> {
    open(path, kind).map(drop)
}

/// The whole file, or `None` when it does not exist.
pub fn read_if_present(path: &Path, kind: InputKind) -> Result<Option<Vec<u8>>, Invalid> {
    let Some((file, len)) = open(path, kind)? else {
        return Ok(None);
    };
    let limit = kind.limit();
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    // The file may grow while it is read: never past the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(path, kind, FileProblem::Unreadable { detail: e.to_string() }))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, kind, bytes.len() as u64));
    }
    Ok(Some(bytes))
}

/// The whole file; a missing file is refused like any other bad argument.
pub fn read(path: &Path, kind: InputKind) -> Result<Vec<u8>, Invalid> {
    read_if_present(path, kind)?.ok_or_else(|| refuse(path, kind, FileProblem::Missing))
}

/// Opens the file and checks what it is on the open handle, so it cannot be
/// swapped between the check and the read.
fn open(path: &Path, kind: InputKind) -> Result<Option<(File, u64)>, Invalid> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer; without blocking it
    // opens at once and is refused below. Reads of regular files ignore it.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(refuse(path, kind, FileProblem::Unreadable { detail: e.to_string() })),
    };
    let meta = file
        .metadata()
        .map_err(|e| refuse(path, kind, FileProblem::Unreadable { detail: e.to_string() }))?;
    if !meta.is_file() {
        let kind_found = describe(&meta);
        return Err(refuse(path, kind, FileProblem::NotRegular { kind: kind_found }));
    }
    if meta.len() > kind.limit() {
        return Err(too_large(path, kind, meta.len()));
    }
    Ok(Some((file, meta.len())))
}

/// The settings file's refusal as a line of `config check`. Settings
/// problems are still English sentences (see `settings::Problem`); every
/// other refusal of a file is worded by the catalogue at the edge.
pub fn settings_problem(reason: &Reason) -> String {
    let Reason::File(problem) = reason else {
        return "cannot be used".into();
    };
    match problem {
        FileProblem::Unreadable { detail } => format!("cannot be read: {detail}"),
        FileProblem::Missing => "does not exist".into(),
        FileProblem::NotRegular { .. } => "is not a regular file".into(),
        FileProblem::TooLarge { limit, .. } => {
            format!("is too large (a settings file may have at most {} MiB)", limit / MIB)
        }
        _ => "cannot be used".into(),
    }
}

fn refuse(path: &Path, kind: InputKind, problem: FileProblem) -> Invalid {
    Invalid::new(kind.field(), path.display().to_string(), Reason::File(problem))
}

fn too_large(path: &Path, kind: InputKind, bytes: u64) -> Invalid {
    let problem = FileProblem::TooLarge {
        bytes,
        limit: kind.limit(),
        role: kind.role(),
    };
    refuse(path, kind, problem)
}

#[cfg(unix)]
fn describe(meta: &Metadata) -> FileKind {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        FileKind::Folder
    } else if kind.is_fifo() {
        FileKind::Fifo
    } else if kind.is_char_device() {
        FileKind::CharDevice
    } else if kind.is_block_device() {
        FileKind::BlockDevice
    } else if kind.is_socket() {
        FileKind::Socket
    } else {
        FileKind::Special
    }
}

#[cfg(not(unix))]
fn describe(meta: &Metadata) -> FileKind {
    if meta.is_dir() {
        FileKind::Folder
    } else {
        FileKind::Special
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let small = dir.path().join("small.toml");
        std::fs::write(&small, "a = 1\n").unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; (MIB + 1) as usize]).unwrap();
        assert_eq!(read(&small, InputKind::Map).unwrap(), b"a = 1\n");
        assert!(read(&big, InputKind::Import).is_ok());
        assert_eq!(read_if_present(&dir.path().join("none"), InputKind::Config), Ok(None));
        let cases = [
            (big.as_path(), InputKind::Config, "TooLarge"),
            (dir.path(), InputKind::Import, "Folder"),
            (Path::new("/dev/zero"), InputKind::Import, "CharDevice"),
            (&dir.path().join("none"), InputKind::Import, "Missing"),
        ];
        for (path, kind, says) in cases {
            let err = read(path, kind).unwrap_err();
            assert_eq!(err.field, kind.field());
            assert_eq!(err.value, path.display().to_string());
            assert!(format!("{:?}", err.reason).contains(says), "{path:?}: {err}");
        }
    }
}
