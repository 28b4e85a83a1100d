//! Helpers shared by the fixture replays (each test file includes this module).
#![allow(dead_code)] // each test binary uses only some of them

use intake::{Change, Issue};
use serde_json::Value;

/// The text of `tests/fixtures/<path>`.
pub fn fixture_text(path: &str) -> String {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// `tests/fixtures/<path>` parsed as JSON.
pub fn fixture_json(path: &str) -> Value {
    serde_json::from_str(&fixture_text(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The issue codes, sorted (fixtures list them as a set).
pub fn codes(issues: &[Issue]) -> Vec<&'static str> {
    let mut c: Vec<&'static str> = issues.iter().map(|i| i.code.as_str()).collect();
    c.sort();
    c
}

/// The change kinds, in order.
pub fn kinds(changes: &[Change]) -> Value {
    changes.iter().map(|c| c.kind).collect::<Vec<_>>().into()
}

/// Records a failure when `got` differs from the fixture's `want` for `key`; `codes` compare as
/// sets (the fixture's list is sorted like [`codes`]).
pub fn expect_eq(input: &str, key: &str, want: &Value, got: Value, failures: &mut Vec<String>) {
    let want = if key == "codes" {
        let mut w: Vec<String> = serde_json::from_value(want.clone()).expect("fixture codes: a list of strings");
        w.sort();
        Value::from(w)
    } else {
        want.clone()
    };
    if got != want {
        failures.push(format!("{input:?} {key}: expected {want}, got {got}"));
    }
}

/// The JSON values of `tests/fixtures/<path>`, a JSON-lines file (blank lines skipped).
pub fn fixture_lines(path: &str) -> Vec<Value> {
    fixture_text(path)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

/// The changes lead from `input` to `value`: the first starts at the input, each starts where the
/// previous ended, the last ends at the value (no changes: the value is the input).
pub fn assert_change_chain(input: &str, value: &str, changes: &[Change]) {
    assert_eq!(changes.first().map_or(input, |c| c.from.as_str()), input);
    assert_eq!(changes.last().map_or(value, |c| c.to.as_str()), value);
    for pair in changes.windows(2) {
        assert_eq!(pair[0].to, pair[1].from);
    }
}

/// Every case of every `tests/fixtures/<dir>/*.jsonl` (files in name order), each with `file:line`.
pub fn jsonl_cases(dir: &str) -> Vec<(String, Value)> {
    let full = format!("{}/tests/fixtures/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(&full)
        .unwrap_or_else(|e| panic!("{full}: {e}"))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        for (i, line) in fixture_text(&format!("{dir}/{f}")).lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{f}:{}: {e}", i + 1));
            out.push((format!("{f}:{}", i + 1), v));
        }
    }
    out
}

/// Replays `{ group, input, options?, expect }` cases: `run(input, options)` gives an outcome, `actual(outcome, key)`
/// its value for each key of `expect` (compared with [`expect_eq`]). Fails with every mismatch; returns the number
/// of cases per group.
pub fn replay_jsonl<'c, R>(
    cases: &'c [(String, Value)],
    run: impl Fn(&'c str, &'c Value) -> R,
    actual: impl Fn(&R, &str) -> Value,
) -> std::collections::BTreeMap<&'c str, usize> {
    let mut per_group = std::collections::BTreeMap::new();
    let mut failures = Vec::new();
    for (at, case) in cases {
        let input = case["input"].as_str().unwrap_or_else(|| panic!("{at}: no input"));
        *per_group.entry(case["group"].as_str().unwrap_or("")).or_default() += 1;
        let outcome = run(input, &case["options"]);
        for (key, want) in case["expect"].as_object().unwrap_or_else(|| panic!("{at}: no expect")) {
            expect_eq(&format!("{at} {input}"), key, want, actual(&outcome, key), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
    per_group
}

/// The languages every field's fixtures must cover (issue 5).
const FIXTURE_LANGUAGES: [&str; 8] = ["en", "fa", "ar", "zh", "de", "fr", "es", "pt"];

/// Fails unless each of [`FIXTURE_LANGUAGES`] has at least `min` cases in `per_group` (cases per group, as
/// [`replay_jsonl`] returns them).
pub fn assert_languages_covered(per_group: &std::collections::BTreeMap<&str, usize>, min: usize) {
    for lang in FIXTURE_LANGUAGES {
        let n = per_group.get(lang).copied().unwrap_or(0);
        assert!(n >= min, "{lang}: only {n} cases (at least {min}): {per_group:?}");
    }
}

/// Runs `check` `repeats` times on each worst-case input (each at most `cap` bytes) and fails when the whole run
/// exceeds 60 s. A hang guard, not a benchmark: a backtracking or quadratic path takes hours on such inputs at the
/// cap, a linear one well under a second even in a debug build; the bound leaves room for a loaded CI machine.
pub fn assert_worst_cases_terminate(inputs: &[&str], cap: usize, repeats: usize, check: impl Fn(&str)) {
    let start = std::time::Instant::now();
    for s in inputs {
        assert!(s.len() <= cap, "worst case of {} bytes over the cap {cap}", s.len());
        for _ in 0..repeats {
            check(s);
        }
    }
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

/// Returns `rand(n)`: the next number below `n` of a seeded xorshift (the same on every run).
pub fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}
