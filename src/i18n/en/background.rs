//! English: background.

use crate::i18n::catalog::background::BackgroundStrings;

pub const BACKGROUND: BackgroundStrings = BackgroundStrings {
    reading: "reading…",
    saving: "saving…",
    waiting_for: "saving… waiting for {holder}",
    holder_agent: "{agent}'s write (pid {pid})",
    holder_program: "another process ({program}, pid {pid})",
    holder_pid: "another process (pid {pid})",
    holder_unknown: "another agent's write",
    still_saving: "This record's previous save is still running: save again once it is done.",
    failed_waiting: "Saving “{form}” failed: the form comes back with your text when you close this one.",
    finishing: "frontdesk: waiting for a save to finish…",
    not_saved: "frontdesk: not saved: {form}: {reason}",
};
