//! `mail outbox`, `mail send` and `ticket reply ID --send`: replies that
//! leave by e-mail, and what became of them.

use super::Env;
use super::output::{TIME_COLS, Table, WHOLE, is_masked, print_json, short_time};
use crate::domain::mail::{OutboxEntry, OutboxState};
use crate::domain::text::{mask_email, sanitize_line};
use crate::i18n::catalog::mail_out::MailOutStrings;
use crate::i18n::fill;
use crate::service::Error;
use crate::service::mail::outbox::{self, Attempt, SendReport};
use clap::Args;
use serde_json::json;

pub const OUTBOX_EXAMPLES: &str = "Examples:
  frontdesk mail outbox
  frontdesk mail outbox --all --json";

pub const SEND_EXAMPLES: &str = "Examples:
  frontdesk mail send
  frontdesk mail send --retry-failed
  */5 * * * * frontdesk mail send   (crontab: deliver and retry every 5 minutes)";

#[derive(Debug, Clone, Args)]
pub struct OutboxArgs {
    /// Sent messages too
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Args)]
pub struct SendArgs {
    /// Queue the messages that failed for good again first, due now
    #[arg(long)]
    pub retry_failed: bool,
}

pub fn outbox(env: &mut Env, args: &OutboxArgs) -> Result<(), Error> {
    let entries = env.store.read(|tx| Ok::<_, Error>(tx.outbox(args.all, 0)?))?;
    if env.json {
        print_json(&super::output::masked(json!(entries)));
        return Ok(());
    }
    let s = crate::i18n::get().mail_out;
    if entries.is_empty() {
        outln!("{}", s.outbox_empty);
        return Ok(());
    }
    let mut table = Table::new(&[
        (s.col_id, WHOLE),
        (s.col_ticket, WHOLE),
        (s.col_to, 28),
        (s.col_state, 8),
        (s.col_attempts, WHOLE),
        (s.col_next, TIME_COLS),
        (s.col_error, 60),
    ]);
    for e in &entries {
        table.row(vec![
            e.id.to_string(),
            format!("#{}", e.ticket_id),
            address(&e.to_address),
            state(s, e.state).to_string(),
            e.attempts.to_string(),
            next_try(e),
            e.last_error.clone(),
        ]);
    }
    table.print();
    Ok(())
}

fn next_try(e: &OutboxEntry) -> String {
    match e.state {
        OutboxState::Queued | OutboxState::Sending => short_time(Some(e.next_attempt_at)),
        OutboxState::Sent => short_time(e.sent_at),
        OutboxState::Failed => "—".into(),
    }
}

pub fn send(env: &mut Env, args: &SendArgs) -> Result<(), Error> {
    let s = crate::i18n::get().mail_out;
    if args.retry_failed {
        let n = outbox::requeue_failed(&mut env.store, &env.ctx)?;
        if !env.json && n > 0 {
            errln!("{}", s.requeued.of(n as i64, &[]));
        }
    }
    let bar = super::progress::Bar::on_stderr();
    let report = outbox::send_due(&mut env.store, &env.ctx, &env.config.mail, &bar)?;
    drop(bar);
    if env.json {
        print_json(&super::output::masked(json!(report)));
    } else {
        print_report(s, &report);
    }
    if report.any_unsent() {
        return Err(Error::Mail(summary(s, &report)));
    }
    Ok(())
}

fn print_report(s: &MailOutStrings, report: &SendReport) {
    if report.attempts.is_empty() {
        outln!("{}", s.nothing_due);
        return;
    }
    for a in report.attempts.iter().filter(|a| a.state != "sent") {
        outln!("{}", sanitize_line(&attempt_line(s, a)));
    }
    outln!("{}", summary(s, report));
}

fn summary(s: &MailOutStrings, report: &SendReport) -> String {
    let (sent, queued, failed) = (
        report.count("sent").to_string(),
        report.count("queued").to_string(),
        report.count("failed").to_string(),
    );
    fill(
        s.send_summary,
        &[("sent", &sent), ("queued", &queued), ("failed", &failed)],
    )
}

fn attempt_line(s: &MailOutStrings, a: &Attempt) -> String {
    let (id, ticket, to) = (a.outbox_id.to_string(), a.ticket_id.to_string(), address(&a.to_address));
    unsent(
        a,
        s.attempt_failed,
        s.attempt_queued,
        &[("id", &id), ("ticket", &ticket), ("to", &to)],
    )
}

/// A message that did not leave, in the words for one failed for good or
/// one queued again: `{next}` and `{error}` filled beside `args`.
fn unsent(a: &Attempt, failed: &str, queued: &str, args: &[(&str, &str)]) -> String {
    let next = short_time(a.next_attempt_at);
    let template = if a.state == "failed" { failed } else { queued };
    let mut all = vec![("next", next.as_str()), ("error", a.error.as_str())];
    all.extend_from_slice(args);
    fill(template, &all)
}

/// `ticket reply ID --send`: the reply recorded and queued in one
/// transaction, then its message sent at once. A send that fails leaves the
/// reply recorded and the message queued: said on standard error, exit 0.
pub fn reply(env: &mut Env, id: i64, text: Option<&str>, kb: Option<i64>) -> Result<(), Error> {
    let config = env.config.mail.clone();
    let i = outbox::reply(&mut env.store, &env.ctx, &config, id, text, kb)?;
    let attempt = outbox::send_reply(&mut env.store, &env.ctx, &config, i.id);
    super::ticket::print_interaction(env, &i);
    let s = crate::i18n::get().mail_out;
    let interaction = i.id.to_string();
    let told = match attempt {
        Ok(Some(a)) if a.state == "sent" => fill(
            s.reply_sent,
            &[("interaction", &interaction), ("to", &address(&a.to_address))],
        ),
        Ok(Some(a)) => unsent(&a, s.reply_failed, s.reply_queued, &[("interaction", &interaction)]),
        Ok(None) => fill(s.reply_elsewhere, &[("interaction", &interaction)]),
        // The password command or the certificate file failed: nothing was
        // claimed, the message waits for `mail send`.
        Err(e) => {
            let next = short_time(Some(env.ctx.now));
            let error = crate::i18n::told(&e);
            fill(
                s.reply_queued,
                &[("interaction", &interaction), ("next", &next), ("error", &error)],
            )
        }
    };
    errln!("frontdesk: {}", sanitize_line(&told));
    Ok(())
}

fn address(a: &str) -> String {
    if is_masked() { mask_email(a) } else { a.to_string() }
}

fn state(s: &MailOutStrings, state: OutboxState) -> &'static str {
    match state {
        OutboxState::Queued => s.queued,
        OutboxState::Sending => s.sending,
        OutboxState::Sent => s.sent,
        OutboxState::Failed => s.failed,
    }
}
