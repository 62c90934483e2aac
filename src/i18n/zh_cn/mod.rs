//! The Simplified Chinese (zh-CN) catalogue, written as Chinese support
//! software speaks (工单, 回访, 服务时限), not word for word. Badges and
//! column titles are kept within the English widths (a Chinese character
//! takes two columns); countdown units stay `d`/`h`/`m`/`s` so a countdown
//! fits the seven-column SLA column.

use crate::domain::enums::{
    CallbackOutcome, Channel, CustomerKind, Direction, Priority, TicketKind, TicketStatus, Tier,
};
use crate::domain::sla::SlaState;
use crate::domain::urgency::UrgencyFactor;
use crate::i18n::{Plural, Strings};

mod actions;
mod agenda;
mod background;
mod care;
mod cli_admin;
mod cli_records;
mod clock;
mod columns;
mod copy;
mod crm;
mod dashboard;
mod editing;
mod errors;
mod forms;
mod knowledge;
mod macros;
mod mail_imap;
mod mail_in;
mod mail_out;
mod mail_tui;
mod navigation;
mod occasions;
mod pg_connect;
mod pickers;
mod progress;
mod quality;
mod query;
mod report;
mod search;
mod settings;
mod tags;
mod triage;
mod views;

pub static ZH_CN: Strings = Strings {
    app_name: "frontdesk",
    header_agent: "客服",
    header_open: "待处理",
    header_at_risk: "即将超时",
    header_breached: "已超时",
    header_long_overdue: "长期超时",
    header_masked: "已脱敏",
    pane_customers: "客户",
    pane_queue: "工单队列",
    pane_timeline: "沟通时间线",
    pane_folded: "{pane} · {what}（按 {key} 展开）",
    col_code: "编号",
    col_name: "名称",
    col_tier: "分层",
    col_open: "未结",
    col_last_contact: "最近",
    col_sla: "时效",
    col_priority: "级",
    col_number: "单号",
    col_kind: "类型",
    col_customer: "客户",
    col_subject: "主题",
    col_assignee: "处理人",
    col_status: "状态",
    col_when: "时间",
    col_channel: "渠道",
    col_agent: "客服",
    col_summary: "摘要",
    none_matching: "没有符合筛选条件的记录",
    no_open_tickets: "暂无待处理工单",
    no_history: "暂无沟通记录",
    no_customer_selected: "请选择客户以查看沟通记录",
    loading: "加载中…",
    welcome_title: "欢迎使用 frontdesk",
    welcome_lines: &[
        "当前数据库还没有客户。",
        "",
        "按 {new} 添加第一位客户，",
        "或按 {palette} 运行“{demo}”，",
        "也可以退出后在终端运行 frontdesk demo。",
        "",
        "按 {help} 查看全部快捷键。",
    ],
    unassigned: "未指派",
    none: "（无）",
    dash: "—",
    ellipsis_pending: "…",
    time_now: "刚刚",
    unit_day: "d",
    unit_hour: "h",
    unit_minute: "m",
    unit_second: "s",
    overdue_sign: "-",
    msg_customer_added: "已添加客户 {code} {name}",
    msg_customer_saved: "已保存客户 {code}",
    msg_ticket_opened: "已创建工单 #{ticket}",
    msg_ticket_saved: "已保存工单 #{ticket}",
    msg_reply_recorded: "已回复工单 #{ticket}",
    msg_note_added: "已为工单 #{ticket} 添加备注",
    msg_logged: "已记录沟通",
    msg_conflict: "未保存：此记录已被他人修改（{why}）。您填写的内容已保留。",
    msg_select_ticket: "请先选择一个工单",
    msg_select_customer: "请先选择一个客户",
    msg_demo_only_empty: "示例数据只能载入空数据库",
    msg_demo_loaded: "已载入示例数据：{customers}，{tickets}",
    customers_count: Plural {
        one: "{count} 个客户",
        other: "{count} 个客户",
    },
    tickets_count: Plural {
        one: "{count} 个工单",
        other: "{count} 个工单",
    },
    msg_refreshed: "已刷新",
    msg_error: "出错了：{why}",
    msg_config_problems: "配置文件：{problem}（按 ? 查看全部）",
    msg_editor_failed: "无法启动编辑器：{why}",
    msg_nothing_changed: "没有任何修改",
    msg_not_in_this_view: "“{action}”在此处不可用",
    msg_fix_fields: "请更正标出的字段",
    warn_unknown_context: "{file}：keymap.{context}：没有这个场景；可用的场景：{known}",
    warn_not_a_list: "{file}：keymap.{context}：应为列表，例如 [ { on = \"j\", run = \"down\" } ]",
    warn_bad_entry: "{file}：keymap.{context} 第 {entry} 项：应写作 { on = \"按键\", run = \"操作\" }",
    warn_bad_key: "{file}：keymap.{context}：on = {key} 不是有效按键；请写作 \"j\"、\"<C-c>\"、\"<Enter>\" 或 \"g g\" 等",
    warn_unknown_action: "{file}：keymap.{context}：on = {key}：未知操作 {action}",
    warn_duplicate_key: "{file}：keymap.{context}：{key} 绑定了两次，保留第一个",
    warn_shadowed_key: "{file}：keymap.{context}：{key} 永远无法触发，因为已绑定了 {prefix}",
    warn_unknown_role: "{file}：theme.{role}：没有这个样式角色；可用的角色：{known}",
    warn_bad_colour: "{file}：theme.{role}.{attribute} = {value} 不是有效颜色，应写作 \"red\"、\"#ff8800\" 或 208 等",
    warn_bad_attribute: "{file}：theme.{role}.{attribute}：应为 fg、bg，或 bold、dim、italic、underline、reversed 之一 = true",
    form_new_customer: "新建客户",
    form_edit_customer: "编辑客户 {code}",
    form_new_ticket: "新建工单",
    form_edit_ticket: "编辑工单 #{ticket}",
    form_reply: "回复工单 #{ticket}",
    form_note: "工单 #{ticket} 内部备注",
    form_log: "记录与 {customer} 的沟通",
    form_assign: "指派工单 #{ticket}",
    form_priority: "修改工单 #{ticket} 的优先级",
    form_status: "修改工单 #{ticket} 的状态",
    form_required: "*",
    form_choice_hint: "←/→",
    form_more_lines: Plural {
        one: "（还有 {count} 行）",
        other: "（还有 {count} 行）",
    },
    invalid_ticket_number: "应为工单号，例如 12",
    fields: &[
        ("name", "名称"),
        ("code", "编号"),
        ("kind", "类型"),
        ("contact", "联系人"),
        ("phone", "电话"),
        ("email", "邮箱"),
        ("address", "地址"),
        ("industry", "行业"),
        ("since", "成为客户日期"),
        ("tier", "客户分层"),
        ("tags", "标签"),
        ("channel", "渠道"),
        ("owner", "客户经理"),
        ("notes", "备注"),
        ("customer", "客户"),
        ("subject", "主题"),
        ("priority", "优先级"),
        ("category", "分类"),
        ("body", "问题描述"),
        ("summary", "内容"),
        ("direction", "方向"),
        ("ticket", "工单"),
        ("assignee", "处理人"),
        ("department", "部门"),
        ("status", "状态"),
        ("created", "创建"),
        ("archived", "归档"),
    ],
    card_title: "{code} · {name}",
    card_contact: "联系方式",
    card_account: "客户信息",
    card_orders: "订单",
    card_order_cancelled: "已取消",
    card_order_net: "净额 {amount}",
    card_surveys: "满意度调查",
    card_tickets: "工单",
    card_notes: "备注",
    card_pinned: "置顶",
    card_remark: "{value}（{remark}）",
    card_lifetime_value: "累计消费",
    card_lifecycle: "生命周期阶段",
    card_last_contact: "最近联系",
    card_no_orders: "暂无订单",
    card_no_surveys: "暂无满意度调查",
    card_no_tickets: "暂无工单",
    card_survey_scores: "服务质量 {quality} · 响应速度 {response} · 沟通 {communication}",
    ticket_title: "#{ticket} {subject}",
    ticket_sla: "服务时限",
    ticket_urgency: "紧急原因",
    ticket_description: "问题描述",
    ticket_history: "处理记录",
    ticket_changes: "变更记录",
    ticket_department: "部门",
    ticket_opened: "创建时间",
    ticket_version: "版本",
    ticket_reopened: "已重新打开 {count} 次",
    clock_first_response: "首次响应",
    clock_resolution: "解决",
    clock_callback: "回访",
    clock_no_target: "无时限",
    clock_none_running: "没有正在计时的时限",
    clock_due: "{when} 到期",
    clock_done: "{when} 完成",
    urgency_clock: "{clock}{label} {time}",
    urgency_share: "{label} {percent}%",
    callback_outcome: "回访结果",
    help_title: "快捷键",
    scroll_position: "第 {first}–{last} 行，共 {total} 行",
    help_config_problems: "配置文件有误（已沿用默认设置）",
    palette_title: "命令",
    palette_prompt: ": ",
    palette_empty: "没有匹配的命令",
    contexts: &[
        ("global", "全局"),
        ("list", "列表内移动"),
        ("customers", "客户窗格"),
        ("queue", "工单队列窗格"),
        ("timeline", "沟通时间线窗格"),
        ("filter", "筛选时"),
        ("detail", "客户卡片与工单"),
        ("form", "表单中"),
        ("palette", "命令面板"),
        ("help", "本帮助"),
        ("triage", "快速分派"),
        ("reminders", "提醒"),
        ("dashboard", "看板"),
        ("conflict", "记录已被他人修改"),
        ("quality", "数据质量"),
        ("quality_confirm", "数据质量：确认"),
        ("knowledge", "知识库"),
        ("knowledge_search", "知识库：搜索中"),
        ("picker", "候选列表"),
        ("macros", "执行宏"),
    ],
    actions: actions::ACTIONS,
    actions_in: actions::ACTIONS_IN,
    // Keyboards print their keys in Latin letters: the names stay as printed.
    key_ctrl: "C-",
    key_alt: "A-",
    key_names: &[
        ("enter", "Enter"),
        ("esc", "Esc"),
        ("tab", "Tab"),
        ("backtab", "S-Tab"),
        ("backspace", "Bksp"),
        ("delete", "Del"),
        ("up", "↑"),
        ("down", "↓"),
        ("left", "←"),
        ("right", "→"),
        ("home", "Home"),
        ("end", "End"),
        ("pageup", "PgUp"),
        ("pagedown", "PgDn"),
        ("space", "Space"),
    ],
    // Badges: two characters (four columns) for the tier, one for the priority.
    tiers: &[
        (Tier::HighValue, "高价值客户", "高值"),
        (Tier::Potential, "潜力客户", "潜力"),
        (Tier::AtRisk, "流失风险客户", "风险"),
        (Tier::Standard, "普通客户", "普通"),
    ],
    priorities: &[
        (Priority::Urgent, "紧急", "急"),
        (Priority::High, "高", "高"),
        (Priority::Normal, "普通", "普"),
        (Priority::Low, "低", "低"),
    ],
    statuses: &[
        (TicketStatus::New, "新建"),
        (TicketStatus::Open, "处理中"),
        (TicketStatus::Pending, "等待客户"),
        (TicketStatus::Resolved, "已解决"),
        (TicketStatus::Closed, "已关闭"),
    ],
    kinds: &[
        (TicketKind::Complaint, "投诉"),
        (TicketKind::Inquiry, "咨询"),
        (TicketKind::Request, "服务请求"),
        (TicketKind::Repair, "报修"),
        (TicketKind::AfterSales, "售后"),
        (TicketKind::Other, "其他"),
    ],
    channels: &[
        (Channel::Phone, "电话"),
        (Channel::Email, "邮件"),
        (Channel::Sms, "短信"),
        (Channel::Chat, "在线客服"),
        (Channel::Social, "社交媒体"),
        (Channel::Visit, "到访"),
        (Channel::Meeting, "会面"),
        (Channel::Other, "其他"),
    ],
    directions: &[
        (Direction::Inbound, "呼入", "←"),
        (Direction::Outbound, "呼出", "→"),
        (Direction::Note, "备注", "✎"),
    ],
    customer_kinds: &[(CustomerKind::Person, "个人客户"), (CustomerKind::Company, "企业客户")],
    outcomes: &[
        (CallbackOutcome::Satisfied, "满意"),
        (CallbackOutcome::Resolved, "已解决"),
        (CallbackOutcome::FollowUp, "需跟进"),
    ],
    sla_states: &[
        (SlaState::Running, "计时中"),
        (SlaState::AtRisk, "即将超时"),
        (SlaState::Breached, "已超时"),
        (SlaState::Paused, "已暂停"),
        (SlaState::Met, "达标"),
        (SlaState::Missed, "未达标"),
    ],
    // Between a clock and its countdown ("首次响应已超时 19h00m",
    // "首次响应剩余 3h05m"), before a share ("时限已用 80%") or a value
    // ("优先级 紧急"): see `urgency_clock` and `urgency_share`.
    urgency_factors: &[
        (UrgencyFactor::Overdue, "已超时"),
        (UrgencyFactor::LongOverdue, "超时超过 24 小时，排在当前工作之后"),
        (UrgencyFactor::TimeLeft, "剩余"),
        (UrgencyFactor::TargetUsed, "时限已用"),
        (UrgencyFactor::Priority, "优先级"),
        (UrgencyFactor::Tier, "客户分层"),
        (UrgencyFactor::Complaint, "投诉"),
        (UrgencyFactor::CallbackDue, "回访到期"),
    ],
    ticket_events: &[
        ("opened", "创建"),
        ("responded", "首次响应"),
        ("paused", "暂停计时"),
        ("resumed", "恢复计时"),
        ("resolved", "已解决"),
        ("closed", "已关闭"),
        ("reopened", "重新打开"),
        ("callback", "回访"),
    ],
    lifecycles: &[
        ("prospect", "潜在客户"),
        ("new", "新客户"),
        ("active", "活跃客户"),
        ("loyal", "忠诚客户"),
        ("at-risk", "流失风险"),
        ("churned", "已流失"),
    ],
    categories: &[
        ("product-quality", "产品质量"),
        ("service-attitude", "服务态度"),
        ("delivery", "物流配送"),
        ("billing", "账单费用"),
        ("technical", "技术问题"),
        ("other", "其他"),
    ],
    mark: "✓",
    triage: &triage::TRIAGE,
    crm: &crm::CRM,
    dashboard: &dashboard::DASHBOARD,
    care: &care::CARE,
    quality: &quality::QUALITY,
    background: &background::BACKGROUND,
    pg_connect: &pg_connect::PG_CONNECT,
    copy: &copy::COPY,
    progress: &progress::PROGRESS,
    query: &query::QUERY,
    macros: &macros::MACROS,
    occasions: &occasions::OCCASIONS,
    forms: &forms::FORMS,
    cli_records: &cli_records::CLI_RECORDS,
    cli_admin: &cli_admin::CLI_ADMIN,
    report: &report::REPORT,
    errors: &errors::ERRORS,
    settings: &settings::SETTINGS,
    knowledge: &knowledge::KNOWLEDGE,
    navigation: &navigation::NAVIGATION,
    editing: &editing::EDITING,
    pickers: &pickers::PICKERS,
    tags: &tags::TAGS,
    clock: &clock::CLOCK,
    columns: &columns::COLUMNS,
    agenda: &agenda::AGENDA,
    search: &search::SEARCH,
    views: &views::VIEWS,
    mail_imap: &mail_imap::MAIL_IMAP,
    mail_in: &mail_in::MAIL_IN,
    mail_out: &mail_out::MAIL_OUT,
    mail_tui: &mail_tui::MAIL_TUI,
};

#[cfg(test)]
mod tests {
    use super::ZH_CN;
    use crate::i18n::{EN, Strings};
    use std::collections::BTreeSet;

    /// The `{name}`s of a template.
    fn names(template: &str) -> BTreeSet<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .collect()
    }

    /// The main catalogue's templates, by field.
    fn templates(s: &Strings) -> Vec<(&'static str, &'static str)> {
        let mut all = vec![
            ("pane_folded", s.pane_folded),
            ("msg_customer_added", s.msg_customer_added),
            ("msg_customer_saved", s.msg_customer_saved),
            ("msg_ticket_opened", s.msg_ticket_opened),
            ("msg_ticket_saved", s.msg_ticket_saved),
            ("msg_reply_recorded", s.msg_reply_recorded),
            ("msg_note_added", s.msg_note_added),
            ("msg_conflict", s.msg_conflict),
            ("msg_demo_loaded", s.msg_demo_loaded),
            ("msg_error", s.msg_error),
            ("msg_config_problems", s.msg_config_problems),
            ("msg_editor_failed", s.msg_editor_failed),
            ("msg_not_in_this_view", s.msg_not_in_this_view),
            ("warn_unknown_context", s.warn_unknown_context),
            ("warn_not_a_list", s.warn_not_a_list),
            ("warn_bad_entry", s.warn_bad_entry),
            ("warn_bad_key", s.warn_bad_key),
            ("warn_unknown_action", s.warn_unknown_action),
            ("warn_duplicate_key", s.warn_duplicate_key),
            ("warn_shadowed_key", s.warn_shadowed_key),
            ("warn_unknown_role", s.warn_unknown_role),
            ("warn_bad_colour", s.warn_bad_colour),
            ("warn_bad_attribute", s.warn_bad_attribute),
            ("form_edit_customer", s.form_edit_customer),
            ("form_edit_ticket", s.form_edit_ticket),
            ("form_reply", s.form_reply),
            ("form_note", s.form_note),
            ("form_log", s.form_log),
            ("form_assign", s.form_assign),
            ("form_priority", s.form_priority),
            ("form_status", s.form_status),
            ("form_more_lines.one", s.form_more_lines.one),
            ("form_more_lines.other", s.form_more_lines.other),
            ("customers_count.one", s.customers_count.one),
            ("customers_count.other", s.customers_count.other),
            ("tickets_count.one", s.tickets_count.one),
            ("tickets_count.other", s.tickets_count.other),
            ("card_title", s.card_title),
            ("card_remark", s.card_remark),
            ("card_order_net", s.card_order_net),
            ("card_survey_scores", s.card_survey_scores),
            ("ticket_title", s.ticket_title),
            ("ticket_reopened", s.ticket_reopened),
            ("clock_due", s.clock_due),
            ("clock_done", s.clock_done),
            ("urgency_clock", s.urgency_clock),
            ("urgency_share", s.urgency_share),
            ("scroll_position", s.scroll_position),
        ];
        all.extend(s.welcome_lines.iter().map(|l| ("welcome_lines", *l)));
        all
    }

    /// A translation fills the same names as the English (the call sites
    /// give exactly those), and no template is left positional.
    #[test]
    fn templates_name_the_same_placeholders_in_both_languages() {
        let en = templates(&EN).into_iter().fold(BTreeSet::new(), |mut set, (field, t)| {
            set.extend(names(t).into_iter().map(|n| (field, n)));
            set
        });
        let zh = templates(&ZH_CN)
            .into_iter()
            .fold(BTreeSet::new(), |mut set, (field, t)| {
                set.extend(names(t).into_iter().map(|n| (field, n)));
                set
            });
        assert_eq!(en, zh);
        for (field, name) in &en {
            assert!(name.parse::<usize>().is_err(), "{field} still uses {{{name}}}");
        }
    }

    /// Every label of the Chinese catalogue's tables is Chinese, except the
    /// keys' names, which keyboards print in Latin letters.
    #[test]
    fn chinese_labels_are_chinese() {
        let is_chinese = |text: &str| text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let s = &ZH_CN;
        let mut labels: Vec<&str> = Vec::new();
        for table in [s.fields, s.contexts, s.actions, s.ticket_events, s.lifecycles] {
            labels.extend(table.iter().map(|(_, label)| *label));
        }
        labels.extend(s.tiers.iter().flat_map(|t| [t.1, t.2]));
        labels.extend(s.priorities.iter().flat_map(|p| [p.1, p.2]));
        labels.extend(s.statuses.iter().map(|e| e.1));
        labels.extend(s.kinds.iter().map(|e| e.1));
        labels.extend(s.channels.iter().map(|e| e.1));
        labels.extend(s.directions.iter().map(|e| e.1));
        labels.extend(s.customer_kinds.iter().map(|e| e.1));
        labels.extend(s.outcomes.iter().map(|e| e.1));
        labels.extend(s.sla_states.iter().map(|e| e.1));
        labels.extend(s.urgency_factors.iter().map(|e| e.1));
        for label in labels {
            assert!(is_chinese(label), "{label}");
        }
    }
}
