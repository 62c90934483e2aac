//! Simplified Chinese: triage.

use crate::i18n::Plural;
use crate::i18n::catalog::triage::TriageStrings;

pub const TRIAGE: TriageStrings = TriageStrings {
    title: "工单分诊 #{ticket} {subject}",
    remaining: "还有{count}个待分诊",
    customer: "客户",
    other_open: "该客户其他未结工单",
    recent: "近期动态",
    none_left: "没有待分诊的工单了",
    decided: "#{ticket}：{decision}",
    undone: "已撤销：工单 #{ticket} 已恢复原状",
    nothing_to_undo: "没有可撤销的操作",
    undo_refused: "无法撤销：{reason}",
    failed: "未修改：{reason}",
    marked: "已标记{count}个工单",
    bulk_changed: Plural {
        one: "已修改{count}个标记的工单",
        other: "已修改{count}个标记的工单",
    },
    bulk_title: Plural {
        one: "{form}（{count}个标记的工单）",
        other: "{form}（{count}个标记的工单）",
    },
    newly_at_risk: "▲ 新增{count}个即将超时",
    newly_breached: "▲ 新增{count}个已超时",
};
