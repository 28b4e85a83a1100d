//! Calendar arithmetic on day numbers: days since 1970-01-01 in the proleptic Gregorian calendar.
//!
//! - Gregorian: Howard Hinnant's `days_from_civil` / `civil_from_days` (exact for every year).
//! - Jalali (Solar Hijri): the arithmetic of FarsiWeb's jalali.c as PyPI `jdatetime` uses it (through
//!   `jalali_core`): a 33-year cycle with leap years where `year % 33` is 1, 5, 9, 13, 17, 22, 26 or
//!   30. Using the same algorithm as the oracle keeps the two in agreement on every day; it matches
//!   the official (astronomical) calendar for 1178–1634 SH apart from a handful of years.
//! - Hijri (Umm al-Qura): table lookup in [`crate::tables`]' `hijri.rs`, generated from PyPI
//!   `hijri-converter`; 1343-01-01..1500-12-30 AH (1924-08-01..2077-11-16). Outside that range a
//!   conversion is [`CalendarError::OutOfRange`], never a guess and never a panic.
//!
//! All functions are total: any integer in, a value or an error out, in constant time.

// The generated table lives in src/tables/ (owned by the generator, not by this module). Until
// src/tables/mod.rs declares it, it is included here by path.
use crate::tables::hijri as hijri_table;

pub use hijri_table::SOURCE as HIJRI_SOURCE;
use hijri_table::{FIRST_DAY, FIRST_YEAR, MONTH_LENGTHS, YEAR_START};

/// The calendar a date is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Calendar {
    Gregorian,
    /// The Solar Hijri calendar of Iran and Afghanistan (۱۳۷۵/۰۴/۱۲).
    Jalali,
    /// The lunar Hijri calendar, Umm al-Qura reckoning (Saudi Arabia's civil calendar).
    Hijri,
}

impl Calendar {
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Jalali => "jalali",
            Calendar::Hijri => "hijri",
        }
    }
}

/// Why a date cannot be converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// No such day in the calendar (month 13, 31 April, 30 Esfand in a common year).
    Invalid,
    /// A Hijri date outside the Umm al-Qura table.
    OutOfRange,
}

/// The first and last Hijri dates the Umm al-Qura table covers.
pub const HIJRI_RANGE: ((i32, u8, u8), (i32, u8, u8)) = ((FIRST_YEAR, 1, 1), (FIRST_YEAR + MONTH_LENGTHS.len() as i32 - 1, 12, 30));

// ---------------------------------------------------------------------------------------------
// Gregorian

pub fn is_gregorian_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Days in a Gregorian month; 0 for a month outside 1..=12.
pub fn gregorian_month_len(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_gregorian_leap(i64::from(y)) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a Gregorian date, without validation (month 13 rolls over).
pub fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let m = i64::from(m);
    let y = i64::from(y);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Gregorian date of a day number.
pub fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of a valid Gregorian date.
pub fn gregorian_to_days(y: i32, m: u8, d: u8) -> Result<i64, CalendarError> {
    if d == 0 || d > gregorian_month_len(y, m) {
        return Err(CalendarError::Invalid);
    }
    Ok(days_from_civil(y, m, d))
}

// ---------------------------------------------------------------------------------------------
// Jalali (jalali.c / jalali_core arithmetic)

const JALALI_MONTHS: [u8; 12] = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 29];
/// 1600-01-01, the origin of jalali.c's day count.
const DAYS_1600: i64 = -135_140;

/// Leap years of jdatetime's 33-year cycle.
pub fn is_jalali_leap(y: i32) -> bool {
    matches!(y.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

/// Days in a Jalali month; 0 for a month outside 1..=12.
pub fn jalali_month_len(y: i32, m: u8) -> u8 {
    match m {
        12 if is_jalali_leap(y) => 30,
        1..=12 => JALALI_MONTHS[usize::from(m - 1)],
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid Jalali date.
pub fn jalali_to_days(y: i32, m: u8, d: u8) -> Result<i64, CalendarError> {
    if d == 0 || d > jalali_month_len(y, m) {
        return Err(CalendarError::Invalid);
    }
    let jy = i64::from(y) - 979;
    let before: i64 = JALALI_MONTHS[..usize::from(m - 1)].iter().map(|&l| i64::from(l)).sum();
    let n = 365 * jy + jy.div_euclid(33) * 8 + (jy.rem_euclid(33) + 3) / 4 + before + i64::from(d) - 1 + 79;
    Ok(DAYS_1600 + n)
}

/// The Jalali date of a day number.
pub fn days_to_jalali(days: i64) -> (i64, u8, u8) {
    let n = days - DAYS_1600 - 79;
    let cycle = n.div_euclid(12_053);
    let mut rem = n.rem_euclid(12_053);
    let mut jy = 979 + 33 * cycle + 4 * (rem / 1461);
    rem %= 1461;
    if rem >= 366 {
        rem -= 1;
        jy += rem / 365;
        rem %= 365;
    }
    let mut m = 0;
    while m < 11 && rem >= i64::from(JALALI_MONTHS[m]) {
        rem -= i64::from(JALALI_MONTHS[m]);
        m += 1;
    }
    (jy, m as u8 + 1, rem as u8 + 1)
}

// ---------------------------------------------------------------------------------------------
// Hijri (Umm al-Qura table)

fn hijri_year_index(y: i32) -> Option<usize> {
    let i = usize::try_from(i64::from(y) - i64::from(FIRST_YEAR)).ok()?;
    (i < MONTH_LENGTHS.len()).then_some(i)
}

fn month_len_at(year_index: usize, m: u8) -> u8 {
    28 + ((MONTH_LENGTHS[year_index] >> (2 * u32::from(m - 1))) & 3) as u8
}

/// Days in an Umm al-Qura month (28 to 31 in the table's early years, else 29 or 30).
pub fn hijri_month_len(y: i32, m: u8) -> Result<u8, CalendarError> {
    let i = hijri_year_index(y).ok_or(CalendarError::OutOfRange)?;
    if !(1..=12).contains(&m) {
        return Err(CalendarError::Invalid);
    }
    Ok(month_len_at(i, m))
}

/// Days since 1970-01-01 of a valid Umm al-Qura date.
pub fn hijri_to_days(y: i32, m: u8, d: u8) -> Result<i64, CalendarError> {
    let len = hijri_month_len(y, m)?;
    if d == 0 || d > len {
        return Err(CalendarError::Invalid);
    }
    let i = hijri_year_index(y).ok_or(CalendarError::OutOfRange)?;
    let before: i64 = (1..m).map(|k| i64::from(month_len_at(i, k))).sum();
    Ok(i64::from(FIRST_DAY) + i64::from(YEAR_START[i]) + before + i64::from(d) - 1)
}

/// The Umm al-Qura date of a day number; `None` outside the table.
pub fn days_to_hijri(days: i64) -> Option<(i64, u8, u8)> {
    let off = days.checked_sub(i64::from(FIRST_DAY))?;
    let end = i64::from(*YEAR_START.last()?);
    if !(0..end).contains(&off) {
        return None;
    }
    let i = YEAR_START.partition_point(|&s| i64::from(s) <= off).checked_sub(1)?;
    let mut rem = off - i64::from(*YEAR_START.get(i)?);
    let mut m = 1;
    while m < 12 && rem >= i64::from(month_len_at(i, m)) {
        rem -= i64::from(month_len_at(i, m));
        m += 1;
    }
    Some((i64::from(FIRST_YEAR) + i as i64, m, rem as u8 + 1))
}

// ---------------------------------------------------------------------------------------------
// Any calendar

/// Days since 1970-01-01 of a valid date in `cal`.
pub fn to_days(cal: Calendar, y: i32, m: u8, d: u8) -> Result<i64, CalendarError> {
    match cal {
        Calendar::Gregorian => gregorian_to_days(y, m, d),
        Calendar::Jalali => jalali_to_days(y, m, d),
        Calendar::Hijri => hijri_to_days(y, m, d),
    }
}

/// The date in `cal` of a day number; `None` only for Hijri outside the table.
pub fn from_days(cal: Calendar, days: i64) -> Option<(i64, u8, u8)> {
    match cal {
        Calendar::Gregorian => Some(civil_from_days(days)),
        Calendar::Jalali => Some(days_to_jalali(days)),
        Calendar::Hijri => days_to_hijri(days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1600, 1, 1), DAYS_1600);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(days_from_civil(2000, 2, 29)), (2000, 2, 29));
        // 1375/04/12 SH is 1996-07-02; 1 Farvardin 1403 is 2024-03-20.
        assert_eq!(jalali_to_days(1375, 4, 12), Ok(days_from_civil(1996, 7, 2)));
        assert_eq!(days_to_jalali(days_from_civil(2024, 3, 20)), (1403, 1, 1));
        assert_eq!(jalali_to_days(1402, 12, 30), Err(CalendarError::Invalid));
        assert!(jalali_to_days(1403, 12, 30).is_ok());
        // 1 Ramadan 1445 AH is 2024-03-11 (Umm al-Qura).
        assert_eq!(hijri_to_days(1445, 9, 1), Ok(days_from_civil(2024, 3, 11)));
        assert_eq!(days_to_hijri(days_from_civil(2024, 3, 11)), Some((1445, 9, 1)));
        assert_eq!(hijri_to_days(1342, 12, 29), Err(CalendarError::OutOfRange));
        assert_eq!(hijri_to_days(1501, 1, 1), Err(CalendarError::OutOfRange));
        assert_eq!(hijri_to_days(1445, 13, 1), Err(CalendarError::Invalid));
        assert_eq!(days_to_hijri(days_from_civil(1924, 7, 31)), None);
        assert_eq!(days_to_hijri(days_from_civil(2077, 11, 17)), None);
        assert_eq!(days_to_hijri(days_from_civil(2077, 11, 16)), Some((1500, 12, 30)));
        assert_eq!(HIJRI_RANGE, ((1343, 1, 1), (1500, 12, 30)));
    }

    #[test]
    fn total_on_extremes() {
        for z in [i64::MIN / 4, -1_000_000_000, 0, 1_000_000_000, i64::MAX / 4] {
            let _ = civil_from_days(z);
            let _ = days_to_jalali(z);
            let _ = days_to_hijri(z);
        }
        for y in [i32::MIN, -1, 0, i32::MAX] {
            for m in [0, 1, 12, 13, 255] {
                for d in [0, 1, 31, 255] {
                    let _ = to_days(Calendar::Gregorian, y, m, d);
                    let _ = to_days(Calendar::Jalali, y, m, d);
                    let _ = to_days(Calendar::Hijri, y, m, d);
                }
            }
        }
    }
}
