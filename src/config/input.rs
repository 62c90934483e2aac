//! Files the user names (`import FILE`, `import --map FILE`, `--config
//! FILE`): read only when they are regular files of a sane size. A FIFO, a
//! device or `/dev/zero` is refused at once, before a single byte is read,
//! instead of blocking or filling memory.

use crate::domain::error::Invalid;
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
}

impl InputKind {
    /// The largest file of this kind that is read.
    pub fn limit(self) -> u64 {
        match self {
            InputKind::Config | InputKind::Map => MIB,
            InputKind::Import => 1024 * MIB,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            InputKind::Config => "a settings file",
            InputKind::Map => "a map file",
            InputKind::Import => "an import file",
        }
    }

    /// The argument's name in messages.
    pub fn field(self) -> &'static str {
        match self {
            InputKind::Config => "config",
            InputKind::Map => "map",
            InputKind::Import => "file",
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
        .map_err(|e| refuse(path, kind, format!("cannot be read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, kind, bytes.len() as u64));
    }
    Ok(Some(bytes))
}

/// The whole file; a missing file is refused like any other bad argument.
pub fn read(path: &Path, kind: InputKind) -> Result<Vec<u8>, Invalid> {
    read_if_present(path, kind)?.ok_or_else(|| refuse(path, kind, "does not exist".into()))
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
        Err(e) => return Err(refuse(path, kind, format!("cannot be read: {e}"))),
    };
    let meta = file
        .metadata()
        .map_err(|e| refuse(path, kind, format!("cannot be read: {e}")))?;
    if !meta.is_file() {
        let what = describe(&meta);
        return Err(refuse(path, kind, format!("is {what}, not a regular file")));
    }
    if meta.len() > kind.limit() {
        return Err(too_large(path, kind, meta.len()));
    }
    Ok(Some((file, meta.len())))
}

fn refuse(path: &Path, kind: InputKind, reason: String) -> Invalid {
    Invalid::new(kind.field(), path.display().to_string(), reason)
}

fn too_large(path: &Path, kind: InputKind, bytes: u64) -> Invalid {
    let reason = format!(
        "is too large ({}; {} may have at most {})",
        size(bytes),
        kind.noun(),
        size(kind.limit())
    );
    refuse(path, kind, reason)
}

fn size(bytes: u64) -> String {
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MiB", bytes as f64 / MIB as f64)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(unix)]
fn describe(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    if kind.is_dir() {
        "a folder"
    } else if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(meta: &Metadata) -> &'static str {
    if meta.is_dir() { "a folder" } else { "a special file" }
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
            (big.as_path(), InputKind::Config, "too large"),
            (dir.path(), InputKind::Import, "a folder"),
            (Path::new("/dev/zero"), InputKind::Import, "a character device"),
            (&dir.path().join("none"), InputKind::Import, "does not exist"),
        ];
        for (path, kind, says) in cases {
            let err = read(path, kind).unwrap_err();
            assert_eq!(err.field, kind.field());
            assert_eq!(err.value, path.display().to_string());
            assert!(err.reason.contains(says), "{path:?}: {err}");
        }
    }
}
