//! How far long work has got, told to whoever listens: the command line
//! draws a bar on a terminal, tests and pipes listen to nothing. The service
//! names the stage; the listener finds its words in the catalogue.

/// A stage of long work (demo, import, export, recompute, copy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking the input file's records.
    Reading,
    Customers,
    Tickets,
    Interactions,
    Orders,
    Surveys,
    Reminders,
    /// Articles of the knowledge base.
    Articles,
    /// Building the full-text index.
    SearchIndex,
    /// Customers' segments, stages and tiers worked out again.
    Segments,
    /// Rows written out by an export.
    Rows,
    /// Indexes rebuilt after a bulk load.
    Indexes,
    /// Mail messages read into tickets (`mail import`, `mail fetch`).
    Mail,
}

/// Told of each stage and of each step done in it. Methods take `&self` so
/// one listener can be shared with worker threads.
pub trait Progress: Sync {
    /// A new stage begins: `total` steps if known.
    fn stage(&self, stage: Stage, total: Option<u64>);
    /// `steps` more steps of the current stage are done.
    fn advance(&self, steps: u64);
}

/// The listener that hears nothing: for tests, pipes and library callers.
pub struct Quiet;

impl Progress for Quiet {
    fn stage(&self, _: Stage, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
}
