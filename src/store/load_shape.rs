//! What each kind of bulk load writes and how: its tables, the indexes its
//! own lookups need while it writes, and its page cache (see `bulk.rs`).

/// What a bulk load writes, and so which of its tables' secondary indexes
/// it may drop and rebuild.
pub struct LoadShape {
    /// The tables it adds rows to.
    pub(super) tables: &'static [&'static str],
    /// Indexes the load's own lookups read while it writes (an import
    /// finding a customer by name): never dropped.
    pub(super) kept: &'static [&'static str],
    /// The page cache while it writes (KiB) into the indexes it keeps,
    /// whose pages it reads and writes all over.
    pub(super) cache_kib: i64,
    /// The page cache when the indexes are dropped: rows appended need few
    /// pages, and the rebuild's sorts spill beyond it to temporary files.
    pub(super) rebuild_cache_kib: i64,
    /// Tables whose rows the caller's work in `BulkLoad::finish_while`
    /// rewrites (the demo's segments): their indexes are rebuilt after it,
    /// so that the rewrite does not keep them up to date row by row.
    pub(super) rewritten_at_the_end: &'static [&'static str],
    /// How far (MiB of text) reading the loaded texts back may run ahead of
    /// the helper that indexes them for search in a new file (see
    /// `fulltext_aside`): far enough to read them all and go on with the
    /// load's other work. 0: no helper, the texts are indexed in place.
    pub(super) search_backlog_mib: usize,
    /// Whether the planner's statistics are refreshed at the end however
    /// little was loaded (else only after a rebuild): an import of a few
    /// rows into a large file must not pay for reading every index.
    pub(super) always_analyze: bool,
}

/// The demo: every table, nothing looked up, and a page cache wide enough
/// to sort a million rows' index keys in memory.
pub const DEMO_LOAD: LoadShape = LoadShape {
    tables: &[
        "customers",
        "orders",
        "tickets",
        "ticket_events",
        "interactions",
        "surveys",
        "reminders",
        "audit",
    ],
    kept: &[],
    cache_kib: LOAD_CACHE_KIB,
    rebuild_cache_kib: LOAD_CACHE_KIB,
    rewritten_at_the_end: &["customers"],
    // The demo's 100k tickets and 1M contacts hold about 45 MiB of text.
    search_backlog_mib: 64,
    always_analyze: true,
};

/// A ticket import: its tickets, their events and audit rows, and the
/// customers it creates, found by code (the unique key, never dropped) or
/// by name; within the import's memory bound.
pub const TICKET_IMPORT: LoadShape = LoadShape {
    tables: &["customers", "tickets", "ticket_events", "audit"],
    kept: &["customers_name"],
    cache_kib: IMPORT_CACHE_KIB,
    // Measured on a 200k-ticket import into a new file: as fast as with
    // 24 MiB, 20 MB less at its peak.
    rebuild_cache_kib: 8 * 1024,
    rewritten_at_the_end: &[],
    // A helper's index (its 32 MiB hash) beside the import's own work took
    // the 200k-ticket import from 129 to 150-158 MB at its peak, past its
    // bound, for 0.3-0.7 s.
    search_backlog_mib: 0,
    always_analyze: false,
};

/// Page cache during a load (KiB): rebuilding an index over a million rows
/// sorts far faster when the pages stay in memory.
const LOAD_CACHE_KIB: i64 = 256 * 1024;

/// Page cache while an import writes (KiB): the pages of the indexes it
/// inserts into stay in memory instead of spilling to the WAL again and
/// again inside the one transaction, and the import still keeps within its
/// memory bound.
const IMPORT_CACHE_KIB: i64 = 24 * 1024;
