//! `mail import|fetch|attachments|save` and `ticket show`'s attachments
//! through the binary: summaries in both languages, JSON, exit codes, files
//! written safely, and a backup that keeps the attachments.

use crate::common::*;
use crate::mail_support::{fixture, fixture_path, maildir};

const AT: &str = "2026-12-06T12:00:00Z";

fn import(desk: &Desk, files: &[&str]) -> serde_json::Value {
    let mut cmd = desk.cmd_at(AT);
    cmd.args(["--json", "mail", "import"]);
    for f in files {
        cmd.arg(fixture_path(f));
    }
    parse_json(&stdout(&mut cmd))
}

#[test]
fn import_tells_what_became_of_the_mail_in_json_english_and_chinese() {
    let desk = Desk::new();
    let report = import(&desk, &["gbk.eml", "attachments.eml", "autoreply.eml", "bounce.eml"]);
    assert_eq!(report["read"], 4);
    assert_eq!(report["new_tickets"], 2);
    assert_eq!(report["set_aside"]["auto-reply"], 1);
    assert_eq!(report["set_aside"]["bounce"], 1);
    assert_eq!(report["failed"], serde_json::json!([]));

    let mut cmd = desk.cmd_at(AT);
    cmd.args(["mail", "import"])
        .arg(fixture_path("gbk.eml"))
        .arg(fixture_path("reply-tag.eml"));
    let text = stdout(&mut cmd);
    assert!(text.contains("2 messages read"), "{text}");
    assert!(text.contains("0 new tickets"), "{text}");
    assert!(text.contains("1 reply added to its ticket (0 reopened)"), "{text}");
    assert!(text.contains("1 message stored before (nothing added)"), "{text}");

    let mut cmd = desk.cmd_at(AT);
    cmd.env("LANG", "zh_CN.UTF-8")
        .args(["mail", "import"])
        .arg(fixture_path("autoreply.eml"))
        .arg(fixture_path("bounce.eml"))
        .arg(fixture_path("big5.eml"));
    let text = stdout(&mut cmd);
    assert!(text.contains("已读取 3 封邮件"), "{text}");
    assert!(text.contains("新建工单 1 个"), "{text}");
    assert!(text.contains("2 封邮件此前已收取"), "{text}");

    let t = desk.show_ticket(1);
    assert_eq!(t["channel"], "email");
    assert_eq!(t["subject"], "退款进度查询");
    assert_eq!(t["interactions"].as_array().unwrap().len(), 2);
}

#[test]
fn a_missing_path_exits_4_and_a_folder_that_is_no_maildir_exits_2_writing_nothing() {
    let desk = Desk::new();
    let missing = desk.dir().join("nope.eml");
    let out = desk
        .cmd_at(AT)
        .args(["mail", "import"])
        .arg(fixture_path("gbk.eml"))
        .arg(&missing)
        .assert()
        .code(4)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("nope.eml"), "{err}");
    let folder = desk.dir().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let out = desk
        .cmd_at(AT)
        .args(["mail", "import"])
        .arg(&folder)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("folder") && err.contains("not a Maildir"), "{err}");
    let out = desk
        .cmd_at(AT)
        .env("LANG", "zh_CN.UTF-8")
        .args(["mail", "import"])
        .arg(&folder)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8(out.stderr).unwrap().contains("不是 Maildir"));
    assert_eq!(desk.json(&["ticket", "list"]), serde_json::json!([]), "nothing written");
}

#[test]
fn fetch_reads_every_source_and_exits_1_when_one_failed() {
    let desk = Desk::new();
    let dir = maildir(&desk.dir().join("Maildir"), &[fixture("gbk.eml"), fixture("html.eml")]);
    let config = desk.dir().join("config.toml");
    let sources = format!(
        "[mail]\naddress = \"support@acme.test\"\nsources = [\"mbox:{}\", \"maildir:{}\"]\n",
        desk.dir().join("missing.mbox").display(),
        dir.display()
    );
    std::fs::write(&config, sources).unwrap();
    let out = desk
        .cmd_at(AT)
        .arg("--config")
        .arg(&config)
        .args(["--json", "mail", "fetch"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let report = parse_json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(report["new_tickets"], 2);
    assert_eq!(report["failed"].as_array().unwrap().len(), 1);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("missing.mbox"), "{err}");
    // Fetched again: nothing new, the mbox still missing.
    let out = desk
        .cmd_at(AT)
        .arg("--config")
        .arg(&config)
        .args(["mail", "fetch"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("0 new tickets"), "{text}");
}

#[test]
fn attachments_are_listed_saved_safely_and_kept_by_a_backup() {
    let desk = Desk::new();
    import(&desk, &["attachments.eml"]);
    let list = desk.json(&["mail", "attachments", "1"]);
    let files: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (text(a, "file_name"), text(a, "mime_type")))
        .collect();
    assert_eq!(
        files,
        [("image-1.png", "image/png"), ("../../etc/报价.pdf", "application/pdf")]
    );
    let pdf = id(&list[1]);
    let human = desk.ok(&["mail", "attachments", "1"]);
    assert_line(&human, 0, &["ID", "File", "Type", "Size"]);
    assert_line(&human, 2, &["../../etc/报价.pdf", "application/pdf", "226"]);
    let shown = desk.show_ticket(1);
    assert_eq!(shown["attachments"].as_array().unwrap().len(), 2);
    assert!(desk.ok(&["ticket", "show", "1"]).contains("Attachments"));

    // Saved under the cleaned name in the current folder, never over a file.
    let work = desk.dir().join("work");
    std::fs::create_dir(&work).unwrap();
    let pdf_id = pdf.to_string();
    desk.cmd()
        .current_dir(&work)
        .args(["mail", "save", &pdf_id])
        .assert()
        .success();
    let saved = std::fs::read(work.join("报价.pdf")).unwrap();
    assert!(saved.starts_with(b"%PDF-1.4"));
    let out = desk
        .cmd()
        .current_dir(&work)
        .args(["mail", "save", &pdf_id])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(String::from_utf8(out.stderr).unwrap().contains("报价.pdf"));
    desk.cmd()
        .current_dir(&work)
        .args(["mail", "save", &pdf_id, "--force"])
        .assert()
        .success();
    let out = desk
        .cmd()
        .args(["mail", "save", &pdf_id, "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(out.stdout, saved);
    desk.fails(4, &["mail", "save", "999"]);
    desk.fails(4, &["mail", "attachments", "999"]);

    // A backup is the same file: its attachments come with it.
    let backup = desk.dir().join("backup.db");
    desk.cmd().arg("backup").arg(&backup).assert().success();
    let out = desk
        .bare()
        .arg("--db")
        .arg(&backup)
        .args(["--json", "mail", "save", &pdf_id, "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(out.stdout, saved);
}

#[test]
fn a_ticket_opened_by_mail_is_routed_and_of_the_configured_kind() {
    let desk = Desk::new();
    desk.ok(&[
        "routing",
        "add",
        "--kind",
        "complaint",
        "--channel",
        "email",
        "--department",
        "mailroom",
    ]);
    let config = desk.dir().join("config.toml");
    std::fs::write(&config, "[mail]\ndefault_kind = \"complaint\"\n").unwrap();
    let mut cmd = desk.cmd_at(AT);
    cmd.arg("--config")
        .arg(&config)
        .args(["mail", "import"])
        .arg(fixture_path("gbk.eml"));
    stdout(&mut cmd);
    let t = desk.show_ticket(1);
    assert_eq!(
        (t["kind"].as_str(), t["department"].as_str()),
        (Some("complaint"), Some("mailroom"))
    );

    // A kind that is none costs only its own key, as every setting does:
    // reported (naming the key and the value), and the default kind used.
    std::fs::write(&config, "[mail]\ndefault_kind = \"grumble\"\n").unwrap();
    let out = desk
        .cmd_at(AT)
        .arg("--config")
        .arg(&config)
        .args(["mail", "import"])
        .arg(fixture_path("big5.eml"))
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("mail.default_kind") && err.contains("grumble"), "{err}");
    assert_eq!(desk.show_ticket(2)["kind"].as_str(), Some("inquiry"));
    let check = desk
        .cmd_at(AT)
        .arg("--config")
        .arg(&config)
        .args(["config", "check"])
        .assert()
        .code(2);
    let listed = String::from_utf8(check.get_output().stdout.clone()).unwrap();
    assert!(
        listed.contains("mail.default_kind") && listed.contains("grumble"),
        "{listed}"
    );
}
