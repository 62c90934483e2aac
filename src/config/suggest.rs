//! "Did you mean …?" for a misspelt or misplaced config key.

/// The known name nearest to `name`, if near enough to be a slip: by edit
/// distance over the whole dotted name, or over its last part (so a key put
/// in the wrong table, or outside any, finds its proper place).
pub fn nearest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    let last = |s: &str| s.rsplit('.').next().unwrap_or(s).to_string();
    known
        .iter()
        .map(|k| {
            let whole = distance(name, k);
            let part = distance(&last(name), &last(k));
            (whole.min(part), k)
        })
        .filter(|(d, k)| *d <= (name.chars().count().min(k.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

/// Levenshtein distance in characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb)).min(above + 1).min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slips_find_their_key_and_strangers_find_none() {
        let known: Vec<String> = ["database", "database.journal_mode", "sla", "sla.timezone", "keymap"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cases = [
            ("database.journal_mod", Some("database.journal_mode")),
            ("database.jounral_mode", Some("database.journal_mode")),
            ("sla.journal_mode", Some("database.journal_mode")),
            ("journal_mode", Some("database.journal_mode")),
            ("databse", Some("database")),
            ("keymaps", Some("keymap")),
            ("sla.timezon", Some("sla.timezone")),
            ("colours", None),
            ("sla.x", None),
        ];
        for (name, expected) in cases {
            assert_eq!(nearest(name, &known), expected, "{name}");
        }
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }
}
