//! Simplified Chinese: care.

use crate::i18n::catalog::care::CareStrings;

pub const CARE: CareStrings = CareStrings {
    also_open: "● 同时在处理：{agents}",
    conflict_title: "{record} 已被他人修改",
    conflict_intro: "您打开{record} 后，有人保存了修改。您的修改尚未保存。",
    conflict_reading: "正在读取变更内容…",
    col_field: "字段",
    col_started: "修改前",
    col_yours: "您的修改",
    col_now: "当前已保存",
    yours_heading: "您的修改",
    theirs_heading: "仅他人修改的字段（将保留）",
    both_changed: "◆ 双方都修改了",
    changed_by: "{agent}于{when}修改",
    reapply_note: "重新应用：用您的修改覆盖当前已保存的内容；双方都修改的字段以您的为准。",
    record_ticket: "工单 #{ticket}",
    record_customer: "客户 {code}",
    discarded: "已放弃您的修改，{record} 显示为当前已保存的内容",

    back_to_form: "已返回表单：现在保存将与当前已保存的{record}比对",
    gone: "该记录已被删除：{reason}",
};
