//! Phone exports (see the parent module for the output layout).

use super::{locale_from_index, run_batch, text_of, Extra, IN, OUT};
use crate::phone::{strip_code, validate_phone, PhoneOptions, PhoneOutcome, PhoneType};
use wasm_bindgen::prelude::*;

impl Extra {
    /// A phone outcome's group: the strings are value (when changed), E.164, international,
    /// national, RFC 3966, region, national number and extension (mask bits 0-7). What the shim
    /// can rebuild is left out, which keeps the text (decoded per call) short: bit 8, E.164 is
    /// `+`, the country code of the status word and the national number; bit 9, the value is the
    /// E.164 plus `;ext=` and the extension, if any; bit 10, the last change's `to` is the value.
    fn phone_outcome(&mut self, o: &PhoneOutcome) {
        let e164_derived = match (&o.e164, &o.national_number, o.country_code) {
            (Some(e), Some(nn), Some(cc)) => e
                .strip_prefix('+')
                .and_then(|rest| strip_code(rest, cc))
                .is_some_and(|rest| rest == nn),
            _ => false,
        };
        let changed = !o.changes.is_empty();
        let value_derived = changed
            && o.e164.as_deref().is_some_and(|e| match &o.extension {
                None => o.value == e,
                Some(ext) => o.value.strip_prefix(e).and_then(|r| r.strip_prefix(";ext=")) == Some(ext.as_str()),
            });
        let last_to_known = o.changes.last().is_some_and(|c| c.to == o.value);
        let strings = [
            (changed && !value_derived).then_some(o.value.as_ref()),
            o.e164.as_deref().filter(|_| !e164_derived),
            o.international.as_deref(),
            o.national.as_deref(),
            o.rfc3966.as_deref(),
            o.region,
            o.national_number.as_deref(),
            o.extension.as_deref(),
        ];
        let mut mask = strings.iter().enumerate().fold(0, |m, (i, p)| m | (usize::from(p.is_some()) << i));
        mask |= usize::from(e164_derived) << 8 | usize::from(value_derived) << 9 | usize::from(last_to_known) << 10;
        self.number(mask);
        for s in strings.iter().flatten() {
            self.string(s);
        }
        self.changes_and_issues(&o.changes, &o.issues, last_to_known);
    }
}

// Phone status word, mirrored in pkg/index.js: bit 0 valid, bit 1 parsed (a group was written),
// bit 2 possible, bits 4-7 type (index into PHONE_TYPES + 1, 0 for none), bits 16-25 country code.
const PH_VALID: u32 = 1;
const PH_EXTRA: u32 = 2;
const PH_POSSIBLE: u32 = 4;
const PH_TYPE_SHIFT: u32 = 4;
const PH_CC_SHIFT: u32 = 16;
const PHONE_TYPES: [PhoneType; 12] = [
    PhoneType::FixedLine, PhoneType::Mobile, PhoneType::FixedLineOrMobile, PhoneType::TollFree,
    PhoneType::PremiumRate, PhoneType::SharedCost, PhoneType::Voip, PhoneType::PersonalNumber,
    PhoneType::Pager, PhoneType::Uan, PhoneType::Voicemail, PhoneType::Unknown,
];
// PHONE_TYPES is in declaration order, so a type's index is `t as u32` (no search per call).
const _: () = {
    let mut i = 0;
    while i < PHONE_TYPES.len() {
        assert!(PHONE_TYPES[i] as usize == i);
        i += 1;
    }
};

/// Region codes cross the boundary as two ASCII letters packed in a number (0 for none).
fn region_of(code: u32) -> Option<[u8; 2]> {
    let (a, b) = ((code >> 8) as u8, code as u8);
    (a.is_ascii_alphabetic() && b.is_ascii_alphabetic()).then_some([a, b])
}

fn phone_status(o: &PhoneOutcome, x: &mut Extra) -> u32 {
    let mut st = 0;
    if o.valid {
        st |= PH_VALID;
    }
    if o.possible {
        st |= PH_POSSIBLE;
    }
    if let Some(t) = o.phone_type {
        // The index into PHONE_TYPES is the discriminant (checked when compiling, below).
        st |= (t as u32 + 1) << PH_TYPE_SHIFT;
    }
    st |= u32::from(o.country_code.unwrap_or(0)) << PH_CC_SHIFT;
    if !o.changes.is_empty() || !o.issues.is_empty() || o.e164.is_some() {
        st |= PH_EXTRA;
        x.phone_outcome(o);
    }
    st
}

fn phone_options(region: u32, options: u32, locale: u32, region_buf: &[u8; 2]) -> PhoneOptions<'_> {
    PhoneOptions {
        locale: locale_from_index(locale),
        path: "phone",
        default_region: std::str::from_utf8(region_buf).ok().filter(|_| region_of(region).is_some()),
        allow_letters: options & 1 != 0,
        formats: options & 2 == 0,
    }
}

/// Validates the phone number in the input buffer (`len` bytes); `region` packs the default
/// region's two letters. The group, when the status says so, is in the output.
#[wasm_bindgen]
pub fn phone_check_in(len: usize, region: u32, options: u32, locale: u32) -> u32 {
    IN.with(|b| {
        let b = b.borrow();
        phone_check(&text_of(&b[..len.min(b.len())]), region, options, locale)
    })
}

/// `phone_check_in` on a string passed by the glue (the shim uses it past the input cap only).
#[wasm_bindgen]
pub fn phone_check(input: &str, region: u32, options: u32, locale: u32) -> u32 {
    let region_buf = region_of(region).unwrap_or(*b"ZZ");
    let opts = phone_options(region, options, locale, &region_buf);
    OUT.with(|x| {
        let mut x = x.borrow_mut();
        x.begin();
        let st = phone_status(&validate_phone(input, &opts), &mut x);
        x.finish();
        st
    })
}

/// `phone_check_in` for `n` numbers at once (see `run_batch`).
#[wasm_bindgen]
pub fn phone_check_batch(n: usize, region: u32, options: u32, locale: u32) -> u32 {
    let region_buf = region_of(region).unwrap_or(*b"ZZ");
    let opts = phone_options(region, options, locale, &region_buf);
    run_batch(n, |text, x| phone_status(&validate_phone(text, &opts), x))
}

/// The phone number typed so far, formatted for display (see `phone::format_as_you_type`).
#[wasm_bindgen]
pub fn phone_as_you_type(text: &str, region: u32) -> String {
    let region_buf = region_of(region).unwrap_or(*b"ZZ");
    let region = std::str::from_utf8(&region_buf).ok().filter(|_| region_of(region).is_some());
    crate::phone::format_as_you_type(text, region)
}

#[wasm_bindgen]
pub fn phone_input_cap() -> u32 {
    crate::limits::PHONE_INPUT_BYTES as u32
}

