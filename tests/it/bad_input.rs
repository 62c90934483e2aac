//! Bad input of every class — overlong fields, NUL bytes, invalid UTF-8,
//! absurd dates, negative and huge numbers, unknown values — is refused with
//! a clear message and exit 2, and nothing is written.

use crate::care_support;

use care_support::{Desk, stderr};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// Runs `args`, which must fail with exit 2, a message naming `mentions`,
/// no panic, and no change to any table.
fn refused<S: AsRef<OsStr>>(desk: &Desk, args: &[S], mentions: &str) {
    let before = desk.counts();
    let out = desk.run(args);
    // The arguments, shortened for the failure messages.
    let args: Vec<String> = args
        .iter()
        .map(|a| a.as_ref().to_string_lossy().chars().take(40).collect())
        .collect();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(mentions), "{args:?}: expected {mentions:?} in {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(desk.counts(), before, "{args:?} wrote something");
}

/// A command line with no spaces inside its arguments, split into words.
fn refused_line(desk: &Desk, line: &str, mentions: &str) {
    refused(desk, &line.split_whitespace().collect::<Vec<_>>(), mentions);
}

/// `line` split into words, then `value` as one more argument (for values
/// too long, or with spaces, to write inline).
fn refused_with(desk: &Desk, line: &str, value: &str, mentions: &str) {
    let mut args: Vec<&str> = line.split_whitespace().collect();
    args.push(value);
    refused(desk, &args, mentions);
}

fn desk_with_ticket() -> (Desk, String) {
    let desk = Desk::new();
    let ticket = desk.ticket();
    (desk, ticket)
}

#[test]
fn overlong_fields() {
    let (desk, t) = desk_with_ticket();
    let limit = frontdesk::domain::validate::TEXT_MAX;
    let line = "长".repeat(201);
    let text = "x".repeat(limit + 1);
    let short = "x".repeat(65);
    refused_with(&desk, "customer add --name", &line, "at most 200");
    refused_with(
        &desk,
        "customer add --name ok --notes",
        &text,
        &format!("at most {limit}"),
    );
    refused_with(&desk, "customer edit 1 --owner", &short, "owner");
    refused_with(&desk, "customer add --name ok --tags", &"t".repeat(41), "tags");
    refused_with(
        &desk,
        "ticket add --customer 1 --kind inquiry --subject",
        &line,
        "subject",
    );
    refused_with(&desk, &format!("ticket note {t} --summary"), &text, "summary");
    refused_with(&desk, &format!("ticket set {t} --assignee"), &short, "assignee");
    refused_with(&desk, "log --customer 1 --channel phone --summary", &text, "summary");
    refused_with(&desk, "routing add --department ok --keyword", &short, "keyword");
    refused_with(&desk, "routing add --department ok --category", &short, "category");
    refused_with(&desk, "agent add", &short, "name");
    refused(&desk, &["--agent", &short, "customer", "add", "--name", "ok"], "agent");
}

#[test]
fn nul_bytes() {
    // No command line can carry a NUL byte, so it comes in through a file.
    let desk = Desk::new();
    let csv = desk.path("nul.csv");
    std::fs::write(&csv, "name,phone\nok,13812345678\nbad\0name,13812345679\n").unwrap();
    refused_with(&desk, "import customers", csv.to_str().unwrap(), "NUL");
    refused_with(&desk, "import customers", csv.to_str().unwrap(), "line 3");
}

#[test]
fn invalid_utf8() {
    let (desk, t) = desk_with_ticket();
    let bad = OsStr::from_bytes(b"\xff\xfe\xe5\x90");
    let line = |words: &str, at: usize| -> Vec<OsString> {
        let mut args: Vec<OsString> = words.split_whitespace().map(OsString::from).collect();
        args.insert(at, bad.to_os_string());
        args
    };
    refused(&desk, &line("customer add --name", 3), "invalid UTF-8");
    refused(
        &desk,
        &line(&format!("--agent ticket note {t} --summary x"), 1),
        "invalid UTF-8",
    );
    refused(&desk, &line(&format!("ticket note {t} --summary"), 4), "invalid UTF-8");
    let out = desk
        .cmd()
        .env("FRONTDESK_AGENT", bad)
        .args(["ticket", "note", &t, "--summary", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // A file with invalid UTF-8 names its line and imports nothing.
    let csv = desk.path("latin1.csv");
    std::fs::write(&csv, b"name,phone\nok,13812345678\nZ\xfcrich,13812345679\n").unwrap();
    refused_with(&desk, "import customers", csv.to_str().unwrap(), "UTF-8");
    // A path is not text: a database under a non-UTF-8 name is fine.
    let path = desk.dir().join(OsStr::from_bytes(b"caf\xe9.db"));
    let out = desk.cmd().arg("--db").arg(&path).arg("init").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn absurd_dates() {
    let desk = Desk::new();
    desk.ok(&["customer", "add", "--name", "张三"]);
    let add_ticket = "ticket add --customer 1 --kind inquiry --subject s --opened-at";
    refused_line(&desk, "--now 9999-01-01 customer add --name ok", "now");
    refused_line(&desk, "--now yesterday customer add --name ok", "now");
    // A well-formed date out of range says so, not that it is no date.
    refused_line(
        &desk,
        "reminder add --customer 1 --note x --due 9999-12-31",
        "invalid due \"9999-12-31\": year must be between 1970 and 2200",
    );
    refused_line(&desk, "customer add --name ok --since 2026-02-30", "since");
    refused_line(&desk, "customer add --name ok --since 0206-10-05", "since");
    refused_with(&desk, add_ticket, "0001-01-01", "opened-at");
    refused_with(&desk, add_ticket, "2030-01-01", "future");
    refused_with(
        &desk,
        "log --customer 1 --channel phone --summary x --at",
        "2026-10-05T25:00:00Z",
        "at",
    );
    refused_with(
        &desk,
        "sla calendar add c --tz UTC --holiday 2026-13-01 --hours",
        "mon-fri 09:00-17:00",
        "holiday",
    );
    refused_line(
        &desk,
        "sla due --calendar default --start 99999-01-01 --minutes 5",
        "start",
    );
}

#[test]
fn negative_and_huge_numbers() {
    let (desk, t) = desk_with_ticket();
    refused_line(
        &desk,
        "sla due --calendar default --start 2026-10-05 --minutes -5",
        "negative",
    );
    refused_line(
        &desk,
        "sla policy add --name p --first-response -5h",
        "unexpected argument",
    );
    refused_line(&desk, "sla policy add --name p --first-response=-5h", "-5h");
    refused_line(
        &desk,
        "sla policy add --name p --first-response 99999999999h",
        "first-response",
    );
    refused_line(&desk, "customer list --limit -1", "-1");
    refused_line(&desk, "demo --customers -5", "-5");
    refused_line(&desk, "ticket show 99999999999999999999", "too large");
    refused_line(&desk, &format!("ticket set {t} --if-version -3"), "-3");
    refused_line(&desk, "customer add --name ok --phone=-138", "phone");
}

#[test]
fn unknown_values() {
    let (desk, t) = desk_with_ticket();
    refused_line(&desk, "ticket add --customer 1 --kind rant --subject s", "kind");
    refused_line(&desk, &format!("ticket set {t} --priority asap"), "priority");
    refused_with(&desk, &format!("ticket set {t} --status"), "\x1b[31mdone", "status");
    refused_line(&desk, "customer add --name ok --email not-an-address", "email");
    refused_line(&desk, "customer add --name ok --tier gold", "tier");
    refused_line(&desk, "agent add x --role owner", "role");
    refused_with(
        &desk,
        "sla calendar add c --tz Mars/Olympus --hours",
        "mon-fri 09:00-17:00",
        "tz",
    );
    // The hostile value is quoted escaped, never raw.
    let out = desk.run(&["ticket", "set", &t, "--status", "\x1b[31mdone"]);
    assert!(!out.stderr.contains(&0x1b));
}

/// One command line, its exit code and a text its message must contain.
struct Case {
    args: Vec<OsString>,
    code: i32,
    mentions: String,
}

fn case(line: &str, code: i32, mentions: impl Into<String>) -> Case {
    Case {
        args: line.split_whitespace().map(OsString::from).collect(),
        code,
        mentions: mentions.into(),
    }
}

/// Clap's own refusals and the numbers and spans past what the program can
/// answer: each exits 2 naming the argument and the value, writes nothing;
/// `--help` and `--version` still exit 0.
#[test]
fn every_refusal_names_the_field_and_the_value() {
    let (desk, t) = desk_with_ticket();
    let not_utf8 = |words: &str| {
        let mut args: Vec<OsString> = words.split_whitespace().map(OsString::from).collect();
        args.push(OsStr::from_bytes(b"caf\xe9").to_os_string());
        Case {
            args,
            code: 2,
            mentions: "\\xE9".to_string(),
        }
    };
    let elapsed = "sla elapsed --calendar default";
    let due = "sla due --calendar default --start 2026-10-05T09:00:00Z --minutes";
    let cases = [
        not_utf8("customer add --name"),
        not_utf8(&format!("ticket note {t} --summary")),
        not_utf8("customer list --filter"),
        case("customer list --limit -5", 2, "invalid --limit \"-5\""),
        case("ticket list --limit -1", 2, "--limit"),
        case(&format!("ticket show -{t}"), 2, format!("\"-{t}\"")),
        case(&format!("ticket set {t} --if-version -3"), 2, "--if-version \"-3\""),
        case("demo --customers -5", 2, "--customers \"-5\""),
        case(
            "sla policy add --name p --first-response -5h",
            2,
            "--first-response=-5h",
        ),
        case(
            "customer list --limit 99999999999999999999",
            2,
            "invalid --limit \"99999999999999999999\": expected a whole number from 0 to 1000000",
        ),
        case("customer list --limit 1000001", 2, "invalid --limit \"1000001\""),
        case("ticket list --queue --limit 18446744073709551615", 2, "--limit"),
        case("kb search x --limit 18446744073709551615", 2, "--limit"),
        case("order list --customer 1 --limit 2000000", 2, "--limit"),
        case("survey list --limit 2000000", 2, "--limit"),
        case("reminder list --limit 2000000", 2, "--limit"),
        case("customer risk --limit 2000000", 2, "--limit"),
        case("ticket show abc", 2, "invalid id \"abc\": must be a number"),
        case("order cancel 1x", 2, "invalid order \"1x\": must be a number"),
        case("demo --seed abc", 2, "invalid --seed \"abc\": must be a number"),
        case(
            &format!("ticket set {t} --if-version v2"),
            2,
            "invalid --if-version \"v2\"",
        ),
        case(
            "ticket show 99999999999999999999",
            2,
            "invalid id \"99999999999999999999\": is too large",
        ),
        case("ticket list --status someday", 2, "someday"),
        case("customer list --frobnicate", 2, "--frobnicate"),
        case(
            &format!("{elapsed} --from 2026-10-06 --to 2026-10-05"),
            2,
            "invalid from \"2026-10-06\": is after --to \"2026-10-05\"",
        ),
        case(
            &format!("{elapsed} --from 2000-01-01 --to 2026-10-05"),
            2,
            "invalid to \"2026-10-05\"",
        ),
        case(&format!("{due} 99999999"), 2, "invalid minutes \"99999999\""),
        case(&format!("{due} 9223372036854775807"), 2, "not reached within 3660 days"),
        case("--help", 0, "Usage"),
        case("--version", 0, "frontdesk"),
        case("customer list --limit 1000000", 0, ""),
        case(&format!("{elapsed} --from 2026-10-05 --to 2026-10-05"), 0, "0"),
    ];
    for Case { args, code, mentions } in cases {
        let before = desk.counts();
        let out = desk.run(&args);
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
        assert!(text.contains(&mentions), "{args:?}: expected {mentions:?} in {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        // Rust's own words for a failed parse never reach the user.
        for rust in ["invalid digit", "target type"] {
            assert!(!text.contains(rust), "{args:?}: {text}");
        }
        assert_eq!(desk.counts(), before, "{args:?} wrote something");
    }
    // An environment variable that is not text is named too.
    let out = desk
        .cmd()
        .env("FRONTDESK_AGENT", OsStr::from_bytes(b"\xff"))
        .args(["customer", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let named = "invalid FRONTDESK_AGENT \"\u{fffd}\": is not text (invalid UTF-8: \\xFF)";
    assert!(stderr(&out).contains(named), "{}", stderr(&out));
}

// ---- files named by the user ----

/// Runs `args` with a time limit (a file that blocked or was read forever
/// would otherwise hang the suite); must fail with exit 2 at once, naming
/// every part of `mentions`, writing nothing.
fn refused_file(desk: &Desk, args: &[&OsStr], mentions: &[&str]) {
    let before = desk.counts();
    let out = assert_cmd::Command::from_std(desk.cmd())
        .args(args)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for part in mentions {
        assert!(err.contains(part), "{args:?}: expected {part:?} in {err}");
    }
    assert!(out.stdout.is_empty(), "{args:?}");
    assert_eq!(desk.counts(), before, "{args:?} wrote something");
}

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
fn special_and_oversized_files_are_refused_at_once() {
    let desk = Desk::new();
    let fifo = desk.path("pipe.csv");
    mkfifo(&fifo);
    let csv = desk.path("ok.csv");
    std::fs::write(&csv, "name\n张三\n").unwrap();
    // 2 MiB of comments: valid TOML, but no settings or map file is that large.
    let big = desk.path("big.toml");
    std::fs::write(&big, "# padding\n".repeat(210_000)).unwrap();
    let folder = desk.path("folder");
    std::fs::create_dir(&folder).unwrap();
    let zero = std::path::Path::new("/dev/zero");
    let os = |s: &'static str| OsStr::new(s);
    let import = [os("import"), os("customers")];
    let special = [
        (fifo.as_path(), "FIFO"),
        (zero, "character device"),
        (folder.as_path(), "a folder"),
    ];
    for (path, what) in special {
        let shown = path.to_str().unwrap();
        refused_file(
            &desk,
            &[&import[..], &[path.as_os_str()]].concat(),
            &["file", shown, what],
        );
        let map = [&import[..], &[csv.as_os_str(), os("--map"), path.as_os_str()]].concat();
        refused_file(&desk, &map, &["map", shown, what]);
        let config = [os("--config"), path.as_os_str(), os("customer"), os("list")];
        refused_file(&desk, &config, &["config", shown, what]);
    }
    let map = [&import[..], &[csv.as_os_str(), os("--map"), big.as_os_str()]].concat();
    refused_file(&desk, &map, &["map", "too large", "1 MiB"]);
    let config = [os("--config"), big.as_os_str(), os("customer"), os("list")];
    refused_file(&desk, &config, &["config", "too large"]);
}

#[test]
fn messages_about_a_bad_file_quote_a_short_excerpt() {
    let desk = Desk::new();
    let long = "秘".repeat(50_000);
    let short_enough = |err: &str| {
        assert!(
            err.chars().count() < 1_000,
            "{} characters: {err:.300}",
            err.chars().count()
        )
    };

    // A settings file with a huge bad value: the warning quotes a little of it.
    let config = desk.path("config.toml");
    std::fs::write(&config, format!("[sla]\ntimezone = \"{long}\"\n")).unwrap();
    let out = desk.run(&["customer", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("timezone"), "{err:.300}");
    short_enough(&err);
    std::fs::write(&config, long.as_bytes()).unwrap();
    short_enough(&stderr(&desk.run(&["customer", "list"])));
    std::fs::remove_file(&config).unwrap();

    // A map and an import file whose bad content is long.
    let csv = desk.path("ok.csv");
    std::fs::write(&csv, "name\n张三\n").unwrap();
    let map = desk.path("map.toml");
    std::fs::write(&map, format!("name = 3\n\"{long}\" = 4\n")).unwrap();
    let with_map = [
        "import",
        "customers",
        csv.to_str().unwrap(),
        "--map",
        map.to_str().unwrap(),
    ];
    short_enough(&refused_briefly(&desk, &with_map, "map"));
    let header = desk.path("header.csv");
    std::fs::write(&header, format!("{long}\n1\n")).unwrap();
    short_enough(&refused_briefly(
        &desk,
        &["import", "customers", header.to_str().unwrap()],
        "column",
    ));
    let row = desk.path("row.csv");
    std::fs::write(&row, format!("name,phone\n{long},13812345678\n")).unwrap();
    short_enough(&refused_briefly(
        &desk,
        &["import", "customers", row.to_str().unwrap()],
        "line 2",
    ));
}

/// Runs `args`, which must fail with exit 2 naming `mentions`; its message.
fn refused_briefly(desk: &Desk, args: &[&str], mentions: &str) -> String {
    let out = desk.run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err:.300}");
    assert!(err.contains(mentions), "{args:?}: {err:.300}");
    err
}
