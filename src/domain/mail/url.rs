//! Mail server URLs as they are typed in `[mail]` (`imaps://user@host/INBOX`,
//! `smtp://user@host:587`): the parts both readers need.

/// The source with any password between `user:` and `@` replaced by `***`,
/// so that even a refused URL never shows one.
pub fn redacted(source: &str) -> String {
    let Some(start) = source.find("://").map(|i| i + 3) else {
        return source.to_string();
    };
    let authority_end = source[start..].find('/').map_or(source.len(), |i| start + i);
    let Some(at) = source[start..authority_end].rfind('@').map(|i| start + i) else {
        return source.to_string();
    };
    match source[start..at].find(':') {
        Some(colon) => format!("{}:***{}", &source[..start + colon], &source[at..]),
        None => source.to_string(),
    }
}

/// `%40` and friends in a URL's user or path; `None` for a broken escape or
/// bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_is_never_shown_and_escapes_decode() {
        let cases = [
            ("imaps://ann:secret@mail.test/INBOX", "imaps://ann:***@mail.test/INBOX"),
            ("smtps://ann:s%40cret@mail.test:465", "smtps://ann:***@mail.test:465"),
            ("imaps://ann@mail.test/INBOX", "imaps://ann@mail.test/INBOX"),
            ("imap://mail.test", "imap://mail.test"),
            ("maildir:/var/mail/x", "maildir:/var/mail/x"),
        ];
        for (source, want) in cases {
            assert_eq!(redacted(source), want, "{source}");
        }
        assert_eq!(
            percent_decode("support%40acme.com").as_deref(),
            Some("support@acme.com")
        );
        assert_eq!(percent_decode("%E5%B7%A5%E5%8D%95").as_deref(), Some("工单"));
        assert_eq!(percent_decode("bad%4"), None);
        assert_eq!(percent_decode("%FF"), None);
    }
}
