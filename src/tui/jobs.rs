//! The one piece the background threads share: a queue under a lock, and
//! a condition the thread sleeps on until there is work or the end.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

pub struct Jobs<Q> {
    queue: Mutex<Q>,
    wake: Condvar,
}

impl<Q> Jobs<Q> {
    pub fn new(queue: Q) -> Jobs<Q> {
        Jobs {
            queue: Mutex::new(queue),
            wake: Condvar::new(),
        }
    }

    /// Every change under the lock is one push, pop or assignment, so a
    /// panic elsewhere cannot leave the queue half-changed: a poisoned lock
    /// is still good to use.
    pub fn lock(&self) -> MutexGuard<'_, Q> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Sleeps until woken, the lock given up meanwhile.
    pub fn wait<'a>(&self, guard: MutexGuard<'a, Q>) -> MutexGuard<'a, Q> {
        self.wake.wait(guard).unwrap_or_else(PoisonError::into_inner)
    }

    /// Work was added: the thread wakes.
    pub fn wake(&self) {
        self.wake.notify_all();
    }
}
