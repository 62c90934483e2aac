//! Why a value was refused, as data: the edge (the CLI, the terminal UI)
//! words it through the catalogue in the user's language. Variants carry
//! what a message needs (limits, the allowed keys, line numbers); texts from
//! outside frontdesk (a CSV or TOML parser's message, an OS error) travel
//! as `detail` and are shown as they are.

/// Why a value is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Blank where a value is needed.
    Required,
    TooLong {
        length: usize,
        max: usize,
    },
    NulByte,
    TooManyTags {
        max: usize,
    },
    /// Not one of a closed list of keys.
    NotOneOf {
        allowed: Vec<String>,
    },
    /// Not one of two keys (`true`/`false`, `refund`/`cancel`).
    Either {
        first: String,
        second: String,
    },
    /// Neither of two options or columns was given.
    GiveEither {
        first: String,
        second: String,
    },
    /// Not written the way the field is written.
    Format(Form),
    /// Not a whole number in `min..=max`.
    WholeNumber {
        min: i64,
        max: i64,
    },
    /// A number outside `min..=max`.
    Between {
        min: i64,
        max: i64,
    },
    /// A survey score outside 1 to 5.
    Score,
    AtMost {
        max: i64,
    },
    Negative,
    /// An amount below 0.
    BelowZero,
    NotPositive,
    YearOutOfRange {
        min: i32,
        max: i32,
    },
    /// A duration outside 1 minute to 10 years.
    DurationOutOfRange,
    /// A date before the earliest one allowed (given as written, 1900-01-01).
    BeforeDate {
        earliest: String,
    },
    AfterToday,
    /// A month that has not begun.
    AfterCurrentMonth,
    /// A time that has not come yet; `today` when the message names the day.
    InFuture {
        today: Option<String>,
    },
    /// Earlier than another column of the same row.
    Before {
        other: String,
    },
    /// After the value of another option (`--to`).
    AfterOption {
        option: String,
        value: String,
    },
    /// A span longer than the business calendar reaches.
    SpanTooLong {
        days: i64,
        option: String,
        value: String,
    },
    /// So many business minutes are not reached within the horizon.
    NotReached {
        days: i64,
        start: String,
        calendar: String,
    },
    Hours(Hours),
    TimeZone,
    NoMatch(Lookup),
    /// A unique key (a customer's code, a macro's name) another record of
    /// the same kind already has; `by` names that kind in the message.
    Taken {
        by: Entity,
    },
    RepeatsLine {
        line: u64,
    },
    /// A ticket of another customer than the one given.
    OtherCustomer {
        owner: String,
        given: String,
    },
    /// A status change the ticket's life does not allow, by the statuses'
    /// stable keys (`TicketStatus::key`): the statuses' module parses with
    /// this module's errors, so this one names no status type.
    Transition {
        from: &'static str,
        to: &'static str,
        why: Step,
    },
    NotReopenable,
    CallbackBeforeResolution,
    MergeSame,
    KeepArchived,
    AlreadyArchived,
    LastAdmin {
        name: String,
    },
    Order(OrderProblem),
    Amount(AmountProblem),
    File(FileProblem),
    /// Boxed: the largest problem, kept off every other error's size.
    Map(Box<MapProblem>),
    Destination(DestinationProblem),
    /// The database path is a folder or a special file.
    DatabaseNotFile {
        kind: FileKind,
    },
    DemoNeedsCustomer,
    /// The demo fills only an empty database.
    DemoNotEmpty {
        customers: i64,
        tickets: i64,
    },
    NotATerminal,
    ConfigProblems {
        count: usize,
    },
    /// The audit log is exported only.
    ExportOnly,
    /// `--json` with another `--format`.
    JsonFormat,
    /// An option that only goes with another one.
    GoesWith {
        option: String,
    },
    NotWith {
        option: String,
    },
    HoursRequired,
    /// A folder to write into that does not exist (it is not made up).
    NotAFolder,
    /// A ticket or order number field that is not a number.
    NotANumber,
    /// A whole number past what the field can hold.
    NumberTooLarge,
    /// Bytes that are not UTF-8 text (an argument, a `FRONTDESK_*` variable):
    /// the value holds U+FFFD in their place, `bytes` names them (`\xE9`).
    NotUtf8 {
        bytes: String,
    },
    /// An empty path option: give a path, or leave `option` out.
    EmptyPath {
        option: String,
    },
    /// An empty path variable: set it to a path, or unset it.
    EmptyVariable,
    /// A macro with no reply and no field change.
    EmptyMacro,
    /// A text written in `$EDITOR` was left empty: that cancels.
    EmptyText,
    /// `ticket set` without any change to make.
    NothingToChange,
    /// `$EDITOR` could not be run or did not exit cleanly; the OS's words.
    EditorFailed {
        detail: String,
    },
    /// An assignee who is not one of the team's agents, with the nearest
    /// agent's name when one is near enough to be a slip.
    UnknownAgent {
        nearest: Option<String>,
    },
    /// A term of the filter language that cannot be read (the value is the term).
    Query(Box<QueryProblem>),
    /// A search text with nothing to search for: no word, no CJK character.
    NoSearchTerm,
    /// A folder given as mail that is not a Maildir (no cur/ and new/).
    NotMaildir,
    /// A file to write that exists, without `--force`.
    FileExists,
    /// A `[mail] sources` entry of no known form.
    UnknownMailSource,
    /// An IMAP source in `[mail] sources` that cannot be read as one.
    ImapUrl(ImapUrlProblem),
    /// A `postgres://` database URL that cannot be used as one.
    PgUrl(PgUrlProblem),
}

/// What is wrong with a `postgres://user@host:port/name?…` database URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PgUrlProblem {
    /// `[database] url` that is not a `postgres://` URL (a file is `--db`'s).
    Scheme,
    /// `user:password@`: passwords come from PGPASSWORD, the password file
    /// or `[database] password_command`, never the command line.
    PasswordInUrl,
    /// No host, or one that cannot be a host name or address.
    Host,
    /// Not a port from 1 to 65535.
    Port,
    /// A bad `%XX` escape, text that is not UTF-8, or a control character.
    Encoding,
    /// `sslmode` other than disable, prefer, require, verify-ca, verify-full.
    SslMode,
    /// `connect_timeout` that is not a whole number of seconds.
    Timeout,
    /// A query parameter frontdesk does not know, or a `#fragment`.
    Parameter,
}

/// What is wrong with an `imaps://user@host[:port]/FOLDER` or `imap://…` source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImapUrlProblem {
    /// Neither `imaps://` nor `imap://`.
    Scheme,
    /// No `user@` before the host.
    NoUser,
    /// `user:password@`: the password belongs to `password_command`.
    PasswordInUrl,
    NoHost,
    /// Not a port from 1 to 65535.
    Port,
    /// A bad `%XX` escape, text that is not UTF-8, or a control character.
    Encoding,
    /// `?…` or `#…`, which an IMAP source has no use for.
    QueryOrFragment,
}

/// The written forms a field expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Date,
    Month,
    Minutes,
    /// RFC 3339 or a date.
    Instant,
    /// RFC 3339, a local date and time, or a date.
    Time,
    /// Any TIME form people type (`domain::human_time`).
    HumanTime,
    Birthday,
    Email,
    Phone,
    Code,
}

/// What is wrong with an opening-hours spec (`mon-fri 09:00-17:00`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hours {
    NoTimes,
    UnknownDay { day: String },
    MissingTimes,
    NotARange { item: String },
    EmptyRange { item: String },
    Backwards { item: String },
    BadTime { time: String },
}

/// What an import row or a calendar names that does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    CustomerCode,
    ImportedTicket,
    ImportedOrder,
    Calendar,
}

/// Why a ticket cannot go from one status to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    NeverBackToNew,
    ReopenFirst,
    AlreadyClosed,
    NotAStep,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderProblem {
    Cancelled,
    FullyRefunded,
    /// Amounts as written by `format_cents`.
    MoreThanLeft {
        order: i64,
        left: String,
        total: String,
    },
    RefundNeedsAmount,
    NotLeftToCancel {
        left: String,
    },
    BeforeLast {
        order: i64,
        latest: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    MisplacedComma,
    NotAnAmount,
    TooManyDecimals,
    TooLarge,
}

/// What a file the user named is for (its size limit differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    Settings,
    Map,
    Import,
    /// A text given with `--body-file`.
    Text,
}

/// What kind of thing stands where a regular file was wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Folder,
    Fifo,
    CharDevice,
    BlockDevice,
    Device,
    Socket,
    Symlink,
    Special,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// The OS refused the read; `detail` is its message.
    Unreadable {
        detail: String,
    },
    Missing,
    NotRegular {
        kind: FileKind,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
        role: FileRole,
    },
    NotUtf8,
    LineNotUtf8 {
        line: u64,
    },
    NotCsv {
        detail: String,
    },
    FieldCount {
        line: u64,
        found: usize,
        header: usize,
    },
    /// No header row.
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapProblem {
    /// TOML's own message.
    Syntax {
        detail: String,
    },
    UnknownEntry {
        entry: String,
        nearest: Option<String>,
        known: Vec<String>,
    },
    /// Columns of the file that are not known (the field's value lists them).
    UnknownColumns {
        known: Vec<String>,
    },
    SecondTime {
        canonical: String,
        first: usize,
        second: usize,
    },
    Lacks {
        entry: String,
        column: String,
        header: Vec<String>,
    },
    IgnoreNotNames,
    NotATable {
        entry: String,
    },
    NotText {
        entry: String,
    },
    /// An entry whose value is not a quoted column name.
    Unquoted {
        key: String,
    },
}

/// Why a backup destination is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DestinationProblem {
    Sidecar { suffix: String },
    NotRegular { kind: FileKind },
    Live,
    Foreign { uid: u32 },
    NotFrontdesk,
}

/// The kinds of record a lookup or an edit names. Kept beside [`Reason`]
/// (which names one in `Taken`); `error` re-exports it with the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Customer,
    Ticket,
    Order,
    Article,
    Reminder,
    Survey,
    Policy,
    RoutingRule,
    Calendar,
    Agent,
    Macro,
    Interaction,
    View,
    /// A file or folder named on the command line.
    File,
    /// A mail attachment kept with a ticket.
    Attachment,
}

/// Why a term of the filter language (`domain::query`) cannot be read;
/// here with the other reasons so that the query module may use them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QueryProblem {
    /// Not one of the query keys; the nearest one when it looks like a slip.
    UnknownKey { key: String, nearest: Option<String> },
    /// Not one of the key's values.
    UnknownValue {
        key: String,
        value: String,
        nearest: Option<String>,
        allowed: Vec<String>,
    },
    /// `key:` with nothing after it (or an empty either-of part).
    EmptyValue { key: String },
    /// Not a TIME form.
    Time { key: String, value: String },
    /// `<`, `>` on a key that has no order (only priority and times).
    NoOrder { key: String },
    /// A `"` that is never closed.
    UnclosedQuote,
    /// More than one `sort:`.
    SecondSort,
    /// `-word`: text is searched for, never excluded.
    NegatedText,
}
