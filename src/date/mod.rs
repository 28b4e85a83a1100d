//! Dates: numeric and written formats in many languages and three calendars, to ISO 8601.
//!
//! [`standardize_date`] is total: any string in, a [`DateOutcome`] out, in time linear in the input
//! (capped at [`DATE_INPUT_BYTES`]). The core has no clock: plausibility checks need the caller's
//! `today` ([`DateOptions::today`]).
//!
//! ```
//! use intake::date::{standardize_date, DateOptions, DateOrder};
//! let out = standardize_date("۱۳۷۵/۰۴/۱۲", &DateOptions::default());
//! assert_eq!(out.value, "1996-07-02");
//! assert_eq!(out.calendar.map(|c| c.as_str()), Some("jalali"));
//! assert_eq!(out.native.as_deref(), Some("1375-04-12"));
//!
//! let us = DateOptions { order: DateOrder::from_tag("en-US"), ..DateOptions::default() };
//! let out = standardize_date("03/05/1990", &us);
//! assert!(out.valid);
//! assert_eq!(out.value, "1990-03-05");
//! assert_eq!(out.issues[0].code.as_str(), "date.ambiguous");
//! assert_eq!(out.issues[0].param("alternative"), Some("1990-05-03"));
//! assert_eq!(out.issues[0].message(), "Day and month could be swapped; read as 1990-03-05.");
//! ```
//!
//! ## Formats
//!
//! After standardization (invisible characters removed, trimmed, full-width forms and the digits of
//! every script folded to ASCII, NFC) the text is split into numbers, words and separators:
//!
//! - **Year first**: `1990-05-03`, `1990/5/3`, `1990.05.03`, `۱۳۷۵/۰۴/۱۲` (year of 3+ digits first,
//!   then month, then day). `1990-05-03T10:20:00Z` and `1990-05-03 10:20` drop the time.
//! - **Year last**: `03/05/1990`, `3.5.1990`, `03-05-1990`: day and month in the order of
//!   [`DateOptions::order`]. When both are 12 or less and differ, the date is read in that order
//!   and a `date.ambiguous` warning carries the other reading (`alternative`, ISO). When only one
//!   order gives a month (13/04/1990, 04/13/1990) that order is taken without a warning; when
//!   neither does the date is `date.invalid`. Both separators must be the same.
//! - **Compact**: `19900503` (eight digits, YYYYMMDD).
//! - **Two-digit years**: only in the year-last numeric form and with month names (`03/05/90`,
//!   `3 May 90`), and only for the Gregorian calendar. With `today`, the year is the latest one not
//!   after today's year for birth dates, else the one within 80 years before to 19 years after
//!   today's year; without `today`, 00–49 is 2000–2049 and 50–99 is 1950–1999.
//! - **Month names**, full and abbreviated, with or without accents, in any case: English,
//!   German, French, Spanish (`3 May 1990`, `May 3rd, 1990`, `3. Mai 1990`, `le 1er mai 1990`,
//!   `3 de mayo de 1990`); Persian Gregorian (ژانویه…دسامبر) and Jalali (فروردین…اسفند, and the
//!   Dari حمل…حوت) months; Arabic Gregorian (يناير…ديسمبر), Levantine (كانون الثاني…كانون الأول)
//!   and Hijri (محرم…ذو الحجة, Arabic and Persian spellings) months. Day and year may be either
//!   side; the number with three or more digits is the year. Weekday names and the words de, del,
//!   of, the, le, el, den, am are skipped.
//! - **Chinese**: `1990年5月3日`, `1990年05月03`, `一九九〇年五月三日` (日, 号 or 號).
//!
//! ## Calendar
//!
//! The first rule that applies decides:
//!
//! 1. What the text says. A month name belongs to one calendar. Era marks: `هـ`, `ه`, `ق`, `ه.ق`,
//!    `قمری`, `AH`, `H` are Hijri; `ش`, `ه.ش`, `شمسی`, `خورشیدی`, `AP`, `SH` are Jalali (the `ه`
//!    of `ه.ش` means Solar Hijri); `م`, `میلادی`, `AD`, `CE` are Gregorian. Marks that disagree
//!    with each other or with the month name make the text `date.unparsable`. Text evidence
//!    wins over the caller's hint.
//! 2. The caller's hint ([`DateOptions::calendar`]), when not `Auto`.
//! 3. The year: 1300–1499 is Jalali (Hijri when the locale is Arabic: Arab countries use the
//!    Hijri calendar, Iran and Afghanistan the Jalali one); any other year is Gregorian.
//!
//! So a year of 1300–1500 is Hijri only with Hijri evidence (a Hijri month name, an era mark,
//! the hint, or the Arabic locale); otherwise the overlap goes to the Jalali calendar.
//!
//! Hijri dates are converted by the Umm al-Qura table (1343–1500 AH, 1924-08-01..2077-11-16);
//! a Hijri date outside it is `date.unparsable` with params `calendar` and `range`.
//!
//! ## Checks
//!
//! A day that does not exist in its calendar (31 April, 30 February, 30 Esfand in a common year, a
//! month 13) is `date.invalid`. With `birth_date` and `today`: after today is `date.in_future`,
//! more than 130 years before today is `date.too_old`.

pub mod calendar;

pub use calendar::Calendar;

use crate::issue::{Changes, Code, Issue, Severity};
use crate::locale::Locale;
use crate::text;
use crate::Change;
use calendar::CalendarError;
use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// Inputs longer than this are not processed (`input.too_long`). A written date in any script with
/// a weekday and an era mark fits in well under 100 bytes.
pub const DATE_INPUT_BYTES: usize = 256;

/// Most tokens a date can have (numbers, words, separators); more is `date.unparsable` at once.
const MAX_TOKENS: usize = 40;

/// How long ago a birth date may be, in years.
pub const MAX_AGE_YEARS: i32 = 130;

/// Which of day and month comes first in the year-last numeric form (03/04/1990).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// 03/04/1990 is 3 April: most of the world.
    #[default]
    DayFirst,
    /// 03/04/1990 is 4 March: the United States and its territories, the Federated States of
    /// Micronesia, the Marshall Islands, Palau.
    MonthFirst,
}

impl DateOrder {
    /// The order of a BCP 47 tag's region (`en-US` is month first, `en-GB` and `fa-IR` day first).
    pub fn from_tag(tag: &str) -> DateOrder {
        let month_first = tag.split(['-', '_']).skip(1).any(|sub| {
            sub.len() == 2 && ["US", "AS", "GU", "MP", "PR", "UM", "VI", "FM", "MH", "PW"].iter().any(|r| sub.eq_ignore_ascii_case(r))
        });
        if month_first {
            DateOrder::MonthFirst
        } else {
            DateOrder::DayFirst
        }
    }
}

/// Which calendar a date without evidence in its text is read in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CalendarHint {
    /// By the year: 1300–1499 Jalali (Hijri with the Arabic locale), else Gregorian.
    #[default]
    Auto,
    Gregorian,
    Jalali,
    Hijri,
}

/// How to read and report a date.
#[derive(Clone, Debug)]
pub struct DateOptions<'a> {
    pub locale: Locale,
    /// Day-first or month-first for 03/04/1990 ([`DateOrder::from_tag`] maps a locale tag).
    pub order: DateOrder,
    /// Field path reported in issues.
    pub path: &'a str,
    /// Today's Gregorian date (year, month, day), for the plausibility checks and two-digit years.
    /// The core has no clock: without it nothing is checked against the present.
    pub today: Option<(i32, u8, u8)>,
    /// The value is a birth date: not after `today`, not more than 130 years before it.
    pub birth_date: bool,
    pub calendar: CalendarHint,
}

impl Default for DateOptions<'_> {
    fn default() -> Self {
        DateOptions {
            locale: Locale::En,
            order: DateOrder::DayFirst,
            path: "date",
            today: None,
            birth_date: false,
            calendar: CalendarHint::Auto,
        }
    }
}

/// Everything known about one date input. `value` is the ISO 8601 Gregorian date (`YYYY-MM-DD`)
/// when the date was understood and exists, else the standardized text; `original` is never altered.
#[derive(Clone, Debug, PartialEq)]
pub struct DateOutcome<'a> {
    pub value: Cow<'a, str>,
    pub original: Cow<'a, str>,
    pub changes: Vec<Change>,
    /// No issue of severity error.
    pub valid: bool,
    /// `YYYY-MM-DD` (Gregorian) when the date exists.
    pub iso: Option<String>,
    /// The calendar the input was written in, when it was read as a date.
    pub calendar: Option<Calendar>,
    /// The date as written, in its own calendar, `YYYY-MM-DD` (`1375-04-12` for a Jalali date).
    pub native: Option<String>,
    pub issues: Vec<Issue>,
}

impl DateOutcome<'_> {
    /// The same outcome, owning its strings.
    pub fn into_owned(self) -> DateOutcome<'static> {
        DateOutcome {
            value: Cow::Owned(self.value.into_owned()),
            original: Cow::Owned(self.original.into_owned()),
            ..self
        }
    }
}

struct Report<'o> {
    opts: &'o DateOptions<'o>,
    issues: Vec<Issue>,
}

impl Report<'_> {
    fn add(&mut self, code: Code, params: Vec<(&'static str, String)>) {
        self.issues.push(Issue::new(code, self.opts.path, self.opts.locale, params));
    }
}

/// Reads one date and standardizes it to ISO 8601.
pub fn standardize_date<'a>(input: &'a str, opts: &DateOptions) -> DateOutcome<'a> {
    let mut report = Report { opts, issues: Vec::new() };
    let mut out = DateOutcome {
        value: Cow::Borrowed(input),
        original: Cow::Borrowed(input),
        changes: Vec::new(),
        valid: false,
        iso: None,
        calendar: None,
        native: None,
        issues: Vec::new(),
    };
    if input.len() > DATE_INPUT_BYTES {
        report.add(Code::InputTooLong, vec![("max", DATE_INPUT_BYTES.to_string())]);
        out.issues = report.issues;
        return out;
    }
    let Changes { value, list } = standardize(input);
    out.changes = list;
    if value.is_empty() {
        report.add(Code::InputEmpty, Vec::new());
        out.value = value;
        out.issues = report.issues;
        return out;
    }

    match read(&value, opts) {
        Err(()) => report.add(Code::DateUnparsable, Vec::new()),
        Ok(reading) => {
            out.calendar = Some(reading.calendar);
            match reading.resolve() {
                Err(CalendarError::Invalid) => report.add(Code::DateInvalid, Vec::new()),
                Err(CalendarError::OutOfRange) => {
                    let ((y0, _, _), (y1, _, _)) = calendar::HIJRI_RANGE;
                    report.add(
                        Code::DateUnparsable,
                        vec![("calendar", reading.calendar.as_str().to_owned()), ("range", format!("{y0}-{y1}"))],
                    );
                }
                Ok((days, native)) => {
                    let iso = iso(calendar::civil_from_days(days));
                    if let Some(alt) = &reading.alternative {
                        if let Ok((alt_days, _)) = alt.resolve() {
                            report.add(
                                Code::DateAmbiguous,
                                vec![("value", iso.clone()), ("alternative", self::iso(calendar::civil_from_days(alt_days)))],
                            );
                        }
                    }
                    if opts.birth_date {
                        if let Some(today) = opts.today {
                            check_birth_date(days, today, &mut report);
                        }
                    }
                    if *value != *iso {
                        out.changes.push(Change { kind: "to_iso", from: value.to_string(), to: iso.clone() });
                        out.value = Cow::Owned(iso.clone());
                    }
                    out.native = Some(native);
                    out.iso = Some(iso);
                }
            }
        }
    }
    // Without a date, or when the text already was its ISO form (no copy then).
    if out.iso.as_deref().is_none_or(|iso| *iso == *value) {
        out.value = value;
    }
    out.valid = !report.issues.iter().any(|i| i.severity() == Severity::Error);
    out.issues = report.issues;
    out
}

fn iso((y, m, d): (i64, u8, u8)) -> String {
    if !(0..=9999).contains(&y) || m > 99 || d > 99 {
        return format!("{y:04}-{m:02}-{d:02}");
    }
    // Digits by hand: the formatting machinery costs more than the rest of reading a date.
    let digit = |v: i64| char::from(b'0' + (v % 10) as u8);
    let (m, d) = (i64::from(m), i64::from(d));
    let mut out = String::with_capacity(10);
    out.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), '-', digit(m / 10), digit(m), '-', digit(d / 10), digit(d)]);
    out
}

fn check_birth_date(days: i64, today: (i32, u8, u8), report: &mut Report) {
    let born = calendar::civil_from_days(days);
    let (ty, tm, td) = today;
    let now = (i64::from(ty), tm, td);
    if born > now {
        report.add(Code::DateInFuture, Vec::new());
    } else if born < (i64::from(ty) - i64::from(MAX_AGE_YEARS), tm, td) {
        report.add(Code::DateTooOld, vec![("max", MAX_AGE_YEARS.to_string())]);
    }
}

fn standardize(input: &str) -> Changes<'_> {
    let mut c = Changes::new(input);
    if input.bytes().all(|b| b.is_ascii_graphic()) && !input.as_bytes().contains(&b'T') && !input.contains(':') {
        return c;
    }
    c.apply("remove_invisible", |s| text::strip_invisible(s, false));
    c.apply("trim", text::trim);
    c.apply("fold_width", text::fold_width);
    c.apply("fold_digits", text::fold_digits);
    c.apply("nfc", text::nfc);
    c.apply("drop_time", drop_time);
    c
}

/// `1990-05-03T10:20:30Z`, `1990-05-03 10:20` → `1990-05-03`: the time of an ISO date-time (or a
/// database export) is not part of a date. Only after an ISO date, only time characters after it.
fn drop_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let iso_date = b.len() > 11
        && b[..10].iter().enumerate().all(|(i, &c)| if i == 4 || i == 7 { c == b'-' } else { c.is_ascii_digit() });
    if !iso_date || !matches!(b[10], b'T' | b't' | b' ') || !b[11].is_ascii_digit() {
        return None;
    }
    let rest = &b[11..];
    let time_chars = rest.iter().all(|&c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b',' | b'+' | b'-' | b'Z' | b'z' | b' '));
    (time_chars && rest.contains(&b':')).then(|| s[..10].to_owned())
}

// -------------------------------------------------------------------------------------------------
// Reading

/// A date as read from the text: numbers in a calendar, not yet checked.
#[derive(Clone, Debug)]
struct Reading {
    calendar: Calendar,
    y: u32,
    m: u32,
    d: u32,
    /// The other day/month order of an ambiguous year-last date.
    alternative: Option<Box<Reading>>,
}

impl Reading {
    /// The day number and the native `YYYY-MM-DD`, or why there is none.
    fn resolve(&self) -> Result<(i64, String), CalendarError> {
        let (Ok(y), Ok(m), Ok(d)) = (i32::try_from(self.y), u8::try_from(self.m), u8::try_from(self.d)) else {
            return Err(CalendarError::Invalid);
        };
        if y < 1 {
            return Err(CalendarError::Invalid);
        }
        let days = calendar::to_days(self.calendar, y, m, d)?;
        // ISO 8601 without expansion has four-digit years.
        let (gy, _, _) = calendar::civil_from_days(days);
        if !(1..=9999).contains(&gy) {
            return Err(CalendarError::Invalid);
        }
        Ok((days, iso((i64::from(y), m, d))))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Era {
    /// `ه` / `هـ`: Hijri, or Solar Hijri when `ش` follows (`ه.ش`).
    HijriMark,
    Hijri,
    Jalali,
    Gregorian,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Year,
    Month,
    Day,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Num { v: u32, digits: u8 },
    Month(Calendar, u8),
    Era(Era),
    /// Ordinal suffix right after a number (3rd, 1er, 1º).
    Ordinal,
    /// Skipped words: weekday names, de, of, le...
    Filler,
    Mark(Mark),
    /// A separator: `/`, `-`, `.`, `,` or ` ` (other scripts' forms folded to these).
    Sep(u8),
}

fn separator(c: char) -> Option<u8> {
    Some(match c {
        '/' | '\u{2044}' | '\u{2215}' | '\u{060D}' | '\\' => b'/',
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' => b'-',
        '.' | '\u{066B}' | '\u{06D4}' => b'.',
        ',' | '\u{060C}' | '\u{3001}' | '\u{FF64}' => b',',
        c if c.is_whitespace() => b' ',
        _ => return None,
    })
}

fn cjk_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A run of Chinese numerals: digit by digit (一九九〇), or with 十 (十二, 二十三, 三十一).
fn cjk_number(run: &[char]) -> Option<(u32, u8)> {
    if let Some(p) = run.iter().position(|&c| c == '十') {
        let tens = match &run[..p] {
            [] => 1,
            [c] => cjk_digit(*c)?,
            _ => return None,
        };
        let units = match &run[p + 1..] {
            [] => 0,
            [c] => cjk_digit(*c)?,
            _ => return None,
        };
        return Some((tens * 10 + units, 2));
    }
    if run.len() > 8 {
        return None;
    }
    let mut v = 0;
    for &c in run {
        v = v * 10 + cjk_digit(c)?;
    }
    Some((v, run.len() as u8))
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0300}'..='\u{036F}' | '°' | '\'' | '’')
}

fn is_cjk_numeral(c: char) -> bool {
    cjk_digit(c).is_some() || c == '十'
}

/// Splits the standardized text into tokens; `Err` at the first character no date contains.
fn tokenize(s: &str) -> Result<Vec<Tok>, ()> {
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    chars.extend(s.chars());
    let mut toks: Vec<Tok> = Vec::with_capacity(chars.len().min(MAX_TOKENS));
    let mut i = 0;
    while i < chars.len() {
        if toks.len() >= MAX_TOKENS {
            return Err(());
        }
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start > 8 {
                return Err(());
            }
            let v = chars[start..i].iter().fold(0u32, |v, c| v * 10 + (*c as u32 - '0' as u32));
            toks.push(Tok::Num { v, digits: (i - start) as u8 });
        } else if is_cjk_numeral(c) {
            let start = i;
            while i < chars.len() && is_cjk_numeral(chars[i]) {
                i += 1;
            }
            let (v, digits) = cjk_number(&chars[start..i]).ok_or(())?;
            toks.push(Tok::Num { v, digits });
        } else if let Some(mark) = match c {
            '年' => Some(Mark::Year),
            '月' => Some(Mark::Month),
            '日' | '号' | '號' => Some(Mark::Day),
            _ => None,
        } {
            toks.push(Tok::Mark(mark));
            i += 1;
        } else if let Some(sep) = separator(c) {
            toks.push(Tok::Sep(sep));
            i += 1;
        } else if is_word_char(c) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            let after_number = matches!(toks.last(), Some(Tok::Num { .. }));
            let w = key(&chars[start..i]);
            // A two-word month name (كانون الثاني, ذو الحجة, Rabi' al-awwal spelled with a space).
            if let Some(next) = second_word(&chars, i) {
                let two = format!("{w}{}", key(&chars[next.0..next.1]));
                if let Some(Tok::Month(cal, m)) = classify(&two, false) {
                    toks.push(Tok::Month(cal, m));
                    i = next.1;
                    continue;
                }
            }
            toks.push(classify(&w, after_number).ok_or(())?);
        } else {
            return Err(());
        }
    }
    Ok(toks)
}

/// The span of the word after one space following position `i`, if any.
fn second_word(chars: &[char], i: usize) -> Option<(usize, usize)> {
    if chars.get(i).is_none_or(|c| !c.is_whitespace()) {
        return None;
    }
    let start = i + 1;
    let mut end = start;
    while end < chars.len() && is_word_char(chars[end]) {
        end += 1;
    }
    (end > start).then_some((start, end))
}

/// The lookup form of a word: lowercase, without Latin accents or Arabic vowel marks and tatweel,
/// with the Arabic and Persian forms of yeh, kaf, alef and teh marbuta made one.
fn key(word: &[char]) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    for c in word.iter().flat_map(|c| c.to_lowercase()).collect::<String>().nfd() {
        match c {
            '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\'' | '’' => {}
            'ي' | 'ى' => out.push('ی'),
            'ك' => out.push('ک'),
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' | 'ۀ' => out.push('ه'),
            _ => out.push(c),
        }
    }
    // NFD splits آ and أ into alef + combining mark (dropped above), which is the folding wanted;
    // recompose what is left (Persian ژ, ئ are not decomposed by NFD).
    out.nfc().collect()
}

use Calendar::{Gregorian as G, Hijri as H, Jalali as J};

/// Month names in lookup form ([`key`]): (name, calendar, month).
const MONTHS: &[(&str, Calendar, u8)] = &[
    // English, German, French, Spanish (accents removed by `key`).
    ("january", G, 1), ("jan", G, 1), ("januar", G, 1), ("janner", G, 1), ("janvier", G, 1), ("janv", G, 1), ("enero", G, 1), ("ene", G, 1),
    ("february", G, 2), ("feb", G, 2), ("februar", G, 2), ("fevrier", G, 2), ("fevr", G, 2), ("fev", G, 2), ("febrero", G, 2),
    ("march", G, 3), ("mar", G, 3), ("marz", G, 3), ("maerz", G, 3), ("mrz", G, 3), ("mars", G, 3), ("marzo", G, 3),
    ("april", G, 4), ("apr", G, 4), ("avril", G, 4), ("avr", G, 4), ("abril", G, 4), ("abr", G, 4),
    ("may", G, 5), ("mai", G, 5), ("mayo", G, 5),
    ("june", G, 6), ("jun", G, 6), ("juni", G, 6), ("juin", G, 6), ("junio", G, 6),
    ("july", G, 7), ("jul", G, 7), ("juli", G, 7), ("juillet", G, 7), ("juil", G, 7), ("julio", G, 7),
    ("august", G, 8), ("aug", G, 8), ("aout", G, 8), ("agosto", G, 8), ("ago", G, 8),
    ("september", G, 9), ("sep", G, 9), ("sept", G, 9), ("septembre", G, 9), ("septiembre", G, 9), ("setiembre", G, 9),
    ("october", G, 10), ("oct", G, 10), ("oktober", G, 10), ("okt", G, 10), ("octobre", G, 10), ("octubre", G, 10),
    ("november", G, 11), ("nov", G, 11), ("novembre", G, 11), ("noviembre", G, 11),
    ("december", G, 12), ("dec", G, 12), ("dezember", G, 12), ("dez", G, 12), ("decembre", G, 12), ("diciembre", G, 12), ("dic", G, 12),
    // Persian Gregorian months.
    ("ژانویه", G, 1), ("فوریه", G, 2), ("مارس", G, 3), ("اوریل", G, 4), ("اپریل", G, 4), ("مه", G, 5), ("می", G, 5),
    ("ژوین", G, 6), ("جون", G, 6), ("ژوییه", G, 7), ("جولای", G, 7), ("اوت", G, 8), ("اگوست", G, 8), ("سپتامبر", G, 9),
    ("اکتبر", G, 10), ("نوامبر", G, 11), ("دسامبر", G, 12),
    // Arabic Gregorian months (Egypt, the Gulf, the Maghreb spellings of يونيه/يوليه) ...
    ("ینایر", G, 1), ("فبرایر", G, 2), ("ابریل", G, 4), ("مایو", G, 5), ("یونیو", G, 6), ("یونیه", G, 6),
    ("یولیو", G, 7), ("یولیه", G, 7), ("اغسطس", G, 8), ("سبتمبر", G, 9), ("اکتوبر", G, 10), ("نوفمبر", G, 11), ("دیسمبر", G, 12),
    // ... and the Levantine / Iraqi ones.
    ("کانونالثانی", G, 1), ("شباط", G, 2), ("اذار", G, 3), ("نیسان", G, 4), ("ایار", G, 5), ("حزیران", G, 6),
    ("تموز", G, 7), ("اب", G, 8), ("ایلول", G, 9), ("تشرینالاول", G, 10), ("تشرینالثانی", G, 11), ("کانونالاول", G, 12),
    // Jalali months (Iran), and the Dari zodiac names (Afghanistan).
    ("فروردین", J, 1), ("اردیبهشت", J, 2), ("خرداد", J, 3), ("تیر", J, 4), ("مرداد", J, 5), ("امرداد", J, 5),
    ("شهریور", J, 6), ("مهر", J, 7), ("ابان", J, 8), ("اذر", J, 9), ("دی", J, 10), ("بهمن", J, 11), ("اسفند", J, 12),
    ("حمل", J, 1), ("ثور", J, 2), ("جوزا", J, 3), ("سرطان", J, 4), ("اسد", J, 5), ("سنبله", J, 6),
    ("میزان", J, 7), ("عقرب", J, 8), ("قوس", J, 9), ("جدی", J, 10), ("دلو", J, 11), ("حوت", J, 12),
    // Hijri months, Arabic and Persian spellings, and common transliterations.
    ("محرم", H, 1), ("محرمالحرام", H, 1), ("صفر", H, 2),
    ("ربیعالاول", H, 3), ("ربیعاول", H, 3), ("ربیعالثانی", H, 4), ("ربیعالاخر", H, 4), ("ربیعثانی", H, 4),
    ("جمادیالاولی", H, 5), ("جمادیالاول", H, 5), ("جمادیاول", H, 5),
    ("جمادیالاخره", H, 6), ("جمادیالاخر", H, 6), ("جمادیالثانیه", H, 6), ("جمادیالثانی", H, 6), ("جمادیثانی", H, 6),
    ("رجب", H, 7), ("شعبان", H, 8), ("رمضان", H, 9), ("شوال", H, 10),
    ("ذوالقعده", H, 11), ("ذیالقعده", H, 11), ("ذیقعده", H, 11), ("ذوالحجه", H, 12), ("ذیالحجه", H, 12), ("ذیحجه", H, 12),
    ("muharram", H, 1), ("safar", H, 2), ("rajab", H, 7), ("shaban", H, 8), ("shaaban", H, 8), ("ramadan", H, 9),
    ("ramazan", H, 9), ("shawwal", H, 10),
];

const ERAS: &[(&str, Era)] = &[
    ("ه", Era::HijriMark), ("ق", Era::Hijri), ("هق", Era::Hijri), ("قمری", Era::Hijri), ("ah", Era::Hijri), ("h", Era::Hijri),
    ("ش", Era::Jalali), ("هش", Era::Jalali), ("شمسی", Era::Jalali), ("خورشیدی", Era::Jalali), ("ap", Era::Jalali), ("sh", Era::Jalali),
    ("م", Era::Gregorian), ("میلادی", Era::Gregorian), ("ad", Era::Gregorian), ("ce", Era::Gregorian),
];

const FILLERS: &[&str] = &[
    "de", "del", "of", "the", "le", "el", "den", "am",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
    "شنبه", "یکشنبه", "دوشنبه", "سهشنبه", "چهارشنبه", "پنجشنبه", "جمعه", "روز",
    "السبت", "الاحد", "الاثنین", "الثلاثاء", "الاربعاء", "الخمیس", "الجمعه", "یوم",
];

const ORDINALS: &[&str] = &["st", "nd", "rd", "th", "er", "re", "e", "o", "a", "º", "ª", "°"];

fn classify(w: &str, after_number: bool) -> Option<Tok> {
    if let Some(&(_, cal, m)) = MONTHS.iter().find(|(name, _, _)| *name == w) {
        return Some(Tok::Month(cal, m));
    }
    if let Some(&(_, era)) = ERAS.iter().find(|(name, _)| *name == w) {
        return Some(Tok::Era(era));
    }
    if after_number && ORDINALS.contains(&w) {
        return Some(Tok::Ordinal);
    }
    FILLERS.contains(&w).then_some(Tok::Filler)
}

/// The numbers of a date in the order written, with their month name or marks resolved.
struct Parts {
    y: u32,
    m: u32,
    d: u32,
    /// The year was written with two digits.
    short_year: bool,
    /// The other reading of an ambiguous year-last numeric date: (month, day).
    swapped: Option<(u32, u32)>,
    /// The calendar of the month name, if one was written.
    month_calendar: Option<Calendar>,
}

fn read(s: &str, opts: &DateOptions) -> Result<Reading, ()> {
    let toks = tokenize(s)?;
    let mut era: Option<Era> = None;
    let mut hijri_mark = false;
    for t in &toks {
        if let Tok::Era(e) = *t {
            match e {
                Era::HijriMark => hijri_mark = true,
                e if era.is_some_and(|prev| prev != e) => return Err(()),
                e => era = Some(e),
            }
        }
    }
    // ه alone is Hijri; ه.ش is Solar Hijri; ه with a Gregorian mark is a contradiction.
    let mark_only = hijri_mark && era.is_none();
    let era = match (hijri_mark, era) {
        (true, None) => Some(Calendar::Hijri),
        (true, Some(Era::Gregorian)) => return Err(()),
        (_, e) => e.map(|e| match e {
            Era::Jalali => Calendar::Jalali,
            Era::Gregorian => Calendar::Gregorian,
            _ => Calendar::Hijri,
        }),
    };
    // The tokens that carry the date, without separators, fillers and era marks.
    let core: Vec<Tok> = toks.iter().copied().filter(|t| matches!(t, Tok::Num { .. } | Tok::Month(..) | Tok::Mark(_))).collect();
    let parts = if core.iter().any(|t| matches!(t, Tok::Mark(_))) {
        chinese(&core)?
    } else if core.iter().any(|t| matches!(t, Tok::Month(..))) {
        named(&core)?
    } else {
        numeric(&toks, opts.order)?
    };
    let evidence = match (parts.month_calendar, era) {
        (Some(a), Some(b)) if a != b && !(mark_only && a == Calendar::Jalali) => return Err(()),
        (Some(a), _) => Some(a),
        (None, e) => e,
    };
    let cal = evidence.unwrap_or(match opts.calendar {
        CalendarHint::Gregorian => Calendar::Gregorian,
        CalendarHint::Jalali => Calendar::Jalali,
        CalendarHint::Hijri => Calendar::Hijri,
        CalendarHint::Auto if (1300..=1499).contains(&parts.y) && !parts.short_year => {
            if opts.locale == Locale::Ar {
                Calendar::Hijri
            } else {
                Calendar::Jalali
            }
        }
        CalendarHint::Auto => Calendar::Gregorian,
    });
    let y = if parts.short_year {
        if cal != Calendar::Gregorian {
            return Err(());
        }
        expand_year(parts.y, opts)
    } else {
        parts.y
    };
    let alternative =
        parts.swapped.map(|(m, d)| Box::new(Reading { calendar: cal, y, m, d, alternative: None }));
    Ok(Reading { calendar: cal, y, m: parts.m, d: parts.d, alternative })
}

/// A two-digit year's century (see the module docs).
fn expand_year(yy: u32, opts: &DateOptions) -> u32 {
    match opts.today {
        Some((ty, _, _)) => {
            let ty = i64::from(ty);
            let base = ty - ty.rem_euclid(100) + i64::from(yy);
            let y = if opts.birth_date {
                if base > ty { base - 100 } else { base }
            } else if base > ty + 19 {
                base - 100
            } else if base < ty - 80 {
                base + 100
            } else {
                base
            };
            u32::try_from(y).unwrap_or(0)
        }
        None if yy < 50 => 2000 + yy,
        None => 1900 + yy,
    }
}

/// 1990年5月3日: year, 年, month, 月, day, and 日 (optional at the end).
fn chinese(core: &[Tok]) -> Result<Parts, ()> {
    use Mark::*;
    let (y, m, d) = match *core {
        [Tok::Num { v: y, digits }, Tok::Mark(Year), Tok::Num { v: m, .. }, Tok::Mark(Month), Tok::Num { v: d, .. }, Tok::Mark(Day)]
        | [Tok::Num { v: y, digits }, Tok::Mark(Year), Tok::Num { v: m, .. }, Tok::Mark(Month), Tok::Num { v: d, .. }]
            if digits >= 3 =>
        {
            (y, m, d)
        }
        _ => return Err(()),
    };
    Ok(Parts { y, m, d, short_year: false, swapped: None, month_calendar: None })
}

/// A month name and two numbers, day and year, in any order: the number of three or more digits
/// is the year; with two short numbers the later one is a two-digit year.
fn named(core: &[Tok]) -> Result<Parts, ()> {
    let mut month = None;
    let mut nums = Vec::with_capacity(2);
    for t in core {
        match *t {
            Tok::Month(cal, m) if month.is_none() => month = Some((cal, m)),
            Tok::Num { v, digits } if nums.len() < 2 => nums.push((v, digits)),
            _ => return Err(()),
        }
    }
    let (Some((cal, m)), [(a, da), (b, db)]) = (month, nums.as_slice()) else { return Err(()) };
    let ((y, dy), (d, dd)) = match (*da >= 3, *db >= 3) {
        (true, false) => ((*a, *da), (*b, *db)),
        (false, true) => ((*b, *db), (*a, *da)),
        (false, false) => ((*b, *db), (*a, *da)),
        (true, true) => return Err(()),
    };
    if dd > 2 {
        return Err(());
    }
    Ok(Parts { y, m: u32::from(m), d, short_year: dy <= 2, swapped: None, month_calendar: Some(cal) })
}

/// Numbers only: YYYY-MM-DD, DD-MM-YYYY / MM-DD-YYYY, DD-MM-YY, YYYYMMDD.
fn numeric(toks: &[Tok], order: DateOrder) -> Result<Parts, ()> {
    // The numbers, and the separator between each two: one of / - . , (spaces around it are
    // fine) or spaces only. Weekdays and era marks may come before or after, not between.
    let mut nums: Vec<(u32, u8)> = Vec::with_capacity(3);
    let mut seps: Vec<u8> = Vec::with_capacity(2);
    let mut gap: Option<u8> = None; // the non-space separator since the last number
    let mut gap_len = 0; // separator tokens since the last number
    for t in toks {
        match *t {
            Tok::Num { v, digits } => {
                if !nums.is_empty() {
                    if gap_len == 0 {
                        return Err(());
                    }
                    seps.push(gap.unwrap_or(b' '));
                }
                if nums.len() == 3 {
                    return Err(());
                }
                nums.push((v, digits));
                gap = None;
                gap_len = 0;
            }
            Tok::Sep(c) => {
                gap_len += 1;
                if c != b' ' {
                    if gap.is_some() && (1..3).contains(&nums.len()) {
                        return Err(());
                    }
                    gap = Some(c);
                }
            }
            Tok::Era(_) | Tok::Filler if !(1..3).contains(&nums.len()) => {}
            _ => return Err(()),
        }
    }
    let parts = |y, m, d, short_year, swapped| Parts { y, m, d, short_year, swapped, month_calendar: None };
    match nums.as_slice() {
        [(v, 8)] => Ok(parts(v / 10_000, v / 100 % 100, v % 100, false, None)),
        [(a, da), (b, db), (c, dc)] => {
            if seps.len() != 2 || seps[0] != seps[1] {
                return Err(());
            }
            if *da >= 3 && *db <= 2 && *dc <= 2 {
                return Ok(parts(*a, *b, *c, false, None));
            }
            if *da > 2 || *db > 2 || *dc == 3 || *dc > 4 {
                return Err(());
            }
            let short_year = *dc <= 2;
            if short_year && (*a > 31 || *b > 31 || seps[0] == b' ') {
                return Err(());
            }
            let (first, second) = (*a, *b);
            let (m, d) = match order {
                DateOrder::DayFirst => (second, first),
                DateOrder::MonthFirst => (first, second),
            };
            let (m, d, swapped) = if m > 12 && d <= 12 {
                (d, m, None)
            } else if m <= 12 && d <= 12 && m != d && m != 0 && d != 0 {
                (m, d, Some((d, m)))
            } else {
                (m, d, None)
            };
            Ok(parts(*c, m, d, short_year, swapped))
        }
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_digits_by_hand_match_the_formatter() {
        for (y, m, d) in [(0, 1, 1), (7, 2, 9), (99, 10, 10), (1981, 12, 26), (9999, 12, 31), (10000, 1, 1), (-5, 1, 1)] {
            assert_eq!(iso((y, m, d)), format!("{y:04}-{m:02}-{d:02}"));
        }
    }

    #[test]
    fn tables_are_in_lookup_form() {
        let norm = |s: &str| key(&s.chars().collect::<Vec<_>>());
        for (name, _, _) in MONTHS {
            assert_eq!(norm(name), *name, "{name}");
        }
        for (name, _) in ERAS {
            assert_eq!(norm(name), *name, "{name}");
        }
        for name in FILLERS.iter().chain(ORDINALS) {
            assert_eq!(norm(name), *name, "{name}");
        }
        // No name means two things.
        for (i, (a, ca, ma)) in MONTHS.iter().enumerate() {
            for (b, cb, mb) in &MONTHS[i + 1..] {
                assert!(a != b || (ca == cb && ma == mb), "{a}");
            }
            assert!(!ERAS.iter().any(|(e, _)| e == a) && !FILLERS.contains(a), "{a}");
        }
    }

    #[test]
    fn drop_time_only_after_iso_dates() {
        assert_eq!(drop_time("1990-05-03T10:20:30Z").as_deref(), Some("1990-05-03"));
        assert_eq!(drop_time("1990-05-03 10:20").as_deref(), Some("1990-05-03"));
        assert_eq!(drop_time("1990-05-03 10"), None);
        assert_eq!(drop_time("03/05/1990 10:20"), None);
    }
}
