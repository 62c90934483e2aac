//! Mail on the ticket page: folding its quoted history, saving an
//! attachment, and the results of the reads and writes they ask for.

use crate::app::action::Action;
use crate::app::forms::attachment;
use crate::app::model::{Detail, Model};
use crate::app::msg::{Effect, Msg};
use crate::app::navigation::LineTarget;
use crate::domain::text::sanitize_line;
use crate::i18n::fill;
use crate::service::mail::attachment_file::SaveRefused;

/// `f` and `w` on a ticket page; `None` for other actions.
pub fn action(model: &mut Model, action: Action) -> Option<Vec<Effect>> {
    match action {
        Action::ToggleQuotes => toggle_quotes(model),
        Action::FetchMail => return Some(fetch(model, model.now)),
        Action::SendMail => return Some(vec![Effect::SendMail]),
        // Turns the reply form's choice over; it never saves or sends.
        Action::ToggleSend => {
            if let Some(form) = model.screens.form_mut() {
                crate::app::forms::send_choice::toggle(form);
            }
        }
        Action::SaveAttachment => {
            let selected = match super::navigation::selected_target(model) {
                Some(LineTarget::Attachment(id)) => Some(id),
                _ => only_attachment(model),
            };
            match selected {
                Some(id) => return Some(save_form(model, id)),
                None => model.warn(model.strings.mail_tui.select_attachment.to_string()),
            }
        }
        _ => return None,
    }
    Some(Vec::new())
}

/// The one attachment of the page, when it has exactly one: `w` needs no
/// selecting then.
fn only_attachment(model: &Model) -> Option<i64> {
    match model.screens.detail() {
        Some(Detail::Ticket { mail: Some(mail), .. }) if mail.attachments.len() == 1 => {
            mail.attachments.first().map(|a| a.id)
        }
        _ => None,
    }
}

/// Shows or folds the quoted history of every message on the page.
fn toggle_quotes(model: &mut Model) {
    let s = model.strings;
    let Some(Detail::Ticket {
        detail: Some(detail),
        mail,
        quotes_open,
        ..
    }) = model.screens.detail_mut()
    else {
        return;
    };
    if crate::app::mail::has_quotes(detail, mail.as_deref()) {
        *quotes_open = !*quotes_open;
    } else {
        model.say(s.mail_tui.no_quotes.to_string());
    }
}

/// The form asking where to save attachment `id` of the page.
pub fn save_form(model: &mut Model, id: i64) -> Vec<Effect> {
    let found = match model.screens.detail() {
        Some(Detail::Ticket { mail: Some(mail), .. }) => mail.attachments.iter().find(|a| a.id == id).cloned(),
        _ => None,
    };
    if let Some(a) = found {
        let form = attachment::save_attachment(model.strings, &a, &model.mail.downloads);
        super::records::open_form(model, form);
    }
    Vec::new()
}

/// A reply goes by e-mail unless chosen otherwise when its ticket came by
/// e-mail and its customer has an address (known from the ticket's page;
/// from the queue it is not, and the choice starts off).
pub fn sends_by_default(model: &Model, ticket: &crate::domain::ticket::Ticket) -> bool {
    use crate::domain::enums::Channel;
    ticket.channel == Channel::Email
        && matches!(
            model.screens.detail(),
            Some(Detail::Ticket { id, mail: Some(mail), .. }) if *id == ticket.id && mail.customer_has_email
        )
}

/// A reply was recorded and queued: the writer thread sends the outbox next.
pub fn replied_by_mail(model: &mut Model, ticket: i64) -> Vec<Effect> {
    let text = fill(model.strings.mail_tui.reply_queued, &[("ticket", &ticket.to_string())]);
    model.say(text);
    vec![Effect::SendMail]
}

/// A fetch in the background, unless one is running.
fn fetch(model: &mut Model, now: chrono::DateTime<chrono::Utc>) -> Vec<Effect> {
    if model.mail.fetching {
        model.say(model.strings.mail_tui.already_fetching.to_string());
        return Vec::new();
    }
    model.mail.fetching = true;
    model.mail.fetched_at = Some(now);
    vec![Effect::FetchMail]
}

/// The `[mail] fetch_every_minutes` timer: a fetch when the interval has
/// passed since the last one asked for (the first a full interval after
/// start), never while one runs.
pub fn tick(model: &mut Model, now: chrono::DateTime<chrono::Utc>) -> Vec<Effect> {
    let every = model.mail.fetch_every_minutes;
    if every == 0 || model.mail.fetching {
        return Vec::new();
    }
    let Some(last) = model.mail.fetched_at else {
        model.mail.fetched_at = Some(now);
        return Vec::new();
    };
    // An interval past what time can hold means never.
    let every = i64::try_from(every)
        .ok()
        .and_then(chrono::Duration::try_minutes)
        .unwrap_or(chrono::Duration::MAX);
    if now - last < every {
        return Vec::new();
    }
    fetch(model, now)
}

pub fn result(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::TicketMail(ticket, loaded) => {
            if let Some(Detail::Ticket { id, mail, .. }) = model.screens.detail_mut()
                && *id == ticket
            {
                *mail = Some(loaded);
            }
        }
        Msg::OutboxCounts(Ok(counts)) => model.mail.outbox = counts,
        // The header keeps the last counts: a failed count is not worth a message.
        Msg::OutboxCounts(Err(_)) => {}
        Msg::AttachmentSaved(result) => saved(model, result),
        Msg::MailFetched(Err(why)) => {
            model.mail.fetching = false;
            model.warn(why)
        }
        Msg::MailFetched(Ok(report)) => {
            model.mail.fetching = false;
            let set_aside: usize = report.set_aside.values().sum();
            let text = fill(
                model.strings.mail_tui.fetched,
                &[
                    ("new", &report.new_tickets.to_string()),
                    ("replies", &report.replies.to_string()),
                    ("set_aside", &set_aside.to_string()),
                    ("failed", &report.failed.len().to_string()),
                ],
            );
            match report.failed.first() {
                None => model.say(text),
                // The first source that failed and why: enough to act on
                // (`mail fetch` in a shell lists every one).
                Some(f) => {
                    let why = crate::domain::text::sanitize_line(&f.message);
                    model.warn(format!("{}: {why} · {text}", f.source))
                }
            }
            // New tickets and replies: everything shown is read again.
            return super::reload(model);
        }
        Msg::MailSent(result) => {
            let m = &model.strings.mail_tui;
            match result {
                Ok((sent, waiting, failed)) => {
                    let text = fill(
                        m.mail_sent,
                        &[
                            ("sent", &sent.to_string()),
                            ("waiting", &waiting.to_string()),
                            ("failed", &failed.to_string()),
                        ],
                    );
                    if waiting + failed > 0 {
                        model.warn(text)
                    } else {
                        model.say(text)
                    }
                }
                Err(why) => model.warn(sanitize_line(&fill(m.send_failed, &[("why", &why)])).into_owned()),
            }
            // The page's outbox states and the header's counts moved.
            return super::reload(model);
        }
        _ => {}
    }
    Vec::new()
}

/// The save's result, with its form back in place (see `saves::handle`):
/// it closes on success; on a refusal it stays with the reason.
fn saved(model: &mut Model, result: Result<std::path::PathBuf, SaveRefused>) {
    let m = &model.strings.mail_tui;
    // A file already there: the keys go to the choice that replaces it.
    let exists = matches!(result, Err(SaveRefused::Exists(_)));
    let refusal = match result {
        Ok(path) => {
            model.screens.take_form();
            let text = fill(m.saved, &[("path", &path.display().to_string())]);
            model.say(sanitize_line(&text).into_owned());
            return;
        }
        Err(SaveRefused::Exists(path)) => fill(m.exists, &[("path", &path.display().to_string())]),
        Err(SaveRefused::NotFound(_)) => m.gone.to_string(),
        Err(SaveRefused::NoPath) => m.no_path.to_string(),
        Err(SaveRefused::Storage(e)) => crate::i18n::told(&e),
        Err(SaveRefused::Failed { path, detail }) => fill(
            m.write_failed,
            &[("path", &path.display().to_string()), ("why", &detail)],
        ),
    };
    let text = sanitize_line(&refusal).into_owned();
    match model.screens.form_mut() {
        Some(form) => {
            form.message = Some(text);
            if let Some(i) = form.fields.iter().position(|f| f.key == "overwrite").filter(|_| exists) {
                form.focus = i;
            }
        }
        None => model.warn(text),
    }
}
