//! What the terminal UI's integration tests share: a database made through
//! the services with a fixed clock, and the model driven by keys through the
//! same driver as the event loop, with no terminal.

#![allow(dead_code)]

use chrono::{DateTime, Duration, Utc};
use frontdesk::app::keymap::Keymap;
use frontdesk::app::keys::Key;
use frontdesk::app::model::{Model, Session};
use frontdesk::app::msg::Msg;
use frontdesk::app::theme::Theme;
use frontdesk::config::Config;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::i18n::Lang;
use frontdesk::service::interactions::LogInput;
use frontdesk::service::surveys::SurveyInput;
use frontdesk::service::tickets::{TicketChanges, TicketInput};
use frontdesk::service::{Ctx, customers, interactions, setup, surveys, tickets};
use frontdesk::store::{OpenOptions, Store};
use frontdesk::tui::effects::{Driver, pump};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::path::PathBuf;

/// Every scene snapshotted in English at its own size is also taken in
/// Chinese at both of these.
pub const ZH_SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

pub fn now() -> DateTime<Utc> {
    "2026-10-05T09:30:00Z".parse().unwrap()
}

fn customer(store: &mut Store, ctx: &Ctx, name: &str, extra: impl FnOnce(&mut CustomerInput)) -> String {
    let mut input = CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    };
    extra(&mut input);
    customers::add(store, ctx, &input).unwrap().code
}

fn ticket(store: &mut Store, ctx: &Ctx, customer: &str, kind: &str, priority: &str, subject: &str) -> i64 {
    let input = TicketInput {
        customer: customer.into(),
        kind: kind.into(),
        subject: subject.into(),
        priority: Some(priority.into()),
        channel: Some("phone".into()),
        body: Some(format!(
            "{subject}\n客户说：买了三天就出现问题，希望尽快处理。\tTab and \u{1b}]0;title\u{7}escapes."
        )),
        ..Default::default()
    };
    tickets::add(store, ctx, &input).unwrap().ticket.id
}

/// Customers with Chinese and English names, tickets in several states, and
/// a history for 张三; written hour by hour before `now`.
pub fn seed(store: &mut Store, config: &Config) {
    let at = |hours_ago: i64| {
        let mut ctx = Ctx::new("li", now() - Duration::hours(hours_ago));
        ctx.settings.at_risk_share = config.sla.at_risk_share;
        ctx
    };
    setup::ensure_defaults(store, &at(48), config).unwrap();
    let ctx = at(40);
    let zhang = customer(store, &ctx, "张三", |c| {
        c.phone = Some("13812345678".into());
        c.email = Some("zhang.san@example.com".into());
        c.tier = Some("high-value".into());
        c.tags = Some("vip, 电子".into());
        c.contact = Some("张三".into());
        c.address = Some("上海市浦东新区世纪大道100号".into());
    });
    let li = customer(store, &ctx, "李四贸易有限公司", |c| {
        c.kind = Some("company".into());
        c.contact = Some("王经理".into());
        c.tier = Some("potential".into());
    });
    let ouyang = customer(store, &ctx, "欧阳娜娜", |c| c.tier = Some("at-risk".into()));
    let alice = customer(store, &ctx, "Alice Wong", |c| {
        c.email = Some("alice@example.com".into())
    });
    customer(store, &ctx, "王小明同学的超长名字用来测试截断", |_| {});
    customer(store, &ctx, "Evil\u{1b}[31mRed\u{7}", |_| {});
    let t1 = ticket(
        store,
        &at(30),
        &zhang,
        "complaint",
        "urgent",
        "产品质量问题：屏幕有坏点",
    );
    let t2 = ticket(store, &at(20), &alice, "inquiry", "normal", "Where is my order?");
    let t3 = ticket(store, &at(10), &li, "repair", "high", "打印机无法开机，需要上门维修");
    let t4 = ticket(store, &at(5), &ouyang, "request", "low", "希望增加发票抬头");
    let log = |store: &mut Store, hours: i64, channel: &str, direction: &str, summary: &str| {
        let input = LogInput {
            customer: zhang.clone(),
            channel: channel.into(),
            direction: Some(direction.into()),
            summary: summary.into(),
            ticket: None,
            at: None,
        };
        interactions::log(store, &at(hours), &input).unwrap();
    };
    log(store, 29, "phone", "in", "客户来电询问维修进度");
    tickets::reply(store, &at(28), t1, "已安排工程师明天上门检查", None).unwrap();
    tickets::note(store, &at(27), t1, "备件库存不足，需要从总仓调货").unwrap();
    log(store, 3, "email", "out", "Sent the replacement schedule");
    let changes = TicketChanges {
        assignee: Some("wang".into()),
        ..Default::default()
    };
    tickets::set(store, &at(2), t3, &changes, None).unwrap();
    let pending = TicketChanges {
        status: Some("pending".into()),
        ..Default::default()
    };
    tickets::set(store, &at(1), t4, &pending, None).unwrap();
    let _ = t2;
}

/// Extra history for the dashboard, after [`seed`]: eight weeks of tickets answered in
/// time or late and resolved, surveys in September and October, and 陈静, a customer at
/// risk with two complaints this month and a low survey.
pub fn seed_dashboard(store: &mut Store, config: &Config) {
    let at = |hours_ago: i64| {
        let mut ctx = Ctx::new("li", now() - Duration::hours(hours_ago));
        ctx.settings.at_risk_share = config.sla.at_risk_share;
        ctx
    };
    let days = |d: i64| d * 24;
    let bob = customer(store, &at(days(70)), "Bob Smith", |c| c.tier = Some("standard".into()));
    let chen = customer(store, &at(days(70)), "陈静", |c| c.phone = Some("13900001111".into()));
    // Week by week, oldest first: tickets opened on the Tuesday (or so) of each week, the
    // first answered in 30 minutes (in time), every other second one after 3 hours (late),
    // resolved a day later.
    for week in 0..8i64 {
        let opened = days(7 * (7 - week) + 3) + 2;
        for n in 0..=(week % 3) {
            let hours = opened - n;
            let id = ticket(
                store,
                &at(hours),
                &bob,
                "inquiry",
                "normal",
                &format!("Question {week}.{n}"),
            );
            if hours <= 2 {
                continue;
            }
            let late = n == 1;
            let reply_at = if late { at(hours - 3) } else { at(hours) };
            let reply_at = Ctx {
                now: reply_at.now + Duration::minutes(30),
                ..reply_at
            };
            tickets::reply(store, &reply_at, id, "Answered", None).unwrap();
            // The first of each week is resolved, the others in every other week.
            if hours > 24 && (n == 0 || week % 2 == 0) {
                tickets::resolve(store, &at(hours - 24), id, Some("Done")).unwrap();
            }
        }
    }
    let survey = |store: &mut Store, hours: i64, customer: &str, scores: [&str; 3]| {
        add_survey(store, &at(hours), customer, scores);
    };
    // September.
    survey(store, days(20), &bob, ["5", "4", "4"]);
    survey(store, days(15), &bob, ["3", "3", "4"]);
    // October (from the 1st in Shanghai).
    survey(store, days(3), &bob, ["5", "5", "5"]);
    survey(store, days(2), &bob, ["4", "4", "5"]);
    survey(store, 20, &chen, ["2", "2", "1"]);
    ticket(store, &at(days(3)), &chen, "complaint", "high", "送货延误两次");
    ticket(store, &at(30), &chen, "complaint", "urgent", "发票开错了");
}

/// A survey of `customer` (code) with the scores quality, response, communication.
pub fn add_survey(store: &mut Store, ctx: &Ctx, customer: &str, scores: [&str; 3]) {
    let input = SurveyInput {
        customer: customer.into(),
        ticket: None,
        quality: scores[0].into(),
        response: scores[1].into(),
        communication: scores[2].into(),
        comment: None,
    };
    surveys::add(store, ctx, &input).unwrap();
}

pub struct App {
    pub model: Model,
    pub driver: Driver,
    /// The database file, for a second connection (another agent).
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl App {
    pub fn new(with_data: bool, width: u16, height: u16) -> App {
        App::new_in(Lang::En, with_data, width, height)
    }

    /// Like [`App::new`], speaking `lang`.
    pub fn new_in(lang: Lang, with_data: bool, width: u16, height: u16) -> App {
        let seeds: &[fn(&mut Store, &Config)] = if with_data { &[seed] } else { &[] };
        App::seeded_in(lang, seeds, width, height)
    }

    /// A database made by `seeds`, in order (e.g. `&[seed, seed_dashboard]`).
    pub fn seeded(seeds: &[fn(&mut Store, &Config)], width: u16, height: u16) -> App {
        App::seeded_in(Lang::En, seeds, width, height)
    }

    /// Like [`App::seeded`], speaking `lang`: the model takes that language's
    /// catalogue, whatever the machine's locale.
    pub fn seeded_in(lang: Lang, seeds: &[fn(&mut Store, &Config)], width: u16, height: u16) -> App {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::defaults();
        let path = dir.path().join("snap.db");
        let mut store = Store::create(&path, &OpenOptions::default()).unwrap();
        for seed in seeds {
            seed(&mut store, &config);
        }
        let session = Session {
            database: "~/frontdesk/demo.db".into(),
            agent: "li".into(),
            timezone: config.sla.timezone.parse().unwrap(),
            clock_fixed: true,
            masked: false,
        };
        let model = Model::new(lang.strings(), Keymap::default(), Theme::default(), session, now());
        let driver = Driver::new(store, Ctx::new("li", now()), config, true);
        let mut app = App {
            model,
            driver,
            path,
            _dir: dir,
        };
        app.send(Msg::Resize(width, height));
        app.send(Msg::ExternalChange);
        app
    }

    pub fn send(&mut self, msg: Msg) {
        pump(&mut self.model, &mut self.driver, msg, &mut |_| Vec::new());
        while self.model.busy() {
            pump(&mut self.model, &mut self.driver, Msg::Continue, &mut |_| Vec::new());
        }
    }

    /// Keys in the keymap syntax, space-separated; `"text"` types text.
    pub fn keys(&mut self, keys: &str) -> &mut App {
        for key in keys.split_whitespace() {
            self.send(Msg::Key(Key::parse(key).expect("a valid key")));
        }
        self
    }

    pub fn text(&mut self, text: &str) -> &mut App {
        for c in text.chars() {
            self.send(Msg::Key(Key::char(c)));
        }
        self
    }

    /// One frame, drawn as the event loop draws it.
    pub fn buffer(&self, width: u16, height: u16) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frontdesk::ui::render(&self.model, frame))
            .unwrap();
        terminal.backend().buffer().clone()
    }

    /// The screen as text, one line per row; the cell after a wide
    /// character is covered by it and left out.
    pub fn screen(&self, width: u16, height: u16) -> String {
        let buffer = self.buffer(width, height);
        let mut out = String::new();
        for y in 0..height {
            let mut covered = 0;
            for x in 0..width {
                let symbol = buffer[(x, y)].symbol();
                if covered > 0 {
                    covered -= 1;
                    continue;
                }
                covered = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                out.push_str(symbol);
            }
            out.push('\n');
        }
        out
    }
}
