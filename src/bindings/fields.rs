//! Country and date exports (see the parent module for the output layout). Both run on the input
//! buffer and write one group: `[value (when changed), then the field's strings]`, changes, issues.

// Shared with the name, company, website and address exports; a build with none of them nor country or date
// (`--features email`) leaves these helpers unused.
#![cfg_attr(not(all(feature = "country", feature = "date")), allow(dead_code, unused_imports))]

use super::{locale_from_index, text_of, Extra, IN, OUT};
#[cfg(feature = "country")]
use crate::country::{standardize_country, CountryOptions};
#[cfg(feature = "date")]
use crate::date::{standardize_date, CalendarHint, DateOptions, DateOrder};
use wasm_bindgen::prelude::*;

/// Status word of both: bit 0 valid; country: bits 16-25 the numeric code.
const VALID: u32 = 1;

/// Runs `check` on the first `len` bytes of the input buffer with one output fill.
pub(super) fn on_input(len: usize, check: impl FnOnce(&str, &mut Extra) -> u32) -> u32 {
    IN.with(|b| {
        let b = b.borrow();
        let text = text_of(&b[..len.min(b.len())]);
        OUT.with(|x| {
            let mut x = x.borrow_mut();
            x.begin();
            let st = check(&text, &mut x);
            x.finish();
            st
        })
    })
}

/// Standardizes the country name or code in the input buffer. Group strings: value, alpha-2,
/// alpha-3, English name.
#[cfg(feature = "country")]
#[wasm_bindgen]
pub fn country_check_in(len: usize, locale: u32) -> u32 {
    on_input(len, |text, x| {
        let o = standardize_country(text, &CountryOptions { locale: locale_from_index(locale), path: "country" });
        x.group(
            &[(!o.changes.is_empty()).then_some(o.value.as_ref()), o.alpha2, o.alpha3, o.name],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid) * VALID | u32::from(o.numeric.unwrap_or(0)) << 16
    })
}

// Date option bits, mirrored in pkg/index.js.
#[cfg(feature = "date")]
const DATE_MONTH_FIRST: u32 = 1;
#[cfg(feature = "date")]
const DATE_BIRTH: u32 = 2;
#[cfg(feature = "date")]
const DATE_CALENDAR_SHIFT: u32 = 4;

/// Standardizes the date in the input buffer. `today` is `yyyymmdd` (0 for none: the core reads
/// no clock). Group strings: value, ISO date, calendar written in, date in that calendar.
#[cfg(feature = "date")]
#[wasm_bindgen]
pub fn date_check_in(len: usize, options: u32, today: u32, locale: u32) -> u32 {
    let calendar = match (options >> DATE_CALENDAR_SHIFT) & 3 {
        1 => CalendarHint::Gregorian,
        2 => CalendarHint::Jalali,
        3 => CalendarHint::Hijri,
        _ => CalendarHint::Auto,
    };
    let today = (today != 0).then(|| ((today / 10_000) as i32, (today / 100 % 100) as u8, (today % 100) as u8));
    let opts = DateOptions {
        locale: locale_from_index(locale),
        order: if options & DATE_MONTH_FIRST != 0 { DateOrder::MonthFirst } else { DateOrder::DayFirst },
        path: "date",
        today,
        birth_date: options & DATE_BIRTH != 0,
        calendar,
    };
    on_input(len, |text, x| {
        let o = standardize_date(text, &opts);
        x.group(
            &[
                (!o.changes.is_empty()).then_some(o.value.as_ref()),
                o.iso.as_deref(),
                o.calendar.map(|c| c.as_str()),
                o.native.as_deref(),
            ],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid) * VALID
    })
}

/// Whether dates are written month first where `tag` (BCP 47) is used (en-US: 03/04 is 4 March).
#[cfg(feature = "date")]
#[wasm_bindgen]
pub fn date_month_first(tag: &str) -> bool {
    DateOrder::from_tag(tag) == DateOrder::MonthFirst
}
