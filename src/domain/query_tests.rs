//! The filter language as tables: each key, either-of, negation, time
//! forms, sort, text, and the errors that name the term.

use super::*;
use crate::domain::time::rfc3339;

/// Sunday 2026-12-06 17:35 in Shanghai (09:35 UTC).
fn now() -> DateTime<Utc> {
    "2026-12-06T09:35:00Z".parse().unwrap()
}

const ZONE: Tz = chrono_tz::Asia::Shanghai;

fn read(expr: &str) -> Query {
    parse(expr, now(), ZONE).unwrap_or_else(|e| panic!("{expr:?}: {e}"))
}

fn one(expr: &str) -> Term {
    let q = read(expr);
    assert_eq!(q.terms.len(), 1, "{expr:?}: {q:?}");
    q.terms[0].clone()
}

fn named(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn each_key_reads_its_values() {
    use Test::*;
    let cases: Vec<(&str, Test)> = vec![
        ("status:new", Status(vec![TicketStatus::New])),
        (
            "status:OPEN,pending",
            Status(vec![TicketStatus::Open, TicketStatus::Pending]),
        ),
        (
            "status:active",
            Status(vec![TicketStatus::New, TicketStatus::Open, TicketStatus::Pending]),
        ),
        (
            "status:active,new",
            Status(vec![TicketStatus::New, TicketStatus::Open, TicketStatus::Pending]),
        ),
        ("kind:complaint", Kind(vec![TicketKind::Complaint])),
        (
            "kind:after_sales,repair",
            Kind(vec![TicketKind::AfterSales, TicketKind::Repair]),
        ),
        ("priority:urgent", Priority(vec![super::Priority::Urgent])),
        (
            "priority:>=high",
            Priority(vec![super::Priority::Urgent, super::Priority::High]),
        ),
        ("priority:>high", Priority(vec![super::Priority::Urgent])),
        ("priority:<normal", Priority(vec![super::Priority::Low])),
        (
            "priority:<=normal",
            Priority(vec![super::Priority::Normal, super::Priority::Low]),
        ),
        ("assignee:me", Assignee(vec![super::Assignee::Me])),
        (
            "assignee:none,李娜",
            Assignee(vec![super::Assignee::Nobody, super::Assignee::Named("李娜".into())]),
        ),
        ("department:售后部", Department(named(&["售后部"]))),
        ("category:\"screen repair\"", Category(named(&["screen repair"]))),
        (
            "channel:email,phone",
            Channel(vec![super::Channel::Email, super::Channel::Phone]),
        ),
        ("tag:VIP,退款", Tag(named(&["vip", "退款"]))),
        ("customer:C-0042", Customer(named(&["C-0042"]))),
        ("customer:\"Henry Hall\"", Customer(named(&["Henry Hall"]))),
        ("sla:breached", Sla(vec![SlaState::Breached])),
        (
            "sla:at-risk,at_risk,running",
            Sla(vec![SlaState::AtRisk, SlaState::Running]),
        ),
        (
            "sla:paused,met,missed",
            Sla(vec![SlaState::Paused, SlaState::Met, SlaState::Missed]),
        ),
        // Full-width colon and comma, as a Chinese input method types them.
        ("status：new，open", Status(vec![TicketStatus::New, TicketStatus::Open])),
    ];
    for (expr, want) in cases {
        let term = one(expr);
        assert_eq!((term.negated, term.test), (false, want), "{expr:?}");
    }
}

#[test]
fn times_read_every_form_with_its_operator() {
    let range = |expr: &str| match one(expr).test {
        Test::Time(field, ranges) => (field, ranges),
        other => panic!("{expr:?}: {other:?}"),
    };
    let show = |r: &Range| (r.from.map(rfc3339), r.until.map(rfc3339));
    let s = |t: &str| Some(t.to_string());
    let cases = [
        ("opened:>=sow", TimeField::Opened, (s("2026-11-29T16:00:00Z"), None)),
        ("opened:>=som", TimeField::Opened, (s("2026-11-30T16:00:00Z"), None)),
        ("updated:<-7d", TimeField::Updated, (None, s("2026-11-29T09:35:00Z"))),
        ("updated:<=-3h", TimeField::Updated, (None, s("2026-12-06T06:35:01Z"))),
        ("due:>now", TimeField::Due, (s("2026-12-06T09:35:01Z"), None)),
        ("due:<+2d", TimeField::Due, (None, s("2026-12-08T09:35:00Z"))),
        ("due:<eom", TimeField::Due, (None, s("2026-12-31T15:59:00Z"))),
        (
            "due:<\"tomorrow 10:00\"",
            TimeField::Due,
            (None, s("2026-12-07T02:00:00Z")),
        ),
        (
            "opened:>=2026-12-01",
            TimeField::Opened,
            (s("2026-11-30T16:00:00Z"), None),
        ),
        (
            "opened:>2026-12-01T00:00:00Z",
            TimeField::Opened,
            (s("2026-12-01T00:00:01Z"), None),
        ),
        // Without an operator: the whole day, in the display zone.
        (
            "opened:today",
            TimeField::Opened,
            (s("2026-12-05T16:00:00Z"), s("2026-12-06T16:00:00Z")),
        ),
        (
            "opened:2026-12-01",
            TimeField::Opened,
            (s("2026-11-30T16:00:00Z"), s("2026-12-01T16:00:00Z")),
        ),
        (
            "opened:周一",
            TimeField::Opened,
            (s("2026-12-06T16:00:00Z"), s("2026-12-07T16:00:00Z")),
        ),
    ];
    for (expr, field, want) in cases {
        let (got_field, ranges) = range(expr);
        assert_eq!(got_field, field, "{expr:?}");
        assert_eq!(ranges.len(), 1, "{expr:?}");
        assert_eq!(show(&ranges[0]), want, "{expr:?}");
    }
    // Either of two ranges.
    let (_, ranges) = range("due:<today,>eom");
    assert_eq!(ranges.len(), 2);
}

#[test]
fn negation_either_of_text_and_sort() {
    let q = read("-status:closed,resolved 屏幕 kind:repair \"no signal\" sort:-opened");
    assert_eq!(q.terms.len(), 2);
    assert!(q.terms[0].negated);
    assert_eq!(
        q.terms[0].test,
        Test::Status(vec![TicketStatus::Closed, TicketStatus::Resolved])
    );
    assert!(!q.terms[1].negated);
    assert_eq!(q.text, named(&["屏幕", "no signal"]));
    assert_eq!(q.text().as_deref(), Some("屏幕 no signal"));
    assert_eq!(
        q.sort,
        Some(Sort {
            key: SortKey::Opened,
            reversed: true
        })
    );
    let sorts = [
        ("sort:due", SortKey::Due, false),
        ("sort:priority", SortKey::Priority, false),
        ("sort:-updated", SortKey::Updated, true),
        ("-sort:due", SortKey::Due, true),
        ("SORT:Opened", SortKey::Opened, false),
    ];
    for (expr, key, reversed) in sorts {
        assert_eq!(read(expr).sort, Some(Sort { key, reversed }), "{expr:?}");
    }
    // Colons in words that are not keys stay text; an empty query is empty.
    assert_eq!(read("10:30 照片").text, named(&["10:30", "照片"]));
    assert_eq!(read("   "), Query::default());
    assert_eq!(read("-").text, named(&["-"]));
}

#[test]
fn errors_name_the_term_and_say_why() {
    let unknown_value = |key: &str, value: &str, nearest: Option<&str>| QueryProblem::UnknownValue {
        key: key.into(),
        value: value.into(),
        nearest: nearest.map(str::to_string),
        allowed: Vec::new(),
    };
    let cases: Vec<(&str, &str, QueryProblem)> = vec![
        (
            "prority:high",
            "prority:high",
            QueryProblem::UnknownKey {
                key: "prority".into(),
                nearest: Some("priority".into()),
            },
        ),
        (
            "kind:complaint xyzzy:1",
            "xyzzy:1",
            QueryProblem::UnknownKey {
                key: "xyzzy".into(),
                nearest: None,
            },
        ),
        (
            "status:opne",
            "status:opne",
            unknown_value("status", "opne", Some("open")),
        ),
        (
            "status:actve",
            "status:actve",
            unknown_value("status", "actve", Some("active")),
        ),
        (
            "kind:complain",
            "kind:complain",
            unknown_value("kind", "complain", Some("complaint")),
        ),
        (
            "priority:>=hgih",
            "priority:>=hgih",
            unknown_value("priority", "hgih", Some("high")),
        ),
        ("sla:late", "sla:late", unknown_value("sla", "late", None)),
        ("channel:fax", "channel:fax", unknown_value("channel", "fax", None)),
        ("sort:size", "sort:size", unknown_value("sort", "size", None)),
        ("status:", "status:", QueryProblem::EmptyValue { key: "status".into() }),
        ("tag:vip,", "tag:vip,", QueryProblem::EmptyValue { key: "tag".into() }),
        ("sort:", "sort:", QueryProblem::EmptyValue { key: "sort".into() }),
        (
            "opened:>=yesterday",
            "opened:>=yesterday",
            QueryProblem::Time {
                key: "opened".into(),
                value: ">=yesterday".into(),
            },
        ),
        (
            "due:<",
            "due:<",
            QueryProblem::Time {
                key: "due".into(),
                value: "<".into(),
            },
        ),
        (
            "kind:>complaint",
            "kind:>complaint",
            QueryProblem::NoOrder { key: "kind".into() },
        ),
        ("customer:\"Henry", "customer:\"Henry", QueryProblem::UnclosedQuote),
        ("sort:due sort:opened", "sort:opened", QueryProblem::SecondSort),
        ("kind:repair -屏幕", "-屏幕", QueryProblem::NegatedText),
    ];
    for (expr, term, want) in cases {
        let err = parse(expr, now(), ZONE).unwrap_err();
        assert_eq!(err.term, term, "{expr:?}");
        let got = match err.problem {
            QueryProblem::UnknownValue {
                key, value, nearest, ..
            } => unknown_value(&key, &value, nearest.as_deref()),
            other => other,
        };
        assert_eq!(got, want, "{expr:?}");
    }
    // The accepted values come with the refusal; status names `active` too.
    let err = parse("status:x", now(), ZONE).unwrap_err();
    let QueryProblem::UnknownValue { allowed, .. } = err.problem else {
        panic!("{err:?}");
    };
    assert_eq!(
        allowed,
        named(&["new", "open", "pending", "resolved", "closed", "active"])
    );
    // As the CLI reports it: field `query`, the term as the value.
    let invalid: crate::domain::error::Invalid = parse("prio:high", now(), ZONE).unwrap_err().into();
    assert_eq!((invalid.field.as_str(), invalid.value.as_str()), ("query", "prio:high"));
}
