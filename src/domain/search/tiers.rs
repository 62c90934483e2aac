//! How well one query word matches one field, in the order a person ranks
//! matches: the whole field or a word of it, then the start of a word, then
//! inside a word, then initials. Scattered letters, the last tier, are the
//! matcher's fallback (see `Matcher`).

/// Match tiers, best first. A hit's score puts every match of a better
/// tier above every match of a worse one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The whole field or one of its words: a name word, the code, the
    /// phone, the e-mail or its local part, the full pinyin of the name.
    Exact = 1,
    /// The beginning of a word, a code, a phone number or the pinyin.
    Prefix = 2,
    /// Inside a word (华联 in 北京华联商厦), a phone number or the pinyin.
    Inside = 3,
    /// Initials of words or of pinyin syllables, or cut syllables ("zhsan").
    Initials = 4,
    /// Letters scattered through a field; shown only when no customer
    /// matches better.
    Scattered = 5,
}

/// The fields of a customer in the order they are preferred at equal tier
/// and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Field {
    Name,
    Pinyin,
    Code,
    Phone,
    Email,
    Company,
}

/// Where a match lies in the name, for highlighting; computed into char
/// indices only for the hits that are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Mark {
    #[default]
    None,
    /// Bytes `from..to` of the lowercased name.
    Bytes { from: u32, to: u32 },
    /// Spelled chars `from..to` of the name.
    Spelled { from: u16, to: u16 },
    /// The first char of `count` words from word `first`.
    WordStarts { first: u16, count: u16 },
}

/// One query word found in one field. Ordered best first by tier, then the
/// customer's own name, pinyin and code before the contact, phone and
/// e-mail (`hall`: Robert Hall before the company whose contact is Ethan
/// Hall), then the earlier word, then the shorter field, then [`Field`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    pub tier: Tier,
    pub word: u16,
    pub len: u16,
    pub field: Field,
    pub mark: Mark,
}

impl Found {
    pub fn order(&self) -> (Tier, bool, u16, u16, Field) {
        (self.tier, self.not_own(), self.word, self.len, self.field)
    }

    /// Found in a field that is not the customer's own name or code.
    fn not_own(&self) -> bool {
        self.field > Field::Code
    }

    /// The better of two, either possibly absent.
    pub fn best(a: Option<Found>, b: Option<Found>) -> Option<Found> {
        match (a, b) {
            (Some(x), Some(y)) => Some(if y.order() < x.order() { y } else { x }),
            (x, None) => x,
            (None, y) => y,
        }
    }

    /// Bits of a hit's score below the tier: the better, the higher.
    pub fn rank_bits(&self) -> i64 {
        let cost = (i64::from(self.not_own()) << 31)
            | (i64::from(self.word.min(127)) << 24)
            | (i64::from(self.len) << 8)
            | self.field as i64;
        (1 << 32) - 1 - cost
    }
}

fn short(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn bytes(from: usize, to: usize) -> Mark {
    Mark::Bytes {
        from: u32::try_from(from).unwrap_or(u32::MAX),
        to: u32::try_from(to).unwrap_or(u32::MAX),
    }
}

/// Where `needle` first occurs in `hay`. Fields and query words are a few
/// bytes long, and this runs on every field of every customer per
/// keystroke: a plain scan beats `str::find`, which first builds a searcher.
/// Comparing bytes is exact, as a UTF-8 needle can only match at a char
/// boundary.
fn find(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let first = *needle.first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    (0..=last_start)
        .find(|&at| hay.get(at) == Some(&first) && hay.get(at..).is_some_and(|rest| rest.starts_with(needle)))
}

/// The words of a field: runs of letters and digits, with their byte
/// offsets. Chinese text without spaces is one word.
pub(super) fn words(field: &str) -> impl Iterator<Item = (usize, &str)> {
    field
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - field.as_ptr() as usize, w))
}

/// `w` in a field made of words (a name, a company): a whole word, the
/// start of one, or inside one, preferring the earliest word at the best
/// tier. The field and `w` are lowercased alike.
pub(super) fn in_words(field: &str, w: &str, kind: Field, marked: bool) -> Option<Found> {
    // Most customers do not contain the word at all: one substring search
    // rejects them before the field is split.
    let first = find(field, w)?;
    let len = short(field.len());
    let found = |tier, word, from: usize| Found {
        tier,
        word,
        len,
        field: kind,
        mark: if marked {
            bytes(from, from + w.len())
        } else {
            Mark::None
        },
    };
    if field == w {
        return Some(found(Tier::Exact, 0, 0));
    }
    let mut best: Option<Found> = None;
    let mut inside_word = 0u16;
    for (k, (at, word)) in words(field).enumerate() {
        let k = short(k);
        if at <= first {
            inside_word = k;
        }
        let tier = if word == w {
            Tier::Exact
        } else if word.starts_with(w) {
            Tier::Prefix
        } else {
            continue;
        };
        if best.is_none_or(|b| tier < b.tier) {
            best = Some(found(tier, k, at));
        }
        if tier == Tier::Exact {
            break;
        }
    }
    // A query with punctuation in it ("o'brien", "zhang.san") is no word
    // of the field but can still begin it.
    let whole = if field.starts_with(w) {
        found(Tier::Prefix, 0, 0)
    } else {
        found(Tier::Inside, inside_word, first)
    };
    Found::best(best, Some(whole))
}

/// `w` in a field that is one token (a code, phone digits): all of it,
/// its start, or inside it.
pub(super) fn in_token(field: &str, w: &str, kind: Field) -> Option<Found> {
    let tier = if field == w {
        Tier::Exact
    } else if field.starts_with(w) {
        Tier::Prefix
    } else if find(field, w).is_some() {
        Tier::Inside
    } else {
        return None;
    };
    Some(Found {
        tier,
        word: 0,
        len: short(field.len()),
        field: kind,
        mark: Mark::None,
    })
}

/// Phone digits as a token, or a number typed with its country code (one
/// to three digits) in front of one stored without it: `+86 138 0013 8000`
/// finds `13800138000` as if typed without the code.
pub(super) fn in_phone(field: &str, w: &str) -> Option<Found> {
    in_token(field, w, Field::Phone).or_else(|| {
        let extra = w.len().checked_sub(field.len())?;
        let local = w.get(extra..)?;
        let with_code = (1..=3).contains(&extra) && field.len() >= 7 && local == field;
        with_code.then(|| in_token(field, local, Field::Phone)).flatten()
    })
}

/// `w` in an e-mail address: the address or its local part exactly, its
/// start, or inside it. The domain's words are no exact match: "com"
/// would otherwise rank every customer first.
pub(super) fn in_email(email: &str, w: &str) -> Option<Found> {
    let mut found = in_token(email, w, Field::Email)?;
    let local = email.split('@').next().unwrap_or("");
    if local == w {
        found.tier = Tier::Exact;
    }
    Some(found)
}

/// `w` as the initials of consecutive words of a name ("sl" for Smith
/// Ltd), the English counterpart of pinyin initials.
pub(super) fn word_initials(name: &str, w: &str) -> Option<Found> {
    let want = w.as_bytes();
    if want.len() < 2 || !want.iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    // Cheap rejections first: this runs for every customer.
    let lead = want.first().copied()?;
    if !name.as_bytes().contains(&lead) || !name.contains(|c: char| !c.is_alphanumeric()) {
        return None;
    }
    // The first letters of up to 64 words, on the stack: this runs for
    // every customer on every keystroke.
    let mut starts = [0u8; 64];
    let mut n = 0;
    for (slot, (_, word)) in starts.iter_mut().zip(words(name)) {
        *slot = word.as_bytes().first().copied().unwrap_or(0);
        n += 1;
    }
    let first = starts.get(..n)?.windows(want.len()).position(|run| run == want)?;
    Some(Found {
        tier: Tier::Initials,
        word: short(first),
        len: short(name.len()),
        field: Field::Name,
        mark: Mark::WordStarts {
            first: short(first),
            count: short(want.len()),
        },
    })
}
