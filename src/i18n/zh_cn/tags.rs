//! Simplified Chinese: tags.

use crate::i18n::catalog::tags::TagStrings;

pub const TAGS: TagStrings = TagStrings {
    form_title: "标签 · 工单 #{ticket}",
    fields: &[("add-tag", "添加标签"), ("remove-tag", "移除标签")],
    no_ticket: "请先选择要加标签的工单",
};
