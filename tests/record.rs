//! Replays tests/fixtures/record/cases.json (records under rule sets, and rule sets with errors)
//! against the Rust core.

use intake::record::{validate_record, FieldState, RuleSet};
use intake::Locale;
use serde_json::{json, Value};

mod common;

fn rules_of(v: &Value) -> RuleSet {
    if v.is_null() {
        return RuleSet::default();
    }
    RuleSet::from_json(&v.to_string(), Locale::En).unwrap_or_else(|e| panic!("{v}: {e:?}"))
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_owned(), p[1].as_str().unwrap().to_owned()))
        .collect()
}

fn state_name(s: FieldState) -> Value {
    serde_json::to_value(s).unwrap()
}

#[test]
fn record_cases() {
    let fixtures = common::fixture_json("record/cases.json");
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 25);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let rules = rules_of(&case["rules"]);
        let record = pairs(&case["record"]);
        let o = validate_record(&record, &rules);
        assert_eq!(o.original, record, "{name}");
        assert_eq!(o.issues.len(), o.blocking.len());
        let expect = &case["expect"];
        let mut codes: Vec<Value> = o.issues.iter().map(|i| json!([i.path, i.code.as_str()])).collect();
        codes.sort_by_key(|v| v.to_string());
        let mut blocking: Vec<&str> =
            o.issues.iter().zip(&o.blocking).filter(|(_, &b)| b).map(|(i, _)| i.code.as_str()).collect();
        blocking.sort();
        for (key, want) in expect.as_object().unwrap() {
            let got: Value = match key.as_str() {
                "valid" => o.valid.into(),
                "record" => o.record.iter().map(|(k, v)| json!([k, v])).collect(),
                "codes" => {
                    let mut w = want.as_array().unwrap().clone();
                    w.sort_by_key(|v| v.to_string());
                    common::expect_eq(name, "codes as pairs", &Value::from(w.clone()), codes.clone().into(), &mut failures);
                    continue;
                }
                "blocking" => {
                    common::expect_eq(name, "codes", want, blocking.clone().into(), &mut failures);
                    continue;
                }
                "changes" => o.changes.iter().map(|c| json!([c.field, c.kind])).collect(),
                "score" => o.score.into(),
                "fields" => o.fields.iter().map(|(n, k, s)| json!([n, k.as_str(), state_name(*s)])).collect(),
                "params" => want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| {
                        let (path, param) = (p[0].as_str().unwrap(), p[1].as_str().unwrap());
                        let v = o.issues.iter().filter(|i| i.path == path).find_map(|i| i.param(param));
                        json!([path, param, v])
                    })
                    .collect(),
                other => panic!("{name}: unknown expectation {other}"),
            };
            common::expect_eq(name, key, want, got, &mut failures);
        }
        // Every issue renders in every locale, and messages never lose their placeholders.
        for issue in &o.issues {
            for l in Locale::ALL {
                let mut i = issue.clone();
                i.locale = l;
                assert!(!i.message().contains('{'), "{name}: {} in {l:?}: {}", issue.code.as_str(), i.message());
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rule_set_errors_name_the_bad_path() {
    let fixtures = common::fixture_json("record/cases.json");
    for case in fixtures["ruleErrors"].as_array().unwrap() {
        let text = case["rules"].as_str().unwrap();
        let want: Vec<(String, String)> = pairs(&case["errors"]);
        let got: Vec<(String, String)> = match RuleSet::from_json(text, Locale::Fa) {
            Ok(_) => Vec::new(),
            Err(errs) => {
                for e in &errs {
                    assert_eq!(e.locale, Locale::Fa);
                    assert!(!e.message().is_empty());
                }
                errs.iter().map(|e| (e.code.as_str().to_owned(), e.path.clone())).collect()
            }
        };
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn default_rules_are_the_empty_json_object() {
    assert_eq!(RuleSet::from_json("{}", Locale::En).unwrap(), RuleSet::default());
    let big = format!("{{\"fields\": {{{}}}}}", (0..300).map(|i| format!("\"f{i}\": \"text\"")).collect::<Vec<_>>().join(","));
    let errs = RuleSet::from_json(&big, Locale::En).unwrap_err();
    assert_eq!(errs[0].code.as_str(), "rules.too_large");
    let huge = " ".repeat(intake::limits::RULES_INPUT_BYTES + 1);
    assert_eq!(RuleSet::from_json(&huge, Locale::En).unwrap_err()[0].code.as_str(), "rules.too_large");
}

#[test]
fn records_over_the_field_cap_are_read_up_to_it() {
    let record: Vec<(String, String)> = (0..300).map(|i| (format!("k{i}"), "v".to_owned())).collect();
    let o = validate_record(&record, &RuleSet::default());
    assert!(o.issues.iter().any(|i| i.code.as_str() == "record.too_many_fields"));
    assert_eq!(o.record.len(), intake::limits::RECORD_MAX_FIELDS);
}

/// Maps every export of a header fixture; returns (right, total, failures).
fn header_accuracy(path: &str) -> (usize, usize, Vec<String>) {
    let fixtures = common::fixture_json(path);
    let (mut right, mut total, mut failures) = (0, 0, Vec::new());
    for export in fixtures["exports"].as_array().unwrap() {
        let source = export["source"].as_str().unwrap();
        let cols = pairs(&export["columns"]);
        let headers: Vec<&str> = cols.iter().map(|(h, _)| h.as_str()).collect();
        let rows: Vec<Vec<String>> = export
            .get("rows")
            .map(|r| r.as_array().unwrap().iter().map(|row| row.as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()).collect())
            .unwrap_or_default();
        let mapping = intake::record::map_headers(&headers, &rows);
        assert_eq!(mapping.len(), cols.len());
        for (m, (h, want)) in mapping.iter().zip(&cols) {
            total += 1;
            assert!((0.0..=1.0).contains(&m.confidence));
            if m.kind.as_str() == want {
                right += 1;
            } else {
                failures.push(format!("{source}: {h:?} is {want}, mapped to {} ({:?}, {})", m.kind.as_str(), m.reason, m.confidence));
            }
        }
    }
    (right, total, failures)
}

#[test]
fn header_mapping_accuracy() {
    for (path, min_exports) in [("record/headers.json", 30), ("record/headers_heldout.json", 20)] {
        let exports = common::fixture_json(path)["exports"].as_array().unwrap().len();
        assert!(exports >= min_exports, "{path}: {exports} exports");
        let (right, total, failures) = header_accuracy(path);
        let rate = right as f64 / total as f64;
        println!("{path}: {right}/{total} columns right ({:.1}%)", rate * 100.0);
        for f in &failures {
            println!("  {f}");
        }
        assert!(rate >= 0.95, "{path}: {right}/{total} = {:.1}% < 95%:\n{}", rate * 100.0, failures.join("\n"));
    }
}

#[test]
fn header_tokens_never_slice_lowercased_text() {
    // Turkish dotted capitals lower-case to two characters: nothing may be sliced by offsets
    // computed on the lower-cased form.
    for h in ["İİİİ 0912 x1", "İ", "Telefonİ", "ΣΑΣ Email", "ǅ", "\u{0130}\u{0301}mail", "e\u{0301}-mail"] {
        let _ = intake::record::headers::header_tokens(h);
        let _ = intake::record::kind_for_header(h);
        let m = intake::record::map_headers(&[h], &[vec!["İİİİ 0912 x1"]]);
        assert_eq!(m[0].header, h);
    }
    assert_eq!(intake::record::headers::header_tokens("İİİİ 0912 x1"), vec!["iiii", "x"]);
    assert_eq!(intake::record::kind_for_header("TELEFONİ").map(|k| k.0.as_str()), None);
    assert_eq!(intake::record::kind_for_header("E-MAİL").map(|k| k.0.as_str()), Some("email"));
}

#[test]
fn quality_report_counts_and_merges() {
    use intake::record::QualityReport;
    let rules = RuleSet::from_json(
        r#"{"fields": {"email": {"kind": "email", "required": true}, "phone": {"kind": "phone", "region": "GB"}, "country": "country"}}"#,
        Locale::En,
    )
    .unwrap();
    let rows: Vec<Vec<(&str, &str)>> = vec![
        vec![("email", "ann@contoso.com"), ("phone", "+442079460958"), ("country", "GB")], // clean: 100
        vec![("email", " bo@contoso.com"), ("phone", "020 7946 0958")],                     // fixed, country missing: (2+1+0.5)/4 = 88
        vec![("email", "nope"), ("phone", "12")],                                           // rejected: 0.5/4 = 13
        vec![("phone", "+44 20 7946 0958"), ("country", "Germany")],                        // email missing, mismatch: (0+0.75+1)/4 = 44
    ];
    let outcomes: Vec<_> = rows.iter().map(|r| validate_record(r, &rules)).collect();
    assert_eq!(outcomes.iter().map(|o| o.score).collect::<Vec<_>>(), vec![100, 88, 13, 44]);
    let mut all = QualityReport::new();
    for o in &outcomes {
        all.add(o);
    }
    assert_eq!((all.records, all.valid, all.rejected, all.fixed, all.clean), (4, 2, 2, 1, 1));
    assert_eq!(all.score, 61); // (100 + 88 + 13 + 44) / 4 = 61.25
    let email = &all.fields[0];
    assert_eq!((email.field.as_str(), email.present, email.missing, email.clean, email.fixed, email.invalid), ("email", 3, 1, 1, 1, 1));
    assert_eq!(email.completeness, 0.75);
    let country = all.fields.iter().find(|f| f.field == "country").unwrap();
    assert_eq!((country.present, country.missing, country.clean, country.fixed), (2, 2, 1, 1));
    assert_eq!(all.codes.get("record.required"), Some(&1));
    assert_eq!(all.codes.get("record.phone_country_mismatch"), Some(&1));
    assert_eq!(all.score_bands[10], 1);
    // Two halves merged are the whole.
    let (mut a, mut b) = (QualityReport::new(), QualityReport::new());
    outcomes[..2].iter().for_each(|o| a.add(o));
    outcomes[2..].iter().for_each(|o| b.add(o));
    a.merge(&b);
    assert_eq!(a, all);
    // The report serializes without personal values: only field names, kinds, codes and numbers.
    let json = serde_json::to_string(&all).unwrap();
    for personal in ["ann@", "7946", "Germany"] {
        assert!(!json.contains(personal), "{json}");
    }
}

#[test]
fn every_fixture_outcome_adds_up_in_the_report() {
    let fixtures = common::fixture_json("record/cases.json");
    let mut report = intake::record::QualityReport::new();
    let mut issues = 0;
    for case in fixtures["cases"].as_array().unwrap() {
        let o = validate_record(&pairs(&case["record"]), &rules_of(&case["rules"]));
        issues += o.issues.len() as u64;
        report.add(&o);
    }
    assert_eq!(report.valid + report.rejected, report.records);
    assert_eq!(report.codes.values().sum::<u64>(), issues);
    for f in &report.fields {
        assert_eq!(f.present + f.missing, report.records, "{}", f.field);
        assert_eq!(f.clean + f.fixed + f.warned + f.invalid, f.present, "{}", f.field);
    }
}

mod totality {
    use intake::record::{headers::header_tokens, kind_for_header, map_headers, validate_record, RuleSet};
    use intake::Locale;
    use proptest::prelude::*;

    /// Strings built from what matters here: letters that change length when lower-cased,
    /// digits of several scripts, JSON punctuation, separators, @, + and RTL text.
    fn tricky() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("İ"), Just("ß"), Just("ǅ"), Just("۰۹۱۲"), Just("٠٥"), Just("１２"), Just("@"), Just("+"), Just("{"),
                Just("}"), Just("["), Just("]"), Just("\""), Just("\\u"), Just(":"), Just(","), Just(" "), Just("\u{200c}"),
                Just("e-mail"), Just("ایمیل"), Just("手机"), Just("Phone"), Just("fields"), Just("kind"), Just("x"),
            ],
            0..24,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn records_never_panic(keys in proptest::collection::vec(prop_oneof![tricky(), any::<String>()], 0..6),
                               values in proptest::collection::vec(prop_oneof![tricky(), any::<String>()], 0..6),
                               rules in prop_oneof![tricky(), any::<String>()]) {
            let record: Vec<(String, String)> = keys.iter().cloned().zip(values.iter().cloned()).collect();
            let o = validate_record(&record, &RuleSet::default());
            prop_assert_eq!(o.issues.len(), o.blocking.len());
            prop_assert!(o.score <= 100);
            for i in &o.issues {
                prop_assert!(!i.message().is_empty());
            }
            let _ = RuleSet::from_json(&rules, Locale::Ar);
            for k in &keys {
                let _ = header_tokens(k);
                let _ = kind_for_header(k);
            }
            let rows = vec![values.clone()];
            let m = map_headers(&keys, &rows);
            prop_assert_eq!(m.len(), keys.len());
        }
    }
}
