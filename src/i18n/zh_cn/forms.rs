//! Simplified Chinese: forms.

use crate::i18n::catalog::forms::FormStrings;

pub const FORMS: FormStrings = FormStrings {
    last_field: "已是最后一个字段：按 {key} 保存",
    draft_kept: "草稿已保留：再次打开“{form}”即可继续",
    draft_restored: "已恢复您的草稿",
    draft_restored_more: "已恢复您的草稿；此表单另有{count}份草稿（保存或放弃当前草稿后显示）",
    ask_discard: "放弃在“{form}”中填写的内容？y / n",
    ask_quit: "有{count}份未保存的草稿，确定退出并丢弃？y / n",
    discarded: "已放弃“{form}”",
    kept: "已保留",
};
