//! "Did you mean …?" for a misspelt name: a config key, a filter-language key or value.

/// The known name nearest to `name`, if near enough to be a slip: by edit
/// distance over the whole dotted name, or over its last part (so a key put
/// in the wrong table, or outside any, finds its proper place).
pub fn nearest<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    let last = |s: &str| s.rsplit('.').next().unwrap_or(s).to_string();
    closest(name, known, |k| distance(name, k).min(distance(&last(name), &last(k))))
}

/// The known name nearest to `name` as a whole, ignoring case, if near
/// enough to be a slip: for names where a dot is just a letter (`li.na`).
pub(crate) fn nearest_name<'a>(name: &str, known: &'a [String]) -> Option<&'a str> {
    let name_lower = name.to_lowercase();
    closest(name, known, |k| distance(&name_lower, &k.to_lowercase()))
}

/// The known name with the least `measure`, if within a third of the
/// shorter name's letters (at least one).
fn closest<'a>(name: &str, known: &'a [String], measure: impl Fn(&str) -> usize) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (measure(k), k))
        .filter(|(d, k)| *d <= (name.chars().count().min(k.chars().count()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k.as_str())
}

/// Edit distance in characters, a swap of two neighbours counting as one
/// edit (optimal string alignment): `nmae` is one slip from `name`, as
/// near as `nme`, not two.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for the swap), the previous and the current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j - 1] + cost).min(previous[j] + 1).min(current[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous[b.len()]
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
        assert_eq!(distance("nmae", "name"), 1);
        assert_eq!(distance("ab", "ba"), 1);
    }

    #[test]
    fn agent_names_find_their_slip_as_a_whole_and_strangers_none() {
        let known: Vec<String> = ["li.na", "wang.fang", "zhao.lei", "张伟"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let cases = [
            ("li.nna", Some("li.na")),
            ("Li.Na", Some("li.na")),
            ("wnag.fang", Some("wang.fang")),
            ("zhao.le", Some("zhao.lei")),
            ("张玮", Some("张伟")),
            ("li", None),
            ("someone.else", None),
        ];
        for (typed, nearest) in cases {
            assert_eq!(nearest_name(typed, &known), nearest, "{typed}");
        }
    }
}
