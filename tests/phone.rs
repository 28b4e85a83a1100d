//! Phone numbers against the oracle: tests/fixtures/phone/corpus.jsonl holds what PyPI
//! `phonenumbers` (the reference port of libphonenumber, pinned in scripts/requirements-phone.txt)
//! says of each input; tests/fixtures/phone/cases.json is the hand-written behaviour spec. The JS
//! runtimes replay the same files.
#![cfg(feature = "phone")]

use intake::phone::{validate_phone, PhoneOptions, PhoneOutcome};
use serde_json::Value;

mod common;

fn fixture(name: &str) -> String {
    common::fixture_text(&format!("phone/{name}"))
}

fn run<'a>(input: &'a str, region: Option<&str>, allow_letters: bool) -> PhoneOutcome<'a> {
    validate_phone(input, &PhoneOptions { default_region: region, allow_letters, ..PhoneOptions::default() })
}

/// Agreement with the oracle on validity, E.164 and type together, and on each format. The
/// oracle parses vanity numbers, so letters are allowed here (rejecting them is our policy). The
/// oracle keeps an extension's digits in the script they were typed in; we fold every digit to
/// ASCII (a CRM field holds one form), so formats are compared with the oracle's digits folded.
#[test]
fn corpus_agrees_with_phonenumbers() {
    let text = fixture("corpus.jsonl");
    let (mut total, mut core_agree, mut format_agree, mut format_total) = (0usize, 0usize, 0usize, 0usize);
    let mut misses: Vec<String> = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("corpus line");
        let input = row["input"].as_str().unwrap_or_default();
        let region = row["region"].as_str();
        let out = run(input, region, true);
        total += 1;
        let want_e164 = row["e164"].as_str();
        let want_valid = row["valid"].as_bool().unwrap_or(false);
        let want_type = row["type"].as_str();
        let got_type = out.phone_type.map(|t| t.as_str());
        let parsed_same = out.e164.as_deref() == want_e164;
        let core_same = parsed_same && out.valid == want_valid && (want_e164.is_none() || got_type == want_type);
        if core_same {
            core_agree += 1;
        } else if misses.len() < 40 {
            misses.push(format!(
                "{input:?} ({region:?}): want valid={want_valid} e164={want_e164:?} type={want_type:?}; got valid={} e164={:?} type={got_type:?} issues={:?}",
                out.valid, out.e164, out.issues.iter().map(|i| i.code.as_str()).collect::<Vec<_>>()
            ));
        }
        if want_e164.is_some() && parsed_same {
            for (want, got) in [
                (row["intl"].as_str(), out.international.as_deref()),
                (row["national"].as_str(), out.national.as_deref()),
                (row["rfc3966"].as_str(), out.rfc3966.as_deref()),
            ] {
                let want = want.map(|w| intake::text::fold_digits(w).unwrap_or_else(|| w.to_owned()));
                let want = want.as_deref();
                format_total += 1;
                if want == got {
                    format_agree += 1;
                } else if misses.len() < 60 {
                    misses.push(format!("{input:?} ({region:?}) format: want {want:?} got {got:?}"));
                }
            }
        }
    }
    let rate = core_agree as f64 / total as f64;
    let format_rate = format_agree as f64 / format_total.max(1) as f64;
    println!("phone corpus: validity+E.164+type agree on {core_agree}/{total} ({:.3}%); formats {format_agree}/{format_total} ({:.3}%)", rate * 100.0, format_rate * 100.0);
    assert!(total >= 20_000, "corpus has {total} lines");
    assert!(rate >= 0.999 && format_rate >= 0.999, "agreement below 99.9%:\n{}", misses.join("\n"));
}

#[test]
fn phone_cases() {
    let doc: Value = serde_json::from_str(&fixture("cases.json")).expect("cases.json");
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().expect("cases") {
        let input = case["input"].as_str().unwrap_or_default();
        let opts = &case["options"];
        let region = opts["defaultRegion"].as_str();
        let allow = opts["allowLetters"].as_bool().unwrap_or(false);
        let out = run(input, region, allow);
        for (key, want) in case["expect"].as_object().expect("expect") {
            let opt = |s: &Option<String>| s.as_deref().map_or(Value::Null, Value::from);
            let got = match key.as_str() {
                "valid" => Value::from(out.valid),
                "e164" => opt(&out.e164),
                "international" => opt(&out.international),
                "national" => opt(&out.national),
                "rfc3966" => opt(&out.rfc3966),
                "region" => out.region.map_or(Value::Null, Value::from),
                "type" => out.phone_type.map_or(Value::Null, |t| Value::from(t.as_str())),
                "extension" => opt(&out.extension),
                "countryCode" => out.country_code.map_or(Value::Null, Value::from),
                "nationalNumber" => opt(&out.national_number),
                "possible" => Value::from(out.possible),
                "value" => Value::from(out.value.as_ref()),
                "codes" => {
                    let c = common::codes(&out.issues);
                    let mut w: Vec<String> = serde_json::from_value(want.clone()).unwrap_or_default();
                    w.sort();
                    if c != w {
                        failures.push(format!("{input:?} codes: want {w:?} got {c:?}"));
                    }
                    continue;
                }
                other => panic!("unknown expect key {other}"),
            };
            if &got != want {
                failures.push(format!("{input:?} ({region:?}) {key}: want {want} got {got}"));
            }
        }
        assert_eq!(out.original, input);
        assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == intake::Severity::Error));
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// `formats: false` (parse + validate + E.164 only) gives, on every corpus input, the same result
/// as the default but for the three formats, which are None.
#[test]
fn formats_off_changes_only_the_formats() {
    let text = fixture("corpus.jsonl");
    let mut n = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: Value = serde_json::from_str(line).expect("corpus line");
        let input = row["input"].as_str().unwrap_or_default();
        let opts = PhoneOptions { default_region: row["region"].as_str(), ..PhoneOptions::default() };
        let full = validate_phone(input, &opts);
        let lean = validate_phone(input, &PhoneOptions { formats: false, ..opts.clone() });
        assert_eq!((&lean.international, &lean.national, &lean.rfc3966), (&None, &None, &None), "{input:?}");
        let without_formats = PhoneOutcome { international: None, national: None, rfc3966: None, ..full };
        assert_eq!(lean, without_formats, "{input:?}");
        n += 1;
    }
    assert!(n >= 20_000);
}
