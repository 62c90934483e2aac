//! Render snapshots of the terminal UI at 80×24 and 120×40: the main
//! screen, a ticket, a form with an error, help, the customer card and the
//! welcome of an empty database. The data is made through the services on a
//! temporary file with a fixed clock, and the model is driven by keys
//! through the same driver the event loop uses, so every run draws the
//! same screens.

use chrono::{DateTime, Duration, Utc};
use frontdesk::app::keys::Key;
use frontdesk::app::model::{Model, Session};
use frontdesk::app::msg::Msg;
use frontdesk::config::Config;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::interactions::LogInput;
use frontdesk::service::tickets::{TicketChanges, TicketInput};
use frontdesk::service::{Ctx, customers, interactions, setup, tickets};
use frontdesk::store::{OpenOptions, Store};
use frontdesk::tui::effects::{Driver, pump};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn now() -> DateTime<Utc> {
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
fn seed(store: &mut Store, config: &Config) {
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

struct App {
    model: Model,
    driver: Driver,
    _dir: tempfile::TempDir,
}

impl App {
    fn new(with_data: bool, width: u16, height: u16) -> App {
        let dir = tempfile::tempdir().unwrap();
        let config = Config::defaults();
        let mut store = Store::open(&dir.path().join("snap.db"), &OpenOptions::default()).unwrap();
        if with_data {
            seed(&mut store, &config);
        }
        let session = Session {
            database: "~/frontdesk/demo.db".into(),
            agent: "li".into(),
            timezone: config.sla.timezone.parse().unwrap(),
            clock_fixed: true,
        };
        let model = Model::new(
            frontdesk::strings::get(),
            config.keymap.clone(),
            config.theme.clone(),
            session,
            now(),
        );
        let driver = Driver::new(store, Ctx::new("li", now()), config, true);
        let mut app = App {
            model,
            driver,
            _dir: dir,
        };
        app.send(Msg::Resize(width, height));
        app.send(Msg::ExternalChange);
        app
    }

    fn send(&mut self, msg: Msg) {
        pump(&mut self.model, &mut self.driver, msg, &mut |_| Vec::new());
        while self.model.busy() {
            pump(&mut self.model, &mut self.driver, Msg::Continue, &mut |_| Vec::new());
        }
    }

    /// Keys in the keymap syntax, space-separated; `"text"` types text.
    fn keys(&mut self, keys: &str) -> &mut App {
        for key in keys.split_whitespace() {
            self.send(Msg::Key(Key::parse(key).expect("a valid key")));
        }
        self
    }

    fn text(&mut self, text: &str) -> &mut App {
        for c in text.chars() {
            self.send(Msg::Key(Key::char(c)));
        }
        self
    }

    /// The screen as text, one line per row; the cell after a wide
    /// character is covered by it and left out.
    fn screen(&self, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| frontdesk::ui::render(&self.model, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
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

fn each_size(name: &str, prepare: impl Fn(&mut App)) {
    for (width, height) in SIZES {
        let mut app = App::new(true, width, height);
        prepare(&mut app);
        let screen = app.screen(width, height);
        assert!(!screen.contains('\u{1b}'), "an escape reached the screen");
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
    }
}

#[test]
fn main_screen() {
    each_size("main", |_| {});
}

#[test]
fn main_screen_filtered_by_pinyin() {
    each_size("filter_pinyin", |app| {
        app.keys("/ z s");
    });
}

#[test]
fn ticket_page() {
    each_size("ticket", |app| {
        // The queue's first ticket: the most overdue one.
        app.keys("2 g g <Enter>");
    });
}

#[test]
fn form_with_an_error() {
    each_size("form_error", |app| {
        app.keys("1 n").text("赵六");
        app.keys("<Tab> <Tab> <Tab> <Tab>").text("12");
        app.keys("<Tab>");
    });
}

#[test]
fn help() {
    each_size("help", |app| {
        app.keys("?");
    });
}

/// 张三's complaint: a reply, a note, and a met first response.
#[test]
fn ticket_page_with_history() {
    each_size("ticket_history", |app| {
        app.keys("2 / z h a n g <Enter> <Enter>");
    });
}

#[test]
fn customer_card() {
    each_size("card", |app| {
        app.keys("1 / z s <Enter> <Enter>");
    });
}

#[test]
fn palette() {
    each_size("palette", |app| {
        app.keys(":").text("rep");
    });
}

#[test]
fn welcome_on_an_empty_database() {
    for (width, height) in SIZES {
        let app = App::new(false, width, height);
        insta::assert_snapshot!(format!("welcome_{width}x{height}"), app.screen(width, height));
    }
}
