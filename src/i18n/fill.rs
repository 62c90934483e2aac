//! Filling templates: named placeholders replaced in one pass, and texts
//! that change with a count.

/// Fills `{name}` placeholders from `args` in one pass: what is put in is
/// never scanned again, so a customer called `李雷 {when}` stays as typed.
/// A brace that does not open a known name is kept as it is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    fill_with(template, |name| {
        args.iter().find(|(key, _)| *key == name).map(|(_, value)| *value)
    })
}

fn fill_with<'a>(template: &str, lookup: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let closes = after[name_len..].starts_with('}');
        match lookup(&after[..name_len]).filter(|_| closes && name_len > 0) {
            Some(value) => {
                out.push_str(value);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A text that changes with a count: English says "1 ticket" and
/// "2 tickets"; Chinese has one form, so both fields hold it. `{count}`
/// in either is the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// The form for `count`, filled with `{count}` and `args`.
    pub fn of(&self, count: i64, args: &[(&str, &str)]) -> String {
        let template = if count == 1 { self.one } else { self.other };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(args);
        fill(template, &all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_placeholders_fill_in_one_pass() {
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: &[Case] = &[
            (
                "{who} at {when}",
                &[("who", "李雷 {when}"), ("when", "10:00")],
                "李雷 {when} at 10:00",
            ),
            ("{when}：{who}", &[("who", "a"), ("when", "b")], "b：a"),
            ("{who} {who}", &[("who", "x")], "x x"),
            ("no {unknown} name", &[("who", "x")], "no {unknown} name"),
            ("braces { and } and {}", &[], "braces { and } and {}"),
            ("tail {who", &[("who", "x")], "tail {who"),
            ("{who}", &[("who", "")], ""),
        ];
        for (template, args, expected) in cases {
            assert_eq!(fill(template, args), *expected, "{template}");
        }
    }

    #[test]
    fn plurals_choose_by_count() {
        let tickets = Plural {
            one: "{count} ticket",
            other: "{count} tickets",
        };
        assert_eq!(tickets.of(1, &[]), "1 ticket");
        assert_eq!(tickets.of(0, &[]), "0 tickets");
        assert_eq!(tickets.of(2, &[]), "2 tickets");
        let zh = Plural {
            one: "{count} 个工单",
            other: "{count} 个工单",
        };
        assert_eq!(zh.of(1, &[]), "1 个工单");
        assert_eq!(zh.of(3, &[]), "3 个工单");
    }
}
