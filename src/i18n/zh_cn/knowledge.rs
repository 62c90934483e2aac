//! Simplified Chinese: knowledge.

use crate::i18n::Plural;
use crate::i18n::catalog::knowledge::KnowledgeStrings;

pub const KNOWLEDGE: KnowledgeStrings = KnowledgeStrings {
    title: Plural {
        one: "知识库 · {count} 篇文章",
        other: "知识库 · {count} 篇文章",
    },
    pick_title: "从知识库插入到工单 #{ticket}",
    search_prompt: "搜索：",
    search_hint: "按 {key} 搜索标题、正文和标签",
    col_kind: "类型",
    col_used: "使用",
    col_title: "标题",
    col_tags: "标签",
    loading: "加载中…",
    empty: "知识库还没有文章，按 {key} 添加。",
    empty_pick: "知识库还没有文章。",
    no_match: "没有同时包含“{query}”中所有词的文章。",
    used: Plural {
        one: "已用于 {count} 次回复",
        other: "已用于 {count} 次回复",
    },
    inserted: "已插入“{title}”，保存后计入使用次数。",
    added: "已添加文章 #{id}：{title}",
    form_title: "新建知识库文章",
    fields: &[("title", "标题"), ("text", "正文")],
};
