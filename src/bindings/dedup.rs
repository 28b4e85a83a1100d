//! wasm exports for de-duplication: a batch (rows in, clusters, pairs and explanations out), an
//! incremental index (bytes in and out, add, match) and survivorship. Rows cross the boundary as
//! one string per chunk (fields separated by U+001F, records by U+001E), which is far cheaper
//! than one JS string per value; results go back as typed arrays.

use super::to_js;
use crate::dedup::{golden_record, Deduper, Index, Model, Options, PrepareOptions, Role, Rules, Schema};
use wasm_bindgen::prelude::*;

const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

fn schema_of(headers: &[String], roles: &[String]) -> Schema {
    let mut schema = Schema::guess(&headers.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, r) in roles.iter().enumerate() {
        if let (Some(slot), Some(role)) = (schema.roles.get_mut(i), Role::from_name(r)) {
            *slot = role;
        }
    }
    schema
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.split(RECORD).filter(|r| !r.is_empty()).map(|r| r.split(FIELD).collect())
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct StatsJs {
    records: usize,
    candidate_pairs: usize,
    links: usize,
    clusters: usize,
    duplicate_clusters: usize,
    em_iterations: usize,
    lambda: f64,
    windowed_blocks: u64,
    pairs_per_key: std::collections::BTreeMap<&'static str, u64>,
}

#[derive(serde::Serialize)]
struct IssueJs<'a> {
    code: &'static str,
    path: &'a str,
    params: std::collections::BTreeMap<&'static str, &'a str>,
}

#[derive(serde::Serialize)]
struct MatchJs {
    record: u32,
    id: String,
    weight: f64,
    probability: f64,
}

#[wasm_bindgen]
pub struct DedupBatch {
    inner: Deduper,
    model: Option<Model>,
}

#[wasm_bindgen]
impl DedupBatch {
    /// `roles`: a role name per column ("" to guess from the header).
    #[wasm_bindgen(constructor)]
    pub fn new(headers: Vec<String>, roles: Vec<String>, threshold: f64, default_region: String, month_first: bool) -> DedupBatch {
        let schema = schema_of(&headers, &roles);
        let mut options = Options::default();
        if threshold.is_finite() && threshold > 0.0 && threshold < 1.0 {
            options.threshold = threshold;
        }
        options.prepare = PrepareOptions { default_region: (!default_region.is_empty()).then_some(default_region), month_first };
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        DedupBatch { inner: Deduper::new(schema, options).with_headers(&names), model: None }
    }

    /// Adds the rows of one chunk; returns the record count so far.
    pub fn push(&mut self, chunk: &str, source: u8) -> usize {
        for row in rows(chunk) {
            self.inner.push_from(&row, source);
        }
        self.inner.len()
    }

    /// Adds CSV bytes of `source` (a file in chunks; each source's first row is its header);
    /// returns the record count so far.
    #[wasm_bindgen(js_name = pushCsv)]
    pub fn push_csv(&mut self, bytes: &[u8], source: u8) -> usize {
        self.inner.push_csv(bytes, source);
        self.inner.len()
    }

    /// Ends the CSV stream of `source` (its last line may lack a line break); returns the record count.
    #[wasm_bindgen(js_name = endCsv)]
    pub fn end_csv(&mut self, source: u8) -> usize {
        self.inner.end_csv(source);
        self.inner.len()
    }

    /// The column roles in use (guessed or given).
    pub fn roles(&self) -> Vec<String> {
        self.inner.schema.roles.iter().map(|r| r.as_str().to_string()).collect()
    }

    /// Runs the batch. Returns `{ labels: Uint32Array (cluster per record), probabilities:
    /// Float64Array (per cluster), pairs: Uint32Array (a, b, ...), weights: Float32Array, stats,
    /// issues }`. `progress(phase, done, total)` is called now and then when given.
    pub fn run(&mut self, progress: Option<js_sys::Function>) -> JsValue {
        let mut report = |phase: crate::dedup::Phase, done: usize, total: usize| {
            if let Some(f) = &progress {
                let _ = f.call3(&JsValue::NULL, &JsValue::from_str(phase.as_str()), &JsValue::from(done as f64), &JsValue::from(total as f64));
            }
        };
        self.inner.finish_csv();
        self.inner.release_memo();
        let out = self.inner.run(&mut report);
        let mut labels = vec![0u32; self.inner.len()];
        let mut probabilities = Vec::with_capacity(out.clusters.len());
        for (k, c) in out.clusters.iter().enumerate() {
            for &m in &c.members {
                labels[m as usize] = k as u32;
            }
            probabilities.push(c.probability);
        }
        let mut pairs = Vec::with_capacity(out.pairs.len() * 2);
        let mut weights = Vec::with_capacity(out.pairs.len());
        for p in &out.pairs {
            pairs.push(p.a);
            pairs.push(p.b);
            weights.push(p.weight);
        }
        let s = &out.stats;
        let stats = StatsJs {
            records: s.records,
            candidate_pairs: s.candidate_pairs,
            links: s.links,
            clusters: s.clusters,
            duplicate_clusters: s.duplicate_clusters,
            em_iterations: s.em_iterations,
            lambda: s.lambda,
            windowed_blocks: s.windowed_blocks,
            pairs_per_key: s.pairs_per_key.iter().map(|(k, n)| (*k, *n)).collect(),
        };
        let issues: Vec<IssueJs> = self.inner.issues.iter().map(|i| IssueJs { code: i.code.as_str(), path: &i.path, params: i.params.iter().map(|(k, v)| (*k, v.as_str())).collect() }).collect();
        self.model = Some(out.model);
        let o = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        set("labels", js_sys::Uint32Array::from(&labels[..]).into());
        set("probabilities", js_sys::Float64Array::from(&probabilities[..]).into());
        set("pairs", js_sys::Uint32Array::from(&pairs[..]).into());
        set("weights", js_sys::Float32Array::from(&weights[..]).into());
        set("stats", to_js(&stats));
        set("issues", to_js(&issues));
        o.into()
    }

    /// Why records `a` and `b` match or not (after `run`); null before it or out of range.
    pub fn explain(&self, a: u32, b: u32) -> JsValue {
        match &self.model {
            Some(m) => self.inner.explain(m, a as usize, b as usize).map_or(JsValue::NULL, |e| to_js(&e)),
            None => JsValue::NULL,
        }
    }

    /// An incremental index of the batch (after `run`, which trains the model).
    pub fn index(&self) -> Option<DedupIndex> {
        self.model.as_ref().map(|m| DedupIndex { inner: self.inner.index(m.clone()) })
    }
}

#[wasm_bindgen]
pub struct DedupIndex {
    inner: Index,
}

#[wasm_bindgen]
impl DedupIndex {
    /// Reads bytes written by `toBytes`; throws on anything else.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<DedupIndex, JsValue> {
        Index::from_bytes(bytes).map(|inner| DedupIndex { inner }).map_err(|e| JsValue::from_str(&format!("intake: not a dedup index ({e:?})")))
    }

    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.inner.to_bytes()
    }

    pub fn len(&self) -> usize {
        self.inner.len()
    }

    pub fn roles(&self) -> Vec<String> {
        self.inner.schema.roles.iter().map(|r| r.as_str().to_string()).collect()
    }

    /// Adds one record (a chunk string of one row); returns its position.
    pub fn add(&mut self, row: &str) -> u32 {
        let fields: Vec<&str> = row.split(FIELD).collect();
        self.inner.add(&fields)
    }

    /// `[{ record, id, weight, probability }]`, best first.
    #[wasm_bindgen(js_name = matchOne)]
    pub fn match_one(&self, row: &str, limit: usize) -> JsValue {
        let fields: Vec<&str> = row.split(FIELD).collect();
        let found: Vec<_> = self
            .inner
            .match_one(&fields, limit)
            .into_iter()
            .map(|m| MatchJs { record: m.record, id: m.id, weight: m.weight, probability: m.probability })
            .collect();
        to_js(&found)
    }

    pub fn explain(&self, row: &str, record: u32) -> JsValue {
        let fields: Vec<&str> = row.split(FIELD).collect();
        self.inner.explain(&fields, record).map_or(JsValue::NULL, |e| to_js(&e))
    }
}

/// The header row at the start of CSV bytes, or null while its line is incomplete (unless `last`).
#[wasm_bindgen]
pub fn dedup_csv_header(bytes: &[u8], last: bool) -> Option<Vec<String>> {
    crate::dedup::csv::header(bytes, last)
}

/// The golden record of a cluster's rows (one chunk string) under `rules` (a rules object;
/// null for the defaults). Returns `{ values, plan }` or throws on malformed rules.
#[wasm_bindgen]
pub fn dedup_golden(headers: Vec<String>, roles: Vec<String>, chunk: &str, rules: JsValue) -> Result<JsValue, JsValue> {
    let rules: Rules = if rules.is_null() || rules.is_undefined() {
        Rules::default()
    } else {
        serde_wasm_bindgen::from_value(rules).map_err(|e| JsValue::from_str(&format!("intake: survivorship rules: {e}")))?
    };
    let schema = schema_of(&headers, &roles);
    let names: Vec<&str> = headers.iter().map(String::as_str).collect();
    let members: Vec<Vec<&str>> = rows(chunk).collect();
    Ok(to_js(&golden_record(&names, &schema, &members, &rules)))
}
