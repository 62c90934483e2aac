//! Columns that fit their data, on the real screen: ticket numbers of seven digits and
//! customer codes stay whole at 80 and 120 columns, in English and Chinese, while long
//! Chinese company names and subjects are cut by display width.

use crate::tui_support::{self, App, now, seed};

use chrono::Duration;
use frontdesk::config::Config;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::i18n::Lang;
use frontdesk::service::tickets::TicketInput;
use frontdesk::service::{Ctx, customers, tickets};
use frontdesk::store::Store;

const BIG: i64 = 1_234_566;

/// After [`seed`]: a closed ticket stored under number 1234566 so the next ones are
/// numbered 1234567 and up, opened for a company with a long Chinese name.
fn seed_big_numbers(store: &mut Store, _config: &Config) {
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.execute(
        "INSERT INTO tickets (id, customer_id, kind, subject, status, opened_at, closed_at, created_at, updated_at)
         VALUES (?1, 1, 'inquiry', 'old', 'closed', 0, 0, 0, 0)",
        [BIG],
    )
    .unwrap();
    drop(conn);
    let ctx = Ctx::new("li", now() - Duration::hours(1));
    let input = CustomerInput {
        name: Some("北京华联商厦股份有限公司华东分公司".into()),
        ..Default::default()
    };
    let code = customers::add(store, &ctx, &input).unwrap().code;
    for subject in ["发票抬头错误，需要重新开具增值税专用发票", "Delivery arrived damaged"] {
        let input = TicketInput {
            customer: code.clone(),
            kind: "complaint".into(),
            subject: subject.into(),
            priority: Some("urgent".into()),
            channel: Some("phone".into()),
            ..Default::default()
        };
        tickets::add(store, &ctx, &input).unwrap();
    }
}

#[test]
fn numbers_and_codes_stay_whole_at_every_size() {
    let runs = [(Lang::En, "")].into_iter().chain([(Lang::ZhCn, "_zh")]);
    for (lang, tag) in runs {
        for (width, height) in tui_support::ZH_SIZES {
            let app = App::seeded_in(lang, &[seed, seed_big_numbers], width, height);
            let screen = app.screen(width, height);
            for number in [BIG + 1, BIG + 2] {
                assert!(
                    screen.contains(&format!(" {number} ")),
                    "{lang:?} {width}: #{number}\n{screen}"
                );
            }
            assert!(
                screen.contains("C2026007 "),
                "{lang:?} {width}: the new customer's code\n{screen}"
            );
            insta::assert_snapshot!(format!("big_numbers{tag}_{width}x{height}"), screen);
        }
    }
}
