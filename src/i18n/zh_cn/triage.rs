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
    run_summary: "本轮分诊：已处理{decided}个，跳过{skipped}个",
    run_next: "按 Esc 返回；下次进入分诊将开始新一轮",
    undo_conflict: "无法撤销工单 #{ticket}：该工单已被他人修改。此步已移出撤销记录，再按 u 撤销上一步",
    undone_bulk: Plural {
        one: "已撤销：{count}个工单已恢复原状",
        other: "已撤销：{count}个工单已恢复原状",
    },
    not_for_card: "工单 #{ticket} 当前为{status}，不能{action}",
    triaged_label: "分诊",
    triaged_value: "{agent}，{at}",
    triaged_mark: "•",
    untriaged_only_on: "工单队列：仅显示未分诊的工单",
    untriaged_only_off: "工单队列：显示全部待处理工单",
    resolve_title: "解决工单 #{ticket}",
    untriaged_count: "{count} · 未分诊",
};
