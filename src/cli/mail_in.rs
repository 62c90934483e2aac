//! `mail import|fetch|attachments|save`: mail into tickets, and the files
//! that came with it. Sending (`mail outbox`, `mail send`) joins this enum.

use super::Env;
use super::output::{Table, WHOLE, print_json};
use super::progress::Bar;
use crate::domain::error::{Invalid, Reason};
use crate::domain::mail::AttachmentInfo;
use crate::domain::mail::parse::safe_file_name;
use crate::domain::text::sanitize_line;
use crate::i18n::{Strings, fill};
use crate::service::Error;
use crate::service::mail::{FetchReport, attachments, fetch};
use clap::Subcommand;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub const EXAMPLES: &str = "Examples:
  frontdesk mail import ~/Downloads/complaint.eml
  frontdesk mail import old-inbox.mbox ~/Maildir
  frontdesk mail fetch
  frontdesk mail fetch --json
  frontdesk mail attachments 42
  frontdesk mail save 7 ~/Desktop/quote.pdf
  frontdesk mail save 7 -";

#[derive(Debug, Clone, Subcommand)]
#[command(defer = true)]
pub enum MailCommand {
    /// Read .eml files, mbox files and Maildir folders into tickets (each message once)
    Import {
        /// An .eml file, an mbox file or a Maildir folder (new/ and cur/)
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Read the [mail] sources in order (IMAP, Maildir, mbox); exit 1 if any failed
    Fetch,
    /// The attachments of a ticket: id, file name, type, size
    Attachments {
        /// The ticket's number
        ticket: i64,
    },
    /// Write an attachment to a file (never run or shown)
    Save {
        /// The attachment's id (see `mail attachments`)
        attachment: i64,
        /// Where to write it [default: its file name, cleaned, in the current folder]; `-` standard output
        path: Option<PathBuf>,
        /// Overwrite a file that exists
        #[arg(long)]
        force: bool,
    },
    /// Replies sent by e-mail that are queued or failed (--all: sent ones too)
    #[command(after_help = super::mail_out::OUTBOX_EXAMPLES)]
    Outbox(super::mail_out::OutboxArgs),
    /// Send the queued replies that are due; exit 1 if any is not sent
    #[command(after_help = super::mail_out::SEND_EXAMPLES)]
    Send(super::mail_out::SendArgs),
}

pub fn run(env: &mut Env, cmd: MailCommand) -> Result<(), Error> {
    let s = crate::i18n::get();
    match cmd {
        MailCommand::Outbox(args) => super::mail_out::outbox(env, &args),
        MailCommand::Send(args) => super::mail_out::send(env, &args),
        MailCommand::Import { paths } => {
            let bar = Bar::on_stderr();
            let report = fetch::import(
                &mut env.store,
                &env.ctx,
                &env.config.mail,
                &paths,
                &bar,
                &crate::i18n::mail_detail,
            )?;
            drop(bar);
            print_report(env.json, s, &report)
        }
        MailCommand::Fetch => {
            if env.config.mail.sources.is_empty() {
                errln!("frontdesk: {}", s.mail_in.no_sources);
            }
            let bar = Bar::on_stderr();
            let report = fetch::fetch(
                &mut env.store,
                &env.ctx,
                &env.config.mail,
                &bar,
                &crate::i18n::mail_detail,
            )?;
            drop(bar);
            print_report(env.json, s, &report)
        }
        MailCommand::Attachments { ticket } => {
            let list = attachments::of_ticket(&mut env.store, ticket)?;
            if env.json {
                print_json(&list);
            } else if list.is_empty() {
                outln!("{}", s.mail_in.no_attachments);
            } else {
                print_table(s, &list);
            }
            Ok(())
        }
        MailCommand::Save {
            attachment,
            path,
            force,
        } => save(s, env, attachment, path, force),
    }
}

/// The summary of an import or a fetch; exit 1 when a source failed.
fn print_report(json: bool, s: &Strings, report: &FetchReport) -> Result<(), Error> {
    if json {
        print_json(report);
    } else {
        let m = s.mail_in;
        let count = |n: usize| n.to_string();
        outln!("{}", m.read.of(report.read as i64, &[]));
        outln!("{}", m.new_tickets.of(report.new_tickets as i64, &[]));
        outln!(
            "{}",
            m.replies
                .of(report.replies as i64, &[("reopened", &count(report.reopened))])
        );
        outln!("{}", m.duplicates.of(report.duplicates as i64, &[]));
        let aside: usize = report.set_aside.values().sum();
        if aside > 0 {
            let reasons: Vec<String> = report
                .set_aside
                .iter()
                .map(|(key, n)| fill(m.reason_count, &[("reason", m.reason(key)), ("count", &count(*n))]))
                .collect();
            outln!(
                "{}",
                m.set_aside
                    .of(aside as i64, &[("reasons", &reasons.join(m.list_separator))])
            );
        }
    }
    // The sources that failed, one to a line after "mail failed:" (exit 1);
    // the others were read all the same.
    if report.failed.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = report
        .failed
        .iter()
        .map(|f| format!("{}: {}", f.source, f.message))
        .collect();
    Err(Error::Mail(match lines.as_slice() {
        [one] => one.clone(),
        many => format!("\n  {}", many.join("\n  ")),
    }))
}

pub fn print_table(s: &Strings, list: &[AttachmentInfo]) {
    let m = s.mail_in;
    let mut table = Table::new(&[
        (m.col_id, WHOLE),
        (m.col_file, WHOLE),
        (m.col_type, WHOLE),
        (m.col_size, WHOLE),
    ]);
    for a in list {
        table.row(vec![
            a.id.to_string(),
            sanitize_line(&a.file_name).into_owned(),
            sanitize_line(&a.mime_type).into_owned(),
            a.size.to_string(),
        ]);
    }
    table.print();
}

/// Writes the attachment's bytes, never over a file that exists unless
/// `force`; the default name is the sender's, cleaned (no folders, no
/// control characters, no leading dots).
fn save(s: &Strings, env: &mut Env, id: i64, path: Option<PathBuf>, force: bool) -> Result<(), Error> {
    let (info, data) = attachments::content(&mut env.store, id)?;
    let target = path.unwrap_or_else(|| PathBuf::from(safe_file_name(&info.file_name)));
    if target == Path::new("-") {
        // On a terminal the bytes are shown neutralised, never acted on;
        // to a pipe or a file they go exactly.
        if std::io::stdout().is_terminal() {
            return super::output::print_data(&String::from_utf8_lossy(&data));
        }
        let mut out = std::io::stdout().lock();
        return out
            .write_all(&data)
            .and_then(|()| out.flush())
            .map_err(|e| Error::Output(e.to_string()));
    }
    let shown = target.display().to_string();
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        // Refused by the OS itself if the file appeared meanwhile.
        options.create_new(true);
    }
    let mut file = match options.open(&target) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Invalid::new("path", shown, Reason::FileExists).into());
        }
        Err(e) => return Err(Error::Output(format!("{shown}: {e}"))),
    };
    file.write_all(&data)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::Output(format!("{shown}: {e}")))?;
    let name = sanitize_line(&info.file_name).into_owned();
    outln!(
        "{}",
        fill(s.mail_in.saved, &[("name", &name), ("path", &sanitize_line(&shown))])
    );
    Ok(())
}
