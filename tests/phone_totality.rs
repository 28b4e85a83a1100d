//! Phone functions are total: no panic on any input, and the outcome's invariants hold (the
//! email counterpart is tests/totality.rs).
#![cfg(feature = "phone")]

use intake::phone::{format_as_you_type, validate_phone, PhoneOptions};
use intake::Severity;
use proptest::prelude::*;

fn check_phone(input: &str) {
    for region in [None, Some("IR"), Some("us"), Some("CN"), Some("ZZ"), Some("")] {
        for allow_letters in [false, true] {
            let out = validate_phone(input, &PhoneOptions { default_region: region, allow_letters, ..PhoneOptions::default() });
            assert_eq!(out.original, input);
            assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
            assert_eq!(out.changes.last().map_or(out.value.as_ref(), |c| c.to.as_str()), out.value);
            if let Some(e164) = &out.e164 {
                assert!(e164.starts_with('+') && e164[1..].bytes().all(|b| b.is_ascii_digit()), "{e164}");
                assert!(e164.len() <= 1 + 3 + 17);
            }
            if out.valid {
                assert!(out.e164.is_some() && out.region.is_some() && out.phone_type.is_some());
            }
        }
        let typed = format_as_you_type(input, region);
        assert!(typed.len() <= 4 * input.len() + 64, "as-you-type output grew: {typed:?}");
    }
}

const PHONE_ALPHABET: &[&str] = &[
    "0", "1", "9", "۰", "٥", "９", "+", "＋", "00", "011", " ", "-", "(", ")", ".", "/", "x", "ext", "#", ",",
    ";ext=", "tel:", ";phone-context=", ";isub=", "a", "Z", "\\", "~", "*", "98", "912", "1800", "😀",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn phone_any_unicode_string(s in any::<String>()) {
        check_phone(&s);
    }

    #[test]
    fn phone_shaped_strings(parts in proptest::collection::vec(proptest::sample::select(PHONE_ALPHABET), 0..40)) {
        check_phone(&parts.concat());
    }
}

#[test]
fn phone_pathological_inputs() {
    for unit in ["9", "+", "x1", "0", ";ext=1", "tel:", "(", "۹", "a", "1-"] {
        for n in [1, 2, 17, 18, 249, 250, 251, 1024] {
            check_phone(&unit.repeat(n));
        }
    }
}

