//! The words of work going on in the background, kept beside the main
//! catalogue and reached through `Strings::background`.

crate::i18n::texts::catalogue_struct! {
    pub struct BackgroundStrings {
        /// In the header while reads run in the background: the figures on
        /// screen are about to be replaced, and the program is not hung.
        pub reading: &'static str,
        /// In the header while a save runs on the writer thread.
        pub saving: &'static str,
        /// In the header while a save waits for the file's write lock:
        /// `{holder}` is one of the holders below.
        pub waiting_for: &'static str,
        /// The lock's holder is a frontdesk run as agent `{agent}`, process `{pid}`.
        pub holder_agent: &'static str,
        /// The lock's holder is the program `{program}`, process `{pid}`.
        pub holder_program: &'static str,
        /// The lock's holder is process `{pid}`, nothing more known.
        pub holder_pid: &'static str,
        /// The lock's holder cannot be seen (another host, no lock record).
        pub holder_unknown: &'static str,
        /// On a form saved again while its first save is still running.
        pub still_saving: &'static str,
        /// A save failed while another form is open: `{form}` is its title.
        pub failed_waiting: &'static str,
        /// On the terminal after quitting while a save still runs.
        pub finishing: &'static str,
        /// On the terminal when that save failed: `{form}` the form's title,
        /// `{reason}` why; its fields follow.
        pub not_saved: &'static str,
    }
}
