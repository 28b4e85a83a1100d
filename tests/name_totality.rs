#![cfg(feature = "name")]
//! standardize_name and the key functions are total: no panic on any input, and the outcome's
//! invariants hold (changes chain from the input to the value, valid iff no error, junk returned
//! as typed and trimmed, keys only for valid names that asked for them).

use intake::name::keys::{fold_key, given_name_groups, phonetic_key, same_given_name};
use intake::name::{standardize_name, NameOptions, NamePart};
use intake::{Locale, Severity};
use proptest::prelude::*;

mod common;

fn check(input: &str) {
    for part in [NamePart::Full, NamePart::Given, NamePart::Family] {
        for locale in Locale::ALL {
            let opts = NameOptions { locale, ..NameOptions::default() };
            let out = standardize_name(input, part, &opts);
            assert_eq!(out.original, input);
            assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
            common::assert_change_chain(input, &out.value, &out.changes);
            for issue in &out.issues {
                assert!(!issue.message().contains("{max}"));
            }
            assert_eq!(out.keys.is_some(), out.valid);
            if !out.valid && !out.issues.iter().any(|i| i.code.as_str().starts_with("input.")) {
                assert_eq!(out.value, input.trim());
            }
        }
    }
    let _ = (fold_key(input), phonetic_key(input), given_name_groups(input), same_given_name(input, "Ali"));
}

const NAMEY: &str = "[a-zA-ZÀ-ÿ'’.,\\- ‌ـيكیکةأ-ي٠-٩۰-۹0-9@#王李欧阳先生ÇİŞ\u{200B}\u{202E}\t]{0,40}";

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]
    #[test]
    fn any_string(s in ".{0,60}") { check(&s); }
    #[test]
    fn name_like(s in NAMEY) { check(&s); }
}

#[test]
fn edges() {
    for s in ["", " ", ",", ", ,", "Mr", "Mr Jr", "Smith,", ",John", "a,b", "Dr. ,", "先生", "王先生先生", "Jr.", "III", "iii", "-",
        "Mc", "Mac", "O'", "'", "d'", "van", "van der", "de la", "bin", "Nguyen", "ΣΣ", "İ", "x".repeat(2000).as_str()] {
        check(s);
    }
}
