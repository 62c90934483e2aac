//! The record commands' human output in Chinese: tables with Chinese headers
//! whose columns line up by display width, confirmations, the language
//! chosen by `[ui] language` over the locale, and `--json` the same in every
//! language.

use crate::common;

use common::{Desk, id, stdout};
use frontdesk::domain::enums::{Priority, TicketKind, TicketStatus, Tier};
use frontdesk::domain::text::width;
use frontdesk::domain::urgency::UrgencyFactor;
use frontdesk::i18n::Lang;

const CHINESE: &str = "zh_CN.UTF-8";

/// Runs a command on the desk in a Chinese locale; returns standard output.
fn zh(desk: &Desk, args: &[&str]) -> String {
    stdout(desk.cmd().env("LANG", CHINESE).args(args))
}

/// `text` padded with spaces to `cols` display columns.
fn padded(text: &str, cols: usize) -> String {
    format!("{text}{}", " ".repeat(cols.saturating_sub(width(text))))
}

/// A table line as printed: cells padded to their widths, two spaces
/// between, trailing spaces gone.
fn table_line(cells: &[(&str, usize)]) -> String {
    let cells: Vec<String> = cells.iter().map(|(text, cols)| padded(text, *cols)).collect();
    cells.join("  ").trim_end().to_string()
}

/// Cuts a printed line into its cells by display columns (two between
/// cells). A column that does not start where the header's does shows as
/// a cell holding the wrong text, or as a cut through a wide character.
fn cells_of(line: &str, widths: &[usize]) -> Vec<String> {
    let mut cells = Vec::new();
    let mut chars = line.chars().peekable();
    for (i, &cols) in widths.iter().enumerate() {
        let mut cell = String::new();
        let mut used = 0;
        while used < cols {
            let Some(c) = chars.next() else { break };
            used += width(c.encode_utf8(&mut [0; 4]));
            cell.push(c);
        }
        assert!(
            used <= cols || chars.peek().is_none(),
            "a wide character straddles column {i}: {line:?}"
        );
        cells.push(cell.trim_end().to_string());
        if i + 1 < widths.len() {
            let gap: String = chars.by_ref().take(2).collect();
            assert!(gap.trim().is_empty(), "column {i} runs into the next: {line:?}");
        }
    }
    cells
}

fn code_of(customer: &serde_json::Value) -> String {
    customer["code"].as_str().expect("a customer code").to_string()
}

fn widest<'a>(least: usize, labels: impl IntoIterator<Item = &'a str>) -> usize {
    labels.into_iter().map(width).fold(least, usize::max)
}

#[test]
fn customer_list_has_chinese_headers_and_aligned_columns() {
    let desk = Desk::new();
    desk.customer("张三", &["--phone", "13800001111", "--tier", "high-value"]);
    desk.customer("Acme 上海贸易有限公司", &["--email", "buy@acme.example"]);
    desk.customer("John Smith", &[]);
    let s = Lang::ZhCn.strings();
    let tier = widest(10, s.tiers.iter().map(|t| t.1));
    // Number and code as wide as their widest value (or header): never cut.
    let widths = [4, 8, 24, tier, 16, 26, 16];

    let out = zh(&desk, &["customer", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    let header = ["编号", "客户编号", "名称", "客户分层", "电话", "邮箱", "最近联系"];
    let expected: Vec<(&str, usize)> = header.iter().copied().zip(widths).collect();
    assert_eq!(lines[0], table_line(&expected), "{out}");
    assert_eq!(lines.len(), 4, "{out}");
    let names: Vec<String> = lines[1..].iter().map(|l| cells_of(l, &widths)[2].clone()).collect();
    assert!(names.contains(&"张三".to_string()), "{out}");
    assert!(names.contains(&"Acme 上海贸易有限公司".to_string()), "{out}");
    for line in &lines[1..] {
        let cells = cells_of(line, &widths);
        assert!(cells[1].starts_with('C'), "the code column holds a code: {line:?}");
        let tier_label = Tier::ALL.iter().map(|t| s.tier(*t)).find(|l| *l == cells[3]);
        assert!(
            tier_label.is_some(),
            "the tier column holds a Chinese tier label: {line:?}"
        );
    }
    let zhang = lines.iter().find(|l| l.contains("张三")).unwrap();
    assert_eq!(cells_of(zhang, &widths)[3], s.tier(Tier::HighValue));
    assert_eq!(cells_of(zhang, &widths)[4], "13800001111");
}

#[test]
fn ticket_list_has_chinese_headers_labels_and_aligned_columns() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("李雷", &[]));
    desk.ticket(&code, "complaint", "退货后仍未收到退款", &["--priority", "high"]);
    desk.ticket(&code, "inquiry", "Invoice copy", &[]);
    let s = Lang::ZhCn.strings();
    let widths = [
        6,
        widest(8, s.statuses.iter().map(|e| e.1)),
        widest(8, s.priorities.iter().map(|e| e.1)),
        widest(11, s.kinds.iter().map(|e| e.1)),
        16,
        34,
        // A time with its zone's offset: `2026-03-02 17:00 +08:00`.
        23,
        widest(9, s.sla_states.iter().map(|e| e.1)),
        10,
    ];
    let header = [
        "工单号",
        "状态",
        "优先级",
        "类型",
        "客户",
        "主题",
        "最近到期",
        "SLA",
        "处理人",
    ];

    let out = zh(&desk, &["ticket", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    let expected: Vec<(&str, usize)> = header.iter().copied().zip(widths).collect();
    assert_eq!(lines[0], table_line(&expected), "{out}");
    let complaint = lines
        .iter()
        .find(|l| l.contains("退货"))
        .expect("the complaint is listed");
    let cells = cells_of(complaint, &widths);
    assert_eq!(cells[2], s.priority(Priority::High));
    assert_eq!(cells[3], s.kind(TicketKind::Complaint));
    assert_eq!(cells[4], "李雷");
    assert_eq!(cells[5], "退货后仍未收到退款");
    let status = TicketStatus::ALL.iter().map(|t| s.status(*t)).find(|l| *l == cells[1]);
    assert!(status.is_some(), "a Chinese status label: {complaint:?}");
}

#[test]
fn confirmations_speak_chinese() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("韩梅梅", &[]));
    let ticket = id(&desk.ticket(&code, "repair", "空调不制冷", &[]));

    let out = zh(&desk, &["customer", "archive", &code]);
    assert_eq!(out, format!("{code} 已归档\n"));

    let out = zh(&desk, &["ticket", "resolve", &ticket.to_string()]);
    let resolved = Lang::ZhCn.strings().status(TicketStatus::Resolved);
    assert!(
        out.starts_with(&format!("工单 #{ticket} 已保存，当前状态：{resolved}（版本 ")),
        "{out}"
    );
}

#[test]
fn the_setting_wins_over_the_locale() {
    let desk = Desk::new();
    desk.customer("张三", &[]);
    let english = desk.dir().join("english.toml");
    std::fs::write(&english, "[ui]\nlanguage = \"en\"\n").unwrap();
    let chinese = desk.dir().join("chinese.toml");
    std::fs::write(&chinese, "[ui]\nlanguage = \"zh-CN\"\n").unwrap();

    let out = stdout(
        desk.cmd()
            .env("LANG", CHINESE)
            .arg("--config")
            .arg(&english)
            .args(["customer", "list"]),
    );
    assert!(out.starts_with("ID  CODE"), "{out}");

    let out = stdout(desk.cmd().arg("--config").arg(&chinese).args(["customer", "list"]));
    assert!(out.starts_with("编号  客户编号"), "{out}");

    // Without a setting the locale speaks; the test helpers force English.
    assert!(desk.ok(&["customer", "list"]).starts_with("ID  CODE"));
    assert!(zh(&desk, &["customer", "list"]).starts_with("编号"));
}

#[test]
fn json_is_the_same_in_every_language() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("张三", &["--tier", "at-risk"]));
    let ticket = id(&desk.ticket(&code, "complaint", "投诉：送货太慢", &["--channel", "sms"]));
    let ticket = ticket.to_string();
    let commands: &[&[&str]] = &[
        &["customer", "list"],
        &["customer", "show", &code],
        &["ticket", "list"],
        &["ticket", "show", &ticket],
        &["timeline", &code],
        &["customer", "risk"],
    ];
    for args in commands {
        let english = stdout(desk.cmd().arg("--json").args(*args));
        let chinese = stdout(desk.cmd().env("LANG", CHINESE).arg("--json").args(*args));
        assert_eq!(english, chinese, "{args:?}");
        assert!(
            !chinese.contains("客户分层") && !chinese.contains("工单号"),
            "{args:?}: {chinese}"
        );
    }
}

#[test]
fn show_pages_line_up_chinese_labels() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("王芳", &["--phone", "13800002222", "--owner", "李经理"]));
    let ticket = id(&desk.ticket(&code, "complaint", "发票抬头错误", &[]));
    for args in [
        vec!["customer", "show", code.as_str()],
        vec!["ticket", "show", &ticket.to_string()],
    ] {
        let out = zh(&desk, &args);
        let fields: Vec<&str> = out.lines().take_while(|l| !l.is_empty()).collect();
        assert!(fields.len() > 5, "{out}");
        for line in &fields {
            let (label, _) = line
                .split_once('：')
                .unwrap_or_else(|| panic!("a Chinese label: {line:?}"));
            let value_at = width(label) + width("：");
            let gap = &line[label.len() + '：'.len_utf8()..];
            if gap.is_empty() {
                continue; // an empty value: the label alone
            }
            let spaces = gap.len() - gap.trim_start().len();
            assert_eq!(value_at + spaces, 15, "values start in one column: {line:?}");
        }
    }
    let customer = zh(&desk, &["customer", "show", &code]);
    assert!(
        customer.contains("负责人：") && customer.contains("李经理"),
        "{customer}"
    );
}

#[test]
fn the_urgency_breakdown_of_ticket_show_is_worded_in_the_language() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("赵敏", &[]));
    let ticket = id(&desk.ticket(&code, "complaint", "屏幕有坏点", &["--priority", "urgent"]));
    let zh_out = zh(&desk, &["ticket", "show", &ticket.to_string()]);
    let s = Lang::ZhCn.strings();
    let urgent = format!(
        "{} {}",
        s.urgency_factor(UrgencyFactor::Priority),
        s.priority(Priority::Urgent)
    );
    assert!(zh_out.contains(&urgent), "{zh_out}");
    assert!(zh_out.contains(s.urgency_factor(UrgencyFactor::Complaint)), "{zh_out}");
    let en_out = stdout(desk.cmd().args(["ticket", "show", &ticket.to_string()]));
    assert!(en_out.contains("priority urgent"), "{en_out}");
}

#[test]
fn computed_reminders_are_noted_in_the_language_and_json_keeps_english() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("周杰", &["--tier", "high-value"]));
    let ticket = id(&desk.ticket(&code, "repair", "打印机卡纸", &[]));
    desk.ok(&["ticket", "resolve", &ticket.to_string()]);

    let out = zh(&desk, &["reminder", "list"]);
    let s = Lang::ZhCn.strings();
    let cadence = format!("{}定期联系，尚无呼出联系", s.tier(Tier::HighValue));
    assert!(out.contains(&cadence), "{out}");
    assert!(out.contains(&format!("回访工单 #{ticket} 打印机卡纸")), "{out}");
    assert!(!out.contains("contact;") && !out.contains("callback for"), "{out}");

    let english = stdout(desk.cmd().arg("--json").args(["reminder", "list"]));
    let chinese = stdout(desk.cmd().env("LANG", CHINESE).args(["--json", "reminder", "list"]));
    assert_eq!(english, chinese);
    assert!(
        english.contains("high-value contact; no outbound contact yet"),
        "{english}"
    );
}

#[test]
fn a_merge_lists_what_moved_without_stray_spaces() {
    let desk = Desk::new();
    let keep = code_of(&desk.customer("刘洋", &["--phone", "13800003333"]));
    let duplicate = code_of(&desk.customer("刘洋", &["--phone", "13800003334"]));
    desk.ticket(&duplicate, "inquiry", "发货时间", &[]);
    let out = zh(&desk, &["customer", "merge", &keep, &duplicate]);
    assert_eq!(
        out,
        format!(
            "已将 {duplicate} 合并到 {keep}：转移 1 个工单、0 条沟通记录、0 个订单、0 份满意度调查、0 条提醒；{duplicate} 已归档\n"
        )
    );
}

#[test]
fn complaint_categories_are_labelled_and_a_free_one_shows_as_typed() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("钱多多", &[]));
    let known = id(&desk.ticket(&code, "complaint", "态度差", &["--category", "service-attitude"]));
    let free = id(&desk.ticket(&code, "complaint", "包装破损", &["--category", "包装"]));
    let plain = id(&desk.ticket(&code, "inquiry", "营业时间", &[]));
    let kind_line = |ticket: i64| {
        let out = zh(&desk, &["ticket", "show", &ticket.to_string()]);
        out.lines()
            .find(|l| l.starts_with("类型："))
            .expect("a kind line")
            .to_string()
    };
    assert_eq!(kind_line(known), padded("类型：", 15) + "投诉 服务态度");
    assert_eq!(kind_line(free), padded("类型：", 15) + "投诉 包装");
    assert_eq!(kind_line(plain), padded("类型：", 15) + "咨询");

    let routing = zh(&desk, &["routing", "list"]);
    assert!(
        routing.contains("服务态度") && routing.contains("产品质量"),
        "{routing}"
    );
    let english = stdout(desk.cmd().args(["ticket", "show", &known.to_string()]));
    assert!(english.contains("complaint service-attitude"), "{english}");
}

#[test]
fn the_audit_of_ticket_show_labels_stored_keys() {
    let desk = Desk::new();
    let code = code_of(&desk.customer("孙丽", &[]));
    let ticket = id(&desk.ticket(&code, "repair", "空调漏水", &[]));
    desk.ok(&["ticket", "resolve", &ticket.to_string()]);
    let out = zh(&desk, &["ticket", "show", &ticket.to_string()]);
    let s = Lang::ZhCn.strings();
    let change = format!("{} → {}", s.status(TicketStatus::New), s.status(TicketStatus::Resolved));
    let line = out.lines().find(|l| l.contains(" → ") && l.contains(s.field("status")));
    assert!(line.is_some_and(|l| l.ends_with(&change)), "{out}");
    let en = stdout(desk.cmd().args(["ticket", "show", &ticket.to_string()]));
    assert!(en.contains("new → resolved"), "{en}");
}

#[test]
fn show_pages_leave_no_trailing_spaces_after_an_empty_value() {
    let desk = Desk::new();
    desk.ok(&[
        "kb",
        "add",
        "--title",
        "如何重置路由器",
        "--body",
        "按住复位键",
        "--kind",
        "faq",
    ]);
    for out in [zh(&desk, &["kb", "show", "1"]), desk.ok(&["kb", "show", "1"])] {
        assert!(out.lines().all(|l| l == l.trim_end()), "{out:?}");
        assert!(out.lines().any(|l| l == "标签：" || l == "Tags:"), "{out}");
    }
}
