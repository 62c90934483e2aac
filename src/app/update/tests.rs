//! Key-sequence tests of `update`: no terminal, no file. Data arrives as
//! the messages the driver would send; effects are checked as data.

use crate::app::forms::Failure;
use crate::app::keymap::Keymap;
use crate::app::keys::Key;
use crate::app::model::{Detail, Model, Session};
use crate::app::msg::{Effect, Mouse, MouseKind, Msg, Saved};
use crate::app::panes::PaneId;
use crate::app::theme::Theme;
use crate::app::update;
use crate::domain::enums::{Channel, Priority, TicketKind, TicketStatus, Tier};
use crate::domain::error::Invalid;
use crate::domain::ticket::Ticket;
use crate::domain::urgency::Urgency;
use crate::service::customers::CustomerSearchRow;
use crate::service::customers::SearchIndex;
use crate::service::screens::CustomerRow;
use crate::service::screens::{Counts, Overview};
use crate::service::tickets::TicketView;
use chrono::{DateTime, Utc};

mod drafts;
mod editing;
mod forms;
mod navigation;
mod paste;
mod pickers;
mod saves;
mod screens;

pub(crate) fn now() -> DateTime<Utc> {
    "2026-10-05T09:30:00Z".parse().unwrap()
}

fn model() -> Model {
    model_with_clock(true)
}

/// A model at 120x40 at [`now`]; with `clock_fixed` false its clock moves with the ticks.
pub(crate) fn model_with_clock(clock_fixed: bool) -> Model {
    let session = Session {
        database: "test.db".into(),
        agent: "li".into(),
        timezone: chrono_tz::Asia::Shanghai,
        clock_fixed,
        masked: false,
    };
    let mut m = Model::new(crate::i18n::get(), Keymap::default(), Theme::default(), session, now());
    update(&mut m, Msg::Resize(120, 40));
    m
}

const PEOPLE: &[(&str, &str)] = &[
    ("C2026001", "Alice Wong"),
    ("C2026002", "张三"),
    ("C2026003", "李四"),
    ("C2026004", "王小明"),
];

fn overview(people: &[(&str, &str)], tickets: Vec<TicketView>) -> Msg {
    let rows = people
        .iter()
        .enumerate()
        .map(|(i, (code, name))| CustomerRow {
            id: i as i64 + 1,
            code: code.to_string(),
            name: name.to_string(),
            tier: Tier::Standard,
            open_tickets: 0,
            last_contact: None,
        })
        .collect::<Vec<_>>();
    let search = rows
        .iter()
        .map(|r| CustomerSearchRow {
            id: r.id,
            code: r.code.clone(),
            name: r.name.clone(),
            contact: String::new(),
            phone: String::new(),
            email: String::new(),
            last_activity: 100 - r.id,
        })
        .collect();
    Msg::Overview(Box::new(Overview {
        picks: Default::default(),
        customers: rows,
        search: SearchIndex::new(search),
        queue: tickets,
        counts: Counts::default(),
    }))
}

pub(crate) fn ticket(id: i64, customer_id: i64, customer_name: &str, subject: &str) -> TicketView {
    TicketView {
        ticket: Ticket {
            id,
            external_id: None,
            customer_id,
            customer_code: format!("C202600{customer_id}"),
            customer_name: customer_name.into(),
            customer_tier: Tier::Standard,
            kind: TicketKind::Complaint,
            category: String::new(),
            priority: Priority::High,
            channel: Channel::Phone,
            subject: subject.into(),
            description: String::new(),
            status: TicketStatus::Open,
            department: String::new(),
            assignee: String::new(),
            opened_at: now(),
            first_response_at: None,
            resolved_at: None,
            closed_at: None,
            reopen_count: 0,
            callback_at: None,
            callback_outcome: None,
            updated_at: now(),
            version: 3,
            triaged_by: None,
            triaged_at: None,
            tags: Vec::new(),
        },
        sla: Default::default(),
        urgency: Urgency {
            score: 0,
            breached: false,
            band: crate::domain::urgency::Band::Current,
            parts: vec![],
        },
    }
}

/// A model with the four customers and two tickets loaded.
pub(crate) fn loaded() -> Model {
    let mut m = model();
    let tickets = vec![
        ticket(7, 2, "张三", "屏幕坏点"),
        ticket(8, 1, "Alice Wong", "Late delivery"),
    ];
    update(&mut m, overview(PEOPLE, tickets));
    m
}

/// Presses keys written in the keymap syntax ("j j / z s <Enter>"), and
/// returns the effects of the last one.
fn press(m: &mut Model, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys.split_whitespace().map(|k| Key::parse(k).expect("a valid key")) {
        effects = update(m, Msg::Key(key));
    }
    effects
}

fn type_text(m: &mut Model, text: &str) {
    for c in text.chars() {
        update(m, Msg::Key(Key::char(c)));
    }
}

fn selected_customer(m: &Model) -> &str {
    m.customers.selected().map_or("", |c| c.name.as_str())
}

#[test]
fn the_timeline_follows_the_selection_in_either_list() {
    let mut m = model();
    let effects = update(&mut m, overview(PEOPLE, vec![ticket(7, 2, "张三", "屏幕坏点")]));
    // The views bar's counts follow every read of the queue.
    assert!(matches!(
        effects.as_slice(),
        [Effect::LoadViews(None), Effect::LoadTimeline(1)]
    ));
    assert!(matches!(press(&mut m, "j").as_slice(), [Effect::LoadTimeline(2)]));
    assert_eq!(selected_customer(&m), "张三");
    // The queue's ticket belongs to customer 2 already: nothing to load.
    assert!(press(&mut m, "2").is_empty());
    assert_eq!(m.focus, PaneId::Queue);
    assert!(matches!(press(&mut m, "1 k").as_slice(), [Effect::LoadTimeline(1)]));
    // An answer for a customer no longer followed is dropped.
    update(&mut m, Msg::Timeline(2, Vec::new()));
    assert!(m.timeline.loading);
}

#[test]
fn slash_filters_customers_by_pinyin_and_esc_clears() {
    let mut m = loaded();
    press(&mut m, "G");
    assert_eq!(selected_customer(&m), "王小明");
    press(&mut m, "/ z s");
    assert!(m.filtering());
    assert_eq!(m.customers.list.len(), 1);
    let (row, hits) = m.customers.list.get(0).unwrap();
    assert_eq!((row.name.as_str(), hits), ("张三", &[0, 1][..]));
    // While typing, letters are text: `j` and `q` do not move or quit.
    press(&mut m, "<Backspace> <Backspace> w a n g");
    assert_eq!(selected_customer(&m), "王小明");
    assert!(!m.quit);
    press(&mut m, "<Enter>");
    assert!(!m.filtering());
    assert_eq!(m.customers.list.filter.text(), "wang");
    press(&mut m, "<Esc>");
    assert_eq!(m.customers.list.len(), 4);
    assert_eq!(selected_customer(&m), "王小明", "the selection stays on the record");
}

#[test]
fn the_queue_filters_on_customer_names_and_numbers() {
    let mut m = loaded();
    press(&mut m, "2 / l a t e");
    assert_eq!(m.queue.list.len(), 1);
    assert_eq!(m.queue.selected().unwrap().ticket.id, 8);
    press(&mut m, "<Esc> / z h a n g");
    assert_eq!(m.queue.selected().unwrap().ticket.id, 7);
}

#[test]
fn movement_keys_and_chords() {
    let mut m = loaded();
    press(&mut m, "G");
    assert_eq!(m.customers.list.cursor.selected, 3);
    press(&mut m, "g");
    assert_eq!(m.pending, vec![Key::char('g')], "waiting for the second g");
    press(&mut m, "g");
    assert_eq!(m.customers.list.cursor.selected, 0);
    // A chord that goes nowhere drops its first key: `g j` is `j`.
    press(&mut m, "g j");
    assert_eq!(m.customers.list.cursor.selected, 1);
    assert!(m.pending.is_empty());
    press(&mut m, "<End> <Home> <PageDown>");
    assert_eq!(m.customers.list.cursor.selected, 3);
    press(&mut m, "<PageUp> <Down> <Up>");
    assert_eq!(m.customers.list.cursor.selected, 0);
}

#[test]
fn focus_keys_cycle_and_number() {
    let mut m = loaded();
    press(&mut m, "<Tab>");
    assert_eq!(m.focus, PaneId::Queue);
    press(&mut m, "<Tab>");
    assert_eq!(m.focus, PaneId::Timeline);
    press(&mut m, "<Tab>");
    assert_eq!(m.focus, PaneId::Customers);
    press(&mut m, "<S-Tab>");
    assert_eq!(m.focus, PaneId::Timeline);
    press(&mut m, "1");
    assert_eq!(m.focus, PaneId::Customers);
}

#[test]
fn keys_reserved_for_marks_and_undo_are_free_outside_triage() {
    let m = loaded();
    for key in ['x', 'X', 'u'] {
        let found = m.keymap.lookup(&m.chain(), &[Key::char(key)]);
        assert_eq!(found, crate::app::keymap::Lookup::Nothing, "{key}");
    }
}

#[test]
fn enter_opens_the_card_and_the_ticket_and_esc_closes() {
    let mut m = loaded();
    press(&mut m, "j");
    assert!(matches!(press(&mut m, "<Enter>").as_slice(), [Effect::LoadCard(2)]));
    assert!(matches!(m.screens.detail(), Some(Detail::Card { id: 2, .. })));
    // In the card, `q` closes it rather than quitting.
    press(&mut m, "q");
    assert!(m.screens.detail().is_none() && !m.quit);
    // Opening a ticket announces it to the other agents; closing it leaves.
    assert!(matches!(
        press(&mut m, "2 <Enter>").as_slice(),
        [Effect::LoadTicket(7), Effect::BeatTicket(7, _)]
    ));
    assert!(matches!(press(&mut m, "<Esc>").as_slice(), [Effect::LeaveTicket(7)]));
    assert!(m.screens.detail().is_none());
}

#[test]
fn quitting_with_a_ticket_open_leaves_it_and_ticks_beat_for_it() {
    let mut m = loaded();
    press(&mut m, "2 <Enter>");
    let later = m.now + chrono::Duration::seconds(5);
    let effects = update(&mut m, Msg::Tick(later));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::BeatTicket(7, at) if *at == later)),
        "{effects:?}"
    );
    assert!(matches!(press(&mut m, "<C-c>").as_slice(), [Effect::LeaveTicket(7)]));
    assert!(m.quit);
}

#[test]
fn help_and_palette_are_generated_from_the_keymap() {
    let mut m = loaded();
    press(&mut m, "?");
    let help: Vec<String> = m
        .help_doc()
        .lines
        .iter()
        .map(|l| l.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert!(
        help.iter().any(|l| l.contains("g g") && l.contains("Go to the top")),
        "{help:?}"
    );
    press(&mut m, "j");
    assert_eq!(m.screens.help().unwrap().scroll.top, 1);
    press(&mut m, "q");
    assert!(m.screens.help().is_none() && !m.quit);
    press(&mut m, ":");
    type_text(&mut m, "new");
    let first = m.screens.palette().unwrap().list.get(0).unwrap().0;
    assert_eq!((first.label.as_str(), first.keys.as_str()), ("New", "n"));
    press(&mut m, "<Enter>");
    assert!(m.screens.palette().is_none());
    assert_eq!(m.screens.form().unwrap().title, "New customer");
}

#[test]
fn ticket_actions_need_a_ticket() {
    let mut m = loaded();
    press(&mut m, "r");
    assert!(m.screens.form().is_none());
    assert!(m.message.as_ref().unwrap().error);
    press(&mut m, "2 r");
    assert_eq!(m.screens.form().unwrap().title, "Reply to #7");
    press(&mut m, "<Esc> i");
    assert_eq!(m.screens.form().unwrap().title, "Internal note on #7");
    // `l` from the queue logs on the selected ticket's customer and ticket.
    press(&mut m, "<Esc> l");
    let form = m.screens.form().unwrap();
    assert_eq!((form.value("customer"), form.value("ticket")), ("C2026002", "7"));
    // `n` in the queue opens a ticket for the customer the timeline shows.
    press(&mut m, "<Esc> n");
    assert_eq!(m.screens.form().unwrap().value("customer"), "C2026002");
}

#[test]
fn quitting_and_suspending() {
    let mut m = loaded();
    press(&mut m, "n <C-c>");
    assert!(m.screens.form().is_none() && !m.quit, "Ctrl-C closes a form first");
    assert!(matches!(press(&mut m, "<C-z>").as_slice(), [Effect::Suspend]));
    press(&mut m, "/ <C-c>");
    assert!(m.quit);
    let mut m = loaded();
    press(&mut m, "q");
    assert!(m.quit);
}

#[test]
fn the_mouse_focuses_selects_and_scrolls() {
    let mut m = loaded();
    let queue = m.screen().queue.unwrap();
    // The second row of the queue: border, views bar, column titles, then rows.
    let click = Mouse {
        kind: MouseKind::Click,
        column: queue.x + 3,
        row: queue.y + 4,
    };
    update(&mut m, Msg::Mouse(click));
    assert_eq!(m.focus, PaneId::Queue);
    assert_eq!(m.queue.selected().unwrap().ticket.id, 8);
    let customers = m.screen().customers;
    let wheel = Mouse {
        kind: MouseKind::ScrollDown,
        column: customers.x + 2,
        row: customers.y + 4,
    };
    update(&mut m, Msg::Mouse(wheel));
    assert_eq!((m.focus, m.customers.list.cursor.selected), (PaneId::Customers, 3));
}

#[test]
fn another_agents_write_reloads_without_losing_place_or_form() {
    let mut m = loaded();
    press(&mut m, "j j n");
    type_text(&mut m, "half typed");
    let effects = update(&mut m, Msg::ExternalChange);
    assert!(matches!(effects.first(), Some(Effect::LoadOverview)));
    // The reload brings the customers in another order.
    let mut people = PEOPLE.to_vec();
    people.reverse();
    update(&mut m, overview(&people, Vec::new()));
    assert_eq!(m.screens.form().unwrap().value("name"), "half typed");
    // Ids follow the order given, so 李四 is id 2 now and was id 3 before:
    // the selection follows the id it had.
    assert_eq!(m.customers.selected().unwrap().id, 3);
}

#[test]
fn an_empty_database_offers_the_demo_only_when_empty() {
    let mut m = model();
    update(&mut m, overview(&[], Vec::new()));
    assert!(m.is_empty_database());
    assert!(matches!(
        update(&mut m, Msg::Action(crate::app::Action::Demo)).as_slice(),
        [Effect::RunDemo]
    ));
    let mut m = loaded();
    assert!(update(&mut m, Msg::Action(crate::app::Action::Demo)).is_empty());
    assert!(m.message.as_ref().unwrap().error);
}

#[test]
fn the_clock_ticks_unless_fixed_and_messages_fade() {
    let mut m = loaded();
    m.say("hello".into());
    let later = now() + chrono::Duration::seconds(90);
    for _ in 0..crate::app::model::MESSAGE_TICKS {
        update(&mut m, Msg::Tick(later));
    }
    assert!(m.message.is_none());
    assert_eq!(m.now, now(), "a fixed clock stands still");
    m.session.clock_fixed = false;
    let effects = update(&mut m, Msg::Tick(later));
    assert_eq!(m.now, later);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadQueue]),
        "SLA states are re-read each minute"
    );
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut m = model();
    let people: Vec<(String, String)> = (1..=100).map(|i| (format!("C{i:07}"), format!("客户{i}"))).collect();
    let people: Vec<(&str, &str)> = people.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect();
    update(&mut m, overview(&people, Vec::new()));
    press(&mut m, "G");
    update(&mut m, Msg::Resize(80, 24));
    let cursor = m.customers.list.cursor;
    let height = m.list_height(PaneId::Customers);
    assert_eq!(cursor.selected, 99);
    assert!(cursor.offset <= 99 && 99 < cursor.offset + height);
    press(&mut m, "z");
    assert_eq!(m.fold_timeline, Some(false));
}

#[test]
fn a_large_search_runs_in_slices_and_ranks_like_the_cli() {
    let names = ["张三", "赵四", "周正", "王五", "Zoe Smith", "曾子", "李四"];
    let people: Vec<(String, String)> = (0..5000)
        .map(|i| (format!("C{i:07}"), format!("{}{}", names[i % names.len()], i)))
        .collect();
    let people: Vec<(&str, &str)> = people.iter().map(|(c, n)| (c.as_str(), n.as_str())).collect();
    let mut m = model();
    update(&mut m, overview(&people, Vec::new()));
    let cli_order = |query: &str| -> Vec<i64> {
        let rows: Vec<CustomerSearchRow> = people
            .iter()
            .enumerate()
            .map(|(i, (code, name))| CustomerSearchRow {
                id: i as i64 + 1,
                code: code.to_string(),
                name: name.to_string(),
                contact: String::new(),
                phone: String::new(),
                email: String::new(),
                last_activity: 100 - (i as i64 + 1),
            })
            .collect();
        SearchIndex::new(rows).find(query)
    };
    let shown = |m: &Model| -> Vec<i64> {
        (0..m.customers.list.len())
            .map(|i| m.customers.list.get(i).unwrap().0.id)
            .collect()
    };
    press(&mut m, "/ z");
    assert!(m.busy(), "5000 customers take more than one slice");
    let mut steps = 0;
    while m.busy() {
        update(&mut m, Msg::Continue);
        steps += 1;
    }
    assert!(steps >= 2);
    assert_eq!(shown(&m), cli_order("z"));
    // One more letter searches only the matches of "z", with the same result.
    press(&mut m, "s");
    while m.busy() {
        update(&mut m, Msg::Continue);
    }
    assert_eq!(shown(&m), cli_order("zs"));
    // Backspace brings the earlier result back at once.
    press(&mut m, "<Backspace>");
    assert!(!m.busy());
    assert_eq!(shown(&m), cli_order("z"));
}

#[test]
fn typing_after_slash_in_the_narrow_layout_goes_to_the_filter() {
    let mut m = model();
    update(&mut m, overview(&[("C1", "张三"), ("C2", "李四")], Vec::new()));
    update(&mut m, Msg::Resize(80, 24));
    press(&mut m, "/");
    type_text(&mut m, "zhangsan");
    assert_eq!(m.customers.list.filter.text(), "zhangsan");
}

/// Background reads overlap saves: a reload read before the save arrives
/// first and must not use up the wish to select the saved record.
#[test]
fn a_reload_read_before_the_save_keeps_the_new_record_to_select() {
    let added = |m: &mut Model| {
        update(
            m,
            Msg::Saved(Saved::CustomerAdded {
                id: 5,
                code: "C2026005".into(),
                name: "赵六".into(),
            }),
        );
    };
    let mut with_new = PEOPLE.to_vec();
    with_new.push(("C2026005", "赵六"));
    // (reloads arriving in order, selected after them, wish still waiting)
    type People<'a> = &'a [(&'a str, &'a str)];
    let cases: [(Vec<People>, &str, bool); 3] = [
        (vec![&with_new], "赵六", false),
        (vec![PEOPLE], "Alice Wong", true),
        (vec![PEOPLE, &with_new], "赵六", false),
    ];
    for (reloads, selected, waiting) in cases {
        let mut m = loaded();
        added(&mut m);
        for people in &reloads {
            update(&mut m, overview(people, Vec::new()));
        }
        assert_eq!(selected_customer(&m), selected, "{reloads:?}");
        assert_eq!(m.select_after_load.is_some(), waiting, "{reloads:?}");
    }
    // A ticket the fresh rows do not have (closed meanwhile): the wish ends.
    let mut m = loaded();
    update(&mut m, Msg::Saved(Saved::TicketOpened { id: 9 }));
    let before = vec![ticket(7, 2, "张三", "屏幕坏点"), ticket(8, 1, "Alice Wong", "Late")];
    update(&mut m, overview(PEOPLE, before));
    assert_eq!(m.select_after_load, Some((PaneId::Queue, 9)), "read before the ticket");
    let after = vec![ticket(7, 2, "张三", "屏幕坏点"), ticket(10, 1, "Alice Wong", "Later")];
    update(&mut m, overview(PEOPLE, after));
    assert!(m.select_after_load.is_none(), "read after it, without it");
}

#[test]
fn at_start_the_queue_is_read_before_the_customers_then_only_with_them() {
    let mut m = model();
    let effects = update(&mut m, Msg::ExternalChange);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadQueueHead, Effect::LoadOverview, ..]),
        "{effects:?}"
    );
    let mut m = loaded();
    let effects = update(&mut m, Msg::ExternalChange);
    assert!(
        !effects.iter().any(|e| matches!(e, Effect::LoadQueueHead)),
        "{effects:?}"
    );
}

#[test]
fn the_queue_head_shows_until_the_whole_queue_comes_and_never_after() {
    let mut m = model();
    m.dirty = false;
    update(&mut m, Msg::QueueHead(vec![ticket(7, 2, "张三", "屏幕坏点")]));
    assert_eq!(m.queue.list.len(), 1, "the first rows before the customers");
    assert!(m.dirty);
    let whole = vec![
        ticket(7, 2, "张三", "屏幕坏点"),
        ticket(8, 1, "Alice Wong", "Late delivery"),
    ];
    update(&mut m, overview(PEOPLE, whole));
    assert_eq!(m.queue.list.len(), 2, "the overview brings the whole queue");
    // A head arriving late (a reload asked for it before) never shows less.
    update(&mut m, Msg::QueueHead(vec![ticket(9, 1, "Alice Wong", "Refund")]));
    assert_eq!(m.queue.list.len(), 2);
}
