//! The words of work going on in the background, kept beside the main
//! catalogue and reached through `Strings::background`.

pub struct BackgroundStrings {
    /// In the header while reads run in the background: the figures on
    /// screen are about to be replaced, and the program is not hung.
    pub reading: &'static str,
}

pub const EN: BackgroundStrings = BackgroundStrings { reading: "reading…" };
