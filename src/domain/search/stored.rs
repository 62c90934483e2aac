//! Search keys kept between processes: a [`SearchKey`] written as one
//! compact blob (the store keeps one per customer, see
//! `store::customer_keys`), and many of them read back into one
//! [`KeyArena`] without building anything again.
//!
//! Building a key (pinyin readings of every heteronym) is what made every
//! search of 100k customers start slowly; decoding a blob is a copy.

use super::spelling::Masks;
use super::{PARTS, Part, SearchKey};

/// The blob's layout version: a blob of any other is built again from the
/// customer's fields by the reader, so a new layout needs no migration.
/// Layout: the version byte, the masks (`starts`, `letters`, u64 LE each),
/// the end offset of each part (u32 LE, [`PARTS`] of them), then the text.
const FORMAT: u8 = 1;
const HEAD: usize = 1 + 8 + 8 + 4 * PARTS;

/// A key as the matcher reads it: borrowed from a [`SearchKey`] or from a
/// [`KeyArena`].
#[derive(Debug, Clone, Copy)]
pub struct KeyView<'a> {
    pub(super) buf: &'a str,
    /// End offset in `buf` of each part, in `Part` order.
    pub(super) ends: [u32; PARTS],
    pub(super) masks: Masks,
}

impl<'a> KeyView<'a> {
    pub(super) fn part(&self, part: Part) -> &'a str {
        let i = part as usize;
        let start = match i.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.buf.get(start as usize..end as usize).unwrap_or("")
    }
}

impl<'a> KeyView<'a> {
    /// The key in a blob [`SearchKey::encode`] wrote, read in place; `None`
    /// when the blob is not one this build wrote (another layout, or
    /// damaged): the caller builds that key from the fields instead.
    pub fn decode(blob: &'a [u8]) -> Option<KeyView<'a>> {
        let head = blob.get(..HEAD)?;
        let buf = std::str::from_utf8(blob.get(HEAD..)?).ok()?;
        let word = |at: usize| {
            head.get(at..at + 8)
                .and_then(|b| b.try_into().ok())
                .map(u64::from_le_bytes)
        };
        let masks = Masks {
            starts: word(1)?,
            letters: word(9)?,
        };
        let mut ends = [0u32; PARTS];
        for (i, end) in ends.iter_mut().enumerate() {
            let at = 17 + 4 * i;
            *end = u32::from_le_bytes(head.get(at..at + 4)?.try_into().ok()?);
        }
        // Parts in order, covering the text, each on a char boundary: then
        // every part the matcher asks for is the text it was written from.
        let well_formed = head.first() == Some(&FORMAT)
            && ends.windows(2).all(|w| w[0] <= w[1])
            && ends.last().is_some_and(|&last| last as usize == buf.len())
            && ends.iter().all(|&e| buf.is_char_boundary(e as usize));
        well_formed.then_some(KeyView { buf, ends, masks })
    }
}

impl<'a> From<&'a SearchKey> for KeyView<'a> {
    fn from(key: &'a SearchKey) -> Self {
        key.view()
    }
}

impl SearchKey {
    /// The key as one blob, for the store.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEAD + self.buf.len());
        out.push(FORMAT);
        out.extend_from_slice(&self.masks.starts.to_le_bytes());
        out.extend_from_slice(&self.masks.letters.to_le_bytes());
        for end in self.ends {
            out.extend_from_slice(&end.to_le_bytes());
        }
        out.extend_from_slice(self.buf.as_bytes());
        out
    }
}

/// Where one key lies in a [`KeyArena`].
#[derive(Debug, Clone)]
struct Head {
    start: usize,
    ends: [u32; PARTS],
    masks: Masks,
}

/// Many keys back to back in one string: 100k keys are one allocation
/// (plus their heads), not 100k.
#[derive(Debug, Clone, Default)]
pub struct KeyArena {
    text: String,
    heads: Vec<Head>,
}

impl KeyArena {
    pub fn with_capacity(keys: usize) -> Self {
        KeyArena {
            // About what a key of the demo's names takes.
            text: String::with_capacity(keys.saturating_mul(160)),
            heads: Vec::with_capacity(keys),
        }
    }

    /// Adds a key built in this process.
    pub fn push(&mut self, key: &SearchKey) {
        self.push_view(key.view());
    }

    /// Adds a key read by [`KeyView::decode`] (or borrowed from a key).
    pub fn push_view(&mut self, key: KeyView<'_>) {
        self.heads.push(Head {
            start: self.text.len(),
            ends: key.ends,
            masks: key.masks,
        });
        self.text.push_str(key.buf);
    }

    pub fn get(&self, index: usize) -> Option<KeyView<'_>> {
        let head = self.heads.get(index)?;
        let len = head.ends.last().copied().unwrap_or(0) as usize;
        Some(KeyView {
            buf: self.text.get(head.start..head.start + len)?,
            ends: head.ends,
            masks: head.masks,
        })
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Bytes held, for measuring what an index costs.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.heads.capacity() * std::mem::size_of::<Head>()
    }
}

#[cfg(test)]
#[path = "stored_tests.rs"]
mod tests;
