//! Simplified Chinese: clock.

use crate::i18n::catalog::clock::ClockStrings;

pub const CLOCK: ClockStrings = ClockStrings {
    forms: "应为时间，可写：2026-12-07 10:00、2026-12-07、today（今天）、tomorrow 10:00（明天）、mon 09:00（接下来的周一，也可写 周一 09:00）、+2d、+3h30m、-7d（7 天前）、now（现在）、eom（月底）、sow / som（本周一 / 本月 1 日零点）或 2026-12-07T10:00:00+08:00；未写时区的日期和时间按显示时区（[ui] timezone）计算",
    header_zone: "时区 {zone}",
};
