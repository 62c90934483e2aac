//! End-to-end, the real binary in tmux: a reply sent by e-mail whose
//! sending failed, written by another process, shows on the open ticket
//! page with its quoted history folded, the header counts it, and `f`
//! shows the quote (the harness is `e2e_tmux`'s).

use crate::e2e_tmux::{Session, open_fresh_ticket, tmux_missing};

#[test]
fn a_failed_e_mail_reply_shows_on_the_page_and_in_the_header() {
    if tmux_missing() {
        return;
    }
    let s = Session::start("mail_thread", 120, 40);
    let id = open_fresh_ticket(&s, "Mailer", "Invoice wrong");
    let ticket = id.to_string();
    let text = "We will reissue it.\n\nOn Mon, Mailer wrote:\n> The invoice is wrong.\n> Please fix it.";
    s.cli(&["ticket", "reply", &ticket, "--summary", text, "--channel", "email"]);
    // The mail engineers' sender records a failure as schema 0017 keeps it.
    let conn = rusqlite::Connection::open(s.db_path()).unwrap();
    let interaction: i64 = conn
        .query_row("SELECT max(id) FROM interactions WHERE ticket_id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    conn.execute(
        "INSERT INTO mail_outbox (interaction_id, ticket_id, message_key, to_address, subject, message, \
         state, attempts, next_attempt_at, last_error, created_at) \
         VALUES (?1, ?2, '<e2e@acme.cn>', 'mailer@example.com', 'Re: Invoice wrong', x'00', 'failed', 3, 0, \
         '550 no such user', 0)",
        rusqlite::params![interaction, id],
    )
    .unwrap();
    s.wait("the failed reply, its quote folded, and the header's count", |screen| {
        let header = screen.lines().next().unwrap_or("");
        header.contains("send failed 1")
            && screen.contains("sending failed: 550 no such user")
            && screen.contains("▸ quoted text, 3 lines")
            && !screen.contains("> Please fix it.")
    });
    s.keys(&["f"]);
    s.wait("the quote shown", |screen| {
        screen.contains("▾ quoted text") && screen.contains("> Please fix it.")
    });
    s.keys(&["Escape", "q"]);
    assert_eq!(s.exit(), "exit=0");
}
