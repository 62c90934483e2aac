//! SLA policies, calendars, routing rules and the meta table.

use super::sql::{Row, params};
use super::{StoreError, Tx};
use crate::domain::policy::{CalendarSpec, RoutingRule, SlaPolicy, TargetSpec};
use std::str::FromStr;

fn opt_enum<T: FromStr>(row: &Row, index: usize) -> Result<Option<T>, StoreError> {
    Ok(row.get::<Option<String>>(index)?.and_then(|s| s.parse().ok()))
}

fn target(row: &Row, minutes: usize) -> Result<Option<TargetSpec>, StoreError> {
    Ok(row.get::<Option<i64>>(minutes)?.map(|m| TargetSpec {
        minutes: m,
        calendar: row.get(minutes + 1).ok().flatten(),
    }))
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

impl Tx<'_> {
    pub fn policies(&self) -> Result<Vec<SlaPolicy>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT id, position, name, match_kind, match_priority, match_channel, match_tier,
               first_response_minutes, first_response_calendar, resolution_minutes,
               resolution_calendar, callback_minutes, callback_calendar
             FROM sla_policies ORDER BY position, id",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(SlaPolicy {
                id: r.get(0)?,
                position: r.get(1)?,
                name: r.get(2)?,
                kind: opt_enum(r, 3)?,
                priority: opt_enum(r, 4)?,
                channel: opt_enum(r, 5)?,
                tier: opt_enum(r, 6)?,
                first_response: target(r, 7)?,
                resolution: target(r, 9)?,
                callback: target(r, 11)?,
            })
        })?;
        Ok(rows)
    }

    /// Adds a policy at `p.position` (existing ones at or after it move down).
    pub fn insert_policy(&self, p: &SlaPolicy) -> Result<i64, StoreError> {
        self.db.execute(
            "UPDATE sla_policies SET position = position + 1 WHERE position >= ?1",
            [p.position],
        )?;
        let t = |t: &Option<TargetSpec>| {
            (
                t.as_ref().map(|t| t.minutes),
                t.as_ref().and_then(|t| t.calendar.clone()),
            )
        };
        let (fr, frc) = t(&p.first_response);
        let (res, resc) = t(&p.resolution);
        let (cb, cbc) = t(&p.callback);
        self.db.insert(
            "INSERT INTO sla_policies (position, name, match_kind, match_priority, match_channel,
               match_tier, first_response_minutes, first_response_calendar, resolution_minutes,
               resolution_calendar, callback_minutes, callback_calendar)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                p.position,
                p.name,
                p.kind.map(|k| k.key()),
                p.priority.map(|k| k.key()),
                p.channel.map(|k| k.key()),
                p.tier.map(|k| k.key()),
                fr,
                frc,
                res,
                resc,
                cb,
                cbc
            ],
        )
    }

    pub fn remove_policy(&self, id: i64) -> Result<(), StoreError> {
        match self.db.execute("DELETE FROM sla_policies WHERE id = ?1", [id])? {
            0 => Err(StoreError::NotFound {
                entity: crate::domain::error::Entity::Policy,
                key: id.to_string(),
            }),
            _ => Ok(()),
        }
    }

    pub fn next_policy_position(&self) -> Result<i64, StoreError> {
        self.db.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM sla_policies",
            params![],
            |r| r.get(0),
        )
    }

    pub fn calendars(&self) -> Result<Vec<CalendarSpec>, StoreError> {
        let mut stmt = self
            .db
            .prepare("SELECT name, tz, hours, holidays, workdays FROM sla_calendars ORDER BY name")?;
        let rows = stmt.query_map(params![], |r| {
            let dates = |i: usize| -> Result<Vec<chrono::NaiveDate>, StoreError> {
                Ok(lines(&r.get::<String>(i)?).filter_map(|d| d.parse().ok()).collect())
            };
            Ok(CalendarSpec {
                name: r.get(0)?,
                tz: r.get(1)?,
                hours: lines(&r.get::<String>(2)?).map(str::to_string).collect(),
                holidays: dates(3)?,
                workdays: dates(4)?,
            })
        })?;
        Ok(rows)
    }

    /// Adds or replaces a calendar by name.
    pub fn put_calendar(&self, c: &CalendarSpec) -> Result<(), StoreError> {
        let dates = |d: &[chrono::NaiveDate]| d.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n");
        self.db.execute(
            "INSERT INTO sla_calendars (name, tz, hours, holidays, workdays) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(name) DO UPDATE SET tz = ?2, hours = ?3, holidays = ?4, workdays = ?5",
            params![c.name, c.tz, c.hours.join("\n"), dates(&c.holidays), dates(&c.workdays)],
        )?;
        Ok(())
    }

    pub fn routing_rules(&self) -> Result<Vec<RoutingRule>, StoreError> {
        let mut stmt = self.db.prepare(
            "SELECT id, position, match_kind, match_category, match_channel, match_keyword, department, assignee
             FROM routing_rules ORDER BY position, id",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(RoutingRule {
                id: r.get(0)?,
                position: r.get(1)?,
                kind: opt_enum(r, 2)?,
                category: r.get(3)?,
                channel: opt_enum(r, 4)?,
                keyword: r.get(5)?,
                department: r.get(6)?,
                assignee: r.get(7)?,
            })
        })?;
        Ok(rows)
    }

    pub fn insert_routing_rule(&self, r: &RoutingRule) -> Result<i64, StoreError> {
        self.db.execute(
            "UPDATE routing_rules SET position = position + 1 WHERE position >= ?1",
            [r.position],
        )?;
        self.db.insert(
            "INSERT INTO routing_rules (position, match_kind, match_category, match_channel, match_keyword, department, assignee)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![r.position, r.kind.map(|k| k.key()), r.category, r.channel.map(|c| c.key()), r.keyword, r.department, r.assignee],
        )
    }

    pub fn remove_routing_rule(&self, id: i64) -> Result<(), StoreError> {
        match self.db.execute("DELETE FROM routing_rules WHERE id = ?1", [id])? {
            0 => Err(StoreError::NotFound {
                entity: crate::domain::error::Entity::RoutingRule,
                key: id.to_string(),
            }),
            _ => Ok(()),
        }
    }

    pub fn next_rule_position(&self) -> Result<i64, StoreError> {
        self.db.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM routing_rules",
            params![],
            |r| r.get(0),
        )
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.db
            .query_opt("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
            params![key, value],
        )?;
        Ok(())
    }
}
