//! 简体中文：mail_out。

use crate::i18n::Plural;
use crate::i18n::catalog::mail_out::MailOutStrings;

pub const MAIL_OUT: MailOutStrings = MailOutStrings {
    col_id: "编号",
    col_ticket: "工单",
    col_to: "收件人",
    col_state: "状态",
    col_attempts: "尝试次数",
    col_next: "下次发送",
    col_error: "最近错误",
    queued: "待发送",
    sending: "发送中",
    sent: "已发送",
    failed: "发送失败",
    outbox_empty: "发件箱为空。",
    nothing_due: "没有需要发送的邮件。",
    send_summary: "已发送 {sent} 封，待重试 {queued} 封，失败 {failed} 封。",
    attempt_queued: "#{id} 发往 {to}（工单 #{ticket}）未发出，将于 {next} 重试：{error}",
    attempt_failed: "#{id} 发往 {to}（工单 #{ticket}）被邮件服务器拒收，不再重试：{error}",
    reply_sent: "回复 {interaction} 已记录，邮件已发送至 {to}。",
    reply_queued: "回复 {interaction} 已记录；邮件尚未发出，已留在发件箱（将于 {next} 重试，或运行 `frontdesk mail send`）：{error}",
    reply_failed: "回复 {interaction} 已记录；邮件被服务器拒收，不再重试（见 `frontdesk mail outbox`）：{error}",
    reply_elsewhere: "回复 {interaction} 已记录；邮件正由其他发送进程处理（见 `frontdesk mail outbox`）。",
    requeued: Plural {
        one: "已将 {count} 封失败邮件重新加入发送队列。",
        other: "已将 {count} 封失败邮件重新加入发送队列。",
    },
};
