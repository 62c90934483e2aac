//! Runs the effects `update` asks for through the services and turns the
//! results into messages. Shared by the event loop and the tests, which
//! drive the same model and driver without a terminal.

use super::worker::Read;
use crate::app::conflict::{Current, Record, Stored};
use crate::app::forms::{Failure, Submission};
use crate::app::model::Model;
use crate::app::msg::{Effect, Msg, Saved};
use crate::app::panes::timeline::TIMELINE_LIMIT;
use crate::app::update;
use crate::config::Config;
use crate::domain::order::CorrectionKind;
use crate::service::{
    Ctx, Database, Error, customers, demo, interactions, kb, merge, orders, presence, quality, reminders, screens,
    surveys, tickets, triage,
};
use std::collections::VecDeque;

pub struct Driver {
    pub store: Database,
    pub ctx: Ctx,
    pub config: Config,
    /// `--now` was given: writes keep that time.
    clock_fixed: bool,
    data_version: Option<i64>,
}

impl Driver {
    pub fn new(mut store: Database, ctx: Ctx, config: Config, clock_fixed: bool) -> Driver {
        let data_version = store.data_version().ok();
        Driver {
            store,
            ctx,
            config,
            clock_fixed,
            data_version,
        }
    }

    /// True when another process committed since the last call.
    pub fn external_change(&mut self) -> bool {
        let now = self.store.data_version().ok();
        let changed = now.is_some() && now != self.data_version;
        self.data_version = now;
        changed
    }

    /// Runs one effect that needs no terminal. Editor and suspend effects
    /// are the event loop's; here they are ignored.
    pub fn run(&mut self, effect: Effect) -> Vec<Msg> {
        if !self.clock_fixed {
            self.ctx.now = chrono::Utc::now();
        }
        let (store, ctx) = (&mut self.store, &self.ctx);
        let loaded = |r: Result<Msg, Error>| vec![r.unwrap_or_else(|e| Msg::LoadFailed(crate::i18n::told(&e)))];
        match effect {
            Effect::LoadOverview => vec![Read::Overview.run(store, ctx)],
            Effect::LoadQueue => vec![Read::Queue.run(store, ctx)],
            Effect::LoadQueueHead => vec![Read::QueueHead.run(store, ctx)],
            Effect::FindTickets { expr, all } => vec![Read::Find { expr, all }.run(store, ctx)],
            Effect::LoadViews(selected) => vec![Read::Views(selected).run(store, ctx)],
            Effect::LoadTimeline(id) => {
                loaded(interactions::timeline(store, &id.to_string(), TIMELINE_LIMIT).map(|t| Msg::Timeline(id, t)))
            }
            Effect::LoadCard(id) => loaded(screens::customer_card(store, ctx, id).map(|c| Msg::Card(Box::new(c)))),
            // The ticket and its mail in one read: the page never shows a
            // message beside a history that lacks it.
            Effect::LoadTicket(id) => match crate::service::mail::thread::ticket_page(store, ctx, id) {
                Ok((detail, mail)) => vec![Msg::Ticket(Box::new(detail)), Msg::TicketMail(id, Box::new(mail))],
                Err(e) => vec![Msg::LoadFailed(crate::i18n::told(&e))],
            },
            Effect::LoadOutboxCounts => vec![Read::OutboxCounts.run(store, ctx)],
            Effect::FetchMail => {
                let quiet = crate::service::progress::Quiet;
                let report = crate::service::mail::fetch::fetch(
                    store,
                    ctx,
                    &self.config.mail,
                    &quiet,
                    &crate::i18n::mail_detail,
                );
                vec![Msg::MailFetched(
                    report.map(Box::new).map_err(|e| crate::i18n::told(&e)),
                )]
            }
            Effect::SendMail => {
                let quiet = crate::service::progress::Quiet;
                let sent = crate::service::mail::outbox::send_due(store, ctx, &self.config.mail, &quiet);
                vec![Msg::MailSent(
                    sent.map(|r| (r.count("sent"), r.count("queued"), r.count("failed")))
                        .map_err(|e| crate::i18n::told(&e)),
                )]
            }
            Effect::SaveAttachment { id, path, overwrite } => vec![Msg::AttachmentSaved(
                crate::service::mail::attachment_file::save(store, id, &path, overwrite),
            )],
            Effect::LoadCustomerForEdit(id) => {
                loaded(customers::get(store, &id.to_string()).map(|c| Msg::CustomerForEdit(Box::new(c))))
            }
            Effect::Save(submission) => vec![match save(store, ctx, &self.config.mail, *submission) {
                Ok(saved) => Msg::Saved(saved),
                Err(e) => Msg::SaveFailed(failure(e)),
            }],
            Effect::LoadTriage(passed) => vec![Read::Triage { keep: None, passed }.run(store, ctx)],
            Effect::ReloadTriage(id, passed) => vec![Read::Triage { keep: Some(id), passed }.run(store, ctx)],
            Effect::TriageChange(seen, changes, text) => vec![Msg::TriageChanged(
                triage::change(store, ctx, &seen, &changes)
                    .map(|(_, undo)| (undo, text))
                    .map_err(failure),
            )],
            Effect::TriageUndo(undo) => vec![Msg::TriageUndone(
                triage::undo(store, ctx, &undo)
                    .map(|views| views.iter().map(|v| (v.ticket.id, v.ticket.version)).collect())
                    .map_err(failure),
            )],
            Effect::BeatTicket(ticket, at) => {
                // Presence is a courtesy: a heartbeat that fails (a busy
                // file, a ticket just deleted) is tried again next tick and
                // is not worth a message every second.
                let ctx = Ctx { now: at, ..ctx.clone() };
                match presence::beat(store, &ctx, ticket).and_then(|()| presence::others_on(store, &ctx, ticket)) {
                    Ok(others) => vec![Msg::Presence(ticket, others)],
                    Err(_) => Vec::new(),
                }
            }
            Effect::LeaveTicket(ticket) => {
                // Not leaving only means the heartbeat expires in 30 s.
                let _ = presence::leave(store, ctx, ticket);
                Vec::new()
            }
            Effect::LoadCurrent(record) => vec![Msg::Current(current(store, ctx, record).map_err(failure))],
            Effect::RunDemo => vec![Msg::DemoDone(run_demo(store, ctx, &self.config))],
            Effect::LoadReminders(ask) => vec![Read::Reminders(ask).run(store, ctx)],
            Effect::ReminderDone(id) => vec![Msg::ReminderDone(
                reminders::done(store, ctx, id)
                    .map(|_| id)
                    .map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::LoadDashboard(month, known) => vec![Read::Dashboard(month, known).run(store, ctx)],
            Effect::LoadQuality => vec![Read::Quality.run(store, ctx)],
            Effect::LoadMergeCounts(first, second) => vec![Msg::MergeCounts(
                first,
                second,
                merge::preview(store, first, second).map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::Merge { keep, duplicate } => vec![Msg::Merged(
                merge::merge(store, ctx, &keep.to_string(), &duplicate.to_string())
                    .map(Box::new)
                    .map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::FindInactive(days) => vec![Msg::InactiveFound(
                days,
                quality::archive_inactive(store, ctx, days, true).map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::ArchiveInactive(days) => vec![Msg::ArchivedInactive(
                days,
                quality::archive_inactive(store, ctx, days, false)
                    .map(|list| list.len())
                    .map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::LoadTags => vec![Msg::TagsInUse(
                crate::service::pickers::tags_in_use(store).map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::LoadMacros => vec![Msg::Macros(
                crate::service::macros::list(store).map_err(|e| crate::i18n::told(&e)),
            )],
            Effect::ApplyMacro { ticket, version, name } => vec![Msg::MacroApplied(
                crate::service::macros::apply(store, ctx, ticket, &name, Some(version))
                    .map(|done| (ticket, done.applied.name))
                    .map_err(failure),
            )],
            Effect::LoadArticles(query) => {
                let limit = crate::app::knowledge::SEARCH_LIMIT;
                let found = if query.trim().is_empty() {
                    kb::list(store, limit)
                } else {
                    kb::search(store, &query, limit)
                };
                vec![Msg::Articles(query, found.map_err(|e| crate::i18n::told(&e)))]
            }
            Effect::OpenEditor(_) | Effect::Suspend | Effect::Bell => Vec::new(),
        }
    }
}

fn save(
    store: &mut Database,
    ctx: &Ctx,
    mail: &crate::config::MailConfig,
    submission: Submission,
) -> Result<Saved, Error> {
    Ok(match submission {
        Submission::NewCustomer(input) => {
            let c = customers::add(store, ctx, &input)?;
            Saved::CustomerAdded {
                id: c.id,
                code: c.code,
                name: c.name,
            }
        }
        Submission::EditCustomer { id, version, input } => {
            let c = customers::edit(store, ctx, &id.to_string(), &input, Some(version))?;
            Saved::CustomerSaved { id: c.id, code: c.code }
        }
        Submission::NewTicket(input) => Saved::TicketOpened {
            id: tickets::add(store, ctx, &input)?.ticket.id,
        },
        Submission::EditTicket { id, version, changes } => {
            tickets::set(store, ctx, id, &changes, Some(version))?;
            Saved::TicketSaved { id }
        }
        Submission::Reply {
            ticket,
            summary,
            articles,
            send: true,
            ..
        } => {
            // Recorded and queued in one transaction; sent by the writer
            // thread right after (`Effect::SendMail`), never here.
            crate::service::mail::outbox::reply(store, ctx, mail, ticket, Some(&summary), articles.first().copied())?;
            Saved::Replied { ticket, by_mail: true }
        }
        Submission::Reply {
            ticket,
            summary,
            channel,
            articles,
            send: false,
        } => {
            if articles.is_empty() {
                tickets::reply(store, ctx, ticket, &summary, channel.as_deref())?;
            } else {
                kb::reply_using(store, ctx, ticket, &summary, channel.as_deref(), &articles)?;
            }
            Saved::Replied { ticket, by_mail: false }
        }
        Submission::Note {
            ticket,
            summary,
            articles,
        } => {
            if articles.is_empty() {
                tickets::note(store, ctx, ticket, &summary)?;
            } else {
                kb::note_using(store, ctx, ticket, &summary, &articles)?;
            }
            Saved::Noted { ticket }
        }
        Submission::Article(input) => {
            let a = kb::add(
                store,
                ctx,
                &input.title,
                &input.body,
                Some(&input.kind),
                input.tags.as_deref(),
            )?;
            Saved::ArticleAdded {
                id: a.id,
                title: a.title,
            }
        }
        Submission::Log(input) => Saved::Logged {
            customer_id: interactions::log(store, ctx, &input)?.customer_id,
        },
        Submission::Order(input) => {
            let order = orders::add(store, ctx, &input)?;
            Saved::OrderAdded {
                code: input.customer,
                amount_cents: order.amount_cents,
            }
        }
        Submission::CorrectOrder { kind, input } => {
            let line = match kind {
                CorrectionKind::Refund => orders::refund(store, ctx, &input)?,
                CorrectionKind::Cancel => orders::cancel(store, ctx, &input)?,
            };
            Saved::OrderCorrected {
                order: line.order.id,
                kind,
                amount_cents: line.corrections.last().map_or(0, |c| c.amount_cents),
                net_cents: line.net_cents(),
            }
        }
        Submission::Callback {
            ticket,
            outcome,
            summary,
        } => {
            let view = tickets::callback(store, ctx, ticket, &outcome, summary.as_deref())?;
            Saved::CallbackDone {
                ticket,
                code: view.ticket.customer_code,
                name: view.ticket.customer_name,
            }
        }
        Submission::Survey(input) => Saved::SurveyAdded {
            low: surveys::add(store, ctx, &input)?.scores.is_low(),
        },
        Submission::EditInteraction { id, summary } => {
            let edit = interactions::InteractionEdit {
                summary: Some(summary),
                body: None,
            };
            interactions::edit(store, ctx, id, &edit)?;
            Saved::InteractionEdited { id }
        }
        Submission::Reminder(input) => Saved::ReminderAdded {
            id: reminders::add(store, ctx, &input)?.id.unwrap_or_default(),
        },
    })
}

/// A record as stored now, with its audit trail, for the conflict dialog.
fn current(store: &mut Database, ctx: &Ctx, record: Record) -> Result<Box<Stored>, Error> {
    let stored = match record {
        Record::Customer(id) => Stored {
            current: Current::Customer(Box::new(customers::get(store, &id.to_string())?)),
            audit: customers::audit(store, id)?,
        },
        Record::Ticket(id) => {
            let detail = tickets::detail(store, ctx, id)?;
            Stored {
                current: Current::Ticket(Box::new(detail.view.ticket)),
                audit: detail.audit,
            }
        }
    };
    Ok(Box::new(stored))
}

fn failure(e: Error) -> Failure {
    Failure::of(e)
}

/// The sample data of `frontdesk demo` with its default sizes and seed.
fn run_demo(store: &mut Database, ctx: &Ctx, config: &Config) -> Result<(usize, usize), String> {
    // The defaults of `frontdesk demo` too, so the palette and the shell give the same data.
    demo::generate(store, ctx, config, demo::Sizes::DEFAULT, demo::DEFAULT_SEED)
        .map(|r| (r.customers, r.tickets))
        .map_err(|e| crate::i18n::told(&e))
}

/// Feeds `msg` to `update` and runs the effects it asks for, and those of
/// their results, until nothing is left. Effects that need the terminal go
/// to `terminal`.
pub fn pump(model: &mut Model, driver: &mut Driver, msg: Msg, terminal: &mut dyn FnMut(Effect) -> Vec<Msg>) {
    pump_via(model, driver, msg, terminal, &mut Some);
}

/// `pump`, except that `offload` may take an effect to run elsewhere (it
/// gives back those it does not take); its results come in later as
/// messages of their own. The event loop sends slow reads to the worker so.
pub fn pump_via(
    model: &mut Model,
    driver: &mut Driver,
    msg: Msg,
    terminal: &mut dyn FnMut(Effect) -> Vec<Msg>,
    offload: &mut dyn FnMut(Effect) -> Option<Effect>,
) {
    let mut queue = VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update(model, msg) {
            let Some(effect) = offload(effect) else {
                continue;
            };
            let results = match effect {
                Effect::OpenEditor(_) | Effect::Suspend | Effect::Bell => terminal(effect),
                other => driver.run(other),
            };
            queue.extend(results);
        }
    }
}
