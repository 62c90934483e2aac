//! libpq's password file (`PGPASSFILE`, else `~/.pgpass`): lines of
//! `host:port:database:user:password`, `*` matching anything in the first
//! four fields, `\:` and `\\` escaping, `#` starting a comment. The first
//! line that matches gives the password. A file that others may read is
//! ignored, as libpq does: a password there is no longer a secret.

use crate::domain::secret::Password;
use crate::store::location::PgTarget;
use std::path::Path;

/// What reading the file came to.
#[derive(Debug)]
pub(super) enum Lookup {
    Found(Password),
    /// No file, or no line for this target.
    Nothing,
    /// Readable by the group or by others: skipped.
    TooOpen,
}

pub(super) fn look_up(path: &Path, target: &PgTarget) -> Lookup {
    let Ok(meta) = std::fs::metadata(path) else {
        return Lookup::Nothing;
    };
    if !meta.is_file() {
        return Lookup::Nothing;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Lookup::TooOpen;
        }
    }
    match std::fs::read_to_string(path) {
        Ok(text) => find(&text, target).map_or(Lookup::Nothing, Lookup::Found),
        Err(_) => Lookup::Nothing,
    }
}

/// The password of the first line matching `target`.
pub(super) fn find(text: &str, target: &PgTarget) -> Option<Password> {
    let port = target.port.to_string();
    let wanted = [target.host.as_str(), &port, &target.database, &target.user];
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty())
        .find_map(|line| {
            let fields = split(line)?;
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(field, want)| field == "*" || field == want);
            matches.then(|| Password::new(fields[4].clone()))
        })
}

/// The five fields, unescaped; `None` for a line with fewer. A fifth
/// field keeps any further colons (libpq reads the password to the end).
fn split(line: &str) -> Option<[String; 5]> {
    let mut fields: Vec<String> = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    fields.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::location::Location;
    use std::ffi::OsStr;

    fn target(url: &str) -> PgTarget {
        match Location::parse(OsStr::new(url)).unwrap() {
            Location::Postgres(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let file = "\
# comment: h:5432:fd:ann:not-this
other:5432:fd:ann:wrong-host
db.example:5433:fd:ann:wrong-port
db.example:5432:*:bob:wrong-user
db.example:5432:fd:ann:first
*:*:*:*:second
";
        let cases = [
            ("postgres://ann@db.example/fd", Some("first")),
            ("postgres://ann@db.example/other", Some("second")),
            ("postgres://bob@db.example/x", Some("wrong-user")),
            ("postgres://cy@[::1]:6000/x", Some("second")),
        ];
        for (url, want) in cases {
            let got = find(file, &target(url));
            assert_eq!(got.as_ref().map(Password::expose), want, "{url}");
        }
        assert!(find("db.example:5432:fd:ann:pw\n", &target("postgres://ann@h/fd")).is_none());
    }

    #[test]
    fn escapes_and_colons_in_the_password() {
        let cases = [
            ("h:5432:fd:ann:a\\:b", "a:b"),
            ("h:5432:fd:ann:a\\\\b", "a\\b"),
            ("h:5432:fd:ann:a:b:c", "a:b:c"),
            ("h:5432:f\\:d:ann:pw", ""),
            ("h:5432:fd:ann:pw\r", "pw"),
            ("h:5432:fd:ann:", ""),
        ];
        for (line, want) in cases {
            let got = find(line, &target("postgres://ann@h/fd"));
            assert_eq!(got.as_ref().map(Password::expose).unwrap_or(""), want, "{line}");
        }
        let colon = target("postgres://ann@h/f%3Ad");
        assert_eq!(find("h:5432:f\\:d:ann:pw", &colon).unwrap().expose(), "pw");
        assert!(
            find("h:5432:fd:ann", &target("postgres://ann@h/fd")).is_none(),
            "four fields"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_file_others_may_read_is_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pgpass");
        std::fs::write(&path, "*:*:*:*:pw\n").unwrap();
        let t = target("postgres://ann@h/fd");
        for (mode, found) in [(0o600, true), (0o400, true), (0o640, false), (0o604, false)] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            let got = look_up(&path, &t);
            assert_eq!(matches!(got, Lookup::Found(_)), found, "{mode:o}: {got:?}");
            assert_eq!(matches!(got, Lookup::TooOpen), !found, "{mode:o}");
        }
        assert!(matches!(look_up(&dir.path().join("none"), &t), Lookup::Nothing));
    }
}
