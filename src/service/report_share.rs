//! A range of ticket ids read in runs by more than one reader at once: the monthly review's
//! tickets are tallied by the store's own read and, once its churn scan is done, by the reader
//! apart (`Store::apart`) too, so the two cores share the longest part of the report.
//!
//! A run is read whole from one snapshot and counted into a part of its own, which joins the
//! sum only when the run was read to its end; a run whose read failed is given back and read
//! again by whoever asks next, or by the caller at the end ([`SharedRuns::leftover`]). So each
//! ticket counts exactly once whichever reader read it, and the sums are the same as one
//! pass's (`Tally` adds whole numbers, in any order).

use std::ops::Range;
use std::sync::Mutex;

/// A range is read in about this many runs: fine enough for the two readers to finish
/// together (on the demo a run is under 2,000 tickets, a millisecond or two of work), coarse
/// enough that starting a run again costs nothing to speak of.
const RUNS: i64 = 64;

/// The fewest ids in a run.
const MIN_RUN_IDS: i64 = 16;

/// What the runs add up to, in parts that can be added together.
pub trait Sum: Send {
    fn absorb(&mut self, part: Self);
}

/// The runs of `ids` not yet read, handed out in order, and the sum of those read.
pub struct SharedRuns<S> {
    /// The first id not yet handed out.
    next: Mutex<i64>,
    end: i64,
    run_ids: i64,
    given_back: Mutex<Vec<Range<i64>>>,
    sum: Mutex<S>,
}

impl<S: Sum> SharedRuns<S> {
    pub fn new(ids: Range<i64>, empty: S) -> SharedRuns<S> {
        SharedRuns {
            next: Mutex::new(ids.start),
            end: ids.end,
            run_ids: (ids.end.saturating_sub(ids.start) / RUNS).max(MIN_RUN_IDS),
            given_back: Mutex::new(Vec::new()),
            sum: Mutex::new(empty),
        }
    }

    /// Reads runs with `read` until none is left, each counted by `read` into a part of its
    /// own and added to the sum once whole. On an error the run is given back and the error
    /// returned: the runs read before it stay counted.
    pub fn read<E>(&self, mut read: impl FnMut(Range<i64>) -> Result<S, E>) -> Result<(), E> {
        while let Some(run) = self.claim() {
            match read(run.clone()) {
                Ok(part) => lock(&self.sum).absorb(part),
                Err(e) => {
                    lock(&self.given_back).push(run);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Whether a run was given back and not read since (its reader failed).
    pub fn leftover(&self) -> bool {
        !lock(&self.given_back).is_empty()
    }

    /// The sum of every run read.
    pub fn into_sum(self) -> S {
        self.sum.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn claim(&self) -> Option<Range<i64>> {
        if let Some(run) = lock(&self.given_back).pop() {
            return Some(run);
        }
        let mut next = lock(&self.next);
        let start = *next;
        *next = start.saturating_add(self.run_ids).min(self.end);
        (start < self.end).then_some(start..*next)
    }
}

/// A lock whose holder panicked still holds whole runs: a part is added in one step.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids read, as a sum.
    #[derive(Debug, Default)]
    struct Ids(Vec<i64>);

    impl Sum for Ids {
        fn absorb(&mut self, part: Ids) {
            self.0.extend(part.0);
        }
    }

    #[test]
    fn two_readers_read_every_id_once_even_when_one_fails() {
        let ids = 5..(5 + 10 * RUNS * MIN_RUN_IDS + 17);
        let runs = SharedRuns::new(ids.clone(), Ids::default());
        std::thread::scope(|scope| {
            // This reader fails on its third run.
            let failing = scope.spawn(|| {
                let mut reads = 0;
                runs.read(|run| {
                    reads += 1;
                    if reads == 3 {
                        return Err("busy");
                    }
                    Ok(Ids(run.collect()))
                })
            });
            assert_eq!(failing.join().unwrap(), Err("busy"));
            runs.read(|run| Ok::<_, ()>(Ids(run.collect()))).unwrap();
        });
        assert!(!runs.leftover(), "the run given back was read again");
        let mut got = runs.into_sum().0;
        got.sort_unstable();
        assert_eq!(got, ids.collect::<Vec<_>>());
    }

    #[test]
    fn a_run_given_back_last_is_left_over() {
        let runs = SharedRuns::new(0..MIN_RUN_IDS, Ids::default());
        assert_eq!(runs.read(|_| Err::<Ids, _>("busy")), Err("busy"));
        assert!(runs.leftover());
        runs.read(|run| Ok::<_, ()>(Ids(run.collect()))).unwrap();
        assert!(!runs.leftover());
        assert_eq!(runs.into_sum().0.len(), MIN_RUN_IDS as usize);
    }

    #[test]
    fn a_range_up_to_the_largest_id_ends() {
        let runs = SharedRuns::new(i64::MAX - 40..i64::MAX, Ids::default());
        runs.read(|run| Ok::<_, ()>(Ids(run.collect()))).unwrap();
        assert_eq!(runs.into_sum().0.len(), 40);
    }

    #[test]
    fn an_empty_range_has_no_run() {
        let runs = SharedRuns::new(7..7, Ids::default());
        runs.read(|_| -> Result<Ids, ()> { panic!("no run to read") }).unwrap();
        assert!(runs.into_sum().0.is_empty());
    }
}
