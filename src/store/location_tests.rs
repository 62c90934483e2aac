use super::*;

fn parse(s: &str) -> Result<Location, Invalid> {
    Location::parse(OsStr::new(s))
}

fn target(s: &str) -> PgTarget {
    match parse(s) {
        Ok(Location::Postgres(t)) => t,
        other => panic!("{s}: {other:?}"),
    }
}

#[test]
fn anything_but_a_postgres_url_is_a_file_as_before() {
    for path in [
        "fd.db",
        "/srv/frontdesk/fd.db",
        "",
        "postgres:/not-a-url.db",
        "./postgres://me@h/fd",
        "sqlite://x.db",
        "工单.db",
    ] {
        assert_eq!(parse(path).unwrap(), Location::File(PathBuf::from(path)), "{path}");
    }
}

#[test]
fn a_url_names_user_host_port_and_database() {
    // (url, user, host, port, database)
    let cases = [
        ("postgres://me@h:5433/fd", "me", "h", 5433, "fd"),
        ("postgresql://me@db.example.com/fd", "me", "db.example.com", 5432, "fd"),
        ("POSTGRES://me@10.0.0.7/fd", "me", "10.0.0.7", 5432, "fd"),
        ("postgres://me@[::1]:6000/fd", "me", "::1", 6000, "fd"),
        ("postgres://me@[fe80::1]/fd", "me", "fe80::1", 5432, "fd"),
        ("postgres://ann%40acme@h/fd", "ann@acme", "h", 5432, "fd"),
        ("postgres://me@h/%E5%B7%A5%E5%8D%95", "me", "h", 5432, "工单"),
        ("postgres://me@h/fd/", "me", "h", 5432, "fd"),
        ("postgres://me@h", "me", "h", 5432, "me"),
        ("postgres://me@pg_1.internal:5432/", "me", "pg_1.internal", 5432, "me"),
    ];
    for (url, user, host, port, database) in cases {
        let t = target(url);
        assert_eq!(
            (t.user.as_str(), t.host.as_str(), t.port, t.database.as_str()),
            (user, host, port, database),
            "{url}"
        );
    }
}

#[test]
fn parameters_have_libpq_defaults_and_meanings() {
    let t = target("postgres://me@h/fd");
    assert_eq!(t.sslmode, SslMode::Prefer);
    assert_eq!(t.sslrootcert, None);
    assert_eq!(t.connect_timeout, Some(Duration::from_secs(10)));
    assert_eq!(t.application_name, "frontdesk");
    for mode in SslMode::ALL {
        assert_eq!(
            target(&format!("postgres://me@h/fd?sslmode={}", mode.key())).sslmode,
            mode
        );
    }
    let t = target(
        "postgres://me@h/fd?sslmode=verify-ca&sslrootcert=%2Fetc%2Fca.pem&connect_timeout=3&application_name=desk%201",
    );
    assert_eq!(t.sslmode, SslMode::VerifyCa);
    assert_eq!(t.sslrootcert, Some(PathBuf::from("/etc/ca.pem")));
    assert_eq!(t.connect_timeout, Some(Duration::from_secs(3)));
    assert_eq!(t.application_name, "desk 1");
    assert_eq!(target("postgres://me@h/fd?connect_timeout=0").connect_timeout, None);
}

#[test]
fn a_bad_url_is_refused_naming_the_field_and_what_is_wrong() {
    use PgUrlProblem::*;
    let cases = [
        ("postgres://me:s3cret@h/fd", PasswordInUrl),
        ("postgres://me:@h/fd", PasswordInUrl),
        ("postgres://me@h/fd?sslmode=verify", SslMode),
        ("postgres://me@h/fd?sslmode=", SslMode),
        ("postgres://me@h/fd?connect_timeout=ten", Timeout),
        ("postgres://me@h/fd?connect_timeout=-1", Timeout),
        ("postgres://me@h/fd?password=x", Parameter),
        ("postgres://me@h/fd#top", Parameter),
        ("postgres://me@/fd", Host),
        ("postgres:///fd", Host),
        ("postgres://me@h1,h2/fd", Host),
        ("postgres://me@h%20x/fd", Host),
        ("postgres://me@[::1/fd", Host),
        ("postgres://me@[nope]/fd", Host),
        ("postgres://me@h:0/fd", Port),
        ("postgres://me@h:70000/fd", Port),
        ("postgres://me@h:x/fd", Port),
        ("postgres://me@[::1]x/fd", Port),
        ("postgres://me@h/bad%4", Encoding),
        ("postgres://me@h/%FF", Encoding),
        ("postgres://me%0A@h/fd", Encoding),
    ];
    for (url, problem) in cases {
        let invalid = parse(url).expect_err(url);
        assert_eq!(invalid.field, "--db", "{url}");
        assert_eq!(invalid.reason, Reason::PgUrl(problem), "{url}");
    }
    let named = Location::parse_field("database.url", OsStr::new("postgres://me@h:x/fd")).unwrap_err();
    assert_eq!(named.field, "database.url");
}

#[test]
fn a_password_is_never_shown() {
    for url in [
        "postgres://me:s3cret@h/fd",
        "postgresql://me:s3cret@h:5432/fd?sslmode=require",
        "postgres://me:s3cret@h/fd?sslmode=nope",
    ] {
        let invalid = parse(url).unwrap_err();
        assert!(!invalid.value.contains("s3cret"), "{url}: {}", invalid.value);
        assert!(invalid.value.contains("me:***@h"), "{url}: {}", invalid.value);
    }
}

#[test]
fn a_target_shows_as_a_url_to_type_again() {
    let cases = [
        ("postgres://me@h/fd", "postgres://me@h:5432/fd"),
        (
            "postgresql://me@[::1]:6000/fd?sslmode=require",
            "postgres://me@[::1]:6000/fd?sslmode=require",
        ),
        (
            "postgres://ann%40acme@h/%E5%B7%A5%E5%8D%95",
            "postgres://ann%40acme@h:5432/工单",
        ),
        (
            "postgres://me@h/fd?sslmode=prefer&connect_timeout=3",
            "postgres://me@h:5432/fd",
        ),
    ];
    for (url, shown) in cases {
        let t = target(url);
        assert_eq!(t.to_string(), shown, "{url}");
        assert_eq!(target(shown).to_string(), shown, "{shown} parses back");
    }
}

#[cfg(unix)]
#[test]
fn a_url_that_is_not_utf8_is_refused_and_a_path_that_is_not_stays_a_file() {
    use std::os::unix::ffi::OsStrExt;
    let url = OsStr::from_bytes(b"postgres://me@h/\xff");
    assert_eq!(
        Location::parse(url).unwrap_err().reason,
        Reason::PgUrl(PgUrlProblem::Encoding)
    );
    let path = OsStr::from_bytes(b"/tmp/\xff.db");
    assert_eq!(Location::parse(path).unwrap(), Location::File(PathBuf::from(path)));
}
