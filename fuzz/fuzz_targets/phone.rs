//! Any bytes, as lossy UTF-8, through phone parsing, validation, formatting and as-you-type
//! formatting with a few default regions: must not panic.
#![no_main]

use intake::phone::{format_as_you_type, validate_phone, PhoneOptions};
use intake::Severity;
use libfuzzer_sys::fuzz_target;

const REGIONS: [Option<&str>; 6] = [None, Some("IR"), Some("US"), Some("CN"), Some("DE"), Some("AR")];

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let input = String::from_utf8_lossy(rest);
    let region = REGIONS[usize::from(flags) % REGIONS.len()];
    let opts = PhoneOptions { default_region: region, allow_letters: flags & 0x80 != 0, ..PhoneOptions::default() };
    let out = validate_phone(&input, &opts);
    assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
    let _ = format_as_you_type(&input, region);
});
