//! Company export (see the parent module for the output layout): one group per call,
//! `[value (when changed), core, legal form canonical, written, countries, position, key, domain]`,
//! changes, issues.

use super::fields::on_input;
use super::locale_from_index;
use crate::company::{standardize_company, CompanyOptions, Position};
use wasm_bindgen::prelude::*;

/// No website or email given (as a length).
const ABSENT: u32 = u32::MAX;

/// Standardizes the company name in the input buffer: its first `len` bytes, then `website_len`
/// bytes of website and `email_len` bytes of email (each `u32::MAX` when not given).
/// Status word: bit 0 valid.
#[wasm_bindgen]
pub fn company_check_in(len: usize, website_len: u32, email_len: u32, locale: u32) -> u32 {
    let total = len + [website_len, email_len].iter().filter(|&&n| n != ABSENT).map(|&n| n as usize).sum::<usize>();
    on_input(total, |all, x| {
        // The three strings are each valid UTF-8 (the shim encodes them one by one); a cut that is
        // not a char boundary (only a broken caller could make one) reads as empty.
        let piece = |from: usize, n: u32| -> Option<&str> {
            (n != ABSENT).then(|| all.get(from..from + n as usize).unwrap_or(""))
        };
        let name = all.get(..len).unwrap_or("");
        let website = piece(len, website_len);
        let email = piece(len + if website_len == ABSENT { 0 } else { website_len as usize }, email_len);
        let opts = CompanyOptions { locale: locale_from_index(locale), path: "company", website, email };
        let o = standardize_company(name, &opts);
        let form = o.legal_form.as_ref();
        let countries = form.map(|f| f.countries.join(" "));
        x.group(
            &[
                (!o.changes.is_empty()).then_some(o.value.as_ref()),
                Some(o.core.as_str()),
                form.map(|f| f.canonical),
                form.map(|f| f.written.as_str()),
                countries.as_deref(),
                form.map(|f| if f.position == Position::Start { "start" } else { "end" }),
                Some(o.key.as_str()),
                o.domain.as_deref(),
            ],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid)
    })
}

/// Byte cap on a company input.
#[wasm_bindgen]
pub fn company_input_cap() -> u32 {
    crate::limits::COMPANY_INPUT_BYTES as u32
}
