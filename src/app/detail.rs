//! The customer card and the ticket page as documents.

use super::doc::{Doc, piece};
use super::format::{self, local, local_short, money, state_role};
use super::model::Model;
use super::navigation::{LineTarget, Link};
use crate::app::theme::Role;
use crate::domain::audit::AuditEntry;
use crate::domain::sla::ClockView;
use crate::domain::text::sanitize_line;
use crate::i18n::{Strings, fill};
use crate::service::screens::CustomerCard;
use crate::service::tickets::{TicketDetail, TicketView};

const LABEL: usize = 16;

pub fn card_doc(model: &Model, card: &CustomerCard, width: usize) -> Doc {
    let (s, tz, now) = (model.strings, model.session.timezone, model.now);
    let c = &card.customer;
    let mut doc = Doc::new(width);
    doc.heading(s.card_contact);
    let masked = model.session.masked;
    for (key, value) in [
        ("contact", c.contact.clone()),
        ("phone", format::phone(&c.phone, masked)),
        ("email", format::email(&c.email, masked)),
        ("address", c.address.clone()),
        ("industry", c.industry.clone()),
    ] {
        doc.field(s.field(key), &value, LABEL);
    }
    doc.field(s.field("channel"), c.channel.map_or(s.dash, |ch| s.channel(ch)), LABEL);
    doc.heading(s.card_account);
    doc.field(s.field("kind"), s.customer_kind(c.kind), LABEL);
    let remark = |value: &str, remark: &str| fill(s.card_remark, &[("value", value), ("remark", remark)]);
    let tier = match c.tier_pinned {
        true => remark(s.tier(c.tier), s.card_pinned),
        false => s.tier(c.tier).to_string(),
    };
    doc.field(s.field("tier"), &tier, LABEL);
    doc.field(s.card_lifecycle, Strings::keyed(s.lifecycles, &c.lifecycle), LABEL);
    doc.field(s.card_lifetime_value, &money(c.lifetime_value_cents), LABEL);
    doc.field(
        s.field("since"),
        &c.since.map_or(s.dash.to_string(), |d| d.to_string()),
        LABEL,
    );
    // Not hidden in masked mode: a date alone does not identify anyone.
    if let Some(birthday) = c.birthday {
        doc.field(s.field("birthday"), &birthday.to_string(), LABEL);
    }
    let last = c.last_activity_at.map_or(s.dash.to_string(), |t| {
        remark(&local(t, tz), &format::ago(t, now, tz, s))
    });
    doc.field(s.card_last_contact, &last, LABEL);
    doc.field(s.field("owner"), &c.owner, LABEL);
    doc.field(s.field("tags"), &c.tags.join(", "), LABEL);
    if !c.notes.trim().is_empty() {
        doc.heading(s.card_notes);
        doc.paragraph(&c.notes, Role::Text, 2);
    }
    doc.heading(&remark(s.card_tickets, &card.tickets.len().to_string()));
    if card.tickets.is_empty() {
        doc.push(vec![piece(format!("  {}", s.card_no_tickets), Role::Muted)]);
    }
    for v in &card.tickets {
        ticket_line(&mut doc, model, v);
    }
    doc.heading(s.card_orders);
    if card.orders.is_empty() {
        doc.push(vec![piece(format!("  {}", s.card_no_orders), Role::Muted)]);
    }
    for line in &card.orders {
        let o = &line.order;
        // The number is what a refund or cancellation names.
        let mut pieces = vec![
            piece(format!("  #{:<6} {}  ", o.id, local_short(o.at, now, tz)), Role::Muted),
            piece(format!("{:>12}  ", money(o.amount_cents)), Role::Text),
        ];
        if line.cancelled() {
            pieces.push(piece(format!("{}  ", s.card_order_cancelled), Role::Notice));
        } else if !line.corrections.is_empty() {
            let net = fill(s.card_order_net, &[("amount", &money(line.net_cents()))]);
            pieces.push(piece(format!("{net}  "), Role::Notice));
        }
        pieces.push(piece(sanitize_line(&o.product), Role::Text));
        pieces.push(piece(format!("  {}", sanitize_line(&o.note)), Role::Muted));
        doc.push(pieces);
    }
    doc.heading(s.card_surveys);
    if card.surveys.is_empty() {
        doc.push(vec![piece(format!("  {}", s.card_no_surveys), Role::Muted)]);
    }
    for v in &card.surveys {
        let scores = fill(
            s.card_survey_scores,
            &[
                ("quality", &v.quality.to_string()),
                ("response", &v.response.to_string()),
                ("communication", &v.communication.to_string()),
            ],
        );
        let low = v.quality.min(v.response).min(v.communication) < 4;
        let line = vec![
            piece(format!("  {}  ", local_short(v.at, now, tz)), Role::Muted),
            piece(scores, if low { Role::AtRisk } else { Role::Text }),
            piece(v.ticket_id.map(|t| format!("  #{t}")).unwrap_or_default(), Role::Muted),
        ];
        // A survey about a ticket is a link to it.
        match v.ticket_id {
            Some(ticket) => doc.push_link(line, Link::Ticket(ticket)),
            None => doc.push(line),
        }
        if !v.comment.trim().is_empty() {
            doc.paragraph(&v.comment, Role::Text, 4);
        }
    }
    audit_section(&mut doc, model, &card.audit);
    doc
}

/// A record's audit trail under "Changes": when, who, which field, from
/// what to what. One rendering for the ticket page and the customer card;
/// phones and e-mails stay hidden in screen-sharing mode.
pub fn audit_section(doc: &mut Doc, model: &Model, audit: &[AuditEntry]) {
    let (s, tz, now) = (model.strings, model.session.timezone, model.now);
    if audit.is_empty() {
        return;
    }
    doc.heading(s.ticket_changes);
    let masked = model.session.masked;
    let shown = |field: &str, value: &str| match field {
        "phone" => format::phone(value, masked),
        "email" => format::email(value, masked),
        // Stored values of enum fields (status `open`) read in the catalogue's words.
        _ if value.is_empty() => String::new(),
        _ => s.choice(field, value).to_string(),
    };
    for e in audit {
        let old = e.old_value.as_deref().map(|v| shown(&e.field, v));
        let new = e.new_value.as_deref().map(|v| shown(&e.field, v));
        let change = match (old, new) {
            (Some(old), Some(new)) => format!("{old} → {new}"),
            (None, Some(new)) => new,
            (Some(old), None) => format!("{old} → {}", s.dash),
            (None, None) => String::new(),
        };
        doc.push(vec![
            piece(format!("  {} ", local_short(e.at, now, tz)), Role::Muted),
            piece(
                format!("{} ", crate::domain::text::fit(&sanitize_line(&e.agent), 10)),
                Role::Muted,
            ),
            piece(format!("{} ", sanitize_line(s.field(&e.field))), Role::Text),
            piece(sanitize_line(&change), Role::Text),
        ]);
    }
}

fn ticket_line(doc: &mut Doc, model: &Model, v: &TicketView) {
    let s = model.strings;
    let t = &v.ticket;
    // Each ticket line is a link: Enter opens the ticket page.
    doc.push_link(
        vec![
            piece(format!("  #{:<5} ", t.id), Role::Muted),
            piece(crate::domain::text::fit(s.status(t.status), 9), Role::Text),
            piece(
                crate::domain::text::fit(s.priority(t.priority), 7),
                format::priority_role(t.priority),
            ),
            piece(crate::domain::text::fit(s.kind(t.kind), 12), Role::Text),
            piece(sanitize_line(&t.subject), Role::Text),
            piece(
                format!("  {}", local_short(t.opened_at, model.now, model.session.timezone)),
                Role::Muted,
            ),
        ],
        Link::Ticket(t.id),
    );
}

pub fn ticket_doc(model: &Model, detail: &TicketDetail, thread: super::mail::Thread, width: usize) -> Doc {
    let (s, tz, now) = (model.strings, model.session.timezone, model.now);
    let t = &detail.view.ticket;
    let mut doc = Doc::new(width);
    super::presence::banner(&mut doc, model, t.id);
    // The customer line is a link: Enter opens the card.
    doc.field_link(
        s.field("customer"),
        &format!("{} {}", t.customer_code, t.customer_name),
        LABEL,
        Link::Customer(t.customer_id),
    );
    let kind = if t.category.is_empty() {
        s.kind(t.kind).to_string()
    } else {
        format!("{} · {}", s.kind(t.kind), s.category(&t.category))
    };
    doc.field(s.field("kind"), &kind, LABEL);
    doc.field(s.field("priority"), s.priority(t.priority), LABEL);
    doc.field(s.field("status"), s.status(t.status), LABEL);
    doc.field(s.field("channel"), s.channel(t.channel), LABEL);
    doc.field(s.ticket_department, or_dash(&t.department, s), LABEL);
    doc.field(s.field("assignee"), or_dash(&t.assignee, s), LABEL);
    if !t.tags.is_empty() {
        doc.field(s.field("tags"), &t.tags.join(s.macros.list_separator), LABEL);
    }
    doc.field(s.ticket_opened, &local(t.opened_at, tz), LABEL);
    super::triage::triaged_field(&mut doc, model, t, LABEL);
    doc.field(s.ticket_version, &t.version.to_string(), LABEL);
    if t.reopen_count > 0 {
        doc.push(vec![piece(
            fill(s.ticket_reopened, &[("count", &t.reopen_count.to_string())]),
            Role::AtRisk,
        )]);
    }
    sla_section(&mut doc, model, &detail.view);
    if !t.description.trim().is_empty() {
        doc.heading(s.ticket_description);
        doc.paragraph(&t.description, Role::Text, 2);
    }
    if !detail.interactions.is_empty() {
        doc.heading(s.ticket_history);
        for i in &detail.interactions {
            // A message of an e-mail ticket shows as mail: sender, new
            // text, the quoted history folded, its outbox state.
            if super::mail::message(&mut doc, model, t, i, thread) {
                continue;
            }
            // Each interaction is a link: `e` (or Enter) edits its text here,
            // as `e` does on its line in the timeline.
            doc.push_link(
                vec![
                    piece(format!("  {} ", local_short(i.at, now, tz)), Role::Muted),
                    piece(s.direction_mark(i.direction), format::direction_role(Some(i.direction))),
                    piece(
                        format!(" {} ", crate::domain::text::fit(s.channel(i.channel), 7)),
                        Role::Muted,
                    ),
                    piece(
                        format!("{} ", crate::domain::text::fit(&sanitize_line(&i.agent), 10)),
                        Role::Muted,
                    ),
                ],
                LineTarget::Interaction(i.id),
            );
            doc.paragraph(&i.summary, Role::Text, 6);
        }
    }
    super::mail::attachments(&mut doc, model, thread.mail);
    audit_section(&mut doc, model, &detail.audit);
    doc
}

/// The SLA clocks and the urgency breakdown of a ticket.
pub fn sla_section(doc: &mut Doc, model: &Model, view: &TicketView) {
    let s = model.strings;
    let (t, sla) = (&view.ticket, &view.sla);
    doc.heading(s.ticket_sla);
    for (label, clock) in [
        (s.clock_first_response, &sla.first_response),
        (s.clock_resolution, &sla.resolution),
        (s.clock_callback, &sla.callback),
    ] {
        doc.push(clock_line(model, label, clock));
    }
    if let Some(outcome) = t.callback_outcome {
        doc.field(s.callback_outcome, s.outcome(outcome), LABEL);
    }
    // The score is a sort key (minutes overdue times a thousand, plus tie-breakers): what
    // an agent needs is the reasons, strongest first, not the points.
    if !view.urgency.parts.is_empty() {
        doc.heading(s.ticket_urgency);
        for part in &view.urgency.parts {
            doc.push(vec![
                piece("  · ", Role::Muted),
                piece(
                    crate::i18n::urgency::reason(model.strings, view, part.factor, model.now),
                    Role::Text,
                ),
            ]);
        }
    }
}

fn or_dash<'a>(text: &'a str, s: &'a Strings) -> &'a str {
    if text.trim().is_empty() { s.dash } else { text }
}

fn clock_line(model: &Model, label: &str, clock: &ClockView) -> Vec<super::doc::Piece> {
    let s = model.strings;
    let mut line = vec![piece(
        format!("  {}", crate::domain::text::fit(label, LABEL)),
        Role::Muted,
    )];
    let Some(state) = clock.state else {
        line.push(piece(s.clock_no_target, Role::Muted));
        return line;
    };
    line.push(piece(
        crate::domain::text::fit(s.sla_state(state), 10),
        state_role(Some(state)),
    ));
    if let Some(due) = clock.due {
        line.push(piece(
            fill(s.clock_due, &[("when", &local(due, model.session.timezone))]),
            Role::Text,
        ));
        if clock.done_at.is_none() {
            let left = (due - model.now).num_seconds();
            line.push(piece(
                format!("  {}", format::countdown(left, s)),
                state_role(Some(state)),
            ));
        }
    }
    if let Some(done) = clock.done_at {
        line.push(piece(
            format!(
                "  {}",
                fill(s.clock_done, &[("when", &local(done, model.session.timezone))])
            ),
            Role::Muted,
        ));
    }
    line
}
