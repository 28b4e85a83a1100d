//! Address and postcode exports (see the parent module for the output layout). Each call writes one
//! group per outcome: address strings are the value (when changed), the parts and the matching
//! keys; postcode strings the value (when changed), country and region.

use super::fields::on_input;
use super::{locale_from_index, run_batch, Extra};
use crate::address::{
    country_code, format_address, standardize_address, standardize_postcode, AddressOptions, AddressOutcome,
    FormatParts, PostcodeOptions, PostcodeOutcome, Style,
};
use wasm_bindgen::prelude::*;

/// Status word: bit 0 valid.
const VALID: u32 = 1;
/// Country word for "a country was given that intake does not know" (0 is "none given").
const UNKNOWN: u32 = 0xFFFF;

/// The country word for a code or name in any language intake reads: two ASCII letters packed
/// (`(a << 8) | b`), 0 for an empty string, `UNKNOWN` otherwise. The shim caches it per string.
#[wasm_bindgen]
pub fn address_country(country: &str) -> u32 {
    match country_code(country) {
        Some(c) => c.bytes().fold(0, |w, b| (w << 8) | u32::from(b)),
        None if country.trim().is_empty() => 0,
        None => UNKNOWN,
    }
}

/// The country string the core takes for a country word (`?` for an unknown one).
fn country_of(word: u32, buf: &mut [u8; 2]) -> &str {
    let (a, b) = ((word >> 8) as u8, word as u8);
    match word {
        0 => "",
        _ if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            *buf = [a, b];
            std::str::from_utf8(buf).unwrap_or("?")
        }
        _ => "?",
    }
}

fn style_of(options: u32) -> Style {
    match options & 3 {
        1 => Style::Short,
        2 => Style::Long,
        3 => Style::Keep,
        _ => Style::Standard,
    }
}

impl Extra {
    fn address_outcome(&mut self, o: &AddressOutcome) -> u32 {
        let p = &o.parts;
        let k = &o.keys;
        self.group(
            &[
                (!o.changes.is_empty()).then_some(o.value.as_ref()),
                p.house_number.as_deref(),
                p.street.as_deref(),
                p.street_type.as_deref(),
                p.unit.as_ref().map(|u| u.kind),
                p.unit.as_ref().map(|u| u.value.as_str()),
                p.district.as_deref(),
                p.city.as_deref(),
                p.region.as_deref(),
                p.postcode.as_deref(),
                p.country,
                k.postcode.as_deref(),
                k.street.as_deref(),
                k.house_number.as_deref(),
                k.key.as_deref(),
            ],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid) * VALID
    }

    fn postcode_outcome(&mut self, o: &PostcodeOutcome) -> u32 {
        self.group(&[(!o.changes.is_empty()).then_some(o.value.as_ref()), o.country, o.region], &o.changes, &o.issues);
        u32::from(o.valid) * VALID
    }
}

/// The address options for the shim's words (`options` bits 0-1: the style).
fn address_options(country: u32, options: u32, locale: u32, buf: &mut [u8; 2]) -> AddressOptions<'_> {
    AddressOptions { country: country_of(country, buf), locale: locale_from_index(locale), path: "address", style: style_of(options) }
}

/// Standardizes the address in the input buffer. `options`: bits 0-1 the style (standard, short,
/// long, keep).
#[wasm_bindgen]
pub fn address_check_in(len: usize, country: u32, options: u32, locale: u32) -> u32 {
    let mut buf = [0u8; 2];
    let opts = address_options(country, options, locale, &mut buf);
    on_input(len, |text, x| x.address_outcome(&standardize_address(text, &opts)))
}

/// `address_check_in` for `n` addresses at once (see `run_batch`).
#[wasm_bindgen]
pub fn address_check_batch(n: usize, country: u32, options: u32, locale: u32) -> u32 {
    let mut buf = [0u8; 2];
    let opts = address_options(country, options, locale, &mut buf);
    run_batch(n, |text, x| x.address_outcome(&standardize_address(text, &opts)))
}

/// Validates and formats the postcode in the input buffer for the country word.
#[wasm_bindgen]
pub fn postcode_check_in(len: usize, country: u32, locale: u32) -> u32 {
    let mut buf = [0u8; 2];
    let country = country_of(country, &mut buf);
    let opts = PostcodeOptions { locale: locale_from_index(locale), path: "postcode" };
    on_input(len, |text, x| x.postcode_outcome(&standardize_postcode(text, country, &opts)))
}

/// `postcode_check_in` for `n` postcodes at once.
#[wasm_bindgen]
pub fn postcode_check_batch(n: usize, country: u32, locale: u32) -> u32 {
    let mut buf = [0u8; 2];
    let country = country_of(country, &mut buf);
    let opts = PostcodeOptions { locale: locale_from_index(locale), path: "postcode" };
    run_batch(n, |text, x| x.postcode_outcome(&standardize_postcode(text, country, &opts)))
}

/// Parts to lines in the country's libaddressinput format (see `address::format_address`).
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn address_format(
    name: String, organization: String, street_address: String, district: String, city: String, region: String,
    postcode: String, sorting_code: String, country: &str, latin: bool, with_country: bool,
) -> String {
    let parts = FormatParts { name, organization, street_address, district, city, region, postcode, sorting_code };
    format_address(&parts, country, latin, with_country)
}

#[wasm_bindgen]
pub fn address_input_cap() -> u32 {
    crate::limits::ADDRESS_INPUT_BYTES as u32
}

#[wasm_bindgen]
pub fn postcode_input_cap() -> u32 {
    crate::limits::POSTCODE_INPUT_BYTES as u32
}
