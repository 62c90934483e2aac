//! The command line of editing: `ticket set --subject/--kind/--description`,
//! `interaction edit`, and `ticket reply|note` written in `$EDITOR` (a
//! script stands in for it) or read with `--body-file`.

use super::common::{Desk, id, text};
use std::path::{Path, PathBuf};

/// A desk with one customer and one inquiry; returns the ticket's id.
fn desk() -> (Desk, String) {
    let desk = Desk::new();
    desk.customer("张三", &["--code", "C1"]);
    let t = desk.ticket("C1", "inquiry", "Printer jams", &[]);
    (desk, id(&t).to_string())
}

/// An executable shell script in the desk's folder, run as `$EDITOR FILE`.
fn script(desk: &Desk, name: &str, body: &str) -> PathBuf {
    let path = desk.dir().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// Runs `args` with `editor` as `$EDITOR` (and no `$VISUAL`), standard
/// input a pipe (never the test runner's terminal).
fn with_editor(desk: &Desk, editor: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    desk.cmd()
        .env_remove("VISUAL")
        .env("EDITOR", editor)
        .args(args)
        .write_stdin("")
        .assert()
}

fn interactions(desk: &Desk, ticket: &str) -> Vec<(String, String)> {
    let shown = desk.json(&["ticket", "show", ticket]);
    shown["interactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (text(i, "direction").to_string(), text(i, "summary").to_string()))
        .collect()
}

#[test]
fn ticket_set_edits_subject_kind_and_description() {
    let (desk, t) = desk();
    let before = desk.show_ticket(t.parse().unwrap());
    let shown = desk.json(&[
        "ticket",
        "set",
        &t,
        "--subject",
        "打印机卡纸",
        "--kind",
        "repair",
        "--description",
        "第一行\n第二行",
        "--if-version",
        "1",
    ]);
    assert_eq!(text(&shown, "subject"), "打印机卡纸");
    assert_eq!(text(&shown, "kind"), "repair");
    assert_eq!(text(&shown, "description"), "第一行\n第二行");
    // The repair policy's 4h, not the inquiry's 1h.
    assert_ne!(
        before["sla"]["first_response"]["due"],
        shown["sla"]["first_response"]["due"]
    );
    let audit = desk.show_ticket(t.parse().unwrap())["audit"].clone();
    let fields: Vec<&str> = audit.as_array().unwrap().iter().map(|e| text(e, "field")).collect();
    assert_eq!(fields, ["created", "subject", "description", "kind"]);
    // The version moved on: the same edit at version 1 is stale.
    desk.refused_unchanged(3, &["ticket", "set", &t, "--subject", "x", "--if-version", "1"]);
    desk.invalid(&["ticket", "set", &t, "--subject", " "], "subject", "");
    desk.invalid(&["ticket", "set", &t, "--kind", "praise"], "kind", "praise");
}

#[test]
fn a_reply_written_in_the_editor_is_recorded_without_its_comments() {
    let (desk, t) = desk();
    let template = desk.dir().join("template.txt");
    let editor = script(
        &desk,
        "editor.sh",
        &format!(
            "cp \"$1\" '{}'\n{{ printf '已安排换货\\n\\n明天送达\\n'; cat \"$1\"; }} > \"$1.new\" && mv \"$1.new\" \"$1\"",
            template.display()
        ),
    );
    let out = with_editor(&desk, &editor, &["--json", "ticket", "reply", &t]).success();
    let reply: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(text(&reply, "summary"), "已安排换货\n\n明天送达");
    assert_eq!(text(&reply, "direction"), "out");
    // The template names what is answered, every line of it a comment.
    let template = std::fs::read_to_string(template).unwrap();
    assert!(
        template.contains(&format!("#{t}")) && template.contains("Printer jams"),
        "{template}"
    );
    assert!(
        template.lines().all(|l| l.is_empty() || l.starts_with('#')),
        "{template}"
    );
    // `ticket show` keeps the lines, each under the first.
    let shown = desk.ok(&["ticket", "show", &t]);
    let column = |needle: &str| {
        let line = shown
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{shown}"));
        unicode_width::UnicodeWidthStr::width(&line[..line.find(needle).unwrap()])
    };
    assert_eq!(column("已安排换货"), column("明天送达"), "{shown}");
}

#[test]
fn an_empty_text_in_the_editor_cancels_and_writes_nothing() {
    let (desk, t) = desk();
    for (name, body) in [
        ("untouched.sh", "true"),
        ("emptied.sh", ": > \"$1\""),
        ("comments.sh", "printf '# only a comment\\n\\n' >> \"$1\""),
    ] {
        let editor = script(&desk, name, body);
        for command in ["reply", "note"] {
            let before = desk.dump();
            let out = with_editor(&desk, &editor, &["ticket", command, &t]).code(2);
            let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert!(
                err.contains("empty") && err.contains("cancelled"),
                "{name} {command}: {err}"
            );
            assert!(out.get_output().stdout.is_empty());
            assert_eq!(before, desk.dump(), "{name} {command} wrote something");
        }
    }
}

#[test]
fn a_failing_editor_writes_nothing_and_says_so() {
    let (desk, t) = desk();
    let editor = script(&desk, "fails.sh", "echo text >> \"$1\"; exit 3");
    let before = desk.dump();
    let out = with_editor(&desk, &editor, &["ticket", "note", &t]).code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("editor") && err.contains("--body-file"), "{err}");
    assert_eq!(before, desk.dump());
}

#[test]
fn a_note_is_written_in_the_editor() {
    let (desk, t) = desk();
    let editor = script(&desk, "note.sh", "printf '仓库确认有货\\n# 备注\\n' > \"$1\"");
    with_editor(&desk, &editor, &["ticket", "note", &t]).success();
    assert_eq!(
        interactions(&desk, &t),
        [("note".to_string(), "仓库确认有货".to_string())]
    );
}

#[test]
fn the_text_comes_from_a_body_file_or_standard_input() {
    let (desk, t) = desk();
    let file = desk.dir().join("reply.txt");
    // A file is taken as written: a line starting with # stays.
    std::fs::write(&file, "第一行\r\n#12 已处理\r\n").unwrap();
    desk.ok(&["ticket", "reply", &t, "--body-file", file.to_str().unwrap()]);
    desk.cmd()
        .args(["ticket", "note", &t, "--body-file", "-"])
        .write_stdin("from standard input\nsecond line\n")
        .assert()
        .success();
    assert_eq!(
        interactions(&desk, &t),
        [
            ("out".to_string(), "第一行\n#12 已处理".to_string()),
            ("note".to_string(), "from standard input\nsecond line".to_string()),
        ]
    );
    // Empty, missing, or given with --summary: refused, nothing written.
    std::fs::write(&file, "\n  \n").unwrap();
    let path = file.to_str().unwrap();
    desk.invalid(&["ticket", "note", &t, "--body-file", path], "summary", "");
    desk.invalid(
        &["ticket", "note", &t, "--body-file", "no-such.txt"],
        "body-file",
        "no-such.txt",
    );
    desk.refused_unchanged(2, &["ticket", "note", &t, "--body-file", path, "--summary", "x"]);
}

#[test]
fn without_a_terminal_or_an_editor_the_options_are_asked_for() {
    let (desk, t) = desk();
    for command in ["reply", "note"] {
        let before = desk.dump();
        let out = desk
            .cmd()
            .env_remove("VISUAL")
            .env_remove("EDITOR")
            .args(["ticket", command, &t])
            .write_stdin("")
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("--summary") && err.contains("--body-file"), "{err}");
        assert_eq!(before, desk.dump());
    }
    // A ticket that does not exist exits 4 before any editor would open.
    let editor = script(&desk, "never.sh", "echo opened > \"$1.seen\"");
    with_editor(&desk, &editor, &["ticket", "reply", "999"]).code(4);
}

#[test]
fn interaction_edit_corrects_the_text_and_audits_it() {
    let (desk, t) = desk();
    let note = desk.json(&["ticket", "note", &t, "--summary", "客户电话 138000"]);
    let note_id = id(&note).to_string();
    let edited = desk.json(&["interaction", "edit", &note_id, "--summary", "客户电话 13800001111"]);
    assert_eq!(text(&edited, "summary"), "客户电话 13800001111");
    assert_eq!(edited["at"], note["at"]);
    super::common::assert_interaction(&edited);
    assert_eq!(
        desk.ok(&["interaction", "edit", &note_id, "--summary", "再改"]).trim(),
        note_id
    );
    // The timeline names the interaction by the id `interaction edit` takes.
    let timeline = desk.json(&["timeline", "C1"]);
    let line = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| text(e, "source") == "interaction")
        .unwrap();
    assert_eq!(line["id"].as_i64(), Some(id(&note)));
    assert_eq!(text(line, "summary"), "再改");
    desk.invalid(&["interaction", "edit", &note_id, "--summary", " "], "summary", "");
    desk.refused_unchanged(4, &["interaction", "edit", "999", "--summary", "x"]);
    desk.refused_unchanged(2, &["interaction", "edit", &note_id]);
}
