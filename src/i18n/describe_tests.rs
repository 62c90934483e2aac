//! Reasons and service errors worded in English (as the CLI contract and
//! the tests of tests/ have them) and in Simplified Chinese.

use super::*;
use crate::domain::error::{FileProblem, Form, Hours, Lookup, OrderProblem, Step};
use crate::i18n::Lang;

fn invalid(field: &str, value: &str, reason: Reason) -> Error {
    Error::Invalid(Invalid::new(field, value, reason))
}

#[test]
fn errors_read_the_same_in_english_and_naturally_in_chinese() {
    let cases: Vec<(Error, &str, &str)> = vec![
        (
            invalid(
                "priority",
                "urgentt",
                Reason::NotOneOf {
                    allowed: vec!["urgent".into(), "high".into()],
                },
            ),
            "invalid priority \"urgentt\": expected one of: urgent, high",
            "字段 priority 的值 \"urgentt\" 无效：应为以下之一：urgent, high",
        ),
        (
            invalid("name", "", Reason::Required),
            "invalid name \"\": is required",
            "字段 name 的值 \"\" 无效：不能为空",
        ),
        (
            invalid("name", "x", Reason::TooLong { length: 201, max: 200 }),
            "invalid name \"x\": is 201 characters long; at most 200 allowed",
            "字段 name 的值 \"x\" 无效：长度为 201 个字符，最多 200 个",
        ),
        (
            invalid("due", "9999-01-01", Reason::YearOutOfRange { min: 1970, max: 2200 }),
            "invalid due \"9999-01-01\": year must be between 1970 and 2200",
            "字段 due 的值 \"9999-01-01\" 无效：年份应在 1970 到 2200 之间",
        ),
        (
            invalid("at", "2030-01-01", Reason::Format(Form::Date)),
            "invalid at \"2030-01-01\": expected a date like 2026-10-05",
            "字段 at 的值 \"2030-01-01\" 无效：应为日期，例如 2026-10-05",
        ),
        (
            invalid(
                "hours",
                "mon 25:00",
                Reason::Hours(Hours::BadTime { time: "25:00".into() }),
            ),
            "invalid hours \"mon 25:00\": bad time \"25:00\"; expected HH:MM between 00:00 and 24:00",
            "字段 hours 的值 \"mon 25:00\" 无效：时间 \"25:00\" 无效，应为 00:00 到 24:00 之间的 HH:MM",
        ),
        (
            invalid(
                "amount",
                "50",
                Reason::Order(OrderProblem::MoreThanLeft {
                    order: 7,
                    left: "40.00".into(),
                    total: "100.00".into(),
                }),
            ),
            "invalid amount \"50\": is more than is left to refund on order 7 (40.00 of 100.00)",
            "字段 amount 的值 \"50\" 无效：超过订单 7 可退款的金额（剩余 40.00，共 100.00）",
        ),
        (
            invalid(
                "config",
                "/x",
                Reason::File(FileProblem::TooLarge {
                    bytes: 3 * 1024 * 1024,
                    limit: 1024 * 1024,
                    role: crate::domain::error::FileRole::Settings,
                }),
            ),
            "invalid config \"/x\": is too large (3 MiB; a settings file may have at most 1 MiB)",
            "字段 config 的值 \"/x\" 无效：文件过大（3 MiB，配置文件最大 1 MiB）",
        ),
        (
            invalid("config", "c.toml", Reason::ConfigProblems { count: 1 }),
            "invalid config \"c.toml\": 1 problem, listed above",
            "字段 config 的值 \"c.toml\" 无效：发现 1 个问题，见上方列表",
        ),
        (
            invalid("config", "c.toml", Reason::ConfigProblems { count: 2 }),
            "invalid config \"c.toml\": 2 problems, listed above",
            "字段 config 的值 \"c.toml\" 无效：发现 2 个问题，见上方列表",
        ),
        (
            invalid("id", "99999999999999999999", Reason::NumberTooLarge),
            "invalid id \"99999999999999999999\": is too large",
            "字段 id 的值 \"99999999999999999999\" 无效：数值太大",
        ),
        (
            invalid("--name", "caf\u{fffd}", Reason::NotUtf8 { bytes: "\\xE9".into() }),
            "invalid --name \"caf\u{fffd}\": is not text (invalid UTF-8: \\xE9)",
            "字段 --name 的值 \"caf\u{fffd}\" 无效：不是文本（含无效的 UTF-8 字节：\\xE9）",
        ),
        (
            Error::Storage(StoreError::Unhealthy {
                path: "d.db".into(),
                problems: 1,
            }),
            "d.db: doctor found 1 problem",
            "d.db：doctor 发现 1 个问题",
        ),
        (
            Error::InvalidRows(vec![(
                3,
                Invalid::new("customer_code", "C9", Reason::NoMatch(Lookup::CustomerCode)),
            )]),
            "nothing imported; fix these rows first:\n  line 3: invalid customer_code \"C9\": no customer has this code",
            "未导入任何记录，请先修正以下各行：\n  第 3 行：字段 customer_code 的值 \"C9\" 无效：没有客户使用此编号",
        ),
        (
            Error::NotFound {
                entity: Entity::Customer,
                key: "C-0042".into(),
            },
            "customer C-0042 not found",
            "未找到客户 C-0042",
        ),
        (
            Error::Conflict {
                entity: Entity::Ticket,
                id: 7,
                expected: 3,
                actual: 4,
            },
            "ticket 7 was changed by someone else (your version 3, now 4); reload and try again",
            "工单 7 已被他人修改（你的版本 3，当前版本 4），请刷新后重试",
        ),
        (
            Error::Forbidden {
                agent: "li".into(),
                role: Role::Agent,
                needed: Role::Admin,
            },
            "this needs the admin role; li acts as agent (an admin can change it with `frontdesk agent add li --role admin`)",
            "此操作需要管理员角色；li 当前的角色是 agent（管理员可用 `frontdesk agent add li --role admin` 修改）",
        ),
        (
            Error::Storage(StoreError::Missing {
                path: "/tmp/x.db".into(),
            }),
            "no database at /tmp/x.db; create one with `frontdesk init` (or check --db and FRONTDESK_DB)",
            "/tmp/x.db 处没有数据库；请用 `frontdesk init` 创建（或检查 --db 和 FRONTDESK_DB）",
        ),
        (
            Error::Storage(StoreError::NotFrontdesk {
                path: "/x.db".into(),
                why: crate::service::database::Foreign::OtherApplication { id: 0x1234 },
            }),
            "/x.db is not a frontdesk database (it belongs to another program (application id 0x1234)); it was left untouched",
            "/x.db 不是 frontdesk 数据库（属于其他程序（application id 0x1234）），未做任何改动",
        ),
        (
            Error::NotSaved(1),
            "1 form not saved; what was typed is printed above",
            "1 个表单未保存；已输入的内容打印在上方",
        ),
        (
            Error::NotSaved(2),
            "2 forms not saved; what was typed is printed above",
            "2 个表单未保存；已输入的内容打印在上方",
        ),
    ];
    for (error, en, zh) in &cases {
        assert_eq!(describe(error, Lang::En.strings()), *en);
        assert_eq!(describe(error, Lang::ZhCn.strings()), *zh);
    }
}

/// Statuses are named as the interface names them.
#[test]
fn a_refused_status_change_names_the_statuses_in_the_language() {
    use crate::domain::enums::TicketStatus::{Pending, Resolved};
    let error = invalid(
        "status",
        "pending",
        Reason::Transition {
            from: Resolved.key(),
            to: Pending.key(),
            why: Step::ReopenFirst,
        },
    );
    assert_eq!(
        describe(&error, Lang::En.strings()),
        "invalid status \"pending\": cannot go from resolved to pending: reopen it first"
    );
    let zh = Lang::ZhCn.strings();
    let want = format!(
        "字段 status 的值 \"pending\" 无效：无法从“{}”改为“{}”：请先重新打开",
        zh.status(Resolved),
        zh.status(Pending)
    );
    assert_eq!(describe(&error, zh), want);
}

/// Every value of every reason's data ends up in its text, in each language,
/// and no placeholder is left unfilled.
#[test]
fn no_placeholder_is_left_unfilled() {
    let reasons = [
        Reason::SpanTooLong {
            days: 400,
            option: "from".into(),
            value: "2026-01-01".into(),
        },
        Reason::NotReached {
            days: 400,
            start: "2026-01-01T00:00:00Z".into(),
            calendar: "cn".into(),
        },
        Reason::RepeatsLine { line: 4 },
        Reason::OtherCustomer {
            owner: "C1".into(),
            given: "C2".into(),
        },
        Reason::Map(Box::new(crate::domain::error::MapProblem::UnknownEntry {
            entry: "nmae".into(),
            nearest: Some("name".into()),
            known: vec!["name".into()],
        })),
    ];
    for lang in Lang::ALL {
        for r in &reasons {
            let text = describe_reason(r, lang.strings());
            assert!(!text.contains('{'), "{lang:?}: {text}");
        }
    }
}
