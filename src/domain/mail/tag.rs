//! The ticket tag in a subject, `[#123]`: how a reply whose threading headers
//! were lost still finds its ticket, and how the customer sees which case a
//! reply is about. The prefix is `[mail] tag_prefix`.

/// The ticket a subject names by its tag, if it carries one. The last tag
/// wins: a forwarded thread keeps older tags in front of the newest.
pub fn ticket_in_subject(subject: &str, prefix: &str) -> Option<i64> {
    let open = format!("[{prefix}");
    let mut found = None;
    let mut rest = subject;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let digits: &str = &after[..after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len())];
        if !digits.is_empty()
            && after[digits.len()..].starts_with(']')
            && let Ok(id) = digits.parse::<i64>()
            && id > 0
        {
            found = Some(id);
        }
        rest = after;
    }
    found
}

/// The subject of a reply on ticket `id`: `Re: ` once (never `Re: Re:`),
/// the original words, and the tag once at the end.
pub fn reply_subject(subject: &str, id: i64, prefix: &str) -> String {
    let tag = format!("[{prefix}{id}]");
    let mut words = subject.trim();
    loop {
        let lower = words.to_ascii_lowercase();
        let cut = ["re:", "aw:", "fw:", "fwd:", "回复:", "回复：", "答复:", "答复："]
            .iter()
            .find(|p| lower.starts_with(&p.to_ascii_lowercase()))
            .map(|p| p.len());
        match cut {
            Some(n) => words = words[n..].trim_start(),
            None => break,
        }
    }
    let words = words.replace(&tag, "");
    let words = words.trim();
    if words.is_empty() {
        format!("Re: {tag}")
    } else {
        format!("Re: {words} {tag}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_names_its_ticket_by_the_tag() {
        let cases = [
            ("Re: refund [#123]", "#", Some(123)),
            ("[#7] 退款进度", "#", Some(7)),
            ("Re: [#7] old, now [#12]", "#", Some(12)),
            ("price is [#12a]", "#", None),
            ("[#] empty", "#", None),
            ("[#0] zero", "#", None),
            ("no tag here #123", "#", None),
            ("Re: [ACME-44] printer", "ACME-", Some(44)),
            ("Re: [#44] printer", "ACME-", None),
            ("[#99999999999999999999] too big", "#", None),
        ];
        for (subject, prefix, want) in cases {
            assert_eq!(ticket_in_subject(subject, prefix), want, "{subject}");
        }
    }

    #[test]
    fn a_reply_subject_has_one_re_and_one_tag() {
        let cases = [
            ("Refund please", "Re: Refund please [#5]"),
            ("Re: Refund please [#5]", "Re: Refund please [#5]"),
            ("RE: re: Fwd: Refund", "Re: Refund [#5]"),
            ("回复：退款进度", "Re: 退款进度 [#5]"),
            ("", "Re: [#5]"),
        ];
        for (subject, want) in cases {
            assert_eq!(reply_subject(subject, 5, "#"), want, "{subject}");
        }
    }
}
