//! The CRM side of the store on every engine (`engines::every_engine`):
//! orders and their corrections, surveys and the low-score list, reminders,
//! birthdays, callbacks owed, the keep-in-touch cadence and the segments
//! recompute (tier, lifecycle, churn facts). Each scenario runs the same
//! calls on each engine and wants the same answer; SQLite's is the reference.

use crate::engines::{every_engine, same_on_every_engine};
use chrono::{Duration, TimeZone, Utc};
use frontdesk::domain::cadence::When;
use frontdesk::domain::customer::CustomerInput;
use frontdesk::service::agenda::{self, Page};
use frontdesk::service::orders::{self, CorrectionInput, OrderInput};
use frontdesk::service::reminders::{self, ReminderInput};
use frontdesk::service::surveys::{self, SurveyFilter, SurveyInput};
use frontdesk::service::tickets::{self, TicketInput};
use frontdesk::service::{Ctx, customers, dashboard, pickers, quality, segments};

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
}

fn ctx() -> Ctx {
    Ctx::new("王五", now())
}

/// `days` before now, as the same agent.
fn days_ago(days: i64) -> Ctx {
    Ctx::new("王五", now() - Duration::days(days))
}

fn customer(name: &str) -> CustomerInput {
    CustomerInput {
        name: Some(name.into()),
        ..Default::default()
    }
}

fn order(customer: &str, amount: &str, at: &str) -> OrderInput {
    OrderInput {
        customer: customer.into(),
        amount: amount.into(),
        at: Some(at.into()),
        product: Some("年度服务".into()),
        note: None,
    }
}

#[test]
fn orders_and_their_corrections_change_the_lifetime_value_and_tier_alike() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let c = customers::add(store, &days_ago(30), &customer("赵六")).unwrap();
        let first = orders::add(store, &ctx(), &order(&c.code, "12000.50", "2026-02-01T10:00:00Z")).unwrap();
        orders::add(store, &ctx(), &order(&c.code, "800", "2026-02-20T10:00:00Z")).unwrap();
        let refund = CorrectionInput {
            order: first.id,
            amount: Some("500.25".into()),
            note: Some("部分退款".into()),
        };
        let refunded = orders::refund(store, &ctx(), &refund).unwrap();
        assert_eq!(refunded.corrections.len(), 1, "{}", e.name);
        let cancel = CorrectionInput {
            order: first.id,
            amount: None,
            note: None,
        };
        let cancelled = orders::cancel(store, &ctx(), &cancel).unwrap();
        assert_eq!(cancelled.corrections.len(), 2, "{}", e.name);
        let lines = orders::list(store, &c.code, None).unwrap();
        assert_eq!(lines.len(), 2, "{}", e.name);
        let after = customers::get(store, &c.code).unwrap();
        assert_eq!(after.lifetime_value_cents, 80_000, "{}", e.name);
        let audit = customers::audit(store, c.id).unwrap();
        let changes: Vec<String> = audit.iter().map(|a| a.field.clone()).collect();
        answers.push((e.name, (lines, after.tier, after.lifecycle, changes)));
    }
    same_on_every_engine(answers);
}

fn survey(customer: &str, ticket: Option<i64>, score: &str) -> SurveyInput {
    SurveyInput {
        customer: customer.into(),
        ticket,
        quality: score.into(),
        response: score.into(),
        communication: score.into(),
        comment: Some("回访记录".into()),
    }
}

#[test]
fn surveys_are_listed_by_customer_month_and_low_score_and_a_low_one_asks_a_follow_up() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let happy = customers::add(store, &days_ago(60), &customer("钱七")).unwrap();
        let unhappy = customers::add(store, &days_ago(60), &customer("孙八")).unwrap();
        surveys::add(store, &days_ago(40), &survey(&happy.code, None, "5")).unwrap();
        surveys::add(store, &days_ago(2), &survey(&happy.code, None, "4")).unwrap();
        surveys::add(store, &days_ago(1), &survey(&unhappy.code, None, "1")).unwrap();
        surveys::add(store, &ctx(), &survey(&unhappy.code, None, "2")).unwrap();
        let all = surveys::list(store, &ctx(), &SurveyFilter::default()).unwrap();
        assert_eq!(all.len(), 4, "{}", e.name);
        let low = SurveyFilter {
            low: true,
            ..Default::default()
        };
        let low = surveys::list(store, &ctx(), &low).unwrap();
        assert!(low.iter().all(|s| s.customer_id == unhappy.id), "{}: {low:?}", e.name);
        let month = SurveyFilter {
            month: Some("2026-01".into()),
            ..Default::default()
        };
        let january = surveys::list(store, &ctx(), &month).unwrap();
        let mine = SurveyFilter {
            customer: Some(happy.code.clone()),
            limit: Some(1),
            ..Default::default()
        };
        let latest_happy = surveys::list(store, &ctx(), &mine).unwrap();
        let one = surveys::get(store, all[0].id).unwrap();
        let follow_ups = reminders::list(store, &ctx(), When::All, &Default::default()).unwrap();
        answers.push((e.name, (all, low, january, latest_happy, one, follow_ups)));
    }
    same_on_every_engine(answers);
}

#[test]
fn reminders_birthdays_and_owed_callbacks_make_the_same_agenda() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let birthday = CustomerInput {
            birthday: Some("1990-03-04".into()),
            ..customer("周九")
        };
        let born = customers::add(store, &days_ago(20), &birthday).unwrap();
        let plain = customers::add(store, &days_ago(20), &customer("吴十")).unwrap();
        for (due, note) in [
            ("2026-03-01T09:00:00Z", "逾期回电"),
            ("2026-03-02T15:00:00Z", "今日回电"),
        ] {
            let input = ReminderInput {
                customer: plain.code.clone(),
                ticket: None,
                due: due.into(),
                note: note.into(),
            };
            reminders::add(store, &ctx(), &input).unwrap();
        }
        let later = ReminderInput {
            customer: born.code.clone(),
            ticket: None,
            due: "2026-03-20T09:00:00Z".into(),
            note: "续约提醒".into(),
        };
        let later = reminders::add(store, &ctx(), &later).unwrap();
        // A resolved ticket owes its customer a callback.
        let complaint = TicketInput {
            customer: plain.code.clone(),
            kind: "complaint".into(),
            subject: "发票错误".into(),
            ..Default::default()
        };
        let opened = tickets::add(store, &days_ago(3), &complaint).unwrap();
        tickets::resolve(store, &days_ago(1), opened.ticket.id, Some("已重开发票")).unwrap();
        reminders::done(store, &ctx(), later.id.unwrap()).unwrap();
        let all = reminders::list(store, &ctx(), When::All, &Default::default()).unwrap();
        let overdue = reminders::list(store, &ctx(), When::Overdue, &Default::default()).unwrap();
        let today = reminders::list(store, &ctx(), When::Today, &Default::default()).unwrap();
        let page = Page {
            limit: None,
            overdue: true,
        };
        let agenda = agenda::agenda(store, &ctx(), &Default::default(), page).unwrap();
        let reasons: Vec<_> = all.iter().map(|r| r.reason).collect();
        answers.push((e.name, (all, overdue, today, agenda.rows, agenda.counts, reasons)));
    }
    same_on_every_engine(answers);
}

#[test]
fn segments_recompute_tiers_stages_churn_facts_and_cadence_alike() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let big = customers::add(store, &days_ago(400), &customer("大客户")).unwrap();
        let quiet = customers::add(store, &days_ago(400), &customer("沉默客户")).unwrap();
        let fresh = customers::add(store, &days_ago(5), &customer("新客户")).unwrap();
        for (amount, at) in [("60000", "2025-03-10T10:00:00Z"), ("90000", "2025-12-01T10:00:00Z")] {
            orders::add(store, &ctx(), &order(&big.code, amount, at)).unwrap();
        }
        orders::add(store, &ctx(), &order(&quiet.code, "3000", "2025-04-01T10:00:00Z")).unwrap();
        let recomputed = segments::recompute_all(store, &ctx()).unwrap();
        let counts = (
            recomputed.customers,
            recomputed.tiers_changed,
            recomputed.lifecycles_changed,
        );
        let mut standings = Vec::new();
        for c in [&big, &quiet, &fresh] {
            let s = segments::standing(store, &ctx(), c.id).unwrap();
            let stored = customers::get(store, &c.code).unwrap();
            standings.push((
                s.tier,
                s.lifecycle,
                s.warnings,
                s.next_contact,
                stored.tier,
                stored.lifecycle,
            ));
        }
        let risk: Vec<_> = segments::risk(store, &ctx(), None)
            .unwrap()
            .into_iter()
            .map(|r| (r.customer.code, r.warnings))
            .collect();
        answers.push((e.name, (counts, standings, risk)));
    }
    same_on_every_engine(answers);
}

#[test]
fn data_quality_inactive_customers_tags_and_the_dashboard_agree() {
    let mut answers = Vec::new();
    for mut e in every_engine() {
        let store = &mut e.store;
        let with = |name: &str, phone: &str, tags: &str| CustomerInput {
            phone: Some(phone.into()),
            tags: Some(tags.into()),
            ..customer(name)
        };
        customers::add(store, &days_ago(500), &with("郑一", "13800000001", "vip,渠道")).unwrap();
        customers::add(store, &days_ago(10), &with("郑一", "13800000001", "")).unwrap();
        customers::add(store, &days_ago(700), &customer("无联系")).unwrap();
        let active = customers::add(store, &days_ago(30), &with("冯二", "13900000002", "渠道")).unwrap();
        orders::add(store, &ctx(), &order(&active.code, "4200", "2026-02-25T10:00:00Z")).unwrap();
        let missing: Vec<String> = quality::missing_contact(store, None)
            .unwrap()
            .into_iter()
            .map(|c| c.code)
            .collect();
        let review = quality::review(store).unwrap();
        let duplicates = format!("{:?}", quality::duplicates(store, None).unwrap());
        let tags = pickers::tags_in_use(store).unwrap();
        let listed: Vec<String> = quality::archive_inactive(store, &ctx(), 365, true)
            .unwrap()
            .into_iter()
            .map(|c| c.code)
            .collect();
        let archived = quality::archive_inactive(store, &ctx(), 365, false).unwrap();
        assert!(
            !listed.is_empty() && !missing.is_empty(),
            "{}: {listed:?} {missing:?}",
            e.name
        );
        assert_eq!(archived.len(), listed.len(), "{}", e.name);
        assert!(archived.iter().all(|c| c.archived), "{}", e.name);
        let board = dashboard::dashboard(store, &ctx(), "2026-03".parse().unwrap()).unwrap();
        let board = (board.report, board.weeks, format!("{:?}", board.at_risk));
        answers.push((e.name, (missing, review, duplicates, tags, listed, board)));
    }
    same_on_every_engine(answers);
}
