//! The words of the one clock: the time forms people may type and the
//! display zone, reached through `Strings::clock`.

crate::i18n::texts::catalogue_struct! {
    pub struct ClockStrings {
        /// Why a TIME value was refused: the forms that work.
        pub forms: &'static str,
        /// In the TUI header: `{zone}` is the display zone and its offset
        /// (`Asia/Shanghai +08:00`).
        pub header_zone: &'static str,
    }
}
