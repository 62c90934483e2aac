//! Words a [`Reason`] in the catalogue's language. Values that came from
//! the user (a day, a range, an option's value) are quoted escaped, as the
//! value of the field is.

use super::Strings;
use super::catalog::errors::ErrorStrings;
use super::fill;
use crate::domain::error::{
    AmountProblem, DestinationProblem, FileKind, FileProblem, FileRole, Form, Hours, ImapUrlProblem, Lookup,
    MapProblem, OrderProblem, Reason, Step,
};

const MIB: u64 = 1024 * 1024;

/// The reason as the predicate of "invalid FIELD VALUE: …".
pub fn reason(r: &Reason, s: &Strings) -> String {
    let e = s.errors;
    let num = |n: i64| n.to_string();
    match r {
        Reason::Required => e.required.into(),
        Reason::TooLong { length, max } => fill(
            e.too_long,
            &[("length", &length.to_string()), ("max", &max.to_string())],
        ),
        Reason::NulByte => e.nul_byte.into(),
        Reason::TooManyTags { max } => fill(e.too_many_tags, &[("max", &max.to_string())]),
        Reason::NotOneOf { allowed } => fill(e.not_one_of, &[("allowed", &allowed.join(", "))]),
        Reason::Either { first, second } => fill(e.either, &[("first", first), ("second", second)]),
        Reason::GiveEither { first, second } => fill(e.give_either, &[("first", first), ("second", second)]),
        Reason::Format(form) => form_text(*form, s).into(),
        Reason::WholeNumber { min, max } => fill(e.whole_number, &[("min", &num(*min)), ("max", &num(*max))]),
        Reason::Between { min, max } => fill(e.between, &[("min", &num(*min)), ("max", &num(*max))]),
        Reason::Score => e.score.into(),
        Reason::AtMost { max } => fill(e.at_most, &[("max", &num(*max))]),
        Reason::Negative => e.negative.into(),
        Reason::BelowZero => e.below_zero.into(),
        Reason::NotPositive => e.not_positive.into(),
        Reason::YearOutOfRange { min, max } => fill(
            e.year_out_of_range,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Reason::DurationOutOfRange => e.duration_out_of_range.into(),
        Reason::BeforeDate { earliest } => fill(e.before_date, &[("earliest", earliest)]),
        Reason::AfterToday => e.after_today.into(),
        Reason::AfterCurrentMonth => e.after_current_month.into(),
        Reason::InFuture { today: None } => e.in_future.into(),
        Reason::InFuture { today: Some(today) } => fill(e.in_future_today, &[("today", today)]),
        Reason::Before { other } => fill(e.before, &[("other", other)]),
        Reason::AfterOption { option, value } => fill(e.after_option, &[("option", option), ("value", &quoted(value))]),
        Reason::SpanTooLong { days, option, value } => fill(
            e.span_too_long,
            &[("days", &num(*days)), ("option", option), ("value", &quoted(value))],
        ),
        Reason::NotReached { days, start, calendar } => fill(
            e.not_reached,
            &[("days", &num(*days)), ("start", start), ("calendar", &quoted(calendar))],
        ),
        Reason::Hours(h) => hours(h, e),
        Reason::TimeZone => e.time_zone.into(),
        Reason::NoMatch(lookup) => match lookup {
            Lookup::CustomerCode => e.no_customer_code,
            Lookup::ImportedTicket => e.no_imported_ticket,
            Lookup::ImportedOrder => e.no_imported_order,
            Lookup::Calendar => e.no_calendar,
        }
        .into(),
        Reason::Taken { by } => fill(e.taken, &[("record", super::describe::entity_name(*by, e))]),
        Reason::RepeatsLine { line } => fill(e.repeats_line, &[("line", &line.to_string())]),
        Reason::OtherCustomer { owner, given } => fill(e.other_customer, &[("owner", owner), ("given", given)]),
        Reason::Transition { from, to, why } => {
            let why = match why {
                Step::NeverBackToNew => e.step_never_new,
                Step::ReopenFirst => e.step_reopen_first,
                Step::AlreadyClosed => e.step_already_closed,
                Step::NotAStep => e.step_not_a_step,
            };
            let (from, to) = (s.choice("status", from), s.choice("status", to));
            fill(e.transition, &[("from", from), ("to", to), ("why", why)])
        }
        Reason::NotReopenable => e.not_reopenable.into(),
        Reason::CallbackBeforeResolution => e.callback_before_resolution.into(),
        Reason::MergeSame => e.merge_same.into(),
        Reason::KeepArchived => e.keep_archived.into(),
        Reason::AlreadyArchived => e.already_archived.into(),
        Reason::LastAdmin { name } => fill(e.last_admin, &[("name", name)]),
        Reason::Order(o) => order(o, e),
        Reason::Amount(a) => match a {
            AmountProblem::MisplacedComma => e.amount_comma,
            AmountProblem::NotAnAmount => e.amount_not_an_amount,
            AmountProblem::TooManyDecimals => e.amount_decimals,
            AmountProblem::TooLarge => e.amount_too_large,
        }
        .into(),
        Reason::File(f) => file(f, e),
        Reason::Map(m) => map(m, e),
        Reason::Destination(d) => destination(d, e),
        Reason::DatabaseNotFile { kind } => fill(e.database_not_file, &[("kind", kind_text(*kind, e))]),
        Reason::DemoNeedsCustomer => e.demo_needs_customer.into(),
        Reason::DemoNotEmpty { customers, tickets } => fill(
            e.demo_not_empty,
            &[("customers", &num(*customers)), ("tickets", &num(*tickets))],
        ),
        Reason::NotATerminal => e.not_a_terminal.into(),
        Reason::ConfigProblems { count } => e.config_problems.of(*count as i64, &[]),
        Reason::ExportOnly => e.export_only.into(),
        Reason::JsonFormat => e.json_format.into(),
        Reason::GoesWith { option } => fill(e.goes_with, &[("option", option)]),
        Reason::NotWith { option } => fill(e.not_with, &[("option", option)]),
        Reason::HoursRequired => e.hours_required.into(),
        Reason::NotAFolder => e.not_a_folder.into(),
        Reason::NotANumber => e.not_a_number.into(),
        Reason::NumberTooLarge => e.number_too_large.into(),
        Reason::NotUtf8 { bytes } => fill(e.not_utf8, &[("bytes", bytes)]),
        Reason::EmptyPath { option } => fill(e.empty_path, &[("option", option)]),
        Reason::EmptyVariable => e.empty_variable.into(),
        Reason::EmptyMacro => s.macros.empty_macro.into(),
        Reason::NotMaildir => s.mail_in.not_maildir.into(),
        Reason::FileExists => s.mail_in.file_exists.into(),
        Reason::UnknownMailSource => s.mail_in.unknown_source.into(),
        Reason::EmptyText => s.editing.empty_text.into(),
        Reason::NothingToChange => s.editing.nothing_to_change.into(),
        Reason::EditorFailed { detail } => fill(s.editing.editor_failed, &[("why", detail)]),
        Reason::UnknownAgent { nearest: None } => s.pickers.unknown_agent.into(),
        Reason::UnknownAgent { nearest: Some(name) } => fill(s.pickers.unknown_agent_nearest, &[("nearest", name)]),
        Reason::Query(problem) => super::query_problem::problem(problem, s),
        Reason::NoSearchTerm => s.search.no_term.into(),
        Reason::ImapUrl(problem) => imap_url(*problem, s).into(),
        Reason::PgUrl(problem) => super::pg_connect::url_problem(*problem, s).into(),
    }
}

fn imap_url(problem: ImapUrlProblem, s: &Strings) -> &'static str {
    let m = s.mail_imap;
    match problem {
        ImapUrlProblem::Scheme => m.url_scheme,
        ImapUrlProblem::NoUser => m.url_no_user,
        ImapUrlProblem::PasswordInUrl => m.url_password,
        ImapUrlProblem::NoHost => m.url_no_host,
        ImapUrlProblem::Port => m.url_port,
        ImapUrlProblem::Encoding => m.url_encoding,
        ImapUrlProblem::QueryOrFragment => m.url_query,
    }
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn form_text(form: Form, s: &Strings) -> &'static str {
    let e = s.errors;
    match form {
        Form::Date => e.form_date,
        Form::Month => e.form_month,
        Form::Minutes => e.form_minutes,
        Form::Instant => e.form_instant,
        Form::Time => e.form_time,
        Form::HumanTime => s.clock.forms,
        Form::Birthday => e.form_birthday,
        Form::Email => e.form_email,
        Form::Phone => e.form_phone,
        Form::Code => e.form_code,
    }
}

fn hours(h: &Hours, e: &ErrorStrings) -> String {
    match h {
        Hours::NoTimes => e.hours_no_times.into(),
        Hours::UnknownDay { day } => fill(e.hours_unknown_day, &[("day", &quoted(day))]),
        Hours::MissingTimes => e.hours_missing_times.into(),
        Hours::NotARange { item } => fill(e.hours_not_a_range, &[("item", &quoted(item))]),
        Hours::EmptyRange { item } => fill(e.hours_empty_range, &[("item", &quoted(item))]),
        Hours::Backwards { item } => fill(e.hours_backwards, &[("item", &quoted(item))]),
        Hours::BadTime { time } => fill(e.hours_bad_time, &[("time", &quoted(time))]),
    }
}

fn order(o: &OrderProblem, e: &ErrorStrings) -> String {
    match o {
        OrderProblem::Cancelled => e.order_cancelled.into(),
        OrderProblem::FullyRefunded => e.order_fully_refunded.into(),
        OrderProblem::MoreThanLeft { order, left, total } => fill(
            e.order_more_than_left,
            &[("order", &order.to_string()), ("left", left), ("total", total)],
        ),
        OrderProblem::RefundNeedsAmount => e.order_refund_needs_amount.into(),
        OrderProblem::NotLeftToCancel { left } => fill(e.order_not_left_to_cancel, &[("left", left)]),
        OrderProblem::BeforeLast { order, latest } => fill(
            e.order_before_last,
            &[("order", &order.to_string()), ("latest", latest)],
        ),
    }
}

fn file(f: &FileProblem, e: &ErrorStrings) -> String {
    match f {
        FileProblem::Unreadable { detail } => fill(e.file_unreadable, &[("detail", detail)]),
        FileProblem::Missing => e.file_missing.into(),
        FileProblem::NotRegular { kind } => fill(e.file_not_regular, &[("kind", kind_text(*kind, e))]),
        FileProblem::TooLarge { bytes, limit, role } => {
            let role = match role {
                FileRole::Settings => e.role_settings,
                FileRole::Map => e.role_map,
                FileRole::Import => e.role_import,
                FileRole::Text => e.role_text,
            };
            let (size, limit) = (size(*bytes, e), size(*limit, e));
            fill(e.file_too_large, &[("size", &size), ("role", role), ("limit", &limit)])
        }
        FileProblem::NotUtf8 => e.file_not_utf8.into(),
        FileProblem::LineNotUtf8 { line } => fill(e.file_line_not_utf8, &[("line", &line.to_string())]),
        FileProblem::NotCsv { detail } => fill(e.file_not_csv, &[("detail", detail)]),
        FileProblem::FieldCount { line, found, header } => fill(
            e.file_field_count,
            &[
                ("line", &line.to_string()),
                ("found", &found.to_string()),
                ("header", &header.to_string()),
            ],
        ),
        FileProblem::Empty => e.file_empty.into(),
    }
}

/// Whole mebibytes as such, larger sizes to a tenth, smaller ones in bytes.
fn size(bytes: u64, e: &ErrorStrings) -> String {
    let count = if bytes >= MIB && bytes.is_multiple_of(MIB) {
        (bytes / MIB).to_string()
    } else if bytes >= MIB {
        format!("{:.1}", bytes as f64 / MIB as f64)
    } else {
        return fill(e.bytes, &[("count", &bytes.to_string())]);
    };
    fill(e.mebibytes, &[("count", &count)])
}

pub(super) fn kind_text(kind: FileKind, e: &ErrorStrings) -> &'static str {
    match kind {
        FileKind::Folder => e.kind_folder,
        FileKind::Fifo => e.kind_fifo,
        FileKind::CharDevice => e.kind_char_device,
        FileKind::BlockDevice => e.kind_block_device,
        FileKind::Device => e.kind_device,
        FileKind::Socket => e.kind_socket,
        FileKind::Symlink => e.kind_symlink,
        FileKind::Special => e.kind_special,
    }
}

fn map(m: &MapProblem, e: &ErrorStrings) -> String {
    match m {
        MapProblem::Syntax { detail } => fill(e.map_syntax, &[("detail", detail)]),
        MapProblem::UnknownEntry { entry, nearest, known } => {
            let hint = nearest
                .as_deref()
                .map(|n| fill(e.map_nearest, &[("nearest", n)]))
                .unwrap_or_default();
            fill(
                e.map_unknown_entry,
                &[("entry", entry), ("hint", &hint), ("known", &known.join(", "))],
            )
        }
        MapProblem::UnknownColumns { known } => fill(e.map_unknown_columns, &[("known", &known.join(", "))]),
        MapProblem::SecondTime {
            canonical,
            first,
            second,
        } => fill(
            e.map_second_time,
            &[
                ("canonical", canonical),
                ("first", &first.to_string()),
                ("second", &second.to_string()),
            ],
        ),
        MapProblem::Lacks { entry, column, header } => fill(
            e.map_lacks,
            &[("entry", entry), ("column", column), ("header", &header.join(", "))],
        ),
        MapProblem::IgnoreNotNames => e.map_ignore.into(),
        MapProblem::NotATable { entry } => fill(e.map_not_table, &[("entry", entry)]),
        MapProblem::NotText { entry } => fill(e.map_not_text, &[("entry", entry)]),
        MapProblem::Unquoted { key } => fill(e.map_unquoted, &[("key", key)]),
    }
}

fn destination(d: &DestinationProblem, e: &ErrorStrings) -> String {
    match d {
        DestinationProblem::Sidecar { suffix } => fill(e.dest_sidecar, &[("suffix", suffix)]),
        DestinationProblem::NotRegular { kind } => fill(e.dest_not_regular, &[("kind", kind_text(*kind, e))]),
        DestinationProblem::Live => e.dest_live.into(),
        DestinationProblem::Foreign { uid } => fill(e.dest_foreign, &[("uid", &uid.to_string())]),
        DestinationProblem::NotFrontdesk => e.dest_not_frontdesk.into(),
    }
}
