//! Customers (客户): the record, and the validated input that creates or edits one.

use super::enums::{Channel, CustomerKind, Tier};
use super::error::{Invalid, Reason};
use super::occasions::parse_birthday;
use super::time::parse_date;
use super::validate::{self, LINE_MAX, TEXT_MAX};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Customer {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: CustomerKind,
    pub contact: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub industry: String,
    pub since: Option<NaiveDate>,
    pub lifetime_value_cents: i64,
    pub tier: Tier,
    pub tier_pinned: bool,
    pub lifecycle: String,
    pub tags: Vec<String>,
    pub channel: Option<Channel>,
    pub owner: String,
    pub notes: String,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_activity_at: Option<DateTime<Utc>>,
    pub version: i64,
    /// A person's birthday, when known (birthday reminders).
    pub birthday: Option<NaiveDate>,
}

impl Customer {
    /// A new person with no details yet, customer since `now`, owned by `owner`.
    pub fn blank(now: DateTime<Utc>, owner: &str) -> Customer {
        Customer {
            id: 0,
            code: String::new(),
            name: String::new(),
            kind: CustomerKind::Person,
            contact: String::new(),
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            industry: String::new(),
            since: Some(now.date_naive()),
            lifetime_value_cents: 0,
            tier: Tier::Standard,
            tier_pinned: false,
            // No orders yet: the lifecycle rules' first stage.
            lifecycle: super::enums::Lifecycle::Prospect.key().into(),
            tags: Vec::new(),
            channel: None,
            owner: owner.to_string(),
            notes: String::new(),
            archived: false,
            created_at: now,
            updated_at: now,
            last_activity_at: None,
            version: 1,
            birthday: None,
        }
    }
}

/// Raw field values as typed by a user or read from a file; `None` = not given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerInput {
    pub code: Option<String>,
    pub name: Option<String>,
    pub kind: Option<String>,
    pub contact: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub industry: Option<String>,
    pub since: Option<String>,
    pub tier: Option<String>,
    pub tags: Option<String>,
    pub channel: Option<String>,
    pub owner: Option<String>,
    pub notes: Option<String>,
    pub birthday: Option<String>,
}

/// One validated change to a customer field.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomerField {
    Code(String),
    Name(String),
    Kind(CustomerKind),
    Contact(String),
    Phone(String),
    Email(String),
    Address(String),
    Industry(String),
    Since(Option<NaiveDate>),
    /// Setting a tier by hand pins it against the segmentation rules.
    Tier(Tier),
    Tags(Vec<String>),
    Channel(Option<Channel>),
    Owner(String),
    Notes(String),
    Birthday(Option<NaiveDate>),
}

impl CustomerInput {
    /// Validates every given field; all errors are about the first bad field.
    /// `today` (in the team's zone) bounds the birthday and the "since" date.
    pub fn validate_on(&self, today: NaiveDate) -> Result<Vec<CustomerField>, Invalid> {
        let mut out = self.validate()?;
        if let Some(v) = &self.since {
            out.push(CustomerField::Since(parse_since(v, today)?));
        }
        if let Some(v) = &self.birthday {
            out.push(CustomerField::Birthday(parse_birthday(v, today)?));
        }
        Ok(out)
    }

    /// Validates every field but the birthday and the "customer since" date,
    /// which need today's date ([`CustomerInput::validate_on`]); for inputs
    /// that never carry them.
    pub fn validate(&self) -> Result<Vec<CustomerField>, Invalid> {
        let mut out = Vec::new();
        let line = |field: &str, v: &str| validate::text(field, v, LINE_MAX);
        if let Some(v) = &self.code {
            out.push(CustomerField::Code(validate::code(v)?));
        }
        if let Some(v) = &self.name {
            out.push(CustomerField::Name(validate::required("name", v, LINE_MAX)?));
        }
        if let Some(v) = &self.kind {
            out.push(CustomerField::Kind(v.parse()?));
        }
        if let Some(v) = &self.contact {
            out.push(CustomerField::Contact(line("contact", v)?));
        }
        if let Some(v) = &self.phone {
            out.push(CustomerField::Phone(validate::phone(v)?));
        }
        if let Some(v) = &self.email {
            out.push(CustomerField::Email(validate::email(v)?));
        }
        if let Some(v) = &self.address {
            out.push(CustomerField::Address(validate::text("address", v, 500)?));
        }
        if let Some(v) = &self.industry {
            out.push(CustomerField::Industry(line("industry", v)?));
        }
        if let Some(v) = &self.tier {
            out.push(CustomerField::Tier(v.parse()?));
        }
        if let Some(v) = &self.tags {
            out.push(CustomerField::Tags(validate::tags(v)?));
        }
        if let Some(v) = &self.channel {
            let channel = if v.trim().is_empty() { None } else { Some(v.parse()?) };
            out.push(CustomerField::Channel(channel));
        }
        if let Some(v) = &self.owner {
            out.push(CustomerField::Owner(validate::text("owner", v, 64)?));
        }
        if let Some(v) = &self.notes {
            out.push(CustomerField::Notes(validate::text("notes", v, TEXT_MAX)?));
        }
        Ok(out)
    }
}

/// A "customer since" date as typed; empty clears it. A date after `today`
/// is refused like a future `opened_at`: nobody is a customer from tomorrow,
/// and the tenure and lifecycle stage computed from it would be nonsense.
pub fn parse_since(value: &str, today: NaiveDate) -> Result<Option<NaiveDate>, Invalid> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    let date = parse_date("since", value)?;
    if date > today {
        return Err(Invalid::new(
            "since",
            value,
            Reason::InFuture {
                today: Some(today.to_string()),
            },
        ));
    }
    Ok(Some(date))
}

impl CustomerField {
    /// The column / JSON key this field changes.
    pub fn name(&self) -> &'static str {
        match self {
            CustomerField::Code(_) => "code",
            CustomerField::Name(_) => "name",
            CustomerField::Kind(_) => "kind",
            CustomerField::Contact(_) => "contact",
            CustomerField::Phone(_) => "phone",
            CustomerField::Email(_) => "email",
            CustomerField::Address(_) => "address",
            CustomerField::Industry(_) => "industry",
            CustomerField::Since(_) => "since",
            CustomerField::Tier(_) => "tier",
            CustomerField::Tags(_) => "tags",
            CustomerField::Channel(_) => "channel",
            CustomerField::Owner(_) => "owner",
            CustomerField::Notes(_) => "notes",
            CustomerField::Birthday(_) => "birthday",
        }
    }

    /// Applies the change to a record; returns the (old, new) values as text
    /// for the audit trail, or `None` when nothing changed.
    pub fn apply(&self, c: &mut Customer) -> Option<(String, String)> {
        fn swap<T: PartialEq + Clone>(slot: &mut T, new: &T, show: impl Fn(&T) -> String) -> Option<(String, String)> {
            if slot == new {
                return None;
            }
            let old = show(slot);
            *slot = new.clone();
            Some((old, show(new)))
        }
        let s = |v: &String| v.clone();
        match self {
            CustomerField::Code(v) => swap(&mut c.code, v, s),
            CustomerField::Name(v) => swap(&mut c.name, v, s),
            CustomerField::Kind(v) => swap(&mut c.kind, v, |k| k.key().into()),
            CustomerField::Contact(v) => swap(&mut c.contact, v, s),
            CustomerField::Phone(v) => swap(&mut c.phone, v, s),
            CustomerField::Email(v) => swap(&mut c.email, v, s),
            CustomerField::Address(v) => swap(&mut c.address, v, s),
            CustomerField::Industry(v) => swap(&mut c.industry, v, s),
            CustomerField::Since(v) => swap(&mut c.since, v, |d| d.map(|d| d.to_string()).unwrap_or_default()),
            CustomerField::Tier(v) => {
                let was_pinned = std::mem::replace(&mut c.tier_pinned, true);
                match swap(&mut c.tier, v, |t| t.key().into()) {
                    // Setting the tier the rules gave still pins it.
                    None if !was_pinned => Some((v.key().into(), format!("{} (pinned)", v.key()))),
                    change => change,
                }
            }
            CustomerField::Tags(v) => swap(&mut c.tags, v, |t| t.join(",")),
            CustomerField::Channel(v) => swap(&mut c.channel, v, |ch| {
                ch.map(|ch| ch.key().to_string()).unwrap_or_default()
            }),
            CustomerField::Owner(v) => swap(&mut c.owner, v, s),
            CustomerField::Notes(v) => swap(&mut c.notes, v, s),
            CustomerField::Birthday(v) => swap(&mut c.birthday, v, |d| d.map(|d| d.to_string()).unwrap_or_default()),
        }
    }
}

/// A generated code in the `C2024001` style: `C`, the year, and a sequence
/// number of at least three digits.
pub fn code_for(year: i32, seq: u64) -> String {
    format!("C{year}{seq:03}")
}

/// The sequence number of a generated code of that year, if it is one.
pub fn seq_of(year: i32, code: &str) -> Option<u64> {
    code.strip_prefix(&format!("C{year}"))?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes() {
        let cases = [(2024, 1, "C2024001"), (2024, 42, "C2024042"), (2024, 1000, "C20241000")];
        for (year, seq, want) in cases {
            assert_eq!(code_for(year, seq), want);
            assert_eq!(seq_of(year, want), Some(seq));
        }
        assert_eq!(seq_of(2024, "C2025001"), None);
        assert_eq!(seq_of(2024, "C2024abc"), None);
        assert_eq!(seq_of(2024, "X2024001"), None);
    }

    #[test]
    fn validation_names_the_field() {
        let cases: [(CustomerInput, &str); 6] = [
            (
                CustomerInput {
                    name: Some(" ".into()),
                    ..Default::default()
                },
                "name",
            ),
            (
                CustomerInput {
                    email: Some("x".into()),
                    ..Default::default()
                },
                "email",
            ),
            (
                CustomerInput {
                    phone: Some("12".into()),
                    ..Default::default()
                },
                "phone",
            ),
            (
                CustomerInput {
                    kind: Some("robot".into()),
                    ..Default::default()
                },
                "kind",
            ),
            (
                CustomerInput {
                    since: Some("2024-02-30".into()),
                    ..Default::default()
                },
                "since",
            ),
            (
                CustomerInput {
                    tier: Some("gold".into()),
                    ..Default::default()
                },
                "tier",
            ),
        ];
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        for (input, field) in cases {
            assert_eq!(input.validate_on(today).unwrap_err().field, field);
        }
    }

    #[test]
    fn a_customer_since_date_is_today_at_the_latest() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let cases = [
            ("", Ok(None)),
            ("2026-03-02", Ok(NaiveDate::from_ymd_opt(2026, 3, 2))),
            ("2019-07-01", Ok(NaiveDate::from_ymd_opt(2019, 7, 1))),
            ("2026-03-03", Err("2026-03-02")),
            ("2030-01-01", Err("2026-03-02")),
        ];
        for (typed, want) in cases {
            match (parse_since(typed, today), want) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{typed}"),
                (Err(e), Err(reason)) => {
                    let today = Some(reason.to_string());
                    assert_eq!(
                        (e.field.as_str(), e.reason),
                        ("since", Reason::InFuture { today }),
                        "{typed}"
                    )
                }
                (got, _) => panic!("{typed}: {got:?}"),
            }
        }
        let input = CustomerInput {
            since: Some("2030-01-01".into()),
            ..Default::default()
        };
        assert_eq!(input.validate_on(today).unwrap_err().value, "2030-01-01");
    }

    #[test]
    fn tier_by_hand_is_pinned_and_audited() {
        let mut c = Customer {
            name: "张三".into(),
            ..Customer::blank(DateTime::UNIX_EPOCH, "li.na")
        };
        let change = CustomerField::Tier(Tier::HighValue).apply(&mut c);
        assert_eq!(change, Some(("standard".into(), "high-value".into())));
        assert!(c.tier_pinned);
        assert_eq!(CustomerField::Name("张三".into()).apply(&mut c), None);
        assert_eq!(CustomerField::Tier(Tier::HighValue).apply(&mut c), None);
        c.tier_pinned = false;
        let change = CustomerField::Tier(Tier::HighValue).apply(&mut c);
        assert_eq!(change, Some(("high-value".into(), "high-value (pinned)".into())));
        assert!(c.tier_pinned);
    }
}
