//! The 100-byte header at the start of every SQLite file, read directly
//! (<https://www.sqlite.org/fileformat.html#the_database_header>), so a file
//! SQLite refuses can be told apart: not SQLite at all, a damaged header, or
//! a copy cut short.

use serde::Serialize;
use std::io::Read;
use std::path::Path;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;
/// Bytes 21–23: the payload fractions, fixed at 64, 32 and 32 in every
/// SQLite file. They tell a damaged SQLite header from another program's file.
const FIXED_FRACTIONS: [u8; 3] = [64, 32, 32];

/// What the header says about the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum HeaderCheck {
    /// Empty: a file just created, before its first write.
    Empty,
    /// A sound header; the file is as long as the header says.
    Sound,
    /// Neither the signature nor the fixed fields of SQLite: another kind of file.
    NotSqlite,
    /// SQLite's header with a field no SQLite writes.
    Damaged { why: String },
    /// Shorter than its header (or than a header) says.
    Truncated { bytes: u64, expected: u64 },
}

/// Reads the header of `path`; nothing is written.
pub fn check(path: &Path) -> std::io::Result<HeaderCheck> {
    let mut file = std::fs::File::open(path)?;
    let bytes = file.metadata()?.len();
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.by_ref().take(HEADER_LEN as u64).read_to_end(&mut header)?;
    Ok(judge(&header, bytes))
}

/// The journal mode the file is in, as its header records it: bytes 18 and
/// 19 (the write and read versions) are 2 in WAL mode and 1 with the
/// rollback journal. Read here rather than asked of SQLite, which reports
/// "delete" for any file it opened immutable (a read-only file `doctor`
/// examines). `None` for a file without a sound header.
pub fn journal_mode(path: &Path) -> std::io::Result<Option<&'static str>> {
    let mut file = std::fs::File::open(path)?;
    let bytes = file.metadata()?.len();
    let mut header = Vec::with_capacity(HEADER_LEN);
    file.by_ref().take(HEADER_LEN as u64).read_to_end(&mut header)?;
    Ok(journal_mode_of(&header, bytes))
}

fn journal_mode_of(header: &[u8], bytes: u64) -> Option<&'static str> {
    if judge(header, bytes) != HeaderCheck::Sound {
        return None;
    }
    match (header[18], header[19]) {
        (2, 2) => Some("wal"),
        (1, 1) => Some("delete"),
        _ => None,
    }
}

/// Judges the first bytes of a file of `bytes` bytes.
pub fn judge(header: &[u8], bytes: u64) -> HeaderCheck {
    if header.is_empty() {
        return HeaderCheck::Empty;
    }
    if header.len() < HEADER_LEN {
        let shared = header.len().min(MAGIC.len());
        return if header[..shared] == MAGIC[..shared] {
            HeaderCheck::Truncated {
                bytes,
                expected: HEADER_LEN as u64,
            }
        } else {
            HeaderCheck::NotSqlite
        };
    }
    let magic_ok = header[..16] == MAGIC[..];
    let fractions_ok = header[21..24] == FIXED_FRACTIONS;
    match (magic_ok, fractions_ok) {
        (false, false) => return HeaderCheck::NotSqlite,
        (false, true) => {
            let signature = String::from_utf8_lossy(&header[..15]);
            let shown = crate::domain::text::sanitize_line(&signature);
            return HeaderCheck::Damaged {
                why: format!("the signature reads {shown:?} instead of \"SQLite format 3\""),
            };
        }
        (true, false) => {
            return HeaderCheck::Damaged {
                why: format!(
                    "bytes 21-23 are {:?} instead of SQLite's fixed [64, 32, 32]",
                    &header[21..24]
                ),
            };
        }
        (true, true) => {}
    }
    let Some(page_size) = page_size(u16::from_be_bytes([header[16], header[17]])) else {
        return HeaderCheck::Damaged {
            why: format!(
                "the page size field holds {}, not a power of two from 512 to 65536",
                u16::from_be_bytes([header[16], header[17]])
            ),
        };
    };
    // The page count at 28 is valid only when the change counter at 24
    // matches the "version valid for" number at 92 (older writers left it stale).
    let word = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let pages = word(28);
    if pages > 0 && word(24) == word(92) {
        let expected = u64::from(pages) * page_size;
        if bytes < expected {
            return HeaderCheck::Truncated { bytes, expected };
        }
    }
    HeaderCheck::Sound
}

/// The page size in bytes: a power of two from 512 to 32768, or 1 for 65536.
fn page_size(field: u16) -> Option<u64> {
    match field {
        1 => Some(65536),
        n if n >= 512 && n.is_power_of_two() => Some(u64::from(n)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sound header of a file of `pages` pages of 4096 bytes.
    fn header(pages: u32) -> Vec<u8> {
        let mut h = vec![0u8; HEADER_LEN];
        h[..16].copy_from_slice(MAGIC);
        h[16..18].copy_from_slice(&4096u16.to_be_bytes());
        h[21..24].copy_from_slice(&FIXED_FRACTIONS);
        h[24..28].copy_from_slice(&7u32.to_be_bytes());
        h[28..32].copy_from_slice(&pages.to_be_bytes());
        h[92..96].copy_from_slice(&7u32.to_be_bytes());
        h
    }

    #[test]
    fn headers_are_judged() {
        let sound = header(10);
        let mut bad_magic = sound.clone();
        bad_magic[..6].copy_from_slice(b"XXLite");
        let mut bad_page = sound.clone();
        bad_page[16..18].copy_from_slice(&0x1234u16.to_be_bytes());
        let mut bad_fixed = sound.clone();
        bad_fixed[21] = 0;
        let mut stale_count = sound.clone();
        stale_count[92..96].copy_from_slice(&6u32.to_be_bytes());
        let text = b"name,phone\n".repeat(20);
        let damaged = |h: &[u8]| matches!(judge(h, 40960), HeaderCheck::Damaged { .. });
        assert_eq!(judge(&[], 0), HeaderCheck::Empty);
        assert_eq!(judge(&sound, 40960), HeaderCheck::Sound);
        assert_eq!(judge(&sound, 50000), HeaderCheck::Sound);
        assert_eq!(
            judge(&sound, 20480),
            HeaderCheck::Truncated {
                bytes: 20480,
                expected: 40960
            }
        );
        // A stale page count says nothing about the length.
        assert_eq!(judge(&stale_count, 20480), HeaderCheck::Sound);
        assert!(damaged(&bad_magic) && damaged(&bad_page) && damaged(&bad_fixed));
        assert_eq!(judge(&text, text.len() as u64), HeaderCheck::NotSqlite);
        assert_eq!(judge(b"hello", 5), HeaderCheck::NotSqlite);
        assert!(matches!(judge(b"SQLite for", 10), HeaderCheck::Truncated { .. }));
    }

    #[test]
    fn the_journal_mode_is_read_from_the_header() {
        let with_versions = |v: u8| {
            let mut h = header(10);
            h[18] = v;
            h[19] = v;
            h
        };
        assert_eq!(journal_mode_of(&with_versions(2), 40960), Some("wal"));
        assert_eq!(journal_mode_of(&with_versions(1), 40960), Some("delete"));
        assert_eq!(journal_mode_of(&with_versions(7), 40960), None);
        assert_eq!(journal_mode_of(&with_versions(2), 20480), None, "truncated");
        assert_eq!(journal_mode_of(b"hello", 5), None);
    }
}
