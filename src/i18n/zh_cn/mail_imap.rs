//! Simplified Chinese: mail_imap.

use crate::i18n::catalog::mail_imap::MailImapStrings;

pub const MAIL_IMAP: MailImapStrings = MailImapStrings {
    url_scheme: "不是 IMAP 邮箱地址：请写成 imaps://用户名@主机/文件夹（TLS）或 imap://用户名@主机/文件夹（STARTTLS）",
    url_no_user: "缺少用户名：请写成 imaps://用户名@主机/文件夹",
    url_password: "含有密码：请从地址中去掉密码，改用 [mail] password_command 提供",
    url_no_host: "缺少主机名",
    url_port: "端口不是 1 到 65535 之间的数字",
    url_encoding: "含有错误的 %XX 转义、非 UTF-8 文本或控制字符",
    url_query: "含有 ?查询 或 #片段，IMAP 邮箱地址不支持",
    password_failed: "mail.password_command 执行失败（{status}）",
    password_not_run: "无法运行 mail.password_command：{detail}",
    password_empty: "mail.password_command 没有输出密码（输出为空或不是 UTF-8 文本）",
    ca_file_empty: "mail.ca_file {path} 中没有 PEM 证书",
    no_address: "找不到主机 {host}：{detail}",
    connect_failed: "无法连接 {address}：{detail}",
    timed_out: "服务器在 {seconds} 秒内没有响应",
    no_starttls: "服务器不支持 STARTTLS，密码将以明文传输，已拒绝连接（请改用 imaps:// 或支持 STARTTLS 的服务器）",
    tls_failed: "安全连接失败：{detail}",
    login_failed: "服务器拒绝了 {user} 的登录：{detail}",
    select_failed: "无法打开文件夹 {folder}：{detail}",
    server_failed: "服务器出错：{detail}",
};
