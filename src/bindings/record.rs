//! Record exports: compiled rule sets kept in the instance behind a handle, so a batch of rows
//! crosses the boundary as one call per chunk (values back to back in the input buffer, their byte
//! lengths in the batch buffer) with no per-record serialization.
//!
//! Per row the batch buffer gets a status word (bit 0 valid, bits 8-15 the score) and the output
//! one group: `n, (column, value)*` for the values standardization changed, `n, (column, kind,
//! to)*` for the changes, `n, (code, path, blocking, n, (name, value)*)*` for the issues, then
//! one state per field of the plan (`FieldState` as a number). Messages
//! are rendered by the shim from the templates, as for single fields.

use super::{locale_from_index, text_of, to_js, with_batch, Extra, BATCH, IN};
use crate::issue::Issue;
use crate::record::{map_headers, validate_row, Plan, QualityReport, RuleSet};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

struct Compiled {
    rules: RuleSet,
    plan: Plan,
    report: QualityReport,
}

thread_local! {
    /// Compiled rule sets by handle - 1. A slot is emptied only by `rules_free`.
    static COMPILED: RefCell<Vec<Option<Compiled>>> = const { RefCell::new(Vec::new()) };
}

/// A missing value in the batch buffer (undefined or null in JS).
const MISSING: u32 = u32::MAX;

#[derive(serde::Serialize)]
struct IssueRow<'a> {
    code: &'static str,
    path: &'a str,
    params: std::collections::BTreeMap<&'static str, &'a str>,
}

fn issue_rows(issues: &[Issue]) -> Vec<IssueRow<'_>> {
    issues
        .iter()
        .map(|i| IssueRow { code: i.code.as_str(), path: &i.path, params: i.params.iter().map(|(k, v)| (*k, v.as_str())).collect() })
        .collect()
}

#[derive(serde::Serialize)]
struct CompileResult<'a> {
    handle: u32,
    rules: Option<&'a RuleSet>,
    errors: Vec<IssueRow<'a>>,
}

/// Compiles a rule set (JSON text). `{handle, rules}` (the rule set with its defaults filled in),
/// or `{handle: 0, errors}`.
#[wasm_bindgen]
pub fn rules_compile(json: &str, locale: u32) -> JsValue {
    match RuleSet::from_json(json, locale_from_index(locale)) {
        Ok(rules) => {
            let handle = COMPILED.with(|c| {
                let mut c = c.borrow_mut();
                let compiled = Compiled { plan: Plan::new::<&str>(&rules, &[]), report: QualityReport::new(), rules };
                let slot = c.iter().position(Option::is_none).unwrap_or(c.len());
                if slot == c.len() {
                    c.push(None);
                }
                c[slot] = Some(compiled);
                slot as u32 + 1
            });
            COMPILED.with(|c| {
                let c = c.borrow();
                let rules = c.get(handle as usize - 1).and_then(Option::as_ref).map(|x| &x.rules);
                to_js(&CompileResult { handle, rules, errors: Vec::new() })
            })
        }
        Err(errors) => to_js(&CompileResult { handle: 0, rules: None, errors: issue_rows(&errors) }),
    }
}

/// Frees a compiled rule set (a later use of the handle is refused, never undefined behaviour).
#[wasm_bindgen]
pub fn rules_free(handle: u32) {
    COMPILED.with(|c| {
        if let Some(slot) = c.borrow_mut().get_mut((handle as usize).wrapping_sub(1)) {
            *slot = None;
        }
    });
}

fn with_compiled<T>(handle: u32, f: impl FnOnce(&mut Compiled) -> T) -> Option<T> {
    COMPILED.with(|c| c.borrow_mut().get_mut((handle as usize).wrapping_sub(1)).and_then(Option::as_mut).map(f))
}

#[derive(serde::Serialize)]
struct PlanInfo<'a> {
    /// Per column: kept in the output record.
    kept: &'a [bool],
    /// Per column: the field's kind, or null for a key no rule checks.
    kinds: Vec<Option<&'static str>>,
    /// The fields in play (the rule set's, or with the default rule set one per key whose kind is
    /// known), in the order of the states each row reports.
    fields: Vec<(&'a str, &'static str)>,
}

/// Matches the `n` keys in the input buffer (byte lengths in the batch buffer) to the rule set's
/// fields; later batches use this plan. `{kept, kinds}`, or null for a freed handle.
#[wasm_bindgen]
pub fn record_keys(handle: u32, n: usize) -> JsValue {
    let keys: Vec<String> = IN.with(|input| {
        BATCH.with(|batch| {
            let input = input.borrow();
            let batch = batch.borrow();
            let mut at = 0usize;
            batch
                .iter()
                .take(n)
                .map(|&len| {
                    let end = (at + len as usize).min(input.len());
                    let k = text_of(&input[at..end]).into_owned();
                    at = end;
                    k
                })
                .collect()
        })
    });
    with_compiled(handle, |c| {
        c.plan = Plan::new(&c.rules, &keys);
        let kinds = c.plan.columns.iter().map(|j| j.map(|j| c.plan.rules[j].kind.as_str())).collect();
        let fields = c.plan.rules.iter().map(|r| (r.name.as_str(), r.kind.as_str())).collect();
        to_js(&PlanInfo { kept: &c.plan.kept, kinds, fields })
    })
    .unwrap_or(JsValue::NULL)
}

impl Extra {
    fn record_row(&mut self, row: &[Option<&str>], o: &crate::record::RowOutcome, blocking: &[bool]) {
        // A value still borrowing its cell is unchanged without comparing the text.
        let same = |v: &str, cell: Option<&str>| cell.is_some_and(|c| (v.as_ptr() == c.as_ptr() && v.len() == c.len()) || v == c);
        let changed: Vec<(usize, &str)> =
            o.values.iter().enumerate().filter_map(|(i, v)| v.as_deref().filter(|v| !same(v, row.get(i).copied().flatten())).map(|v| (i, v))).collect();
        self.number(changed.len());
        for (i, v) in changed {
            self.number(i);
            self.string(v);
        }
        self.number(o.changes.len());
        for (i, c) in &o.changes {
            self.number(*i);
            self.string(c.kind);
            self.string(&c.to);
        }
        self.number(o.issues.len());
        for (issue, &b) in o.issues.iter().zip(blocking) {
            self.issue_code(issue.code.as_str());
            self.string(&issue.path);
            self.number(usize::from(b));
            self.number(issue.params.len());
            for (name, value) in &issue.params {
                self.string(name);
                self.string(value);
            }
        }
        for s in &o.states {
            self.number(*s as usize);
        }
    }
}

/// Validates `rows` rows of the plan's columns (values back to back in the input buffer, byte
/// lengths in the batch buffer, `u32::MAX` for a missing value). Each row's status word replaces
/// batch entry `row`; the groups are in the output. With `report`, the rows are added to the
/// handle's quality report. Returns the output's length word, or 0 for a freed handle.
#[wasm_bindgen]
pub fn record_check_batch(handle: u32, rows: usize, report: bool) -> u32 {
    with_compiled(handle, |c| {
        let cols = c.plan.columns.len();
        with_batch(|input, batch, x| {
            let mut at = 0usize;
            // Texts are decoded per row (lossily only if the shim wrote bad UTF-8).
            let mut texts: Vec<Option<std::borrow::Cow<'_, str>>> = Vec::with_capacity(cols);
            for r in 0..rows {
                texts.clear();
                for k in 0..cols {
                    let len = batch.get(r * cols + k).copied().unwrap_or(MISSING);
                    if len == MISSING {
                        texts.push(None);
                        continue;
                    }
                    let end = (at + len as usize).min(input.len());
                    texts.push(Some(text_of(&input[at..end])));
                    at = end;
                }
                let values: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
                let o = validate_row(&c.plan, &c.rules, &values);
                x.record_row(&values, &o, &o.blocking);
                if report {
                    c.report.add_row(&c.plan, &o);
                }
                if let Some(slot) = batch.get_mut(r) {
                    *slot = u32::from(o.valid) | u32::from(o.score) << 8;
                }
            }
        })
    })
    .unwrap_or(0)
}

/// The handle's quality report so far (null for a freed handle).
#[wasm_bindgen]
pub fn record_report(handle: u32) -> JsValue {
    with_compiled(handle, |c| {
        c.report.finish_rows();
        to_js(&c.report)
    })
    .unwrap_or(JsValue::NULL)
}

#[wasm_bindgen]
pub fn record_report_reset(handle: u32) {
    with_compiled(handle, |c| c.report = QualityReport::new());
}

/// Maps import columns (see `record::map_headers`): `headers` a list of strings, `rows` a list of
/// lists of strings (anything else reads as empty).
#[wasm_bindgen]
pub fn map_columns(headers: JsValue, rows: JsValue) -> JsValue {
    let headers: Vec<String> = serde_wasm_bindgen::from_value(headers).unwrap_or_default();
    let rows: Vec<Vec<String>> = serde_wasm_bindgen::from_value(rows).unwrap_or_default();
    to_js(&map_headers(&headers, &rows))
}
