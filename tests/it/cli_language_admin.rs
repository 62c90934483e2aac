//! The report and care commands in both languages, through the real binary:
//! the monthly and weekly report in the source documents' Chinese terms,
//! doctor and backup confirmations, a settings problem naming its key and
//! line, and `[ui] language` winning over the locale. Every command sets
//! its locale explicitly, so the machine's cannot change the outcome.

use crate::common;

use assert_cmd::Command;
use common::{Desk, id};
use std::path::PathBuf;

/// The month reported on, and when the report is asked for (its end).
const MONTH: &str = "2026-10";
const AFTER: &str = "2026-11-01T00:00:00Z";

/// A language as the environment gives it.
#[derive(Clone, Copy)]
enum Locale {
    /// `LANG=zh_CN.UTF-8`, nothing overriding it.
    Chinese,
    /// `LC_ALL=C`.
    English,
}

fn speaking(cmd: &mut Command, locale: Locale) -> &mut Command {
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES");
    match locale {
        Locale::Chinese => cmd.env("LANG", "zh_CN.UTF-8"),
        Locale::English => cmd.env("LC_ALL", "C").env("LANG", "C"),
    }
}

/// A database whose settings file puts the report months in UTC.
struct Db {
    desk: Desk,
    config: PathBuf,
}

impl Db {
    fn new(settings: &str) -> Db {
        let desk = Desk::new();
        let config = desk.dir().join("config.toml");
        std::fs::write(&config, settings).unwrap();
        Db { desk, config }
    }

    fn cmd(&self, locale: Locale, now: &str, args: &[&str]) -> Command {
        let mut cmd = self.desk.cmd_at(now);
        speaking(&mut cmd, locale).arg("--config").arg(&self.config).args(args);
        cmd
    }

    /// Standard output of a command that must succeed.
    fn ok(&self, locale: Locale, now: &str, args: &[&str]) -> String {
        let out = self
            .cmd(locale, now, args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }

    /// The output of a command, whatever its exit.
    fn run(&self, locale: Locale, now: &str, args: &[&str]) -> std::process::Output {
        self.cmd(locale, now, args).output().unwrap()
    }

    /// Opens a ticket at `at`; its id.
    fn ticket(&self, at: &str, kind: &str) -> String {
        let args = [
            "--json",
            "ticket",
            "add",
            "--customer",
            "C1",
            "--kind",
            kind,
            "--subject",
            "来电",
        ];
        let out = self.ok(Locale::English, at, &args);
        id(&serde_json::from_str(&out).unwrap()).to_string()
    }
}

/// One customer; September: a complaint answered in 30 minutes and resolved
/// in 11 hours. October: a complaint answered in 20 minutes and resolved in
/// 4 hours with a survey (4, 5, 4); an inquiry answered after 2 hours (its
/// 1-hour first response missed) and left open.
fn small_month() -> Db {
    let db = Db::new("[sla]\ntimezone = \"UTC\"\n");
    let en = Locale::English;
    db.ok(
        en,
        "2026-09-01T00:00:00Z",
        &["customer", "add", "--code", "C1", "--name", "李雷"],
    );
    let t1 = db.ticket("2026-09-10T09:00:00Z", "complaint");
    db.ok(
        en,
        "2026-09-10T09:30:00Z",
        &["ticket", "reply", &t1, "--summary", "抱歉"],
    );
    db.ok(en, "2026-09-10T20:00:00Z", &["ticket", "resolve", &t1]);
    let t2 = db.ticket("2026-10-01T08:00:00Z", "complaint");
    db.ok(
        en,
        "2026-10-01T08:20:00Z",
        &["ticket", "reply", &t2, "--summary", "处理中"],
    );
    db.ok(en, "2026-10-01T12:00:00Z", &["ticket", "resolve", &t2]);
    let survey = [
        "survey",
        "add",
        "--customer",
        "C1",
        "--ticket",
        &t2,
        "--quality",
        "4",
        "--response",
        "5",
        "--communication",
        "4",
    ];
    db.ok(en, "2026-10-02T09:00:00Z", &survey);
    let t3 = db.ticket("2026-10-05T10:00:00Z", "inquiry");
    db.ok(
        en,
        "2026-10-05T12:00:00Z",
        &["ticket", "reply", &t3, "--summary", "回复"],
    );
    db
}

#[test]
fn the_monthly_report_speaks_the_documents_terms_in_chinese() {
    let db = small_month();
    let report = db.ok(Locale::Chinese, AFTER, &["report", "--month", MONTH]);
    let expected = "\
月度复盘 2026-10（按 UTC 自然月统计，数据截至 2026-11-01 00:00）

指标                     2026-10    2026-09     环比            样本数
客户满意度评分（1-5分）  4.33       —           —               1
满意度（评分≥4的占比）   100.0%     —           —               1
投诉处理及时率           100.0%     100.0%      → 0             1
首次响应及时率           50.0%      100.0%      ↓ 50.0个百分点  2
一次性解决率             100.0%     100.0%      → 0             1
需求解决率               —          —           —               0
回访率（按时回访）       0.0%       0.0%        → 0             1
平均处理时长             4小时00分  11小时00分  ↓ 7小时00分     1
客户流失率               0.0%       —           —               1
积压工单（未结）         1          0           ↑ 1

满意度调查（按平均分）：1分 0份，2分 0份，3分 0份，4分 1份，5分 0份
";
    assert_eq!(report, expected);
    // The same figures in English, the machine formats untouched.
    let english = db.ok(Locale::English, AFTER, &["report", "--month", MONTH]);
    assert!(
        english.contains("\nFirst response on time       50.0%    100.0%   ↓ 50.0 pts  2\n"),
        "{english}"
    );
    let csv = db.ok(Locale::Chinese, AFTER, &["report", "--month", MONTH, "--format", "csv"]);
    assert!(csv.starts_with("kpi,value,previous,change\n"), "{csv}");
    let json = db.ok(Locale::Chinese, AFTER, &["--json", "report", "--month", MONTH]);
    assert!(
        json.contains("\"complaint_on_time_rate\"") && !json.contains("投诉"),
        "{json}"
    );
}

#[test]
fn the_breakdown_and_markdown_are_in_chinese_too() {
    let db = small_month();
    let by = db.ok(Locale::Chinese, AFTER, &["report", "--month", MONTH, "--by", "agent"]);
    assert!(by.contains("\n按客服（2026-10）\n"), "{by}");
    let header =
        "客服    满意度评分  满意度  投诉及时率  首响及时率  一次性解决率  需求解决率  回访率  处理时长   积压工单";
    assert!(by.contains(header), "{by}");
    assert!(by.contains("\n（无）  4.33 "), "{by}");
    let md = db.ok(Locale::Chinese, AFTER, &["report", "--month", MONTH, "--format", "md"]);
    assert!(md.starts_with("## 月度复盘 2026-10"), "{md}");
    assert!(md.contains("| 指标 | 2026-10 | 2026-09 | 环比 | 样本数 |"), "{md}");
    assert!(md.contains("| 一次性解决率 | 100.0% | 100.0% | → 0 | 1 |"), "{md}");
}

#[test]
fn the_weekly_report_in_chinese_lines_up_by_display_width() {
    let db = small_month();
    let args = ["report", "--month", MONTH, "--weekly", "--weeks", "5"];
    let weekly = db.ok(Locale::Chinese, AFTER, &args);
    let expected = "\
周起始日        新建    已解决  首次响应及时率
2026-09-28         1         1  100.0% (1/1)
2026-10-05         1         0  0.0% (0/1)
2026-10-12         0         0  —
2026-10-19         0         0  —
2026-10-26         0         0  —
";
    assert_eq!(weekly, expected);
    let english = db.ok(Locale::English, AFTER, &args);
    assert!(
        english.starts_with("week of       opened  resolved  first responses on time\n2026-09-28 "),
        "{english}"
    );
}

#[test]
fn doctor_and_backup_confirm_in_chinese() {
    let db = Db::new("");
    let doctor = db.ok(Locale::Chinese, AFTER, &["doctor"]);
    // A server has no file to check: its doctor checks the schema, the
    // rows and the constraints (`pg_copy`).
    let lines: &[&str] = if common::on_postgres() {
        &["结构版本：     版本", "约束：         正常", "记录数：", "未发现问题"]
    } else {
        &[
            "完整性：       正常",
            "外键：         正常",
            "日志模式：     wal",
            "未发现问题",
        ]
    };
    for line in lines {
        assert!(doctor.lines().any(|l| l.starts_with(line)), "{line:?} in\n{doctor}");
    }
    let dest = db.desk.dir().join("copy.db");
    let backup = db.ok(Locale::Chinese, AFTER, &["backup", dest.to_str().unwrap()]);
    assert!(
        backup.starts_with(&format!("已备份到 {}（", dest.display())),
        "{backup}"
    );
    assert!(backup.contains("页，") && backup.contains("字节"), "{backup}");
}

#[test]
fn doctor_tells_a_broken_reference_in_chinese_and_json_in_english() {
    if common::file_only("a broken reference needs the file's foreign keys switched off; a server enforces them") {
        return;
    }
    let db = small_month();
    let conn = rusqlite::Connection::open(&db.desk.db).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; UPDATE tickets SET customer_id = 999;")
        .unwrap();
    drop(conn);
    let out = db.run(Locale::Chinese, AFTER, &["doctor"]);
    assert_eq!(out.status.code(), Some(1));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("外键：         有问题"), "{shown}");
    assert!(
        shown.contains("问题：外键：tickets 的第 1 行指向不存在的 customers"),
        "{shown}"
    );
    assert!(shown.contains("发现 3 个问题"), "{shown}");
    let json = db.run(Locale::Chinese, AFTER, &["--json", "doctor"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        report["problems"][0]
            .as_str()
            .unwrap()
            .starts_with("foreign key: row 1 of tickets"),
        "{report}"
    );
}

#[test]
fn a_settings_problem_names_its_key_and_line_in_chinese() {
    let db = Db::new("[ui]\nmaskd = true\n[backup]\nkeep = -3\n[sla]\ntimezone = \"Mars\"\n");
    let out = db.run(Locale::Chinese, AFTER, &["config", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let listed = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(
        lines,
        [
            "未知的设置项 ui.maskd，已忽略；是否想写 `ui.masked`？",
            "backup.keep = -3 无效（应为：整数（0 或以上）），已改用默认值 7",
            "sla.timezone = \"Mars\" 不是有效的时区（如 Asia/Shanghai），已改用默认值 \"Asia/Shanghai\"",
        ]
        .iter()
        .zip(["config.toml:2：", "config.toml:4：", "config.toml:6："])
        .map(|(message, place)| format!("{}/{place}{message}", db.desk.dir().display()))
        .collect::<Vec<_>>(),
        "{listed}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("发现 3 个问题"));
    // The warning before any command is in Chinese too; JSON keeps English.
    let init = db.run(Locale::Chinese, AFTER, &["init"]);
    let warned = String::from_utf8_lossy(&init.stderr);
    assert!(warned.contains("config.toml:2：未知的设置项 ui.maskd"), "{warned}");
    let json = db.run(Locale::Chinese, AFTER, &["--json", "config", "check"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["problems"][0]["key"], "ui.maskd");
    assert_eq!(report["problems"][0]["line"], 2);
    assert_eq!(
        report["problems"][0]["message"],
        "unknown key ui.maskd, ignored; did you mean `ui.masked`?"
    );
}

#[test]
fn the_settings_language_wins_over_a_chinese_locale() {
    let db = Db::new("[ui]\nlanguage = \"en\"\n[sla]\ntimezone = \"UTC\"\n");
    let report = db.ok(Locale::Chinese, AFTER, &["report", "--month", MONTH]);
    assert!(report.starts_with("Monthly review 2026-10"), "{report}");
    let doctor = db.ok(Locale::Chinese, AFTER, &["doctor"]);
    assert!(doctor.contains("no problems found"), "{doctor}");
    // And the other way round: Chinese chosen over an English locale.
    let db = Db::new("[ui]\nlanguage = \"zh-CN\"\n");
    let init = db.ok(Locale::English, AFTER, &["init"]);
    assert!(init.contains("数据库结构版本"), "{init}");
}
