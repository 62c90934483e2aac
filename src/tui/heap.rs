//! How the terminal UI's memory is handed out and given back (glibc only;
//! elsewhere these do nothing).
//!
//! The reader thread builds each reload (the queue every minute, the
//! customers after a write) while the screen still shows the last one. With
//! glibc's default of an arena per thread, the new copy was allocated in the
//! reader's arena while the old one was freed in the main thread's, and
//! neither arena's free memory served the other: every arena kept the high
//! water of what it had held. One arena lets a reload reuse what the last
//! one freed; giving freed pages back after a reload lands keeps the
//! resident size at what is live. On the 100k-customer demo, after the
//! dashboard and the reminders: peak 88 -> 80 MB, resident 83 -> 64 MB.

/// One malloc arena for every thread; called before any thread starts.
pub fn share_one_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes the allocator's settings; it is called
    // before the UI starts its threads.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// Gives the pages freed since back to the system (after a reload replaced
/// a large read): a few milliseconds, only when results came in.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}
