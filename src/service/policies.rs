//! Calendars, SLA policies and routing rules: listing and editing them.
//! A change that moves due times re-derives them for every active ticket.
//! Changes need the supervisor role (see `roles`).

use super::{Ctx, Error, roles, sla};
use crate::domain::calendar::{Calendar, HORIZON_DAYS};
use crate::domain::enums::Role;
use crate::domain::error::Invalid;
use crate::domain::policy::{CalendarSpec, RoutingRule, SlaPolicy};
use crate::domain::time::{parse_date, rfc3339};
use crate::domain::validate::{self, LINE_MAX};
use crate::store::{Store, Tx};
use chrono::{DateTime, Utc};

/// Adds or replaces a calendar, then re-derives the due times that use it.
pub fn put_calendar(
    store: &mut Store,
    ctx: &Ctx,
    name: &str,
    tz: &str,
    hours: &[String],
    holidays: &[String],
    workdays: &[String],
) -> Result<CalendarSpec, Error> {
    let name = validate::required("name", name, 64)?;
    if hours.is_empty() {
        return Err(Invalid::new("hours", "", crate::domain::error::Reason::HoursRequired).into());
    }
    let dates = |field: &str, list: &[String]| -> Result<Vec<_>, Invalid> {
        list.iter().map(|d| parse_date(field, d)).collect()
    };
    let spec = CalendarSpec {
        name,
        tz: tz.trim().to_string(),
        hours: hours.iter().map(|h| h.trim().to_string()).collect(),
        holidays: dates("holiday", holidays)?,
        workdays: dates("workday", workdays)?,
    };
    spec.build()?;
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        tx.put_calendar(&spec)?;
        ctx.audit(tx, "calendar", 0, &spec.name, None, Some(spec.hours.join("; ")))?;
        refresh_active(tx, ctx)?;
        Ok(spec.clone())
    })
}

fn calendar(tx: &Tx, name: &str) -> Result<Calendar, Error> {
    let spec = tx
        .calendars()?
        .into_iter()
        .find(|c| c.name == name)
        .ok_or_else(|| Error::NotFound {
            entity: crate::domain::error::Entity::Calendar,
            key: name.to_string(),
        })?;
    Ok(spec.build()?)
}

pub fn calendars(store: &mut Store) -> Result<Vec<CalendarSpec>, Error> {
    store.read(|tx| Ok(tx.calendars()?))
}

/// The instant `minutes` business minutes after `start` in the calendar.
pub fn due(store: &mut Store, ctx: &Ctx, name: &str, start: &str, minutes: i64) -> Result<DateTime<Utc>, Error> {
    let start = ctx.parse_time("start", start)?;
    if minutes < 0 {
        return Err(Invalid::new("minutes", minutes.to_string(), crate::domain::error::Reason::Negative).into());
    }
    let calendar = store.read(|tx| calendar(tx, name))?;
    // Beyond the horizon the calendar math answers with the cap, which is no due time.
    calendar.reach_business_minutes(start, minutes).ok_or_else(|| {
        let reason = crate::domain::error::Reason::NotReached {
            days: HORIZON_DAYS,
            start: rfc3339(start),
            calendar: name.to_string(),
        };
        Invalid::new("minutes", minutes.to_string(), reason).into()
    })
}

/// Whole business minutes between two instants in the calendar.
pub fn elapsed(store: &mut Store, ctx: &Ctx, name: &str, from_text: &str, to_text: &str) -> Result<i64, Error> {
    let (from, to) = (ctx.parse_time("from", from_text)?, ctx.parse_time("to", to_text)?);
    if from > to {
        return Err(Invalid::new(
            "from",
            from_text,
            crate::domain::error::Reason::AfterOption {
                option: "to".into(),
                value: to_text.to_string(),
            },
        )
        .into());
    }
    // The calendar counts at most the horizon; a longer span would be undercounted silently.
    if to - from > chrono::TimeDelta::days(HORIZON_DAYS) {
        let reason = crate::domain::error::Reason::SpanTooLong {
            days: HORIZON_DAYS,
            option: "from".into(),
            value: from_text.to_string(),
        };
        return Err(Invalid::new("to", to_text, reason).into());
    }
    let calendar = store.read(|tx| calendar(tx, name))?;
    Ok(calendar.business_minutes_between(from, to))
}

pub fn policies(store: &mut Store) -> Result<Vec<SlaPolicy>, Error> {
    store.read(|tx| Ok(tx.policies()?))
}

/// Adds a policy at its position (1 = tried first).
pub fn add_policy(store: &mut Store, ctx: &Ctx, policy: &SlaPolicy) -> Result<SlaPolicy, Error> {
    validate::required("name", &policy.name, LINE_MAX)?;
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        let known = tx.calendars()?;
        for target in [&policy.first_response, &policy.resolution, &policy.callback]
            .into_iter()
            .flatten()
        {
            if let Some(name) = &target.calendar
                && !known.iter().any(|c| &c.name == name)
            {
                return Err(Invalid::new(
                    "calendar",
                    name,
                    crate::domain::error::Reason::NoMatch(crate::domain::error::Lookup::Calendar),
                )
                .into());
            }
        }
        let last = tx.next_policy_position()?;
        let position = if policy.position < 1 || policy.position > last {
            last
        } else {
            policy.position
        };
        let mut added = SlaPolicy {
            position,
            ..policy.clone()
        };
        added.id = tx.insert_policy(&added)?;
        ctx.audit(tx, "policy", added.id, "created", None, Some(added.name.clone()))?;
        refresh_active(tx, ctx)?;
        Ok(added)
    })
}

pub fn remove_policy(store: &mut Store, ctx: &Ctx, id: i64) -> Result<(), Error> {
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        tx.remove_policy(id)?;
        ctx.audit(tx, "policy", id, "removed", None, None)?;
        refresh_active(tx, ctx)
    })
}

pub fn routing_rules(store: &mut Store) -> Result<Vec<RoutingRule>, Error> {
    store.read(|tx| Ok(tx.routing_rules()?))
}

pub fn add_routing_rule(store: &mut Store, ctx: &Ctx, rule: &RoutingRule) -> Result<RoutingRule, Error> {
    let optional = |field: &str, value: &Option<String>| -> Result<Option<String>, Invalid> {
        Ok(value
            .as_deref()
            .map(|v| validate::text(field, v, 64))
            .transpose()?
            .filter(|v| !v.is_empty()))
    };
    let rule = &RoutingRule {
        department: validate::required("department", &rule.department, 64)?,
        category: optional("category", &rule.category)?,
        keyword: optional("keyword", &rule.keyword)?,
        assignee: optional("assignee", &rule.assignee)?,
        ..rule.clone()
    };
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        roles::check_assignee(tx, "assignee", rule.assignee.as_deref().unwrap_or(""))?;
        let last = tx.next_rule_position()?;
        let position = if rule.position < 1 || rule.position > last {
            last
        } else {
            rule.position
        };
        let mut added = RoutingRule {
            position,
            ..rule.clone()
        };
        added.id = tx.insert_routing_rule(&added)?;
        ctx.audit(tx, "routing", added.id, "created", None, Some(added.department.clone()))?;
        Ok(added)
    })
}

pub fn remove_routing_rule(store: &mut Store, ctx: &Ctx, id: i64) -> Result<(), Error> {
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        tx.remove_routing_rule(id)?;
        ctx.audit(tx, "routing", id, "removed", None, None)?;
        Ok(())
    })
}

/// Policies or calendars changed: every active ticket's due times follow.
/// The e-mail reply target in minutes (24×7), `None` when it is off.
pub fn email_reply(store: &mut Store) -> Result<Option<i64>, Error> {
    store.read(|tx| Ok(sla::Rules::load(tx)?.email_reply.map(|t| t.minutes)))
}

/// Sets the e-mail reply target (`None` switches it off): every open e-mail
/// ticket's first-response due moves with it, in the same transaction.
pub fn set_email_reply(store: &mut Store, ctx: &Ctx, minutes: Option<i64>) -> Result<(), Error> {
    if let Some(m) = minutes
        && m <= 0
    {
        return Err(Invalid::new("email-reply", m.to_string(), crate::domain::error::Reason::NotPositive).into());
    }
    store.write(|tx| {
        roles::require(tx, ctx, Role::Supervisor)?;
        let before = tx.meta(sla::EMAIL_REPLY_KEY)?;
        let after = minutes.map_or_else(|| "off".to_string(), |m| m.to_string());
        tx.set_meta(sla::EMAIL_REPLY_KEY, &after)?;
        ctx.audit(tx, "setting", 0, sla::EMAIL_REPLY_KEY, before, Some(after.clone()))?;
        refresh_active(tx, ctx)
    })
}

fn refresh_active(tx: &Tx, ctx: &Ctx) -> Result<(), Error> {
    let rules = sla::Rules::load(tx)?;
    for id in tx.active_ticket_ids()? {
        rules.refresh(tx, ctx, id)?;
    }
    Ok(())
}
