//! Counting knowledge-base articles used in replies and notes written in
//! the terminal UI (`service::kb::reply_using` / `note_using`): each
//! article once per reply, with the reply in one transaction, so a refused
//! reply counts nothing.

use crate::ticket_support::{TicketDesk, at};
use frontdesk::domain::enums::Direction;
use frontdesk::service::tickets::{self, TicketInput};
use frontdesk::service::{Error, kb};

const NOW: &str = "2026-10-05T09:00:00Z";

fn now() -> chrono::DateTime<chrono::Utc> {
    at(NOW)
}

type Fixture = TicketDesk;

/// A customer with one ticket and two articles (ids 1 and 2).
fn fixture() -> Fixture {
    let ticket = TicketInput {
        kind: "complaint".into(),
        subject: "退款未到账".into(),
        ..Default::default()
    };
    let mut f = TicketDesk::new("li", NOW, NOW, "张三", ticket);
    let (store, ctx) = (&mut f.store, &f.ctx);
    kb::add(store, ctx, "退款流程", "三个工作日内到账。", Some("script"), None).unwrap();
    kb::add(store, ctx, "道歉话术", "非常抱歉给您带来不便。", Some("script"), None).unwrap();
    f
}

fn uses(f: &mut Fixture) -> (i64, i64) {
    let used = |f: &mut Fixture, id| kb::get(&mut f.store, id).unwrap().used_count;
    (used(f, 1), used(f, 2))
}

#[test]
fn each_article_counts_once_per_reply_or_note() {
    let mut f = fixture();
    let text = "非常抱歉给您带来不便。\n\n三个工作日内到账。\n\n三个工作日内到账。";
    let reply = kb::reply_using(&mut f.store, &f.ctx, f.ticket, text, None, &[2, 1, 1]).unwrap();
    assert_eq!((reply.direction, reply.summary.as_str()), (Direction::Outbound, text));
    assert_eq!(uses(&mut f), (1, 1));
    // A reply is the first response, as any reply is.
    let t = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap().view.ticket;
    assert_eq!(t.first_response_at, Some(now()));
    let note = kb::note_using(&mut f.store, &f.ctx, f.ticket, "内部：按退款流程处理", &[1]).unwrap();
    assert_eq!(note.direction, Direction::Note);
    assert_eq!(uses(&mut f), (2, 1));
    // Nothing inserted, nothing counted.
    kb::reply_using(&mut f.store, &f.ctx, f.ticket, "好的", Some("email"), &[]).unwrap();
    assert_eq!(uses(&mut f), (2, 1));
}

#[test]
fn a_refused_reply_or_note_counts_nothing() {
    let mut f = fixture();
    let replies: [(i64, &str, Option<&str>); 3] = [
        (f.ticket, "  ", None),
        (f.ticket, "text", Some("pigeon")),
        (999, "text", None),
    ];
    for (ticket, text, channel) in replies {
        let refused = kb::reply_using(&mut f.store, &f.ctx, ticket, text, channel, &[1, 2]);
        assert!(
            matches!(refused, Err(Error::Invalid(_) | Error::NotFound { .. })),
            "{ticket} {text:?} {channel:?}: {refused:?}"
        );
    }
    for (ticket, text) in [(f.ticket, ""), (999, "text")] {
        let refused = kb::note_using(&mut f.store, &f.ctx, ticket, text, &[1, 2]);
        assert!(
            matches!(refused, Err(Error::Invalid(_) | Error::NotFound { .. })),
            "{ticket} {text:?}: {refused:?}"
        );
    }
    assert_eq!(uses(&mut f), (0, 0));
    let detail = tickets::detail(&mut f.store, &f.ctx, f.ticket).unwrap();
    assert!(detail.interactions.is_empty());
}
