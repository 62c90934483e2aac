//! Simplified Chinese: progress.

use crate::i18n::catalog::progress::ProgressStrings;

pub const PROGRESS: ProgressStrings = ProgressStrings {
    reading: "读取记录",
    customers: "客户",
    tickets: "工单",
    interactions: "沟通记录",
    orders: "订单",
    surveys: "满意度调查",
    reminders: "提醒",
    articles: "知识库文章",
    search_index: "搜索索引",
    segments: "客户分群",
    rows: "行",
    indexes: "索引",
    mail: "邮件",
};
