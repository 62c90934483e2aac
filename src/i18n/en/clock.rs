//! English: clock.

use crate::i18n::catalog::clock::ClockStrings;

pub const CLOCK: ClockStrings = ClockStrings {
    forms: "expected a time like 2026-12-07 10:00, 2026-12-07, today, tomorrow 10:00, mon 09:00 (the next Monday), +2d, +3h30m, -7d (7 days ago), now, eom (end of month), sow / som (start of this week / month) or 2026-12-07T10:00:00+08:00; dates and times without an offset are in the display zone ([ui] timezone)",
    header_zone: "zone {zone}",
};
