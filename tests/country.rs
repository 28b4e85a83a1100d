//! Replays tests/fixtures/country/cases.json against the Rust core, and checks that every name in
//! the generated table (src/tables/countries.rs) resolves back to its own country.
#![cfg(feature = "country")]

use intake::country::{by_alpha2, countries, find, match_key, standardize_country, table, table_names, CountryOptions};
use serde_json::Value;
use std::collections::BTreeMap;

mod common;

fn load() -> Value {
    common::fixture_json("country/cases.json")
}

#[test]
fn country_cases() {
    let fixtures = load();
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 300);
    let mut per_group: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        *per_group.entry(case["group"].as_str().unwrap()).or_default() += 1;
        let o = standardize_country(input, &CountryOptions::default());
        let codes = common::codes(&o.issues);
        let want = case["alpha2"].as_str();
        let mut check = |what: &str, got: Value, want: &Value| {
            if got != *want {
                failures.push(format!("{input:?}: {what} is {got}, expected {want}"));
            }
        };
        check("alpha2", o.alpha2.into(), &case["alpha2"]);
        check("valid", o.valid.into(), &want.is_some().into());
        if want.is_none() && case.get("codes").is_none() {
            check("codes", codes.clone().into(), &vec!["country.unknown"].into());
        }
        for key in ["value", "alpha3", "numeric", "name", "changes", "codes"] {
            let Some(expected) = case.get(key) else { continue };
            let got: Value = match key {
                "value" => o.value.as_ref().into(),
                "alpha3" => o.alpha3.into(),
                "numeric" => o.numeric.into(),
                "name" => o.name.into(),
                "changes" => common::kinds(&o.changes),
                _ => codes.clone().into(),
            };
            check(key, got, expected);
        }
        if let Some(a2) = o.alpha2 {
            check("value", o.value.as_ref().into(), &a2.into());
        }
        assert_eq!(o.original, input);
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    for lang in table::LANGUAGES {
        assert!(per_group.get(lang).copied().unwrap_or(0) >= 30, "fewer than 30 cases in {lang}: {per_group:?}");
    }
}

/// Names whose key another country wins, as (alpha-2, source, name, winner). Resolution order
/// (src/country/mod.rs): alpha-2 codes, alpha-3 codes, hand-written variants, then languages in
/// order en, fa, ar, zh, de, fr, es, countries in alpha-2 order within each.
///
/// - "Congo": the package gives it as an English alias of both CD and CG; the hand-written variant
///   list gives it to CG, whose ISO 3166-1 short name it is.
const COLLISIONS: &[(&str, &str, &str, &str)] = &[("CD", "en", "Congo", "CG")];

#[test]
fn every_generated_name_resolves_to_its_own_country() {
    let mut seen = 0;
    let mut collisions = Vec::new();
    for (a2, source, name) in table_names() {
        seen += 1;
        assert!(!match_key(name).is_empty(), "{a2} {source} {name:?} has an empty key");
        let got = find(name).map(|c| c.alpha2);
        let Some(got) = got else { panic!("{a2} {source} {name:?} does not resolve") };
        if got != a2 {
            collisions.push((a2, source, name, got));
        }
        // Matching survives the usual noise.
        let noisy = format!("  {}. ", name.to_uppercase());
        assert_eq!(find(&noisy).map(|c| c.alpha2), Some(got), "{noisy:?}");
    }
    assert_eq!(collisions, COLLISIONS, "collisions changed; document them in COLLISIONS");
    assert!(seen > 1500, "only {seen} names");
}

#[test]
fn codes_resolve_and_are_consistent() {
    let all = countries();
    assert_eq!(all.len(), 250);
    assert!(all.windows(2).all(|w| w[0].alpha2 < w[1].alpha2));
    for c in all {
        assert!(c.alpha2.len() == 2 && c.alpha2.bytes().all(|b| b.is_ascii_uppercase()), "{c:?}");
        assert!(c.alpha3.len() == 3 && c.alpha3.bytes().all(|b| b.is_ascii_uppercase()), "{c:?}");
        assert!(!c.name.is_empty());
        assert_eq!(by_alpha2(c.alpha2), Some(*c));
        for s in [c.alpha2.to_owned(), c.alpha2.to_lowercase(), c.alpha3.to_owned(), c.alpha3.to_lowercase()] {
            assert_eq!(find(&s), Some(*c), "{s}");
        }
        for s in [format!("{:03}", c.numeric), c.numeric.to_string()] {
            assert_eq!(find(&s), Some(*c), "{s}");
        }
        let o = standardize_country(c.name, &CountryOptions::default());
        assert_eq!(o.alpha2, Some(c.alpha2), "{}", c.name);
    }
    // Numeric and alpha-3 codes are unique.
    let mut nums: Vec<u16> = all.iter().map(|c| c.numeric).collect();
    nums.sort_unstable();
    nums.dedup();
    assert_eq!(nums.len(), all.len());
}

#[test]
fn table_has_its_header_and_source() {
    let path = format!("{}/src/tables/countries.rs", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.starts_with("// @generated by scripts/gen-countries.mjs. DO NOT EDIT.\n// Source: "));
    assert!(table::SOURCE.starts_with("i18n-iso-countries@"));
    assert_eq!(table::LANGUAGES, ["en", "fa", "ar", "zh", "de", "fr", "es"]);
}

mod totality {
    use intake::country::{standardize_country, CountryOptions, COUNTRY_INPUT_BYTES};
    use intake::{Locale, Severity};
    use proptest::prelude::*;

    fn check(input: &str) {
        for locale in Locale::ALL {
            let out = standardize_country(input, &CountryOptions { locale, path: "country" });
            assert_eq!(out.original, input);
            assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == Severity::Error));
            assert_eq!(out.valid, out.alpha2.is_some());
            assert_eq!(out.changes.first().map_or(input, |c| c.from.as_str()), input);
            assert_eq!(out.changes.last().map_or(out.value.as_ref(), |c| c.to.as_str()), out.value);
            for pair in out.changes.windows(2) {
                assert_eq!(pair[0].to, pair[1].from);
            }
            if let Some(a2) = out.alpha2 {
                assert_eq!(out.value, a2);
                assert!(out.alpha3.is_some() && out.numeric.is_some() && out.name.is_some());
            }
            for issue in &out.issues {
                assert!(!issue.message().is_empty());
            }
            assert!(input.len() <= COUNTRY_INPUT_BYTES || out.issues[0].code.as_str() == "input.too_long");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_string(s in any::<String>()) {
            check(&s);
        }

        #[test]
        fn country_like(s in "[ .\\-'()A-Za-zÀ-ÿ\u{0600}-\u{06FF}\u{200C}\u{0640}\u{4E00}-\u{4E20}０-９Ａ-Ｚ۰-۹]{0,40}") {
            check(&s);
        }
    }

    #[test]
    fn worst_cases_are_fast() {
        // Long runs of combining marks (canonical reordering) and of compatibility expansions, at the cap.
        let marks = format!("a{}", "\u{0301}\u{0316}".repeat(COUNTRY_INPUT_BYTES / 4 - 1));
        let expand = "\u{FDFA}".repeat(COUNTRY_INPUT_BYTES / 3); // one char, 18 after NFKD
        crate::common::assert_worst_cases_terminate(&[&marks, &expand], COUNTRY_INPUT_BYTES, 100, check);
    }
}
