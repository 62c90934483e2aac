//! Words an [`ImapFailure`] in the catalogue's language.

use super::{Strings, fill};
use crate::domain::mail::imap_failure::ImapFailure;

pub fn failure(f: &ImapFailure, s: &Strings) -> String {
    let m = s.mail_imap;
    match f {
        ImapFailure::PasswordFailed { status } => fill(m.password_failed, &[("status", status)]),
        ImapFailure::PasswordNotRun { detail } => fill(m.password_not_run, &[("detail", detail)]),
        ImapFailure::PasswordEmpty => m.password_empty.into(),
        ImapFailure::CaFileEmpty { path } => fill(m.ca_file_empty, &[("path", path)]),
        ImapFailure::NoAddress { host, detail } => fill(m.no_address, &[("host", host), ("detail", detail)]),
        ImapFailure::ConnectFailed { address, detail } => {
            fill(m.connect_failed, &[("address", address), ("detail", detail)])
        }
        ImapFailure::TimedOut { seconds } => fill(m.timed_out, &[("seconds", &seconds.to_string())]),
        ImapFailure::NoStartTls => m.no_starttls.into(),
        ImapFailure::TlsFailed { detail } => fill(m.tls_failed, &[("detail", detail)]),
        ImapFailure::LoginFailed { user, detail } => fill(m.login_failed, &[("user", user), ("detail", detail)]),
        ImapFailure::SelectFailed { folder, detail } => {
            fill(m.select_failed, &[("folder", folder), ("detail", detail)])
        }
        ImapFailure::ServerFailed { detail } => fill(m.server_failed, &[("detail", detail)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn each_failure_is_worded_in_both_languages() {
        let cases = [
            (ImapFailure::NoStartTls, "does not offer STARTTLS", "不支持 STARTTLS"),
            (ImapFailure::TimedOut { seconds: 5 }, "within 5 seconds", "5 秒内"),
            (
                ImapFailure::LoginFailed {
                    user: "support".into(),
                    detail: "Authentication failed.".into(),
                },
                "refused the login of support: Authentication failed.",
                "拒绝了 support 的登录",
            ),
            (
                ImapFailure::PasswordFailed {
                    status: "exit status: 7".into(),
                },
                "mail.password_command failed (exit status: 7)",
                "mail.password_command 执行失败",
            ),
        ];
        for (failure, en, zh) in cases {
            let (in_en, in_zh) = (failure_text(&failure, Lang::En), failure_text(&failure, Lang::ZhCn));
            assert!(in_en.contains(en), "{in_en}");
            assert!(in_zh.contains(zh), "{in_zh}");
        }
    }

    fn failure_text(f: &ImapFailure, lang: Lang) -> String {
        failure(f, lang.strings())
    }
}
