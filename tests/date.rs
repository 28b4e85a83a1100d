//! The date field: calendar conversions checked on every day of the oracle spans
//! (tests/fixtures/date/oracle.txt, from jdatetime and hijri-converter by scripts/gen-date-oracle.py),
//! and the shared cases (tests/fixtures/date/cases.json).
#![cfg(feature = "date")]

use intake::date::calendar::{self, Calendar, CalendarError};
use intake::date::{standardize_date, CalendarHint, DateOptions, DateOrder, DateOutcome, DATE_INPUT_BYTES};
use intake::Locale;
use serde_json::Value;

mod common;

fn fixture(name: &str) -> String {
    common::fixture_text(&format!("date/{name}"))
}

fn parse_iso(s: &str) -> (i32, u8, u8) {
    let mut it = s.split('-').map(|p| p.parse::<i32>().unwrap());
    let (y, m, d) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
    (y, m as u8, d as u8)
}

fn days(s: &str) -> i64 {
    let (y, m, d) = parse_iso(s);
    calendar::gregorian_to_days(y, m, d).unwrap()
}

/// Replays every day of each span: the oracle's date in the other calendar must be what the
/// conversion gives, the conversion back must give the same Gregorian day, and every month must
/// have the oracle's length.
#[test]
fn conversions_agree_with_the_oracles_on_every_day() {
    let text = fixture("oracle.txt");
    let mut spans = std::collections::HashMap::new();
    for line in text.lines().filter(|l| l.starts_with("span ")) {
        let f: Vec<&str> = line.split(' ').collect();
        spans.insert(f[1], (days(f[2]), days(f[3]), f[4].parse::<i64>().unwrap()));
    }
    for (tag, cal) in [("J", Calendar::Jalali), ("H", Calendar::Hijri)] {
        let (first, last, count) = spans[tag];
        let mut next = first;
        let mut checked = 0i64;
        let mut months = 0;
        for line in text.lines().filter(|l| l.starts_with(&format!("{tag} "))) {
            let f: Vec<&str> = line.split(' ').collect();
            assert_eq!(days(f[1]), next, "{line}: does not start the day after the previous line");
            let year: i32 = f[2].parse().unwrap();
            let first_month: u8 = f[3].parse().unwrap();
            let mut day: u8 = f[4].parse().unwrap();
            for (k, len) in f[5..].iter().enumerate() {
                let month = first_month + k as u8;
                let len: u8 = len.parse().unwrap();
                let ours = match cal {
                    Calendar::Jalali => calendar::jalali_month_len(year, month),
                    _ => calendar::hijri_month_len(year, month).unwrap(),
                };
                assert_eq!(ours, len, "{tag} {year}-{month}: month length");
                assert_eq!(calendar::to_days(cal, year, month, len + 1), Err(CalendarError::Invalid));
                months += 1;
                while day <= len && next <= last {
                    let got = calendar::from_days(cal, next);
                    assert_eq!(got, Some((i64::from(year), month, day)), "{tag} Gregorian {:?}", calendar::civil_from_days(next));
                    assert_eq!(calendar::to_days(cal, year, month, day), Ok(next), "{tag} {year}-{month}-{day}");
                    checked += 1;
                    next += 1;
                    day += 1;
                }
                day = 1;
            }
        }
        assert_eq!(next, last + 1, "{tag}: the span is not covered to its end");
        assert_eq!(checked, count, "{tag}: days checked");
        eprintln!("{tag}: {checked} days, {months} months checked both ways");
    }
    // The Hijri table ends where hijri-converter's does; outside it nothing is guessed.
    let (first, last, _) = spans["H"];
    assert_eq!(calendar::days_to_hijri(first - 1), None);
    assert_eq!(calendar::days_to_hijri(last + 1), None);
    assert_eq!(calendar::hijri_to_days(1342, 12, 29), Err(CalendarError::OutOfRange));
    assert_eq!(calendar::hijri_to_days(1501, 1, 1), Err(CalendarError::OutOfRange));
}

/// Gregorian day numbers round-trip over every day of years 1..=9999.
#[test]
fn gregorian_round_trips() {
    let start = calendar::days_from_civil(1, 1, 1);
    let end = calendar::days_from_civil(9999, 12, 31);
    let mut expect = (1i64, 1u8, 1u8);
    for z in start..=end {
        assert_eq!(calendar::civil_from_days(z), expect);
        assert_eq!(calendar::gregorian_to_days(expect.0 as i32, expect.1, expect.2), Ok(z));
        let (y, m, d) = expect;
        expect = if d < calendar::gregorian_month_len(y as i32, m) {
            (y, m, d + 1)
        } else if m < 12 {
            (y, m + 1, 1)
        } else {
            (y + 1, 1, 1)
        };
    }
}

fn options(o: Option<&Value>) -> (DateOptions<'static>, Locale) {
    let get = |k: &str| o.and_then(|o| o.get(k));
    let locale = get("locale").and_then(Value::as_str).map_or(Locale::En, Locale::from_tag);
    let order = match get("order").and_then(Value::as_str) {
        Some("month-first") => DateOrder::MonthFirst,
        Some("day-first") | None => get("locale").and_then(Value::as_str).map_or(DateOrder::DayFirst, DateOrder::from_tag),
        Some(other) => panic!("unknown order {other}"),
    };
    let calendar = match get("calendar").and_then(Value::as_str) {
        None | Some("auto") => CalendarHint::Auto,
        Some("gregorian") => CalendarHint::Gregorian,
        Some("jalali") => CalendarHint::Jalali,
        Some("hijri") => CalendarHint::Hijri,
        Some(other) => panic!("unknown calendar {other}"),
    };
    let today = get("today").and_then(Value::as_str).map(parse_iso);
    let birth_date = get("birthDate").and_then(Value::as_bool).unwrap_or(false);
    (DateOptions { locale, order, today, birth_date, calendar, ..DateOptions::default() }, locale)
}

/// The JSON view of an outcome, with the keys the JS result will have.
fn actual(o: &DateOutcome, key: &str) -> Value {
    let opt = |s: &Option<String>| s.as_ref().map_or(Value::Null, |s| Value::from(s.as_str()));
    match key {
        "valid" => o.valid.into(),
        "value" => o.value.as_ref().into(),
        "iso" => opt(&o.iso),
        "native" => opt(&o.native),
        "calendar" => o.calendar.map_or(Value::Null, |c| c.as_str().into()),
        "alternative" => o.issues.iter().find_map(|i| i.param("alternative")).map_or(Value::Null, Value::from),
        "codes" => common::codes(&o.issues).into(),
        "changes" => common::kinds(&o.changes),
        other => panic!("unknown expect key {other}"),
    }
}

#[test]
fn date_cases() {
    let fixtures: Value = serde_json::from_str(&fixture("cases.json")).unwrap();
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 200, "{} cases", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let (opts, _) = options(case.get("options"));
        let out = standardize_date(input, &opts);
        for (key, want) in case["expect"].as_object().unwrap() {
            common::expect_eq(input, key, want, actual(&out, key), &mut failures);
        }
        // Invariants of every outcome.
        let errors = out.issues.iter().any(|i| i.severity() == intake::Severity::Error);
        if out.valid == errors || out.original != input || (out.valid && out.iso.is_none()) {
            failures.push(format!("{input:?}: inconsistent outcome {out:?}"));
        }
        if let Some(iso) = &out.iso {
            if out.value != iso.as_str() || out.changes.last().is_some_and(|c| c.to != *iso) {
                failures.push(format!("{input:?}: value/changes do not end in the ISO date"));
            }
        }
        for i in &out.issues {
            assert!(!i.message().is_empty());
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn caps_and_totality() {
    let long = "1".repeat(DATE_INPUT_BYTES + 1);
    let out = standardize_date(&long, &DateOptions::default());
    assert_eq!(out.issues[0].code.as_str(), "input.too_long");
    // Odd inputs never panic.
    for s in ["", " ", "/", "//", "1/", "1//2", "٫", "十", "十十", "一二三四五六七八九", "年月日", "99999999", "00000000",
        "0/0/0", "4294967295/1/1", "1 ذو", "ذو الحجة", "3 May", "May 1990", "T", "1990-05-03T", "1990-05-03 :",
        "31/12/9999", "1/1/10000", "12 اسفند 9999", "1 محرم 1342", "1 محرم 99999"] {
        let _ = standardize_date(s, &DateOptions { today: Some((2024, 1, 1)), birth_date: true, ..DateOptions::default() });
    }
}

mod totality {
    use super::*;
    use proptest::prelude::*;

    /// Characters dates are made of, in every script the parser reads, plus some it does not.
    const ALPHABET: &[&str] = &[
        "0", "1", "2", "3", "9", "۱", "٣", "１", "/", "-", ".", ",", " ", "年", "月", "日", "十", "一", "〇", "T", ":",
        "May", "mai", "Dez", "st", "de", "تیر", "اسفند", "رمضان", "ذو", "الحجة", "كانون", "الثاني", "هـ", "ه", "ش", "ق",
        "م", "AH", "\u{200C}", "\u{200F}", "é", "\u{0301}", "x", "@",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn any_string_gets_an_outcome(s in ".{0,80}") {
            let out = standardize_date(&s, &DateOptions { today: Some((2024, 6, 1)), birth_date: true, ..DateOptions::default() });
            prop_assert_eq!(out.original.as_ref(), s.as_str());
            prop_assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == intake::Severity::Error));
        }

        #[test]
        fn date_like_strings_get_an_outcome(parts in proptest::collection::vec(0..ALPHABET.len(), 0..24), mf: bool, hint in 0..4u8) {
            let s: String = parts.iter().map(|&i| ALPHABET[i]).collect();
            let calendar = [CalendarHint::Auto, CalendarHint::Gregorian, CalendarHint::Jalali, CalendarHint::Hijri][usize::from(hint)];
            let order = if mf { DateOrder::MonthFirst } else { DateOrder::DayFirst };
            let out = standardize_date(&s, &DateOptions { order, calendar, today: Some((2024, 6, 1)), ..DateOptions::default() });
            if let Some(iso) = &out.iso {
                prop_assert_eq!(iso.len(), 10);
                prop_assert_eq!(out.value.as_ref(), iso.as_str());
            }
        }
    }
}
