//! Ticket tags: short labels an agent or a macro puts on a ticket
//! (`refund`, `vip`, `物流`). One spelling per tag, so that filters and
//! macros that remove a tag find it however it was typed.

use super::error::Invalid;
use super::text::sanitize_line;
use super::validate;

/// The longest tag, in characters (as customer tags).
pub const TAG_MAX: usize = 40;
/// The most tags one ticket or one list holds (as customer tags).
pub const TAGS_MAX: usize = 50;

/// The tags a list names (an import's `tags` cell): split at commas (ASCII
/// and full-width, since they separate tags in storage), trimmed, Latin
/// letters lowercased, repeats dropped. May be empty.
pub fn split(field: &str, value: &str) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    for part in value.split([',', '，']) {
        // Kept as shown (what would act on a terminal dropped), so the tag
        // the ticket page prints is the one `tag:` and `--remove-tag` take.
        let tag = sanitize_line(&validate::text(field, part, TAG_MAX)?)
            .trim()
            .to_lowercase();
        if !tag.is_empty() && !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > TAGS_MAX {
        return Err(Invalid::new(
            field,
            value,
            super::error::Reason::TooManyTags { max: TAGS_MAX },
        ));
    }
    Ok(out)
}

/// The tags one option value names (`--add-tag`), as [`split`]; a value
/// that names no tag is refused under `field`, the option the user typed.
pub fn parse(field: &str, value: &str) -> Result<Vec<String>, Invalid> {
    let out = split(field, value)?;
    if out.is_empty() {
        return Err(Invalid::new(field, value, super::error::Reason::Required));
    }
    Ok(out)
}

/// Every value of a repeated option, parsed and merged in order.
pub fn parse_all(field: &str, values: &[String]) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        for tag in parse(field, value)? {
            if !out.contains(&tag) {
                out.push(tag);
            }
        }
    }
    Ok(out)
}

/// The tags typed in a form's box (the TUI's Tags form): separated by
/// spaces as well as commas, since a space is what a hand types between
/// words there. Each is normalised as [`split`]; an empty box names none;
/// a bad tag is refused naming that tag.
pub fn words(field: &str, value: &str) -> Result<Vec<String>, Invalid> {
    let commas = value.split(char::is_whitespace).collect::<Vec<_>>().join(",");
    split(field, &commas)
}

/// The word being typed at the end of a tags box (after its last space or
/// comma): what a pick list matches, and what a choice replaces.
pub fn last_word(value: &str) -> &str {
    value
        .rsplit(|c: char| c.is_whitespace() || c == ',' || c == '，')
        .next()
        .unwrap_or("")
}

/// `current` with `add` appended (those not there yet) and `remove` taken
/// out. A tag both added and removed is removed: removing is the later step.
pub fn apply(current: &[String], add: &[String], remove: &[String]) -> Vec<String> {
    let mut out: Vec<String> = current.to_vec();
    for tag in add {
        if !out.contains(tag) {
            out.push(tag.clone());
        }
    }
    out.retain(|t| !remove.contains(t));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn tags_are_trimmed_lowercased_split_at_commas_and_not_repeated() {
        let cases: &[(&str, &[&str])] = &[
            ("refund", &["refund"]),
            ("  VIP ", &["vip"]),
            ("Refund,vip", &["refund", "vip"]),
            ("物流，加急", &["物流", "加急"]),
            ("a, A ,a", &["a"]),
            ("退款 VIP", &["退款 vip"]),
            ("x,,y", &["x", "y"]),
            ("a\x1b[31mB\x1b[0m, \u{202e}vip", &["ab", "vip"]),
        ];
        for (value, want) in cases {
            assert_eq!(parse("add-tag", value).unwrap(), tags(want), "{value:?}");
        }
    }

    #[test]
    fn an_empty_or_overlong_tag_is_refused_naming_the_option() {
        for value in ["", "  ", ",", "\x1b[31m", &"x".repeat(TAG_MAX + 1)] {
            let err = parse("add-tag", value).unwrap_err();
            assert_eq!(err.field, "add-tag", "{value:?}");
        }
        assert!(parse("add-tag", "a\u{0}b").is_err());
    }

    #[test]
    fn a_form_box_splits_at_spaces_and_commas_and_names_what_was_typed() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("refund vip", &["refund", "vip"]),
            (" Refund,  VIP，物流 ", &["refund", "vip", "物流"]),
            ("a a A", &["a"]),
        ];
        for (value, want) in cases {
            assert_eq!(words("add-tag", value).unwrap(), tags(want), "{value:?}");
        }
        let long = "x".repeat(TAG_MAX + 1);
        let err = words("add-tag", &format!("ok {long}")).unwrap_err();
        assert_eq!(err.field, "add-tag");
        assert!(
            err.value.starts_with("xxx"),
            "the bad tag, not the box: {:?}",
            err.value
        );
        let last: &[(&str, &str)] = &[
            ("", ""),
            ("ref", "ref"),
            ("vip re", "re"),
            ("vip,物", "物"),
            ("vip ", ""),
        ];
        for (value, want) in last {
            assert_eq!(last_word(value), *want, "{value:?}");
        }
    }

    /// Current tags, added, removed, and the result.
    type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [&'a str], &'a [&'a str]);

    #[test]
    fn applying_adds_new_tags_at_the_end_and_removal_wins() {
        let cases: &[Case] = &[
            (&[], &["a"], &[], &["a"]),
            (&["a"], &["a", "b"], &[], &["a", "b"]),
            (&["a", "b"], &[], &["a"], &["b"]),
            (&["a"], &["b"], &["b"], &["a"]),
            (&["a"], &[], &["zz"], &["a"]),
        ];
        for (current, add, remove, want) in cases {
            assert_eq!(
                apply(&tags(current), &tags(add), &tags(remove)),
                tags(want),
                "{current:?} + {add:?} - {remove:?}"
            );
        }
    }
}
