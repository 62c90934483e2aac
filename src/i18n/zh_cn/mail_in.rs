//! 简体中文：收取邮件。

use crate::i18n::Plural;
use crate::i18n::catalog::mail_in::MailInStrings;

pub const MAIL_IN: MailInStrings = MailInStrings {
    read: Plural {
        one: "已读取 {count} 封邮件",
        other: "已读取 {count} 封邮件",
    },
    new_tickets: Plural {
        one: "新建工单 {count} 个",
        other: "新建工单 {count} 个",
    },
    replies: Plural {
        one: "客户回复 {count} 封，已并入原工单（其中重新打开 {reopened} 个）",
        other: "客户回复 {count} 封，已并入原工单（其中重新打开 {reopened} 个）",
    },
    duplicates: Plural {
        one: "{count} 封邮件此前已收取，未重复添加",
        other: "{count} 封邮件此前已收取，未重复添加",
    },
    set_aside: Plural {
        one: "已搁置 {count} 封：{reasons}",
        other: "已搁置 {count} 封：{reasons}",
    },
    reason_count: "{reason} {count} 封",
    list_separator: "，",
    reason_auto_reply: "自动回复",
    reason_bounce: "退信",
    reason_bulk: "群发邮件",
    reason_list: "邮件列表",
    reason_loop: "本团队自己的地址",
    reason_unreadable: "无法识别",
    no_sources: "未配置邮件来源：请在设置文件中填写 [mail] sources",
    unknown_source: "不是可用的邮件来源（imaps://、imap://、maildir:/路径 或 mbox:/路径）",
    not_maildir: "是文件夹，但不是 Maildir（其中没有 cur/ 和 new/ 文件夹）",
    file_exists: "文件已存在；如需覆盖请加 --force",
    saved: "已将 {name} 保存到 {path}",
    col_id: "编号",
    col_file: "文件名",
    col_type: "类型",
    col_size: "大小",
    attachments: "附件",
    no_attachments: "没有附件",
};
