//! Simplified Chinese: quality.

use crate::domain::duplicates::Evidence;
use crate::i18n::Plural;
use crate::i18n::catalog::quality::QualityStrings;

pub const QUALITY: QualityStrings = QualityStrings {
    title: "数据质量",
    title_duplicates: Plural {
        one: "{count}组疑似重复",
        other: "{count}组疑似重复",
    },
    title_missing: Plural {
        one: "{count}个客户缺少联系方式",
        other: "{count}个客户缺少联系方式",
    },
    section: "{name}（{count}）",
    section_duplicates: "疑似重复客户",
    section_missing: "缺少联系方式",
    strongest_of: "最相似的{shown}组，共{total}组",
    selected_mark: "▸",
    col_customer: "客户",
    col_same_as: "疑似同一客户",
    col_evidence: "依据",
    col_code: "编号",
    col_name: "名称",
    col_tier: "分层",
    col_last_activity: "最近活动",
    evidence: &[
        (Evidence::SamePhone, "电话相同"),
        (Evidence::SameEmail, "邮箱相同"),
        (Evidence::SameName, "名称相同"),
        (Evidence::SamePinyin, "拼音相同"),
        (Evidence::SimilarName, "名称相似"),
    ],
    evidence_separator: " · ",
    never: "从无",
    none: "数据良好：没有疑似重复客户，也没有缺少联系方式的客户",
    unreadable: "无法读取列表（见下方）；按 C-r 重试",
    merge_title: "合并重复客户",
    merge_keep: "保留",
    merge_duplicate: "并入",
    merge_evidence: "依据",
    merge_moves: "将转移到 {code}：",
    moved_tickets: Plural {
        one: "工单{count}个",
        other: "工单{count}个",
    },
    moved_interactions: Plural {
        one: "沟通记录{count}条",
        other: "沟通记录{count}条",
    },
    moved_orders: Plural {
        one: "订单{count}个",
        other: "订单{count}个",
    },
    moved_surveys: Plural {
        one: "满意度调查{count}份",
        other: "满意度调查{count}份",
    },
    moved_reminders: Plural {
        one: "提醒{count}条",
        other: "提醒{count}条",
    },
    moved_separator: "，",
    merge_counting: "统计中…",
    merge_after: "随后 {duplicate} 将被归档；{keep} 缺少的联系方式字段由其补齐，订单金额合并累计。",
    merge_swap_note: "按 Tab 或 ←/→ 切换保留哪一个。",
    archive_title: "归档不活跃客户",
    archive_days: "不活跃天数",
    days_typed: "{days}天",
    archive_rule: "在该天数内没有沟通记录、工单、订单或满意度调查，且没有未结工单的客户，将一次性全部归档。",
    archive_found: Plural {
        one: "{count}个客户已{days}天不活跃：",
        other: "{count}个客户已{days}天不活跃：",
    },
    archive_none: "没有客户不活跃这么久，无需归档。",
    archive_finding: "查找中…",
    archive_more: "……另有{count}个",
    archive_type_days: "输入其他天数重新查找；按 Backspace 删除。",
    msg_merged: "已将 {duplicate} 并入 {keep}：转移{moved}；{duplicate} 已归档",
    msg_merge_failed: "未合并：{reason}",
    msg_archived: Plural {
        one: "已归档{count}个{days}天不活跃的客户",
        other: "已归档{count}个{days}天不活跃的客户",
    },
    msg_archive_failed: "未归档：{reason}",
    msg_nothing_to_archive: "没有需要归档的客户",
    msg_not_a_pair: "合并需针对一组客户：请选择一组疑似重复客户",
    msg_no_row: "未选择任何项",
    msg_still_counting: "仍在统计中，请稍后再按",
};
