//! Refusals in the user's language: every exit 2, 3 and 4 a user can meet
//! on the command line — clap's refusals that frontdesk words itself, the
//! domain's, the service's and an import's bad rows — is worded through the
//! catalogue, names the field and the value, and shows no Rust Debug text
//! and no unfilled `{placeholder}`.

use crate::common;

use common::Desk;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

const CHINESE: &str = "zh_CN.UTF-8";

/// Runs `args` in `lang`; asserts the exit code and that standard output
/// is empty; returns standard error.
fn refusal(desk: &Desk, lang: &str, code: i32, args: &[OsString]) -> String {
    let config = desk.dir().join("empty-config.toml");
    std::fs::write(&config, "").expect("write config");
    let mut cmd = desk.cmd();
    cmd.env("LANG", lang).env("FRONTDESK_CONFIG", config).args(args);
    let out = cmd.output().expect("run frontdesk");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(code), "{lang} {args:?}: {err}");
    assert!(out.stdout.is_empty(), "{lang} {args:?} printed data");
    err
}

fn words(line: &str) -> Vec<OsString> {
    line.split_whitespace().map(OsString::from).collect()
}

/// Signs of text that did not come from the catalogue.
fn assert_worded(err: &str, context: &str) {
    for sign in ["{", "}", "NotOneOf", "Reason", "Invalid {", "Some(", "panicked"] {
        assert!(!err.contains(sign), "{context}: {sign:?} in {err}");
    }
}

/// `frontdesk: …` lines in Chinese: the English wording's words are gone
/// (option names, values and codes stay as typed).
fn assert_chinese(err: &str, context: &str) {
    for line in err.lines().filter(|l| l.starts_with("frontdesk: ")) {
        for english in [
            "invalid",
            "expected",
            "must",
            "not found",
            "changed by",
            "is empty",
            "write ",
        ] {
            assert!(!line.contains(english), "{context}: {english:?} in {line}");
        }
        let has_han = line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        assert!(has_han, "{context}: no Chinese in {line}");
    }
}

fn desk_with_ticket() -> Desk {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    desk.ticket("C2026001", "complaint", "屏幕碎了", &[]);
    desk
}

/// (arguments, exit code, what the message must name in both languages)
fn cases() -> Vec<(Vec<OsString>, i32, &'static str)> {
    let mut cases: Vec<(Vec<OsString>, i32, &str)> = [
        (
            "ticket add --customer C2026001 --kind complaint --subject x --priority huge",
            2,
            "\"huge\"",
        ),
        (
            "ticket add --customer C2026001 --kind complaint --subject x --opened-at 2026-13-45",
            2,
            "\"2026-13-45\"",
        ),
        ("ticket add --customer C9999 --kind complaint --subject x", 4, "C9999"),
        ("ticket set 1 --status someday", 2, "\"someday\""),
        ("ticket set 1 --priority high --if-version 7", 3, "7"),
        ("ticket show 99", 4, "99"),
        ("ticket show abc", 2, "\"abc\""),
        ("ticket show 99999999999999999999", 2, "\"99999999999999999999\""),
        ("customer list --limit 2000000", 2, "--limit"),
        ("customer list --limit -5", 2, "--limit"),
        ("customer add --name X --email nomail", 2, "\"nomail\""),
        ("customer show C0000", 4, "C0000"),
        ("report --month 2026-13", 2, "\"2026-13\""),
    ]
    .into_iter()
    .map(|(line, code, names)| (words(line), code, names))
    .collect();
    let mut bad_utf8 = words("customer add --name");
    bad_utf8.push(OsString::from_vec(vec![b'a', 0xff]));
    cases.push((bad_utf8, 2, "--name"));
    cases
}

#[test]
fn refusals_name_field_and_value_in_both_languages() {
    let desk = desk_with_ticket();
    for (args, code, names) in cases() {
        for lang in ["C", CHINESE] {
            let err = refusal(&desk, lang, code, &args);
            let context = format!("{lang} {args:?}");
            assert!(err.contains(names), "{context}: {names:?} not in {err}");
            assert_worded(&err, &context);
            if lang == CHINESE {
                assert_chinese(&err, &context);
            }
        }
    }
}

#[test]
fn command_line_refusals_are_worded_by_the_catalogue() {
    let desk = desk_with_ticket();
    let zh_args = |args: &[OsString]| refusal(&desk, CHINESE, 2, args);
    let zh = |line: &str| zh_args(&words(line));
    assert_eq!(
        zh("customer list --limit 2000000"),
        "frontdesk: 字段 --limit 的值 \"2000000\" 无效：应为 0 到 1000000 之间的整数\n"
    );
    assert_eq!(
        zh("ticket show 99999999999999999999"),
        "frontdesk: 字段 id 的值 \"99999999999999999999\" 无效：数值太大\n"
    );
    assert_eq!(
        zh("customer list --limit -5"),
        "frontdesk: 字段 --limit 的值 \"-5\" 无效：不能为负数\n"
    );
    let bare = |db: Option<&str>, args: &[&str]| {
        let mut cmd = desk.bare();
        cmd.env("LANG", CHINESE).args(args);
        if let Some(db) = db {
            cmd.env("FRONTDESK_DB", db);
        }
        let out = cmd.output().expect("run frontdesk");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let empty = bare(None, &["--db=", "ticket", "list"]);
    assert!(
        empty.contains("frontdesk: 字段 --db 的值 \"\" 无效：为空；请给出路径"),
        "{empty}"
    );
    let variable = bare(Some(""), &["ticket", "list"]);
    assert!(
        variable.contains("frontdesk: 字段 FRONTDESK_DB 的值 \"\" 无效：为空；请设为"),
        "{variable}"
    );
    let mut not_text = words("customer add --name");
    not_text.push(std::ffi::OsStr::from_bytes(b"caf\xe9").to_os_string());
    assert_eq!(
        zh_args(&not_text),
        "frontdesk: 字段 --name 的值 \"caf\u{fffd}\" 无效：不是文本（含无效的 UTF-8 字节：\\xE9）\n"
    );
    // A value that starts with `-` gets the hint in the user's language.
    let hint = desk
        .cmd()
        .env("LANG", CHINESE)
        .args(["customer", "add", "--name", "-x"])
        .output()
        .expect("run");
    let hint = String::from_utf8_lossy(&hint.stderr);
    assert!(
        hint.contains("frontdesk: 如果 \"-x\" 是 --name 的值，请写成 --name=-x"),
        "{hint}"
    );
}

#[test]
fn an_imports_bad_rows_are_one_to_a_line_in_both_languages() {
    let desk = Desk::new();
    let csv = desk.dir().join("bad.csv");
    std::fs::write(&csv, "code,name,kind\nC9100001,,person\nC9100002,Y,alien\n").expect("write csv");
    let args = [
        OsString::from("import"),
        OsString::from("customers"),
        csv.into_os_string(),
    ];
    assert_eq!(
        refusal(&desk, "C", 2, &args),
        "frontdesk: nothing imported; fix these rows first:\n  line 2: invalid name \"\": is required\n  \
         line 3: invalid kind \"alien\": expected one of: person, company\n"
    );
    assert_eq!(
        refusal(&desk, CHINESE, 2, &args),
        "frontdesk: 未导入任何记录，请先修正以下各行：\n  第 2 行：字段 name 的值 \"\" 无效：不能为空\n  \
         第 3 行：字段 kind 的值 \"alien\" 无效：应为以下之一：person, company\n"
    );
}

#[test]
fn doctor_on_a_file_that_is_no_database_speaks_chinese_around_sqlites_words() {
    let desk = Desk::empty();
    let text = desk.dir().join("notes.txt");
    std::fs::write(&text, "hello\n").expect("write file");
    let out = desk
        .bare()
        .env("LANG", CHINESE)
        .arg("--db")
        .arg(&text)
        .arg("doctor")
        .output()
        .expect("run frontdesk");
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8_lossy(&out.stdout);
    // SQLite's statement and message stay as SQLite gives them; the words
    // around them are the catalogue's.
    let unreadable = report
        .lines()
        .find(|l| l.contains("SQLite 无法读取该文件"))
        .unwrap_or_default();
    assert!(unreadable.contains("：PRAGMA "), "{report}");
    assert!(!report.contains("could not run"), "{report}");
}

/// clap's own refusals (unknown option or command, missing arguments,
/// options that do not go together, a value outside clap's list) in
/// Chinese: one line, the catalogue's words around the names as typed.
#[test]
fn usage_refusals_are_chinese_under_a_chinese_locale_and_claps_in_english() {
    let desk = desk_with_ticket();
    let cases = [
        (
            "ticket list --queu x",
            "frontdesk: 无法识别的参数 --queu（是否想写 --queue？）；请用 --help 查看用法\n",
        ),
        (
            "tickt list",
            "frontdesk: 无法识别的命令 tickt（是否想写 ticket？）；请用 --help 查看用法\n",
        ),
        (
            "ticket add --customer 1",
            "frontdesk: 缺少必需的参数：--kind <KIND>, --subject <SUBJECT>；请用 --help 查看用法\n",
        ),
        (
            "completions tcsh",
            "frontdesk: <SHELL> 的值 \"tcsh\" 无效，可选值：bash, elvish, fish, powershell, zsh（是否想写 zsh？）；请用 --help 查看用法\n",
        ),
    ];
    for (line, want) in cases {
        assert_eq!(refusal(&desk, CHINESE, 2, &words(line)), want, "{line}");
        let english = refusal(&desk, "C", 2, &words(line));
        assert!(english.starts_with("error: "), "{line}: {english}");
        assert!(english.contains("try '--help'"), "{line}: {english}");
    }
    let conflict = refusal(
        &desk,
        CHINESE,
        2,
        &words("customer edit 1 --tier standard --unpin-tier"),
    );
    assert!(
        conflict.starts_with("frontdesk: --tier <TIER> 不能与 --unpin-tier 一起使用"),
        "{conflict}"
    );
}

/// The import's summary counts without "1 customers": each count follows
/// its label, so no count needs a plural.
#[test]
fn the_import_summary_reads_right_for_a_count_of_one() {
    let desk = Desk::new();
    let csv = desk.dir().join("one.csv");
    std::fs::write(&csv, "code,name,kind\nC9100001,张三,person\n").expect("write csv");
    let csv = csv.to_str().expect("UTF-8 path");
    let english = common::stdout(desk.cmd().args(["import", "customers", csv]));
    assert_eq!(
        english,
        "rows read: 1; added: 1; already present: 0; customers created: 0\n"
    );
    let chinese = common::stdout(desk.cmd().env("LANG", CHINESE).args(["import", "customers", csv]));
    assert_eq!(chinese, "共 1 行：新增 0 条，已存在 1 条，新建客户 0 个\n");
}
