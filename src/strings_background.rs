//! The words of work going on in the background, kept beside the main
//! catalogue and reached through `Strings::background`.

pub struct BackgroundStrings {
    /// In the header while reads run in the background: the figures on
    /// screen are about to be replaced, and the program is not hung.
    pub reading: &'static str,
    /// In the header while a save runs on the writer thread.
    pub saving: &'static str,
    /// In the header while a save waits for the file's write lock: `{0}`
    /// is one of the holders below.
    pub waiting_for: &'static str,
    /// The lock's holder is a frontdesk run as agent `{0}`, process `{1}`.
    pub holder_agent: &'static str,
    /// The lock's holder is the program `{0}`, process `{1}`.
    pub holder_program: &'static str,
    /// The lock's holder is process `{0}`, nothing more known.
    pub holder_pid: &'static str,
    /// The lock's holder cannot be seen (another host, no lock record).
    pub holder_unknown: &'static str,
    /// On a form saved again while its first save is still running.
    pub still_saving: &'static str,
    /// A save failed while another form is open: `{0}` is its title.
    pub failed_waiting: &'static str,
    /// On the terminal after quitting while a save still runs.
    pub finishing: &'static str,
    /// On the terminal when that save failed: `{0}` the form's title,
    /// `{1}` why; its fields follow.
    pub not_saved: &'static str,
}

pub const EN: BackgroundStrings = BackgroundStrings {
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
