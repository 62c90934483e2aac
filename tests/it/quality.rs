//! The Data quality view of the terminal UI against a real database,
//! driven by keys: likely duplicates with their evidence, customers missing
//! contact details, merging a pair (either way round, cancelled, refused),
//! filling in a missing phone, archiving the inactive; and the view and the
//! merge confirmation as snapshots.

use crate::tui_support;

use chrono::Duration;
use frontdesk::app::msg::Msg;
use frontdesk::app::quality::{Confirm, Row};
use frontdesk::config::Config;
use frontdesk::domain::customer::{Customer, CustomerInput};
use frontdesk::service::interactions::LogInput;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, customers, interactions, roles, tickets};
use frontdesk::store::{CustomerQuery, OpenOptions, Store};
use tui_support::{App, now, seed};

const ZHANG: &str = "张三";
/// 张三 typed with the wrong character of the same reading, and the same
/// mobile number written with the country code.
const ZHANG_TYPO: &str = "章三";
const ZHANG_TYPO_PHONE: &str = "+86 138 1234 5678";
/// Not heard of for more than a year: archived by the default 365 days.
const DORMANT: &str = "赵老客户";

fn add(store: &mut Store, ctx: &Ctx, name: &str, phone: &str) -> String {
    let input = CustomerInput {
        name: Some(name.into()),
        phone: Some(phone.into()),
        ..Default::default()
    };
    customers::add(store, ctx, &input).unwrap().code
}

/// After the shared seed: 章三 (same phone and pinyin as 张三) with a
/// ticket and a contact of its own, Alice Wang (one letter from Alice
/// Wong), and a customer added 400 days ago and never heard of since.
fn seed_quality(store: &mut Store, _config: &Config) {
    let at = |hours_ago: i64| Ctx::new("li", now() - Duration::hours(hours_ago));
    let typo = add(store, &at(6), ZHANG_TYPO, ZHANG_TYPO_PHONE);
    let input = TicketInput {
        customer: typo.clone(),
        kind: "inquiry".into(),
        subject: "发票什么时候寄出？".into(),
        priority: Some("normal".into()),
        channel: Some("phone".into()),
        ..Default::default()
    };
    tickets::add(store, &at(5), &input).unwrap();
    let log = LogInput {
        customer: typo,
        channel: "phone".into(),
        direction: Some("in".into()),
        summary: "来电问发票".into(),
        ticket: None,
        at: None,
    };
    interactions::log(store, &at(5), &log).unwrap();
    add(store, &at(4), "Alice Wang", "021-5555 0101");
    add(store, &at(24 * 400), DORMANT, "13700000000");
}

fn app(width: u16, height: u16) -> App {
    app_in(frontdesk::i18n::Lang::En, width, height)
}

fn app_in(lang: frontdesk::i18n::Lang, width: u16, height: u16) -> App {
    App::seeded_in(lang, &[seed, seed_quality], width, height)
}

/// A second connection: another agent, or a look at what was written.
fn other_agent(app: &App) -> Store {
    Store::open(&app.path, &OpenOptions::default()).unwrap()
}

fn by_name(app: &App, name: &str) -> Customer {
    let mut store = other_agent(app);
    let query = CustomerQuery {
        include_archived: true,
        ..Default::default()
    };
    let found = customers::list(&mut store, &query, None).unwrap();
    let code = found
        .iter()
        .find(|c| c.name == name)
        .map(|c| c.code.clone())
        .unwrap_or_else(|| panic!("{name} among the customers"));
    customers::get(&mut store, &code).unwrap()
}

/// Archived or not, by code.
fn customer(app: &App, code: &str) -> Customer {
    customers::get(&mut other_agent(app), code).unwrap()
}

fn ticket_owners(app: &App) -> Vec<(String, i64)> {
    let mut store = other_agent(app);
    let ctx = Ctx::new("li", now());
    (1..=5)
        .map(|id| {
            let t = tickets::get(&mut store, &ctx, id).unwrap().ticket;
            (t.subject, t.customer_id)
        })
        .collect()
}

fn message(app: &App) -> (String, bool) {
    let m = app.model.message.as_ref().expect("a footer message");
    (m.text.clone(), m.error)
}

/// Moves the selection to the pair of these two names (either order).
fn select_pair(app: &mut App, a: &str, b: &str) {
    app.keys("g g");
    let view = app.model.screens.quality().expect("the Data quality view");
    let index = view
        .review
        .duplicates
        .iter()
        .position(|p| {
            let names = [p.first.name.as_str(), p.second.name.as_str()];
            names.contains(&a) && names.contains(&b)
        })
        .unwrap_or_else(|| panic!("the pair {a} / {b}"));
    for _ in 0..index {
        app.keys("j");
    }
}

/// Moves the selection to the customer missing contact details of this name.
fn select_missing(app: &mut App, name: &str) {
    app.keys("g g");
    let view = app.model.screens.quality().expect("the Data quality view");
    let index = view
        .review
        .missing_contact
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("{name} missing contact details"));
    for _ in 0..view.review.duplicates.len() + index {
        app.keys("j");
    }
}

fn pairs(app: &App) -> Vec<(String, String)> {
    let view = app.model.screens.quality().expect("the Data quality view");
    view.review
        .duplicates
        .iter()
        .map(|p| (p.first.name.clone(), p.second.name.clone()))
        .collect()
}

fn missing(app: &App) -> Vec<String> {
    let view = app.model.screens.quality().expect("the Data quality view");
    view.review.missing_contact.iter().map(|c| c.name.clone()).collect()
}

#[test]
fn h_lists_the_pairs_with_their_evidence_and_the_customers_missing_contacts() {
    let mut app = app(120, 40);
    app.keys("h");
    let screen = app.screen(120, 40);
    assert!(screen.contains("Data quality"), "{screen}");
    assert!(screen.contains("Likely duplicates (2)"), "{screen}");
    // The phone written two ways is one number; the two names one reading.
    assert!(
        screen.contains("same phone 13812345678") && screen.contains("same pinyin zhangsan"),
        "{screen}"
    );
    assert!(screen.contains(ZHANG) && screen.contains(ZHANG_TYPO), "{screen}");
    assert!(
        screen.contains("Alice Wong") && screen.contains("similar name"),
        "{screen}"
    );
    assert!(screen.contains("Missing contact details (4)"), "{screen}");
    assert!(
        screen.contains("欧阳娜娜") && screen.contains("李四贸易有限公司"),
        "{screen}"
    );
    // Escape sequences in a name never reach the terminal.
    assert!(!screen.contains('\u{1b}'), "{screen}");
    assert_eq!(missing(&app).len(), 4);
    // Esc goes back to the panes.
    app.keys("<Esc>");
    assert!(app.model.screens.quality().is_none());
    assert!(app.screen(120, 40).contains("Customers"));
}

#[test]
fn masked_mode_masks_the_shared_phone() {
    let mut app = app(120, 40);
    app.model.session.masked = true;
    app.keys("h");
    let screen = app.screen(120, 40);
    assert!(screen.contains("same phone 138****5678"), "{screen}");
    assert!(!screen.contains("13812345678"), "{screen}");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("M");
    let modal = app.screen(120, 40);
    assert!(
        !modal.contains("13812345678") && !modal.contains("zhang.san@"),
        "{modal}"
    );
}

#[test]
fn full_screen_modes_give_way_to_each_other() {
    let mut app = app(120, 40);
    app.keys("h");
    assert!(app.model.screens.quality().is_some());
    app.send(Msg::Action(frontdesk::app::Action::Reminders));
    assert!(app.model.screens.quality().is_none() && app.model.screens.reminders().is_some());
    app.send(Msg::Action(frontdesk::app::Action::DataQuality));
    assert!(app.model.screens.quality().is_some() && app.model.screens.reminders().is_none());
}

#[test]
fn merge_confirmed_moves_the_history_archives_the_duplicate_and_drops_the_pair() {
    let mut app = app(120, 40);
    let (zhang, typo) = (by_name(&app, ZHANG), by_name(&app, ZHANG_TYPO));
    app.keys("h");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("M");
    let modal = app.screen(120, 40);
    assert!(modal.contains("Merge duplicate customers"), "{modal}");
    // 章三 brings its one ticket and one contact to 张三.
    assert!(
        modal.contains(&format!("Moves to {}:", zhang.code))
            && modal.contains("1 ticket, 1 interaction, 0 orders, 0 surveys, 0 reminders"),
        "{modal}"
    );
    app.keys("y");
    let (text, error) = message(&app);
    assert!(
        !error && text.contains(&format!("Merged {} into {}", typo.code, zhang.code)),
        "{text}"
    );
    let owners = ticket_owners(&app);
    assert!(owners.iter().all(|(_, owner)| *owner != typo.id), "{owners:?}");
    assert!(customer(&app, &typo.code).archived);
    assert!(!customer(&app, &zhang.code).archived);
    assert!(!pairs(&app).iter().any(|(a, b)| a == ZHANG_TYPO || b == ZHANG_TYPO));
    assert!(app.model.screens.quality().unwrap().confirm.is_none());
    assert!(!app.screen(120, 40).contains(ZHANG_TYPO));
}

#[test]
fn merge_after_swapping_keeps_the_other_customer() {
    let mut app = app(120, 40);
    let (zhang, typo) = (by_name(&app, ZHANG), by_name(&app, ZHANG_TYPO));
    app.keys("h");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("M <Tab>");
    let Some(Confirm::Merge(m)) = &app.model.screens.quality().unwrap().confirm else {
        panic!("the merge confirmation");
    };
    assert_eq!((m.keep.id, m.duplicate.id), (typo.id, zhang.id));
    // 张三 brings more: a ticket and three contacts of the seed.
    let modal = app.screen(120, 40);
    assert!(modal.contains(&format!("Moves to {}:", typo.code)), "{modal}");
    // → swaps back, ← again.
    app.keys("<Right> <Left> y");
    assert!(customer(&app, &zhang.code).archived);
    assert!(!customer(&app, &typo.code).archived);
    let owners = ticket_owners(&app);
    assert!(owners.iter().all(|(_, owner)| *owner != zhang.id), "{owners:?}");
    assert!(owners.iter().any(|(_, owner)| *owner == typo.id));
}

#[test]
fn merge_cancelled_changes_nothing() {
    for cancel in ["<Esc>", "n"] {
        let mut app = app(120, 40);
        let before = ticket_owners(&app);
        app.keys("h");
        select_pair(&mut app, ZHANG, ZHANG_TYPO);
        app.keys("M").keys(cancel);
        let view = app.model.screens.quality().expect("still in the view");
        assert!(view.confirm.is_none(), "{cancel}");
        assert_eq!(ticket_owners(&app), before, "{cancel}");
        assert!(!by_name(&app, ZHANG_TYPO).archived);
        assert_eq!(pairs(&app).len(), 2);
    }
}

#[test]
fn m_on_a_customer_missing_contacts_says_it_needs_a_pair() {
    let mut app = app(120, 40);
    app.keys("h");
    select_missing(&mut app, "欧阳娜娜");
    app.keys("M");
    let (text, error) = message(&app);
    assert!(error && text.contains("pair"), "{text}");
    assert!(app.model.screens.quality().unwrap().confirm.is_none());
}

#[test]
fn a_plain_agent_is_refused_with_the_services_words_and_nothing_changes() {
    let mut app = app(120, 40);
    {
        // Once agents are listed, li (the app's agent) acts as a plain agent.
        let mut store = other_agent(&app);
        let ctx = Ctx::new("wang", now());
        roles::add_agent(&mut store, &ctx, "wang", "admin", None).unwrap();
        roles::add_agent(&mut store, &ctx, "li", "agent", None).unwrap();
    }
    app.send(Msg::ExternalChange);
    let before = ticket_owners(&app);
    app.keys("h");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("M y");
    let (text, error) = message(&app);
    assert!(error && text.contains("supervisor or admin"), "{text}");
    assert_eq!(ticket_owners(&app), before);
    assert!(!by_name(&app, ZHANG_TYPO).archived);
    assert_eq!(pairs(&app).len(), 2);
    // Archiving too: the dry run counts, the archiving is refused.
    app.keys("A y");
    let (text, error) = message(&app);
    assert!(error && text.contains("supervisor or admin"), "{text}");
    assert!(!by_name(&app, DORMANT).archived);
}

#[test]
fn enter_opens_the_card_of_the_rows_customer() {
    let mut app = app(120, 40);
    app.keys("h");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("<Enter>");
    let card = app.screen(120, 40);
    assert!(card.contains("上海市浦东新区"), "{card}");
    // Esc closes the card, back on the list.
    app.keys("<Esc>");
    assert!(app.model.screens.detail().is_none() && app.model.screens.quality().is_some());
}

#[test]
fn e_on_a_missing_contact_then_a_phone_saved_removes_the_row() {
    let mut app = app(120, 40);
    app.keys("h");
    select_missing(&mut app, "欧阳娜娜");
    assert!(matches!(
        app.model.screens.quality().unwrap().selected(),
        Some(Row::Missing(c)) if c.name == "欧阳娜娜"
    ));
    app.keys("e");
    let form = app.model.screens.form().expect("the customer form");
    // The row is about contact details: the form opens on the phone.
    assert_eq!(form.focused().map(|f| f.key), Some("phone"));
    app.text("13911112222").keys("<C-s>");
    assert!(app.model.screens.form().is_none(), "{}", app.screen(120, 40));
    assert_eq!(by_name(&app, "欧阳娜娜").phone, "13911112222");
    assert!(!missing(&app).contains(&"欧阳娜娜".to_string()));
    assert_eq!(missing(&app).len(), 3);
    assert!(app.model.screens.quality().is_some(), "still in the view");
}

#[test]
fn a_bad_phone_is_refused_by_the_form_and_nothing_is_written() {
    let mut app = app(120, 40);
    app.keys("h");
    select_missing(&mut app, "欧阳娜娜");
    app.keys("e").text("call me").keys("<C-s>");
    let form = app.model.screens.form().expect("the form stays open");
    let phone = form.fields.iter().find(|f| f.key == "phone").unwrap();
    assert!(phone.error.is_some());
    assert_eq!(by_name(&app, "欧阳娜娜").phone, "");
}

#[test]
fn a_archives_the_inactive_after_a_dry_run_and_n_does_not() {
    let mut app = app(120, 40);
    let dormant = by_name(&app, DORMANT);
    app.keys("h A");
    let modal = app.screen(120, 40);
    assert!(modal.contains("Archive inactive customers"), "{modal}");
    assert!(
        modal.contains("365 days") && modal.contains("1 customer inactive for 365 days"),
        "{modal}"
    );
    assert!(modal.contains(&dormant.code), "{modal}");
    app.keys("n");
    assert!(!customer(&app, &dormant.code).archived);
    app.keys("A y");
    let (text, error) = message(&app);
    assert!(
        !error && text.contains("Archived 1 customer inactive for 365 days"),
        "{text}"
    );
    assert!(customer(&app, &dormant.code).archived);
    // Only it: every other customer is still live.
    assert!(!by_name(&app, ZHANG).archived);
}

#[test]
fn other_days_are_typed_and_looked_up_again() {
    let mut app = app(120, 40);
    let dormant = by_name(&app, DORMANT);
    app.keys("h A <Backspace> <Backspace> <Backspace>").text("500");
    let modal = app.screen(120, 40);
    assert!(
        modal.contains("500 days") && modal.contains("nothing to archive"),
        "{modal}"
    );
    app.keys("y");
    let (text, _) = message(&app);
    assert!(text.contains("Nothing to archive"), "{text}");
    assert!(!customer(&app, &dormant.code).archived);
    // Zero days: the service's rule, naming the field; nothing archived.
    app.keys("A <Backspace> <Backspace> <Backspace>").text("0");
    let modal = app.screen(120, 40);
    assert!(
        modal.contains("days") && modal.contains("must be from 1 to 36500"),
        "{modal}"
    );
    app.keys("y");
    assert!(app.model.screens.quality().unwrap().confirm.is_some());
    app.keys("<Esc>");
    assert!(!customer(&app, &dormant.code).archived);
}

#[test]
fn another_agents_write_is_read_again() {
    let mut app = app(120, 40);
    app.keys("h");
    assert_eq!(missing(&app).len(), 4);
    {
        let mut store = other_agent(&app);
        let input = CustomerInput {
            name: Some("无联系方式".into()),
            ..Default::default()
        };
        customers::add(&mut store, &Ctx::new("wang", now()), &input).unwrap();
    }
    app.send(Msg::ExternalChange);
    assert!(missing(&app).contains(&"无联系方式".to_string()));
}

#[test]
fn data_quality_at_120x40() {
    let mut app = app(120, 40);
    app.keys("h");
    insta::assert_snapshot!("data_quality_120x40", app.screen(120, 40));
}

#[test]
fn merge_confirmation_at_120x40() {
    let mut app = app(120, 40);
    app.keys("h");
    select_pair(&mut app, ZHANG, ZHANG_TYPO);
    app.keys("M");
    insta::assert_snapshot!("merge_confirmation_120x40", app.screen(120, 40));
}

#[test]
fn data_quality_at_80x24() {
    let mut app = app(80, 24);
    app.keys("h");
    insta::assert_snapshot!("data_quality_80x24", app.screen(80, 24));
}

#[test]
fn small_screens_never_panic() {
    for (w, h) in [(40, 10), (20, 5), (1, 1)] {
        let mut app = app(w, h);
        app.keys("h j j G M");
        app.screen(w, h);
        app.keys("<Esc> A");
        app.screen(w, h);
    }
}

#[test]
fn archive_confirmation_at_120x40() {
    let mut app = app(120, 40);
    app.keys("h A");
    insta::assert_snapshot!("archive_confirmation_120x40", app.screen(120, 40));
}

#[test]
fn an_open_archive_confirmation_counts_again_after_another_agents_write() {
    let mut app = app(120, 40);
    app.keys("h A");
    assert!(app.screen(120, 40).contains("1 customer inactive for 365 days"));
    {
        let mut store = other_agent(&app);
        let long_ago = Ctx::new("wang", now() - Duration::days(500));
        add(&mut store, &long_ago, "钱久未联系", "13600000000");
    }
    app.send(Msg::ExternalChange);
    let modal = app.screen(120, 40);
    assert!(
        modal.contains("2 customers inactive for 365 days") && modal.contains("钱久未联系"),
        "{modal}"
    );
    app.keys("y");
    assert!(by_name(&app, "钱久未联系").archived && by_name(&app, DORMANT).archived);
}

#[test]
fn help_and_palette_know_the_view_and_its_actions_stay_in_it() {
    let mut app = app(120, 40);
    app.keys(": ").text("merge");
    let palette = app.screen(120, 40);
    assert!(
        !palette.contains("Merge duplicates"),
        "only offered in the view: {palette}"
    );
    app.keys("<Esc> h :").text("merge");
    let palette = app.screen(120, 40);
    assert!(palette.contains("Merge duplicates"), "{palette}");
    // Run from the palette, it asks like M does.
    app.keys("<Enter>");
    assert!(matches!(
        app.model.screens.quality().unwrap().confirm,
        Some(Confirm::Merge(_))
    ));
    app.keys("<Esc> ?");
    assert!(app.model.screens.help().is_some());
    let help = app.model.help_doc();
    let text: Vec<String> = help
        .lines
        .iter()
        .map(|l| l.iter().map(|p| p.text.as_str()).collect())
        .collect();
    assert!(text.iter().any(|l| l.contains("Data quality")), "{text:#?}");
    assert!(text.iter().any(|l| l.contains("Swap kept and duplicate")), "{text:#?}");
}

/// A large file can hold more likely pairs than anyone scrolls through: the
/// view lists the strongest and says how many there are in all.
#[test]
fn only_the_strongest_pairs_are_listed_and_the_heading_says_of_how_many() {
    let mut app = app(120, 40);
    {
        let mut store = other_agent(&app);
        let ctx = Ctx::new("li", now());
        // Groups of ten sharing a phone: 45 pairs each, and ten is not yet "too common"
        // to count as evidence.
        for group in 0..12 {
            for member in 0..10 {
                add(
                    &mut store,
                    &ctx,
                    &format!("Group{group} Member{member}"),
                    &format!("1390000{group:04}"),
                );
            }
        }
    }
    app.send(Msg::ExternalChange);
    app.keys("h");
    let review = &app.model.screens.quality().unwrap().review;
    let total = review.duplicates_total;
    assert!(total > frontdesk::service::quality::REVIEW_PAIRS, "{total}");
    assert_eq!(review.duplicates.len(), frontdesk::service::quality::REVIEW_PAIRS);
    let screen = app.screen(120, 40);
    let heading = format!("Likely duplicates (the strongest 500 of {total})");
    assert!(screen.contains(&heading), "{screen}");
    assert!(screen.contains(&format!("{total} likely duplicates")), "{screen}");
}

/// The view, the merge and the archive confirmations in Chinese at both sizes.
#[test]
fn data_quality_in_chinese() {
    for (width, height) in tui_support::ZH_SIZES {
        let app_zh = || app_in(frontdesk::i18n::Lang::ZhCn, width, height);
        let mut app = app_zh();
        app.keys("h");
        insta::assert_snapshot!(format!("data_quality_zh_{width}x{height}"), app.screen(width, height));
        select_pair(&mut app, ZHANG, ZHANG_TYPO);
        app.keys("M");
        insta::assert_snapshot!(
            format!("merge_confirmation_zh_{width}x{height}"),
            app.screen(width, height)
        );
        let mut app = app_zh();
        app.keys("h A");
        insta::assert_snapshot!(
            format!("archive_confirmation_zh_{width}x{height}"),
            app.screen(width, height)
        );
    }
}
