//! The words of figures laid out in columns and charts: durations as people
//! read them (`2d 12h`, `3h 05m`, `45m`), and counts of tickets. Reached through `Strings::columns`.

use crate::i18n::{Plural, fill};

crate::i18n::texts::catalogue_struct! {
    pub struct ColumnsStrings {
        /// A day or more: `{days}`, `{hours}` (two digits): `2d 12h`.
        pub days_hours: &'static str,
        /// An hour or more: `{hours}`, `{minutes}` (two digits): `3h 05m`.
        pub hours_minutes: &'static str,
        /// Under an hour: `{minutes}`: `45m`.
        pub minutes: &'static str,
        /// `{count}` tickets.
        pub tickets: Plural,
    }
}

impl ColumnsStrings {
    /// Whole minutes in their two largest units: `2d 12h`, `3h 05m`,
    /// `45m`; a fraction of a minute is rounded, a negative span counted as
    /// its size (a change's direction is told by its arrow).
    pub fn duration(&self, minutes: f64) -> String {
        // Beyond any span a desk measures; keeps the cast exact.
        let whole = minutes.abs().round().min(1e12) as i64;
        let (days, hours, mins) = (whole / 1440, whole % 1440 / 60, whole % 60);
        let two = |n: i64| format!("{n:02}");
        if days > 0 {
            fill(self.days_hours, &[("days", &days.to_string()), ("hours", &two(hours))])
        } else if hours > 0 {
            fill(
                self.hours_minutes,
                &[("hours", &hours.to_string()), ("minutes", &two(mins))],
            )
        } else {
            fill(self.minutes, &[("minutes", &mins.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// (minutes, English, Chinese): the two largest units, the smaller one
    /// in two digits.
    #[test]
    fn durations_read_in_their_two_largest_units() {
        let cases = [
            (0.0, "0m", "0分钟"),
            (0.4, "0m", "0分钟"),
            (45.0, "45m", "45分钟"),
            (59.6, "1h 00m", "1小时00分"),
            (185.0, "3h 05m", "3小时05分"),
            (1440.0, "1d 00h", "1天00小时"),
            (3600.0, "2d 12h", "2天12小时"),
            (3629.0, "2d 12h", "2天12小时"),
            (-125.0, "2h 05m", "2小时05分"),
            (14400.0 * 10.0, "100d 00h", "100天00小时"),
        ];
        for (minutes, en, zh) in cases {
            assert_eq!(Lang::En.strings().columns.duration(minutes), en, "{minutes}");
            assert_eq!(Lang::ZhCn.strings().columns.duration(minutes), zh, "{minutes}");
        }
        assert_eq!(f64::NAN.round() as i64, 0, "a NaN duration reads as none");
        assert_eq!(Lang::En.strings().columns.tickets.of(1, &[]), "1 ticket");
        assert_eq!(Lang::En.strings().columns.tickets.of(2, &[]), "2 tickets");
        assert_eq!(Lang::ZhCn.strings().columns.tickets.of(2, &[]), "2 个工单");
    }
}
