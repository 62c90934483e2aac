//! 简体中文：agenda（提醒分组：今天、即将到期、已逾期）。

use crate::domain::agenda::Section;
use crate::i18n::catalog::agenda::AgendaStrings;

pub const AGENDA: AgendaStrings = AgendaStrings {
    sections: &[
        (Section::Today, "今天"),
        (Section::Upcoming, "即将到期"),
        (Section::Overdue, "已逾期"),
    ],
    heading: "{name} · {count}",
    heading_empty: "{name} · 无",
    heading_collapsed: "{name} · {count}（按 {key} 展开）",
    title_filter: "{reason} · {owner}",
    all_reasons: "全部原因",
    owner_all: "全部处理人",
    owner_mine: "我的（{agent}）",
    cli_collapsed: "{name} · {count}（加 --when overdue 可列出）",
    cli_more: "已列出 {shown} 条，共 {count} 条（--limit 0 列出全部）",
};
