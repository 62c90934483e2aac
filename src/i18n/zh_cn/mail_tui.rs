//! 简体中文：终端界面里的邮件。

use crate::i18n::Plural;
use crate::i18n::catalog::mail_tui::MailTuiStrings;

pub const MAIL_TUI: MailTuiStrings = MailTuiStrings {
    thread: "邮件往来",
    from: "发件人：{sender}",
    quoted_folded: Plural {
        one: "▸ 引用内容，共 {count} 行",
        other: "▸ 引用内容，共 {count} 行",
    },
    quoted_open: "▾ 引用内容",
    no_quotes: "此页没有引用内容。",
    queued: "待发送",
    retrying: "待重试：{when}（已尝试 {count} 次）",
    sending: "发送中…",
    sent: "已发送 {when}",
    failed: "发送失败：{error}",
    attachments: "附件（{count}）",
    select_attachment: "请先选中一个附件。",
    save_title: "保存附件 · {name}",
    fields: &[
        ("path", "保存到"),
        ("overwrite", "覆盖同名文件"),
        ("send_email", "通过邮件发送"),
    ],
    choices: &[("no", "否"), ("yes", "是")],
    saved: "附件已保存到 {path}",
    exists: "{path} 已存在：如需覆盖，请将“覆盖同名文件”设为“是”，或换一个路径。",
    gone: "该附件已不存在。",
    no_path: "请填写保存路径。",
    write_failed: "无法写入 {path}：{why}",
    header_waiting: "待发邮件 {count}",
    header_failed: "发送失败 {count}",
    reply_queued: "已记录对工单 #{ticket} 的回复，并加入邮件待发队列。",
    mail_sent: "邮件：已发送 {sent} 封，待重试 {waiting} 封，失败 {failed} 封。",
    send_failed: "邮件未发送：{why}",
    fetched: "已收取邮件：新建工单 {new} 个，回复 {replies} 封，搁置 {set_aside} 封，{failed} 个邮箱读取失败。",
    already_fetching: "正在收取邮件，请稍候。",
};
