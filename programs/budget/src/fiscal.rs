//! The fiscal-year calendar: which fiscal year a Unix time falls in.

/// Calendar (year, month 1-12) of a Unix timestamp, by Howard Hinnant's `civil_from_days`. Times before
/// 1970 count as 1970-01-01; the arithmetic is unsigned, since SBPF has no signed division.
pub fn civil_year_month(unix_timestamp: i64) -> (u64, u8) {
    let days = u64::try_from(unix_timestamp).unwrap_or(0) / 86_400;
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month as u8)
}

/// The fiscal year of `unix_timestamp` when fiscal years start in `start_month`: a year starting in
/// October is named after the calendar year it ends in (October 2026 is in fiscal year 2027).
pub fn fiscal_year(unix_timestamp: i64, start_month: u8) -> u16 {
    let (year, month) = civil_year_month(unix_timestamp);
    let fy = year + u64::from(start_month > 1 && month >= start_month);
    u16::try_from(fy).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates() {
        assert_eq!(civil_year_month(0), (1970, 1));
        assert_eq!(civil_year_month(951_782_400), (2000, 2)); // 2000-02-29
        assert_eq!(civil_year_month(1_790_812_800), (2026, 10)); // 2026-10-01
        assert_eq!(civil_year_month(1_790_812_799), (2026, 9));
        assert_eq!(civil_year_month(-1), (1970, 1));
    }

    #[test]
    fn federal_and_calendar_fiscal_years() {
        assert_eq!(fiscal_year(1_790_812_800, 10), 2027);
        assert_eq!(fiscal_year(1_790_812_799, 10), 2026);
        assert_eq!(fiscal_year(1_790_812_800, 1), 2026);
        assert_eq!(fiscal_year(1_782_864_000, 7), 2027); // 2026-07-01, a July fiscal year
    }
}
