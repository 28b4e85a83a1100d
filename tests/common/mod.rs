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
