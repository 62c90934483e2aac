//! Simplified Chinese: macros and ticket tags.

use crate::i18n::catalog::macros::MacroStrings;

pub const MACROS: MacroStrings = MacroStrings {
    empty_macro: "宏至少需要一条回复或一项修改（--reply、--status、--priority、--add-tag、--remove-tag、--assignee）",
    removed: "已删除宏“{name}”",
    applied: "工单 #{id}：已执行宏“{name}”；状态：{status}，版本 {version}",
    none_yet: "暂无宏。添加方式：frontdesk macro add 名称 --reply 回复内容 [--status 状态] …",
    col_name: "名称",
    col_does: "执行内容",
    does_reply: "回复客户",
    does_status: "状态改为{status}",
    does_priority: "优先级改为{priority}",
    does_add_tags: "添加标签{tags}",
    does_remove_tags: "移除标签{tags}",
    does_assign: "指派给{assignee}",
    does_unassign: "取消指派",
    separator: "；",
    list_separator: "、",
    picker_title: "对工单 #{id} 执行宏",
    picker_filter: "筛选：",
    picker_keys: "↑↓ 选择 · Enter 执行 · Esc 取消 · 输入文字筛选",
    picker_empty: "暂无宏，请先用 `frontdesk macro add` 添加。",
    picker_no_match: "没有匹配的宏。",
    picker_reply: "回复：",
    no_ticket: "请先选择一个工单。",
    applied_tui: "已对工单 #{id} 执行宏“{name}”。",
    not_applied: "宏未执行：{reason}",
    fields: &[("macro", "宏")],
};
