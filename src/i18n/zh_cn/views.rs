//! Simplified Chinese: views.

use crate::i18n::catalog::views::ViewStrings;

pub const VIEWS: ViewStrings = ViewStrings {
    mine: "我的工单",
    unassigned: "未指派",
    breached: "已超时",
    waiting: "等待客户",
    complaints_week: "本周投诉",
    queue: "工单队列",
    counting: "…",
    added: "已添加视图 {name}",
    removed: "已删除视图 {name}",
    none_yet: "还没有保存的视图，可用 `frontdesk view add 名称 条件` 添加。",
    col_name: "名称",
    col_key: "键",
    col_query: "条件",
    col_count: "工单数",
    known: "现有视图：{names}",
    list_separator: "、",
    title: "{view} {count}",
};
