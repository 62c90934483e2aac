//! Default SLA policies, the default business calendar and routing rules,
//! seeded once per database (a team that removes them does not get them back).

use super::{Ctx, Error};
use crate::config::Config;
use crate::domain::enums::TicketKind;
use crate::domain::policy::{CalendarSpec, RoutingRule, SlaPolicy, TargetSpec};
use crate::store::Store;

/// The name of the Mon–Fri 09:00–18:00 calendar `init` creates.
pub const DEFAULT_CALENDAR: &str = "default";
const SEEDED: &str = "defaults_seeded";

/// Seeds the defaults if this file never had them. Cheap when already done.
pub fn ensure_defaults(store: &mut Store, ctx: &Ctx, config: &Config) -> Result<(), Error> {
    if store.read(|tx| tx.meta(SEEDED))?.is_some() {
        return Ok(());
    }
    store.write(|tx| {
        // Checked again under the write lock: another agent may have seeded meanwhile.
        if tx.meta(SEEDED)?.is_some() {
            return Ok(());
        }
        tx.put_calendar(&CalendarSpec {
            name: DEFAULT_CALENDAR.into(),
            tz: config.sla.timezone.clone(),
            hours: vec!["mon-fri 09:00-18:00".into()],
            holidays: vec![],
            workdays: vec![],
        })?;
        for (position, policy) in default_policies().into_iter().enumerate() {
            tx.insert_policy(&SlaPolicy {
                position: position as i64 + 1,
                ..policy
            })?;
        }
        for (position, rule) in default_routing().into_iter().enumerate() {
            tx.insert_routing_rule(&RoutingRule {
                position: position as i64 + 1,
                ..rule
            })?;
        }
        tx.set_meta(SEEDED, &crate::domain::time::rfc3339(ctx.now))?;
        Ok(())
    })
}

fn always(minutes: i64) -> Option<TargetSpec> {
    Some(TargetSpec {
        minutes,
        calendar: None,
    })
}

/// The targets of the service-process documents (see the README table).
pub fn default_policies() -> Vec<SlaPolicy> {
    const HOUR: i64 = 60;
    const DAY: i64 = 24 * HOUR;
    let policy = |name: &str, kind: Option<TicketKind>, fr: Option<TargetSpec>, res: Option<TargetSpec>| SlaPolicy {
        id: 0,
        position: 0,
        name: name.into(),
        kind,
        priority: None,
        channel: None,
        tier: None,
        first_response: fr,
        resolution: res,
        callback: always(DAY),
    };
    // 3 working days on a 9-hour working day.
    let three_working_days = Some(TargetSpec {
        minutes: 3 * 9 * HOUR,
        calendar: Some(DEFAULT_CALENDAR.into()),
    });
    vec![
        policy("inquiry", Some(TicketKind::Inquiry), always(HOUR), always(DAY)),
        policy("complaint", Some(TicketKind::Complaint), always(HOUR), always(DAY)),
        policy("request", Some(TicketKind::Request), always(DAY), three_working_days),
        policy("repair", Some(TicketKind::Repair), always(4 * HOUR), always(3 * DAY)),
        policy(
            "after-sales",
            Some(TicketKind::AfterSales),
            always(4 * HOUR),
            always(3 * DAY),
        ),
        policy("everything else", None, always(4 * HOUR), always(3 * DAY)),
    ]
}

/// The documents' examples: product-quality complaints to the product
/// department, service-attitude complaints to the service department.
pub fn default_routing() -> Vec<RoutingRule> {
    let rule = |category: &str, department: &str| RoutingRule {
        id: 0,
        position: 0,
        kind: Some(TicketKind::Complaint),
        category: Some(category.into()),
        channel: None,
        keyword: None,
        department: department.into(),
        assignee: None,
    };
    vec![rule("product-quality", "product"), rule("service-attitude", "service")]
}
