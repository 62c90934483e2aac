//! Importing customers: the canonical columns are those of `customer add`.

use super::{ImportReport, Record, flag, past_time, refuse_repeats, validate_all, write_new};
use crate::domain::customer::{Customer, CustomerField, CustomerInput};
use crate::domain::enums::Lifecycle;
use crate::domain::error::Invalid;
use crate::service::{Ctx, Error, customers};
use crate::store::Store;

pub const COLUMNS: &[&str] = &[
    "code",
    "name",
    "kind",
    "contact",
    "phone",
    "email",
    "address",
    "industry",
    "since",
    "tier",
    "tags",
    "channel",
    "owner",
    "notes",
    "birthday",
    "tier_pinned",
    "archived",
    "lifecycle",
    "created_at",
];

/// What a customer row carries beyond the options of `customer add`, as an
/// export writes it so that nothing is lost on the way back.
struct Row {
    fields: Vec<CustomerField>,
    /// Empty: an explicit `tier` pins it (as `customer add --tier` does).
    tier_pinned: Option<bool>,
    /// An archived customer imports archived.
    archived: bool,
    /// The stage an archived customer was frozen at (a live customer's is
    /// derived from their records, as for `customer add`).
    lifecycle: Option<Lifecycle>,
    /// When the record was made where it comes from (else now).
    created_at: Option<chrono::DateTime<chrono::Utc>>,
}

fn parse(r: &Record, ctx: &Ctx) -> Result<Row, Invalid> {
    Ok(Row {
        fields: parse_fields(r, ctx.today())?,
        tier_pinned: flag(r, "tier_pinned")?,
        archived: flag(r, "archived")?.unwrap_or(false),
        lifecycle: r.get("lifecycle").map(str::parse).transpose()?,
        created_at: past_time(r, "created_at", ctx.now)?,
    })
}

fn parse_fields(r: &Record, today: chrono::NaiveDate) -> Result<Vec<CustomerField>, Invalid> {
    let input = CustomerInput {
        code: r.text("code"),
        name: Some(
            r.text("name")
                .ok_or_else(|| Invalid::new("name", "", crate::domain::error::Reason::Required))?,
        ),
        kind: r.text("kind"),
        contact: r.text("contact"),
        phone: r.text("phone"),
        email: r.text("email"),
        address: r.text("address"),
        industry: r.text("industry"),
        since: r.text("since"),
        tier: r.text("tier"),
        tags: r.text("tags"),
        channel: r.text("channel"),
        owner: r.text("owner"),
        notes: r.text("notes"),
        birthday: r.text("birthday"),
    };
    input.validate_on(today)
}

pub fn import(store: &mut Store, ctx: &Ctx, records: &[Record], dry_run: bool) -> Result<ImportReport, Error> {
    let rows = validate_all(records, |r| parse(r, ctx))?;
    refuse_repeats(&rows, "code", |row: &Row| code_of(&row.fields))?;
    let code = |row: &Row| code_of(&row.fields).map(str::to_string);
    write_new(
        store,
        &rows,
        dry_run,
        code,
        |tx, code| Ok(tx.code_exists(code)?),
        |tx, row, _| {
            let mut c = customers::insert(tx, ctx, &row.fields)?;
            if let Some(at) = row.created_at {
                tx.set_customer_created_at(c.id, at)?;
                c.created_at = at;
            }
            if let Some(pinned) = row.tier_pinned
                && pinned != c.tier_pinned
            {
                c.tier_pinned = pinned;
                c.version = tx.update_customer(&c)?;
            }
            if row.archived {
                customers::archive_in(tx, ctx, &mut c)?;
                // Nothing recomputes an archived customer: the tier and stage
                // stay those they were archived with where they come from.
                if let Some(stage) = row.lifecycle {
                    tx.set_customer_segment(c.id, c.tier, stage)?;
                }
            }
            Ok(())
        },
    )
}

/// The code a customer row gives, if any.
fn code_of<F: AsRef<[CustomerField]>>(fields: &F) -> Option<&str> {
    fields.as_ref().iter().find_map(|f| match f {
        CustomerField::Code(code) => Some(code.as_str()),
        _ => None,
    })
}

/// The customer a ticket or interaction row names, by code or else by exact
/// name; an unknown one is created. Returns the id and whether it was created.
pub(super) fn find_or_create(
    tx: &crate::store::Tx,
    ctx: &Ctx,
    code: Option<&str>,
    name: Option<&str>,
) -> Result<(i64, bool), Error> {
    let (customer, created) = find_or_create_customer(tx, ctx, code, name)?;
    Ok((customer.id, created))
}

/// [`find_or_create`] with the whole customer (an import of tickets needs
/// the tier, which picks the SLA policy).
pub(super) fn find_or_create_customer(
    tx: &crate::store::Tx,
    ctx: &Ctx,
    code: Option<&str>,
    name: Option<&str>,
) -> Result<(Customer, bool), Error> {
    if let Some(code) = code
        && let Some(found) = tx.customer_by_code(code)?
    {
        return Ok((found, false));
    }
    if code.is_none()
        && let Some(name) = name
        && let Some(found) = tx.customer_by_name(name)?
    {
        return Ok((found, false));
    }
    let input = CustomerInput {
        code: code.map(str::to_string),
        name: Some(name.or(code).unwrap_or_default().to_string()),
        ..Default::default()
    };
    Ok((customers::insert(tx, ctx, &input.validate()?)?, true))
}

/// Checks that a row names its customer, and that what it names is valid.
pub(super) fn check_reference(r: &Record) -> Result<(), Invalid> {
    match (r.get("customer_code"), r.get("customer_name")) {
        (None, None) => Err(Invalid::new(
            "customer_code",
            "",
            crate::domain::error::Reason::GiveEither {
                first: "customer_code".into(),
                second: "customer_name".into(),
            },
        )),
        (code, name) => {
            CustomerInput {
                code: code.map(str::to_string),
                name: name.map(str::to_string),
                ..Default::default()
            }
            .validate()?;
            Ok(())
        }
    }
}
