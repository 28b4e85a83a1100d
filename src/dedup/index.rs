//! Incremental matching: an index of existing records (standardized records, the trained model
//! and blocking postings) that answers "is this new record already on file?" by scoring only the
//! records sharing a blocking key. `add` is O(number of keys); postings are linked lists through
//! one vector, newest first, and at most `MAX_POSTINGS` per key are read. The index serializes
//! to bytes (postings are rebuilt on load) so an edge function can ship it.

use super::block::keys;
use super::compare::{COMPARISONS, N};
use super::model::{probability, weight_of, Explanation, Model, TfTable, L};
use super::prepare::{prepare, slot, PrepareOptions, Role, Schema, Store};
use super::{FastMap, Deduper};

/// Records read per blocking key at most (the newest).
const MAX_POSTINGS: usize = 32;
const MAGIC: &[u8; 8] = b"INTKIDX1";

/// A record on file that matches the query.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// Position of the record in the index (build order, then `add` order).
    pub record: u32,
    pub id: String,
    pub weight: f64,
    pub probability: f64,
}

#[derive(Clone, Debug)]
pub struct Index {
    pub schema: Schema,
    pub prepare: PrepareOptions,
    /// Matches at or above this probability are returned.
    pub threshold: f64,
    pub model: Model,
    store: Store,
    heads: FastMap<u64, u32>,
    /// (record, next entry) per posting; `u32::MAX` ends a list.
    postings: Vec<(u32, u32)>,
}

/// Why bytes are not an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexError {
    NotAnIndex,
    Truncated,
    Corrupt(&'static str),
    TooLarge,
}

impl Index {
    /// An index over a batch's records with the model trained on it.
    pub fn new(batch: &Deduper, model: Model) -> Index {
        let mut index = Index {
            schema: batch.schema.clone(),
            prepare: batch.options.prepare.clone(),
            threshold: batch.options.threshold,
            model,
            store: batch.store.clone(),
            heads: FastMap::default(),
            postings: Vec::new(),
        };
        index.rebuild();
        index
    }

    fn rebuild(&mut self) {
        self.heads.clear();
        self.postings.clear();
        let mut buf = Vec::new();
        for r in 0..self.store.len() {
            self.post(r, &mut buf);
        }
    }

    fn post(&mut self, r: usize, buf: &mut Vec<u64>) {
        buf.clear();
        keys(&self.store, r, buf);
        buf.sort_unstable();
        buf.dedup();
        for &k in buf.iter() {
            let next = self.heads.get(&k).copied().unwrap_or(u32::MAX);
            self.heads.insert(k, self.postings.len() as u32);
            self.postings.push((r as u32, next));
        }
    }

    pub fn len(&self) -> usize {
        self.store.len()
    }

    pub fn is_empty(&self) -> bool {
        self.store.is_empty()
    }

    /// Adds a record (values in schema column order); returns its position.
    pub fn add(&mut self, row: &[&str]) -> u32 {
        let p = prepare(&row[..row.len().min(crate::limits::DEDUP_RECORD_FIELDS)], &self.schema, &self.prepare);
        self.store.push(&p, 0);
        let r = self.store.len() - 1;
        self.post(r, &mut Vec::new());
        r as u32
    }

    fn query(&self, row: &[&str]) -> Store {
        let mut q = Store::default();
        q.push(&prepare(&row[..row.len().min(crate::limits::DEDUP_RECORD_FIELDS)], &self.schema, &self.prepare), 0);
        q
    }

    /// Records on file that match `row` at or above the threshold, best first, at most `limit`.
    pub fn match_one(&self, row: &[&str], limit: usize) -> Vec<Match> {
        let q = self.query(row);
        let mut buf = Vec::new();
        keys(&q, 0, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        let mut seen: Vec<u32> = Vec::new();
        for k in &buf {
            let mut at = self.heads.get(k).copied().unwrap_or(u32::MAX);
            let mut taken = 0;
            while at != u32::MAX && taken < MAX_POSTINGS {
                let (r, next) = self.postings[at as usize];
                seen.push(r);
                taken += 1;
                at = next;
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let min = weight_of(self.threshold);
        let mut out: Vec<Match> = seen
            .into_iter()
            .filter_map(|r| {
                let (w, _) = self.model.score(&q, 0, &self.store, r as usize);
                (w >= min).then(|| Match { record: r, id: self.store.get(r as usize, slot::ID).to_string(), weight: w, probability: probability(w) })
            })
            .collect();
        out.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.record.cmp(&b.record)));
        out.truncate(limit);
        out
    }

    /// Why `row` matches record `record` on file, or not.
    pub fn explain(&self, row: &[&str], record: u32) -> Option<Explanation> {
        let q = self.query(row);
        ((record as usize) < self.store.len()).then(|| self.model.explain(&q, 0, &self.store, record as usize))
    }

    /// The index as bytes (see [`Index::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Vec::with_capacity(self.store.text.len() + self.store.ends.len() * 4 + 4096);
        w.extend_from_slice(MAGIC);
        put_u32(&mut w, self.schema.roles.len() as u32);
        for r in &self.schema.roles {
            put_str(&mut w, r.as_str());
        }
        put_str(&mut w, self.prepare.default_region.as_deref().unwrap_or(""));
        w.push(u8::from(self.prepare.month_first));
        put_f64(&mut w, self.threshold);
        let m = &self.model;
        for t in [&m.m, &m.h, &m.u] {
            for row in t.iter() {
                for &x in row.iter() {
                    put_f64(&mut w, x);
                }
            }
        }
        put_f64(&mut w, m.lambda);
        put_f64(&mut w, m.lambda_related);
        put_u32(&mut w, m.iterations as u32);
        for tf in &m.tf {
            put_u64(&mut w, tf.total);
            put_f64(&mut w, tf.agree);
            put_u32(&mut w, tf.counts.len() as u32);
            let mut entries: Vec<(&u64, &u32)> = tf.counts.iter().collect();
            entries.sort_unstable();
            for (k, c) in entries {
                put_u64(&mut w, *k);
                put_u32(&mut w, *c);
            }
        }
        put_u32(&mut w, self.store.len() as u32);
        put_u32(&mut w, self.store.text.len() as u32);
        w.extend_from_slice(self.store.text.as_bytes());
        for &e in &self.store.ends {
            put_u32(&mut w, e);
        }
        w.extend_from_slice(&self.store.source);
        w
    }

    /// Reads an index written by [`Index::to_bytes`]. Any other bytes give an error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Index, IndexError> {
        if bytes.len() > crate::limits::DEDUP_INDEX_BYTES {
            return Err(IndexError::TooLarge);
        }
        let mut r = Reader { b: bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(IndexError::NotAnIndex);
        }
        let ncols = r.u32()? as usize;
        if ncols > crate::limits::DEDUP_RECORD_FIELDS {
            return Err(IndexError::Corrupt("columns"));
        }
        let mut roles = Vec::with_capacity(ncols);
        for _ in 0..ncols {
            roles.push(Role::from_name(r.str()?).ok_or(IndexError::Corrupt("role"))?);
        }
        let region = r.str()?.to_string();
        let month_first = r.take(1)?[0] != 0;
        let threshold = r.f64()?;
        let mut tables = [[[0.0; L]; N]; 3];
        for t in tables.iter_mut() {
            for row in t.iter_mut() {
                for x in row.iter_mut() {
                    *x = r.f64()?;
                }
            }
        }
        let (lambda, lambda_related) = (r.f64()?, r.f64()?);
        let iterations = r.u32()? as usize;
        let mut tf = Vec::with_capacity(N);
        for _ in 0..COMPARISONS.len() {
            let total = r.u64()?;
            let agree = r.f64()?;
            let n = r.u32()? as usize;
            if n > r.left() / 12 {
                return Err(IndexError::Truncated);
            }
            let mut counts = FastMap::default();
            counts.reserve(n);
            for _ in 0..n {
                let k = r.u64()?;
                counts.insert(k, r.u32()?);
            }
            tf.push(TfTable { counts, total, agree });
        }
        let records = r.u32()? as usize;
        let text_len = r.u32()? as usize;
        let text = std::str::from_utf8(r.take(text_len)?).map_err(|_| IndexError::Corrupt("text"))?.to_string();
        let n_ends = records.checked_mul(slot::COUNT).ok_or(IndexError::Corrupt("records"))?;
        if n_ends > r.left() / 4 {
            return Err(IndexError::Truncated);
        }
        let mut ends = Vec::with_capacity(n_ends);
        let mut last = 0u32;
        for _ in 0..n_ends {
            let e = r.u32()?;
            if e < last || e as usize > text.len() || !text.is_char_boundary(e as usize) {
                return Err(IndexError::Corrupt("offsets"));
            }
            last = e;
            ends.push(e);
        }
        let source = r.take(records)?.to_vec();
        if r.left() != 0 {
            return Err(IndexError::Corrupt("trailing bytes"));
        }
        let [m, h, u] = tables;
        if !(lambda > 0.0 && lambda_related > 0.0 && lambda + lambda_related < 1.0) {
            return Err(IndexError::Corrupt("class shares"));
        }
        let model = Model::from_parts(m, h, u, lambda, lambda_related, tf, iterations);
        let mut index = Index {
            schema: Schema { roles },
            prepare: PrepareOptions { default_region: (!region.is_empty()).then_some(region), month_first },
            threshold,
            model,
            store: Store { text, ends, source },
            heads: FastMap::default(),
            postings: Vec::new(),
        };
        index.rebuild();
        Ok(index)
    }
}

fn put_u32(w: &mut Vec<u8>, x: u32) {
    w.extend_from_slice(&x.to_le_bytes());
}
fn put_u64(w: &mut Vec<u8>, x: u64) {
    w.extend_from_slice(&x.to_le_bytes());
}
fn put_f64(w: &mut Vec<u8>, x: f64) {
    w.extend_from_slice(&x.to_le_bytes());
}
fn put_str(w: &mut Vec<u8>, s: &str) {
    put_u32(w, s.len() as u32);
    w.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.b.len() - self.at
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], IndexError> {
        let s = self.b.get(self.at..self.at.checked_add(n).ok_or(IndexError::Truncated)?).ok_or(IndexError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, IndexError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| IndexError::Truncated)?))
    }
    fn u64(&mut self) -> Result<u64, IndexError> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().map_err(|_| IndexError::Truncated)?))
    }
    fn f64(&mut self) -> Result<f64, IndexError> {
        let x = f64::from_le_bytes(self.take(8)?.try_into().map_err(|_| IndexError::Truncated)?);
        if x.is_finite() {
            Ok(x)
        } else {
            Err(IndexError::Corrupt("number"))
        }
    }
    fn str(&mut self) -> Result<&'a str, IndexError> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| IndexError::Corrupt("string"))
    }
}
