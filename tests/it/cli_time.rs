//! One clock in the CLI: TIME typed in the human forms, read in the display
//! zone (`[ui] timezone`, default `[sla] timezone`); human output in that
//! zone with its offset; JSON in UTC with `Z`.

use crate::common::*;
use assert_cmd::Command;

/// The test clock, 2026-03-02T08:00:00Z, is Monday 16:00 in Shanghai.
fn with_zone(desk: &Desk, zone: &str, args: &[&str]) -> Command {
    let config = desk.dir().join("zone.toml");
    std::fs::write(&config, format!("[ui]\ntimezone = \"{zone}\"\n")).unwrap();
    let mut cmd = desk.cmd();
    cmd.env("FRONTDESK_CONFIG", &config).args(args);
    cmd
}

/// The due time of a reminder added with `due` typed, in `zone` or the
/// default display zone.
fn due_at(desk: &Desk, customer: &str, zone: Option<&str>, due: &str) -> String {
    let args = [
        "--json",
        "reminder",
        "add",
        "--customer",
        customer,
        "--due",
        due,
        "--note",
        "x",
    ];
    let mut cmd = match zone {
        Some(zone) => with_zone(desk, zone, &args),
        None => {
            let mut cmd = desk.cmd();
            cmd.args(args);
            cmd
        }
    };
    text(&parse_json(&stdout(&mut cmd)), "due_at").to_string()
}

#[test]
fn human_time_forms_are_read_in_the_display_zone() {
    let desk = Desk::new();
    let code = text(&desk.customer("张三", &[]), "code").to_string();
    let cases = [
        ("tomorrow 10:00", "2026-03-03T02:00:00Z"),
        ("明天 10:00", "2026-03-03T02:00:00Z"),
        ("today", "2026-03-01T16:00:00Z"),
        // Today is a Monday: `mon` is next week's.
        ("mon 09:00", "2026-03-09T01:00:00Z"),
        ("fri", "2026-03-05T16:00:00Z"),
        ("+2d", "2026-03-04T08:00:00Z"),
        ("+3h30m", "2026-03-02T11:30:00Z"),
        ("eom", "2026-03-31T15:59:00Z"),
        ("2026-03-05 10:00", "2026-03-05T02:00:00Z"),
        ("2026-03-05", "2026-03-04T16:00:00Z"),
        ("2026-03-05T10:00:00+01:00", "2026-03-05T09:00:00Z"),
    ];
    for (input, want) in cases {
        assert_eq!(due_at(&desk, &code, None, input), want, "{input:?}");
    }
    // Every TIME option takes them: an order, a contact, a ticket's opening.
    let typed = [
        ("today 09:00", "2026-03-02T01:00:00Z"),
        ("2026-03-02 15:30", "2026-03-02T07:30:00Z"),
    ];
    for (command, option, key) in time_options(&code) {
        for (input, want) in typed {
            let args: Vec<&str> = command.iter().map(String::as_str).chain([option, input]).collect();
            let saved = desk.json(&args);
            assert_eq!(text(&saved, key), want, "{args:?}");
        }
    }
}

/// Commands with a TIME option: the command, the option, its JSON key.
fn time_options(code: &str) -> Vec<(Vec<String>, &'static str, &'static str)> {
    let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    vec![
        (
            words(&["order", "add", "--customer", code, "--amount", "1"]),
            "--at",
            "at",
        ),
        (
            words(&["log", "--customer", code, "--channel", "phone", "--summary", "来电"]),
            "--at",
            "at",
        ),
        (
            words(&[
                "ticket",
                "add",
                "--customer",
                code,
                "--kind",
                "inquiry",
                "--subject",
                "发票",
            ]),
            "--opened-at",
            "opened_at",
        ),
        (
            words(&["reminder", "add", "--customer", code, "--note", "回电"]),
            "--due",
            "due_at",
        ),
    ]
}

#[test]
fn the_ui_timezone_setting_moves_typed_and_shown_times() {
    let desk = Desk::new();
    let code = text(&desk.customer("李四", &[]), "code").to_string();
    let due = due_at(&desk, &code, Some("America/New_York"), "tomorrow 10:00");
    // New York is at -05:00 in early March (DST starts on the 8th).
    assert_eq!(due, "2026-03-03T15:00:00Z");
    let list = stdout(&mut with_zone(
        &desk,
        "America/New_York",
        &["reminder", "list", "--when", "all"],
    ));
    assert!(list.contains("2026-03-03 10:00 -05:00"), "{list}");
    let list = stdout(&mut with_zone(&desk, "UTC", &["reminder", "list", "--when", "all"]));
    assert!(list.contains("2026-03-03 15:00 +00:00"), "{list}");
}

#[test]
fn human_output_shows_the_display_zone_and_json_stays_utc() {
    let desk = Desk::new();
    let code = text(&desk.customer("王芳", &[]), "code").to_string();
    let ticket = desk.ticket(&code, "complaint", "屏幕碎了", &["--opened-at", "2026-03-02T07:35:00Z"]);
    let number = id(&ticket).to_string();
    desk.ok(&[
        "reminder",
        "add",
        "--customer",
        &code,
        "--due",
        "2026-03-03T02:00:00Z",
        "--note",
        "回电",
    ]);

    let show = desk.ok(&["ticket", "show", &number]);
    assert!(show.contains("2026-03-02 15:35 +08:00"), "{show}");
    let list = desk.ok(&["reminder", "list", "--when", "all"]);
    assert!(list.contains("2026-03-03 10:00 +08:00"), "{list}");
    let timeline = desk.ok(&["timeline", &code]);
    assert!(timeline.contains("+08:00"), "{timeline}");
    assert!(!timeline.contains("…"), "times are never cut: {timeline}");

    let json = desk.json(&["ticket", "show", &number]);
    assert_eq!(text(&json, "opened_at"), "2026-03-02T07:35:00Z");
    let reminders = desk.json(&["reminder", "list", "--when", "all"]);
    assert!(is_utc_instant(text(&reminders[0], "due_at")));
    assert!(text(&reminders[0], "due_at").ends_with('Z'));
}

#[test]
fn other_forms_are_refused_naming_field_value_and_the_forms() {
    let desk = Desk::new();
    let code = text(&desk.customer("赵六", &[]), "code").to_string();
    let refused = ["next week", "tomorrow 25:00", "yesterday", "+2x", "03/02/2026"];
    for (command, option, _) in time_options(&code) {
        for value in refused {
            let args: Vec<&str> = command.iter().map(String::as_str).chain([option, value]).collect();
            let err = desk.invalid(&args, option.trim_start_matches("--"), value);
            assert!(
                err.contains("tomorrow 10:00") && err.contains("eom"),
                "lists the forms: {err}"
            );
        }
    }
    let elapsed = [
        "sla",
        "elapsed",
        "--calendar",
        "default",
        "--from",
        "soon",
        "--to",
        "eom",
    ];
    desk.invalid(&elapsed, "from", "soon");
    // In Chinese too, the same forms.
    let mut zh = desk.cmd();
    zh.env("LANG", "zh_CN.UTF-8")
        .args(["reminder", "add", "--customer", &code, "--note", "x", "--due", "下周"]);
    let out = zh.assert().code(2).get_output().clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("应为时间") && err.contains("明天") && err.contains("下周"),
        "{err}"
    );
}

/// A reminder typed as `mon 09:00` in a DST zone on the week DST starts
/// lands at 09:00 local time with the new offset.
#[test]
fn a_weekday_across_a_dst_change_keeps_its_wall_clock() {
    let desk = Desk::new();
    let code = text(&desk.customer("周七", &[]), "code").to_string();
    let due = due_at(&desk, &code, Some("America/New_York"), "mon 09:00");
    // Monday 2026-03-09, after the change on the 8th: -04:00.
    assert_eq!(due, "2026-03-09T13:00:00Z");
}

/// A bad display zone is reported like any other bad key, and costs only
/// itself: the team's zone is used instead.
#[test]
fn a_bad_display_zone_is_a_config_problem() {
    let desk = Desk::new();
    let check = with_zone(&desk, "Mars/Olympus", &["config", "check"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let out = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    assert!(out.contains("ui.timezone") && out.contains("Mars/Olympus"), "{out}");
    let code = text(&desk.customer("钱八", &[]), "code").to_string();
    assert_eq!(
        due_at(&desk, &code, Some("Mars/Olympus"), "tomorrow 10:00"),
        "2026-03-03T02:00:00Z"
    );
}
