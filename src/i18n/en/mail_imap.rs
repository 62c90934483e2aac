//! English: mail_imap.

use crate::i18n::catalog::mail_imap::MailImapStrings;

pub const MAIL_IMAP: MailImapStrings = MailImapStrings {
    url_scheme: "is not an IMAP source: write imaps://user@host/FOLDER (TLS) or imap://user@host/FOLDER (STARTTLS)",
    url_no_user: "names no user: write imaps://user@host/FOLDER",
    url_password: "holds a password: leave it out of the URL and set [mail] password_command",
    url_no_host: "names no host",
    url_port: "has a port that is not a number from 1 to 65535",
    url_encoding: "has a bad %XX escape, text that is not UTF-8, or a control character",
    url_query: "has a ?query or #fragment, which an IMAP source does not take",
    password_failed: "mail.password_command failed ({status})",
    password_not_run: "mail.password_command could not be run: {detail}",
    password_empty: "mail.password_command printed no password (nothing, or not UTF-8 text)",
    ca_file_empty: "mail.ca_file {path} holds no PEM certificate",
    no_address: "the host {host} cannot be found: {detail}",
    connect_failed: "cannot connect to {address}: {detail}",
    timed_out: "the server did not answer within {seconds} seconds",
    no_starttls: "the server does not offer STARTTLS, so the password would travel unencrypted: refused (use imaps:// or a server with STARTTLS)",
    tls_failed: "the secure connection failed: {detail}",
    login_failed: "the server refused the login of {user}: {detail}",
    select_failed: "the folder {folder} cannot be opened: {detail}",
    server_failed: "the server failed: {detail}",
};
