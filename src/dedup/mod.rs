//! Duplicate detection: standardize -> block on several keys -> score pairs with a
//! Fellegi-Sunter model trained without labels (EM) -> cluster without chaining -> clusters with a
//! match probability, an explanation per pair, golden records by survivorship rules, and an
//! incremental [`Index`] for "already on file?" checks.
//!
//! ```
//! use intake::dedup::{Deduper, Options, Schema};
//! let schema = Schema::guess(&["id", "first_name", "last_name", "email"]);
//! let mut d = Deduper::new(schema, Options::default());
//! d.push(&["1", "Robert", "Smith", "bob.smith@gmail.com"]);
//! d.push(&["2", "Bob", "Smith", "Bob.Smith@gmial.com"]);
//! d.push(&["3", "Alice", "Jones", "alice@example.org"]);
//! let out = d.run(&mut |_, _, _| {});
//! assert!(out.clusters.iter().any(|c| c.members == vec![0, 1]));
//! ```

pub mod block;
pub mod cluster;
pub mod compare;
pub mod csv;
pub mod index;
pub mod model;
pub mod prepare;
pub mod survive;

pub use index::{Index, IndexError, Match};
pub use model::{probability, Contribution, Explanation, Model};
pub use survive::{golden_record, Decision, Golden, Rule, Rules};
pub use prepare::{Memo, PrepareOptions, Role, Schema, Store};

use crate::issue::{Code, Issue};
use crate::limits::{DEDUP_CSV_RECORD_BYTES, DEDUP_FIELD_BYTES, DEDUP_RECORD_FIELDS};
use crate::Locale;
use std::collections::HashMap;
use crate::tables::FxHasher;
use std::hash::BuildHasherDefault;

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Whether two byte strings are equal, compared eight bytes at a time. In wasm, `==` on strings
/// calls a `memcmp` that goes byte by byte; the batch memo compares on every hit.
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut ca, mut cb) = (a.chunks_exact(8), b.chunks_exact(8));
    for (x, y) in (&mut ca).zip(&mut cb) {
        let x = u64::from_le_bytes([x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7]]);
        let y = u64::from_le_bytes([y[0], y[1], y[2], y[3], y[4], y[5], y[6], y[7]]);
        if x != y {
            return false;
        }
    }
    ca.remainder().iter().zip(cb.remainder()).all(|(x, y)| x == y)
}

/// A fast 64-bit hash of a string for in-memory tables (not stable across versions: never stored).
pub fn quick_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_usize(s.len());
    h.finish()
}

/// 64-bit FNV-1a of a string, then mixed (stable across platforms: indexes store these).
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// How a batch is matched. The defaults are the ones measured in `bench/`; nothing is tuned per
/// data set.
#[derive(Clone, Debug)]
pub struct Options {
    /// Pairs at or above this match probability are links.
    pub threshold: f64,
    pub prepare: PrepareOptions,
    pub block: block::BlockOptions,
    pub max_em_iterations: usize,
    /// Keep every scored pair in the outcome (not only links); for review tools and evaluation.
    pub keep_all_pairs: bool,
    pub locale: Locale,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: 0.5,
            prepare: PrepareOptions::default(),
            block: block::BlockOptions::default(),
            max_em_iterations: 40,
            keep_all_pairs: false,
            locale: Locale::En,
        }
    }
}

/// Work phases reported to the progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Blocking,
    Comparing,
    Training,
    Scoring,
    Clustering,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Blocking => "blocking",
            Phase::Comparing => "comparing",
            Phase::Training => "training",
            Phase::Scoring => "scoring",
            Phase::Clustering => "clustering",
        }
    }
}

/// A scored pair of records (indices in push order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    pub a: u32,
    pub b: u32,
    /// Match weight in bits (log2 of the odds).
    pub weight: f32,
    pub probability: f32,
}

/// Records that are one person; `probability` is that of the weakest link that joined them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub members: Vec<u32>,
    pub probability: f64,
}

/// Counts about a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub records: usize,
    pub candidate_pairs: usize,
    /// Candidate pairs each blocking key produced (before removing pairs found by several).
    pub pairs_per_key: Vec<(&'static str, u64)>,
    pub windowed_blocks: u64,
    pub links: usize,
    pub clusters: usize,
    pub duplicate_clusters: usize,
    pub em_iterations: usize,
    pub lambda: f64,
}

/// What [`Deduper::run`] returns.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Every record in exactly one cluster (singletons included), in order of first member.
    pub clusters: Vec<Cluster>,
    /// Links (pairs at or above the threshold), or every scored pair with `keep_all_pairs`.
    pub pairs: Vec<Pair>,
    pub model: Model,
    pub stats: Stats,
}

/// A CSV stream of a batch and where the batch's columns are in it (known after its header row).
#[derive(Clone, Debug, Default)]
struct CsvSource {
    reader: csv::CsvChunks,
    map: Option<Vec<Option<usize>>>,
}

/// A batch of records to de-duplicate (one source) or link (two sources).
#[derive(Clone, Debug)]
pub struct Deduper {
    pub schema: Schema,
    pub options: Options,
    pub(crate) store: Store,
    memo: Memo,
    /// The record being prepared (its strings reused from record to record).
    scratch: prepare::Prepared,
    /// CSV streams being read (`push_csv`), one per source.
    csv: [Option<CsvSource>; 2],
    /// Over-long values that were left out (`input.too_long`, path `records[i].column`).
    pub issues: Vec<Issue>,
    headers: Vec<String>,
}

impl Deduper {
    pub fn new(schema: Schema, options: Options) -> Deduper {
        Deduper { schema, options, store: Store::default(), memo: Memo::new(), scratch: prepare::Prepared::default(), csv: [None, None], issues: Vec::new(), headers: Vec::new() }
    }

    /// Names used for column paths in issues (defaults to the column number).
    pub fn with_headers(mut self, headers: &[&str]) -> Deduper {
        self.headers = headers.iter().map(|h| h.to_string()).collect();
        self
    }

    /// Adds a record of the first (or only) source.
    pub fn push(&mut self, row: &[&str]) {
        self.push_from(row, 0);
    }

    /// Adds a record of source 0 or 1; with records of both, only pairs across sources are compared.
    pub fn push_from(&mut self, row: &[&str], source: u8) {
        let row = &row[..row.len().min(DEDUP_RECORD_FIELDS)];
        prepare::prepare_into(row, &self.schema, &self.options.prepare, &mut self.memo, &mut self.scratch);
        let p = &self.scratch;
        for &col in &p.too_long {
            let name = self.headers.get(col).cloned().unwrap_or_else(|| col.to_string());
            let path = format!("records[{}].{name}", self.store.len());
            self.issues.push(Issue::new(Code::InputTooLong, &path, self.options.locale, vec![("max", DEDUP_FIELD_BYTES.to_string())]));
        }
        self.store.push(p, source.min(1));
    }

    /// Adds CSV bytes of source 0 or 1: a file streamed in chunks of any size (see [`csv`]). Each
    /// source's first row is its header; its columns are matched to the batch's headers by name
    /// (in order when the batch has none). Call [`Deduper::end_csv`] after a file's last chunk.
    pub fn push_csv(&mut self, bytes: &[u8], source: u8) {
        let s = usize::from(source.min(1));
        let mut src = self.csv[s].take().unwrap_or_default();
        let CsvSource { reader, map } = &mut src;
        reader.push(bytes, &mut |r| self.csv_record(map, r, s as u8));
        self.csv[s] = Some(src);
    }

    /// Ends the CSV stream of `source`: its last record, if it had no final line break, is read
    /// now (records count in the order they are complete). A later `push_csv` starts a new file.
    pub fn end_csv(&mut self, source: u8) {
        let s = usize::from(source.min(1));
        if let Some(mut src) = self.csv[s].take() {
            let CsvSource { reader, map } = &mut src;
            reader.finish(&mut |r| self.csv_record(map, r, s as u8));
        }
    }

    /// Ends every CSV stream still open ([`Deduper::end_csv`]).
    pub fn finish_csv(&mut self) {
        self.end_csv(0);
        self.end_csv(1);
    }

    fn csv_record(&mut self, map: &mut Option<Vec<Option<usize>>>, r: csv::Record, source: u8) {
        let Some(m) = map else {
            // The header row: where each of the batch's columns is in this file.
            *map = Some(if self.headers.is_empty() {
                (0..r.fields.len()).map(Some).collect()
            } else {
                self.headers.iter().map(|h| r.fields.iter().position(|f| f.trim() == h.trim())).collect()
            });
            return;
        };
        if r.cut {
            let path = format!("records[{}]", self.store.len());
            self.issues.push(Issue::new(Code::InputTooLong, &path, self.options.locale, vec![("max", DEDUP_CSV_RECORD_BYTES.to_string())]));
        }
        if m.iter().enumerate().all(|(i, c)| *c == Some(i)) {
            self.push_from(r.fields, source);
        } else {
            let row: Vec<&str> = m.iter().map(|c| c.and_then(|c| r.fields.get(c).copied()).unwrap_or("")).collect();
            self.push_from(&row, source);
        }
    }

    /// Frees the memory of remembered standardizations (see [`Memo`]); call it when all records
    /// are pushed. Pushing more afterwards still works.
    pub fn release_memo(&mut self) {
        self.memo = Memo::new();
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// The standardized records.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Blocks, trains, scores and clusters. `progress(phase, done, total)` is called now and then.
    pub fn run(&self, progress: &mut dyn FnMut(Phase, usize, usize)) -> Outcome {
        let store = &self.store;
        let n = store.len();
        let link = n > 0 && store.source.iter().any(|&s| s != store.source[0]);
        let bopts = block::BlockOptions { link, ..self.options.block };
        let cands = block::candidates(store, &bopts, &mut |d, t| progress(Phase::Blocking, d, t));
        let interned = compare::Interned::new(store);
        let total = cands.pairs.len();
        // Levels of every candidate pair, kept packed (8 bytes a pair) for training and scoring.
        let packed = interned.packed_levels(&cands.pairs, &mut |c, n| progress(Phase::Comparing, c * total / n, total));
        let mut patterns: FastMap<u64, u32> = FastMap::default();
        for &k in &packed {
            *patterns.entry(k).or_insert(0) += 1;
        }
        progress(Phase::Training, 0, patterns.len());
        let model = Model::train(store, &interned, &patterns, self.options.max_em_iterations);
        // Each distinct level pattern's weight before term-frequency adjustments, worked out once.
        let pattern_weights: FastMap<u64, f64> = patterns.into_keys().map(|k| (k, model.weight_of_pattern(k))).collect();
        let adjust = model.adjustments(&interned);
        let threshold = model::weight_of(self.options.threshold);
        let mut pairs = Vec::new();
        let mut links = Vec::new();
        for (i, (&p, &k)) in cands.pairs.iter().zip(&packed).enumerate() {
            let (a, b) = ((p >> 32) as u32, (p & 0xFFFF_FFFF) as u32);
            let w = model.weight_of_packed(pattern_weights[&k], k, |c| adjust[c][interned.id(a as usize, c) as usize]);
            if w >= threshold {
                links.push((a, b, model::probability(w)));
            }
            if w >= threshold || self.options.keep_all_pairs {
                pairs.push(Pair { a, b, weight: w as f32, probability: model::probability(w) as f32 });
            }
            if i % 65536 == 0 {
                progress(Phase::Scoring, i, total);
            }
        }
        drop(packed);
        drop(pattern_weights);
        progress(Phase::Clustering, 0, links.len());
        let (groups, probs) = cluster::cluster(n, &links, link.then_some(&store.source[..]));
        let clusters: Vec<Cluster> = groups.into_iter().zip(probs).map(|(members, probability)| Cluster { members, probability }).collect();
        let stats = Stats {
            records: n,
            candidate_pairs: total,
            pairs_per_key: block::KINDS.iter().copied().zip(cands.per_kind).filter(|(_, c)| *c > 0).collect(),
            windowed_blocks: cands.windowed_blocks,
            links: links.len(),
            clusters: clusters.len(),
            duplicate_clusters: clusters.iter().filter(|c| c.members.len() > 1).count(),
            em_iterations: model.iterations,
            lambda: model.lambda,
        };
        Outcome { clusters, pairs, model, stats }
    }

    /// An incremental index of this batch's records with `model` (usually `run`'s).
    pub fn index(&self, model: Model) -> Index {
        Index::new(self, model)
    }

    /// Why records `a` and `b` (push order) match or not, under `model`.
    pub fn explain(&self, model: &Model, a: usize, b: usize) -> Option<Explanation> {
        (a < self.store.len() && b < self.store.len()).then(|| model.explain(&self.store, a, &self.store, b))
    }
}
