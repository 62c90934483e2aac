//! Importing customers: the canonical columns are those of `customer add`.

use super::{ImportReport, Record, refuse_repeats, validate_all, write_new};
use crate::domain::customer::{CustomerField, CustomerInput};
use crate::domain::error::Invalid;
use crate::service::{Ctx, Error, customers};
use crate::store::Store;

pub const COLUMNS: &[&str] = &[
    "code", "name", "kind", "contact", "phone", "email", "address", "industry", "since", "tier", "tags", "channel",
    "owner", "notes", "birthday",
];

fn parse(r: &Record, today: chrono::NaiveDate) -> Result<Vec<CustomerField>, Invalid> {
    let input = CustomerInput {
        code: r.text("code"),
        name: Some(r.text("name").ok_or_else(|| Invalid::new("name", "", "is required"))?),
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
    let rows = validate_all(records, |r| parse(r, ctx.today()))?;
    refuse_repeats(&rows, "code", code_of)?;
    let code = |fields: &Vec<CustomerField>| code_of(fields).map(str::to_string);
    write_new(
        store,
        &rows,
        dry_run,
        code,
        |tx, code| Ok(tx.code_exists(code)?),
        |tx, fields, _| {
            customers::insert(tx, ctx, fields)?;
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
    if let Some(code) = code
        && let Some(found) = tx.customer_by_code(code)?
    {
        return Ok((found.id, false));
    }
    if code.is_none()
        && let Some(name) = name
        && let Some(found) = tx.customer_by_name(name)?
    {
        return Ok((found.id, false));
    }
    let input = CustomerInput {
        code: code.map(str::to_string),
        name: Some(name.or(code).unwrap_or_default().to_string()),
        ..Default::default()
    };
    let created = customers::insert(tx, ctx, &input.validate()?)?;
    Ok((created.id, true))
}

/// Checks that a row names its customer, and that what it names is valid.
pub(super) fn check_reference(r: &Record) -> Result<(), Invalid> {
    match (r.get("customer_code"), r.get("customer_name")) {
        (None, None) => Err(Invalid::new("customer_code", "", "give customer_code or customer_name")),
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
