//! Replays the shared email fixtures (tests/fixtures/email/) against the Rust core. The same files
//! are replayed by tests/js/replay.mjs in every JS runtime, so all engines agree on one spec.
#![cfg(feature = "email")]

use intake::email::{validate_email, EmailOptions, EmailOutcome};
use intake::Locale;
use serde_json::Value;

mod common;

fn load(name: &str) -> Value {
    common::fixture_json(&format!("email/{name}"))
}

fn run<'a>(input: &'a str, options: Option<&Value>) -> EmailOutcome<'a> {
    let flag = |k: &str| options.and_then(|o| o.get(k)).and_then(Value::as_bool).unwrap_or(false);
    let locale = options.and_then(|o| o.get("locale")).and_then(Value::as_str).map_or(Locale::En, Locale::from_tag);
    let opts = EmailOptions {
        locale,
        allow_quoted: flag("allowQuoted"),
        allow_comments: flag("allowComments"),
        allow_ip_domain: flag("allowIpDomain"),
        allow_single_label: flag("allowSingleLabel"),
        allow_overlong: flag("allowOverlong"),
        allow_unknown_tld: flag("allowUnknownTld"),
        ..EmailOptions::default()
    };
    validate_email(input, &opts)
}

/// The JSON view of an outcome, with the same keys as the JS `EmailResult`.
fn actual(o: &EmailOutcome, key: &str) -> Value {
    let opt = |s: &Option<std::borrow::Cow<str>>| s.as_ref().map_or(Value::Null, |s| Value::from(s.as_ref()));
    match key {
        "valid" => o.valid.into(),
        "value" => o.value.as_ref().into(),
        "ascii" => opt(&o.ascii),
        "canonical" => opt(&o.canonical),
        "suggestion" => o.suggestion.as_ref().map_or(Value::Null, |s| Value::from(s.as_str())),
        "domainKind" => o.domain_kind.map_or(Value::Null, |k| k.as_str().into()),
        "role" => o.role.into(),
        "placeholder" => o.placeholder.into(),
        "codes" => common::codes(&o.issues).into(),
        "changes" => common::kinds(&o.changes),
        other => panic!("unknown expect key {other}"),
    }
}

#[test]
fn email_cases() {
    let fixtures = load("cases.json");
    let cases = fixtures["cases"].as_array().unwrap();
    assert!(cases.len() >= 100);
    let mut failures = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let out = run(input, case.get("options"));
        for (key, want) in case["expect"].as_object().unwrap() {
            if key == "messageContains" {
                let needle = want.as_str().unwrap();
                if !out.issues.iter().any(|i| i.message().contains(needle)) {
                    failures.push(format!("{input:?}: no message contains {needle:?}: {:?}", out.issues));
                }
                continue;
            }
            common::expect_eq(input, key, want, actual(&out, key), &mut failures);
        }
        // Invariants that hold for every outcome.
        assert_eq!(out.original, input);
        assert_eq!(out.valid, !out.issues.iter().any(|i| i.severity() == intake::Severity::Error));
        assert_eq!(out.changes.first().map_or(input, |c| c.from.as_str()), input);
        assert_eq!(out.changes.last().map_or(out.value.as_ref(), |c| c.to.as_str()), out.value);
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn labelled_corpus_agreement() {
    let corpus = load("corpus.json");
    let cases = corpus["cases"].as_array().unwrap();
    let mut disagreements = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let out = run(input, None);
        if out.valid != case["valid"].as_bool().unwrap() {
            disagreements.push(format!("{input:?} expected valid={} got {:?}", case["valid"], out.issues));
        }
    }
    let rate = 1.0 - disagreements.len() as f64 / cases.len() as f64;
    println!("corpus agreement: {:.1}% of {} cases", rate * 100.0, cases.len());
    assert!(rate >= 0.97, "agreement {rate:.3} < 0.97:\n{}", disagreements.join("\n"));
}
