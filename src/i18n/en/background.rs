//! English: background.

use crate::i18n::catalog::background::BackgroundStrings;

pub const BACKGROUND: BackgroundStrings = BackgroundStrings {
    reading: "reading…",
    saving: "saving…",
    waiting_for: "saving… waiting for {0}",
    holder_agent: "{0}'s write (pid {1})",
    holder_program: "another process ({0}, pid {1})",
    holder_pid: "another process (pid {0})",
    holder_unknown: "another agent's write",
    still_saving: "This record's previous save is still running: save again once it is done.",
    failed_waiting: "Saving “{0}” failed: the form comes back with your text when you close this one.",
    finishing: "frontdesk: waiting for a save to finish…",
    not_saved: "frontdesk: not saved: {0}: {1}",
};
