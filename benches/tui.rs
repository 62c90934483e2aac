//! The terminal UI's hot paths: one filter keystroke over 100,000
//! customers, and one frame at 120×40 and 200×60. Targets: a keystroke
//! under 16 ms (one frame at 60 Hz), a frame under 2 ms.
//!
//! `cargo bench --bench tui` prints the median and the worst of each.

use chrono::{DateTime, Utc};
use frontdesk::app::keys::{Key, KeyCode};
use frontdesk::app::model::{Model, Session};
use frontdesk::app::{Msg, update};
use frontdesk::config::keymap::Keymap;
use frontdesk::config::theme::Theme;
use frontdesk::domain::enums::Tier;
use frontdesk::service::customers::SearchIndex;
use frontdesk::service::screens::{Counts, Overview};
use frontdesk::store::{CustomerRow, CustomerSearchRow};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const CUSTOMERS: usize = 100_000;
const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "欧阳", "曾"];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
];
const ENGLISH: &[&str] = &[
    "Alice", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Ivy", "Jack",
];
const FAMILY: &[&str] = &["Smith", "Wong", "Chen", "Brown", "Taylor", "Lee", "Martin", "Clark"];

/// A small deterministic generator: the same customers on every run.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        list[(self.0 >> 33) as usize % list.len()]
    }
}

/// The same 100,000 customers, freshly indexed (a reload, as after
/// another agent's write): nothing remembered from earlier searches.
fn overview(now: DateTime<Utc>) -> Msg {
    let mut rng = Lcg(7);
    let mut rows = Vec::with_capacity(CUSTOMERS);
    let mut search = Vec::with_capacity(CUSTOMERS);
    for i in 0..CUSTOMERS {
        let name = if i % 3 == 0 {
            format!("{} {}", rng.pick(ENGLISH), rng.pick(FAMILY))
        } else {
            format!("{}{}{}", rng.pick(SURNAMES), rng.pick(GIVEN), rng.pick(GIVEN))
        };
        let code = format!("C2026{i:06}");
        search.push(CustomerSearchRow {
            id: i as i64 + 1,
            code: code.clone(),
            name: name.clone(),
            contact: String::new(),
            phone: format!("138{:08}", i * 7919 % 100_000_000),
            email: String::new(),
            last_activity: (CUSTOMERS - i) as i64,
        });
        rows.push(CustomerRow {
            id: i as i64 + 1,
            code,
            name,
            tier: Tier::ALL[i % 4],
            open_tickets: (i % 5) as i64,
            last_contact: Some(now - chrono::Duration::hours(i as i64 % 900)),
        });
    }
    Msg::Overview(Box::new(Overview {
        customers: rows,
        search: SearchIndex::new(search),
        queue: Vec::new(),
        counts: Counts::default(),
    }))
}

fn model(now: DateTime<Utc>) -> Model {
    let session = Session {
        database: "bench.db".into(),
        agent: "bench".into(),
        timezone: chrono_tz::Asia::Shanghai,
        clock_fixed: true,
    };
    let mut model = Model::new(
        frontdesk::strings::get(),
        Keymap::default(),
        Theme::default(),
        session,
        now,
    );
    update(&mut model, Msg::Resize(120, 40));
    update(&mut model, overview(now));
    model
}

/// Runs the search under way to its end, as idle time would.
fn settle(model: &mut Model) {
    while model.busy() {
        update(model, Msg::Continue);
    }
}

fn report(name: &str, mut samples: Vec<Duration>, target: Duration) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let worst = samples[samples.len() - 1];
    let verdict = if median < target { "ok" } else { "OVER TARGET" };
    println!("{name:<52} median {median:>10.3?}  worst {worst:>10.3?}  target {target:?}  {verdict}");
}

fn main() {
    let now: DateTime<Utc> = "2026-10-05T09:30:00Z".parse().unwrap();
    let started = Instant::now();
    let mut model = model(now);
    println!(
        "built {CUSTOMERS} customers and their search index in {:.2?}",
        started.elapsed()
    );
    update(&mut model, Msg::Key(Key::char('/')));

    // A first letter searches every customer; a letter more searches the
    // matches of the query before it. Each sample is a query not seen yet,
    // so nothing comes from the cache of earlier results.
    let first_letters: Vec<(String, char)> = "zwlchysj".chars().map(|c| (String::new(), c)).collect();
    let next_letters: Vec<(String, char)> = [
        ("zh", 'a'),
        ("wa", 'n'),
        ("li", 'u'),
        ("ch", 'e'),
        ("hu", 'a'),
        ("ya", 'n'),
        ("su", 'n'),
        ("ji", 'a'),
    ]
    .iter()
    .map(|(p, c)| (p.to_string(), *c))
    .collect();
    for (label, cases) in [
        ("first letter, 100k customers", first_letters),
        ("one more letter (pinyin), within the matches", next_letters),
    ] {
        let (mut keystrokes, mut complete, mut matched) = (Vec::new(), Vec::new(), 0);
        for (prefix, key) in cases {
            update(&mut model, Msg::Key(Key::plain(KeyCode::Esc)));
            update(&mut model, Msg::Key(Key::char('/')));
            for c in prefix.chars() {
                update(&mut model, Msg::Key(Key::char(c)));
                settle(&mut model);
            }
            let t = Instant::now();
            update(&mut model, Msg::Key(Key::char(key)));
            keystrokes.push(t.elapsed());
            settle(&mut model);
            complete.push(t.elapsed());
            matched += model.customers.list.len();
        }
        report(&format!("{label}: keystroke"), keystrokes, Duration::from_millis(16));
        report(&format!("{label}: all results"), complete, Duration::from_millis(1000));
        println!("  ({} matches on average)", matched / 8);
    }
    update(&mut model, Msg::Key(Key::plain(KeyCode::Enter)));

    for (width, height) in [(120u16, 40u16), (200, 60)] {
        update(&mut model, Msg::Resize(width, height));
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let mut samples = Vec::new();
        for i in 0..200 {
            // Moving the cursor each time, so the frame is not a no-op diff.
            let key = if i % 2 == 0 { 'j' } else { 'k' };
            update(&mut model, Msg::Key(Key::char(key)));
            let t = Instant::now();
            terminal.draw(|frame| frontdesk::ui::render(&model, frame)).unwrap();
            samples.push(t.elapsed());
        }
        report(&format!("frame at {width}x{height}"), samples, Duration::from_millis(2));
    }
}
