//! Name exports (see the parent module for the output layout): one group per call,
//! `[value (when changed), honorific, given, middle, family, suffix, scripts, fold, fold of the
//! given name, fold of the family name, phonetic, given-name groups]` (scripts and groups
//! space-separated; the keys only when asked for and the name is valid), changes, issues.

use super::fields::on_input;
use super::locale_from_index;
use crate::name::keys::same_given_name;
use crate::name::{standardize_name, NameOptions, NamePart};
use wasm_bindgen::prelude::*;

// Option bits, mirrored in pkg/index.js: bits 0-1 the part (0 full, 1 given, 2 family), bit 2 keys.
const PART_MASK: u32 = 3;
const KEYS: u32 = 4;

/// Standardizes the name in the first `len` bytes of the input buffer. Status word: bit 0 valid,
/// bit 1 keys present.
#[wasm_bindgen]
pub fn name_check_in(len: usize, options: u32, locale: u32) -> u32 {
    let part = match options & PART_MASK {
        1 => NamePart::Given,
        2 => NamePart::Family,
        _ => NamePart::Full,
    };
    let opts = NameOptions { locale: locale_from_index(locale), path: "name", keys: options & KEYS != 0 };
    on_input(len, |text, x| {
        let o = standardize_name(text, part, &opts);
        let scripts: Vec<&str> = o.scripts.iter().map(|s| s.as_str()).collect();
        let scripts = scripts.join(" ");
        let k = o.keys.as_ref();
        let groups = k.map(|k| k.given_groups.join(" "));
        let p = &o.parts;
        x.group(
            &[
                (!o.changes.is_empty()).then_some(o.value.as_ref()),
                p.honorific.as_deref(),
                p.given.as_deref(),
                p.middle.as_deref(),
                p.family.as_deref(),
                p.suffix.as_deref(),
                Some(scripts.as_str()),
                k.map(|k| k.fold.as_str()),
                k.map(|k| k.given.as_str()),
                k.map(|k| k.family.as_str()),
                k.map(|k| k.phonetic.as_str()),
                groups.as_deref(),
            ],
            &o.changes,
            &o.issues,
        );
        u32::from(o.valid) | u32::from(k.is_some()) << 1
    })
}

/// Whether two given names can be the same person's (nickname and spelling-variant groups).
#[wasm_bindgen]
pub fn name_same_given(a: &str, b: &str) -> bool {
    same_given_name(a, b)
}

/// Byte cap on a name input.
#[wasm_bindgen]
pub fn name_input_cap() -> u32 {
    crate::limits::NAME_INPUT_BYTES as u32
}
