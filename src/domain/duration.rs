//! Target lengths as people write them: `90`, `90m`, `1h`, `1h30m`, `3d`.

use super::error::Invalid;

/// Whole minutes, at most ten years.
pub fn parse_minutes(field: &str, value: &str) -> Result<i64, Invalid> {
    let bad = || {
        Invalid::new(
            field,
            value,
            crate::domain::error::Reason::Format(crate::domain::error::Form::Minutes),
        )
    };
    let text = value.trim().to_ascii_lowercase();
    if text.is_empty() {
        return Err(bad());
    }
    if let Ok(minutes) = text.parse::<i64>() {
        return check(field, value, minutes);
    }
    let mut total: i64 = 0;
    let mut number = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'm' => 1,
            'h' => 60,
            'd' => 24 * 60,
            'w' => 7 * 24 * 60,
            _ => return Err(bad()),
        };
        let n: i64 = number.parse().map_err(|_| bad())?;
        total = n.checked_mul(unit).and_then(|m| total.checked_add(m)).ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    check(field, value, total)
}

fn check(field: &str, value: &str, minutes: i64) -> Result<i64, Invalid> {
    const TEN_YEARS: i64 = 10 * 366 * 24 * 60;
    if (1..=TEN_YEARS).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(Invalid::new(
            field,
            value,
            crate::domain::error::Reason::DurationOutOfRange,
        ))
    }
}

/// `1h 30m`, `3d`, `45m`: for display.
pub fn format_minutes(minutes: i64) -> String {
    let (days, rest) = (minutes / (24 * 60), minutes % (24 * 60));
    let (hours, mins) = (rest / 60, rest % 60);
    let parts: Vec<String> = [(days, "d"), (hours, "h"), (mins, "m")]
        .iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| format!("{n}{unit}"))
        .collect();
    if parts.is_empty() { "0m".into() } else { parts.join(" ") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let cases = [
            ("90", Some(90)),
            ("90m", Some(90)),
            ("1h", Some(60)),
            ("1h30m", Some(90)),
            ("3d", Some(4320)),
            ("1w", Some(10080)),
            (" 24H ", Some(1440)),
            ("0", None),
            ("-5", None),
            ("1x", None),
            ("h", None),
            ("15", Some(15)),
            ("99999999999999999999d", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_minutes("minutes", input).ok(), want, "{input:?}");
        }
        assert_eq!(format_minutes(90), "1h 30m");
        assert_eq!(format_minutes(4320), "3d");
        assert_eq!(format_minutes(0), "0m");
    }
}
