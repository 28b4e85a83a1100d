//! Replays tests/fixtures/name/ against the Rust core: cases.jsonl (standardization, parts, issues,
//! changes) and keys.jsonl (matching keys and given-name groups). The same files are replayed by
//! the JS suites (tests/js/replay.mjs). Also measures junk false positives over the real names of
//! ../shared/data.

use intake::name::keys::same_given_name;
use intake::name::{standardize_name, NameOptions, NameOutcome, NamePart};
use intake::{Locale, Severity};
use serde_json::Value;
use std::collections::BTreeMap;

mod common;

fn run<'a>(input: &'a str, options: &Value) -> NameOutcome<'a> {
    let part = options["part"].as_str().map_or(NamePart::Full, |p| NamePart::from_str(p).expect("part"));
    let locale = options["locale"].as_str().map_or(Locale::En, Locale::from_tag);
    standardize_name(input, part, &NameOptions { locale, ..NameOptions::default() })
}

fn actual(o: &NameOutcome, key: &str) -> Value {
    let keys = o.keys.clone().unwrap_or_default();
    match key {
        "valid" => o.valid.into(),
        "value" => o.value.as_ref().into(),
        "honorific" => o.parts.honorific.clone().into(),
        "given" => o.parts.given.clone().into(),
        "middle" => o.parts.middle.clone().into(),
        "family" => o.parts.family.clone().into(),
        "suffix" => o.parts.suffix.clone().into(),
        "codes" => common::codes(&o.issues).into(),
        "changes" => common::kinds(&o.changes),
        "scripts" => o.scripts.iter().map(|s| s.as_str()).collect::<Vec<_>>().into(),
        "fold" => keys.fold.into(),
        "foldGiven" => keys.given.into(),
        "foldFamily" => keys.family.into(),
        "phonetic" => keys.phonetic.into(),
        "givenGroups" => keys.given_groups.into(),
        _ => panic!("unknown expect key {key}"),
    }
}

/// Replays `tests/fixtures/name/<file>` (at least `min` cases): given-name pair cases (`a`, `b`, `same`: checked
/// both ways) here, every other case through [`common::replay_jsonl`], each also checked for keeping its original
/// and for `valid` meaning "no error". Returns the standardization cases per group.
fn replay(file: &str, min: usize) -> BTreeMap<String, usize> {
    let (pairs, cases): (Vec<_>, Vec<_>) = common::jsonl_cases("name")
        .into_iter()
        .filter(|(at, _)| at.starts_with(&format!("{file}:")))
        .partition(|(_, case)| case.get("a").is_some());
    assert!(pairs.len() + cases.len() >= min, "{file}: {} cases", pairs.len() + cases.len());
    let mut failures = Vec::new();
    for (at, case) in &pairs {
        let (a, b) = (case["a"].as_str().expect("a"), case["b"].as_str().expect("b"));
        let want = case["same"].as_bool().expect("same");
        if same_given_name(a, b) != want || same_given_name(b, a) != want {
            failures.push(format!("{at}: same_given_name({a:?}, {b:?}) expected {want}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} pair cases failed:\n{}", failures.len(), pairs.len(), failures.join("\n"));
    let per_group = common::replay_jsonl(
        &cases,
        |input, options| {
            let o = run(input, options);
            assert_eq!(o.original, input);
            assert_eq!(o.valid, !o.issues.iter().any(|i| i.severity() == Severity::Error), "{input:?}");
            o
        },
        actual,
    );
    eprintln!("{file}: {} pair cases, standardization cases per group {per_group:?}", pairs.len());
    per_group.into_iter().map(|(g, n)| (g.to_owned(), n)).collect()
}

/// Standardization cases, which also cover every fixture language.
#[test]
fn name_cases() {
    let per_group = replay("cases.jsonl", 250);
    common::assert_languages_covered(&per_group.iter().map(|(g, n)| (g.as_str(), *n)).collect(), 8);
}

#[test]
fn name_keys() {
    replay("keys.jsonl", 60);
}

/// Every value of the name columns of ../shared/data (Febrl given names and surnames, the CRM
/// contacts' first and last names: 61,030 values) that has a letter is accepted; only values with
/// no letter at all (`.`, `..`) are rejected. Skipped with a notice when the data is absent.
#[test]
fn no_junk_false_positives_on_real_names() {
    let dir = format!("{}/../shared/data", env!("CARGO_MANIFEST_DIR"));
    let opts = NameOptions { keys: false, ..NameOptions::default() };
    let (mut total, mut with_letters, mut rejected) = (0usize, 0usize, Vec::new());
    for file in ["febrl/febrl1.csv", "febrl/febrl2.csv", "febrl/febrl3.csv", "febrl/febrl4a.csv", "febrl/febrl4b.csv", "contacts_10k.csv"] {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{file}")) else {
            eprintln!("notice: {dir}/{file} not found; skipping (see ../shared/data/README.md)");
            continue;
        };
        let mut rows = text.lines();
        let header: Vec<&str> = rows.next().unwrap_or("").split(',').collect();
        let cols: Vec<(usize, NamePart)> = header
            .iter()
            .enumerate()
            .filter_map(|(i, h)| match *h {
                "given_name" | "first_name" => Some((i, NamePart::Given)),
                "surname" | "last_name" => Some((i, NamePart::Family)),
                _ => None,
            })
            .collect();
        for row in rows {
            let fields: Vec<&str> = row.split(',').collect();
            for &(i, part) in &cols {
                let Some(v) = fields.get(i).map(|v| v.trim()).filter(|v| !v.is_empty()) else { continue };
                total += 1;
                if !v.chars().any(char::is_alphabetic) {
                    continue;
                }
                with_letters += 1;
                let o = standardize_name(v, part, &opts);
                if !o.valid {
                    rejected.push(format!("{v:?}: {:?}", common::codes(&o.issues)));
                }
            }
        }
    }
    eprintln!("junk false positives: {} of {with_letters} real names with a letter ({total} values)", rejected.len());
    assert!(rejected.is_empty(), "{} real names rejected:\n{}", rejected.len(), rejected.join("\n"));
}
