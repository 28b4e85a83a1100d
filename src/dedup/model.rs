//! Fellegi-Sunter scoring: per comparison level an m probability (among matches) and a u
//! probability (among non-matches), estimated without labels by expectation-maximisation over
//! the candidate pairs of the batch, plus term-frequency adjustments for equal values.

use super::compare::{levels, COMPARISONS, N, NULL};
use super::prepare::Store;
use super::{hash_str, FastMap};

/// Most levels any comparison has.
pub const L: usize = 8;

/// Term frequencies of one comparison's values (only values seen at least twice are kept; a
/// missing value counts once).
#[derive(Clone, Debug, Default)]
pub struct TfTable {
    pub(crate) counts: FastMap<u64, u32>,
    pub(crate) total: u64,
    /// Probability that two random records agree on this field: sum of squared frequencies.
    pub(crate) agree: f64,
}

impl TfTable {
    /// A term-frequency adjustment in bits for an equal value: positive when the value is rarer
    /// than the values that usually agree, negative when commoner. Bounded to [-4, 4].
    pub fn adjustment(&self, value: &str) -> f64 {
        if self.total == 0 || self.agree <= 0.0 {
            return 0.0;
        }
        let count = self.counts.get(&hash_str(value)).copied().unwrap_or(1).max(1) as f64;
        let freq = count / self.total as f64;
        (self.agree / freq).log2().clamp(-4.0, 4.0)
    }

    fn build(store: &Store, slot: usize) -> TfTable {
        let mut all: FastMap<u64, u32> = FastMap::default();
        let mut total = 0u64;
        for r in 0..store.len() {
            let v = store.get(r, slot);
            if !v.is_empty() {
                *all.entry(hash_str(v)).or_insert(0) += 1;
                total += 1;
            }
        }
        let agree = if total == 0 {
            0.0
        } else {
            let t = total as f64;
            all.values().map(|&c| (c as f64 / t).powi(2)).sum::<f64>()
        };
        all.retain(|_, c| *c > 1);
        TfTable { counts: all, total, agree }
    }
}

/// Weight of the priors, in pairs.
const PRIOR_PAIRS: f64 = 20.0;
/// Random pairs drawn to estimate u (all pairs when there are fewer).
const U_SAMPLES: usize = 50_000;
/// Weight of the default u probabilities against those pairs.
const U_PRIOR_PAIRS: f64 = 1000.0;
/// Prior share of matches among candidate pairs.
const LAMBDA_PRIOR: f64 = 0.2;

/// Prior u probabilities (two random records) per level, from the cardinality of typical contact
/// fields: equal names are rarer than equal states, equal emails rarer still.
fn default_u(c: usize) -> [f64; L] {
    let equal: f64 = [0.01, 0.005, 0.0001, 0.0005, 0.001, 0.001, 0.02, 0.005, 0.01, 0.005, 0.2, 0.5, 0.0001, 0.005][c];
    let k = COMPARISONS[c].levels.len();
    let mut u = [0.0; L];
    u[k - 1] = equal;
    for l in u.iter_mut().take(k - 1).skip(1) {
        *l = (equal * 3.0).min(0.05);
    }
    u[0] = 1.0 - u[1..k].iter().sum::<f64>();
    u
}

/// The trained model: level probabilities, the share of matches among candidate pairs and the
/// term-frequency tables.
#[derive(Clone, Debug)]
pub struct Model {
    pub m: [[f64; L]; N],
    pub u: [[f64; L]; N],
    /// Probability that a candidate pair is a match, before looking at it.
    pub lambda: f64,
    pub tf: Vec<TfTable>,
    /// EM iterations run.
    pub iterations: usize,
    /// Weight (bits) per comparison level: log2(m / u).
    pub(crate) bits: [[f64; L]; N],
}

/// Packs a level vector into a u64, four bits per comparison (NULL as 15).
pub(crate) fn pack(lv: &[u8; N]) -> u64 {
    lv.iter().enumerate().fold(0u64, |acc, (i, &l)| acc | (u64::from(l.min(15)) << (4 * i)))
}

fn unpack(p: u64) -> [u8; N] {
    let mut lv = [0u8; N];
    for (i, l) in lv.iter_mut().enumerate() {
        let v = ((p >> (4 * i)) & 15) as u8;
        *l = if v == 15 { NULL } else { v };
    }
    lv
}

/// A small deterministic generator (xorshift64*), so training is reproducible.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n.max(1)
    }
}

impl Model {
    /// Trains on the level patterns of the candidate pairs (`patterns`: packed levels -> count).
    pub fn train(store: &Store, patterns: &FastMap<u64, u32>, max_iterations: usize) -> Model {
        // u starts from random pairs (almost all non-matches), m from a prior that favours the
        // higher levels; EM then refines both on the candidate pairs.
        let mut u = [[0.0; L]; N];
        let n = store.len();
        let mut counts = [[0.0f64; L]; N];
        let mut add = |a: usize, b: usize| {
            let lv = levels(store, a, store, b);
            for c in 0..N {
                if lv[c] != NULL {
                    counts[c][lv[c] as usize] += 1.0;
                }
            }
        };
        if n * n.saturating_sub(1) / 2 <= U_SAMPLES {
            for a in 0..n {
                for b in a + 1..n {
                    add(a, b);
                }
            }
        } else {
            let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
            for _ in 0..U_SAMPLES {
                let (a, b) = (rng.below(n), rng.below(n));
                if a != b {
                    add(a, b);
                }
            }
        }
        // Pseudo-counts (Dirichlet priors) keep small batches sensible: with few pairs the priors
        // decide, with many the data does.
        let mut m = [[0.0; L]; N];
        let mut m_prior = [[0.0; L]; N];
        let mut u_prior = [[0.0; L]; N];
        for c in 0..N {
            let k = COMPARISONS[c].levels.len();
            let prior = default_u(c);
            for l in 0..k {
                counts[c][l] += U_PRIOR_PAIRS * prior[l];
            }
            let total: f64 = counts[c][..k].iter().sum();
            let rest: f64 = (1..k).map(|x| x as f64).sum::<f64>();
            for l in 0..k {
                u[c][l] = counts[c][l] / total;
                u_prior[c][l] = u[c][l] * PRIOR_PAIRS;
                // m prior: 0.7 on equal, the rest shared with a tilt towards the higher levels.
                m[c][l] = if l == k - 1 { 0.7 } else { 0.3 * (l as f64 + 0.5) / (rest + 0.5 * (k - 1) as f64) };
                m_prior[c][l] = m[c][l] * PRIOR_PAIRS;
            }
        }
        let pats: Vec<([u8; N], f64)> = patterns.iter().map(|(&p, &c)| (unpack(p), c as f64)).collect();
        let mut lambda = 0.2;
        let mut iterations = 0;
        for _ in 0..max_iterations {
            iterations += 1;
            let mut mm = m_prior;
            let mut uu = u_prior;
            let (mut gm, mut gt) = (LAMBDA_PRIOR * PRIOR_PAIRS, PRIOR_PAIRS);
            for (lv, count) in &pats {
                let (mut pm, mut pu) = (lambda, 1.0 - lambda);
                for c in 0..N {
                    if lv[c] != NULL {
                        pm *= m[c][lv[c] as usize];
                        pu *= u[c][lv[c] as usize];
                    }
                }
                let g = if pm + pu > 0.0 { pm / (pm + pu) } else { 0.0 };
                gm += g * count;
                gt += count;
                for c in 0..N {
                    if lv[c] != NULL {
                        mm[c][lv[c] as usize] += g * count;
                        uu[c][lv[c] as usize] += (1.0 - g) * count;
                    }
                }
            }
            let mut delta: f64 = 0.0;
            for c in 0..N {
                let k = COMPARISONS[c].levels.len();
                let (sm, su): (f64, f64) = (mm[c][..k].iter().sum(), uu[c][..k].iter().sum());
                for l in 0..k {
                    let (nm, nu) = (mm[c][l] / sm, uu[c][l] / su);
                    delta = delta.max((nm - m[c][l]).abs()).max((nu - u[c][l]).abs());
                    m[c][l] = nm;
                    u[c][l] = nu;
                }
            }
            let nl = if gt > 0.0 { (gm / gt).clamp(1e-6, 1.0 - 1e-6) } else { lambda };
            delta = delta.max((nl - lambda).abs());
            lambda = nl;
            if delta < 1e-5 {
                break;
            }
        }
        let tf = COMPARISONS.iter().map(|c| if c.tf { TfTable::build(store, c.slot) } else { TfTable::default() }).collect();
        Model::from_parts(m, u, lambda, tf, iterations)
    }

    pub(crate) fn from_parts(m: [[f64; L]; N], u: [[f64; L]; N], lambda: f64, tf: Vec<TfTable>, iterations: usize) -> Model {
        let mut bits = [[0.0; L]; N];
        for c in 0..N {
            for l in 0..COMPARISONS[c].levels.len() {
                bits[c][l] = (m[c][l].max(1e-9) / u[c][l].max(1e-9)).log2();
            }
        }
        Model { m, u, lambda, tf, iterations, bits }
    }

    /// Prior weight in bits: log2(lambda / (1 - lambda)).
    pub fn prior(&self) -> f64 {
        (self.lambda / (1.0 - self.lambda)).log2()
    }

    /// Weight of a level of a comparison, with the term-frequency adjustment for equal values.
    #[inline]
    pub fn level_weight(&self, c: usize, level: u8, value: &str) -> (f64, f64) {
        let base = self.bits[c][level as usize];
        if COMPARISONS[c].tf && level as usize == COMPARISONS[c].levels.len() - 1 {
            let adj = self.tf[c].adjustment(value);
            (base + adj, adj)
        } else {
            (base, 0.0)
        }
    }

    /// The match weight (bits) of two records and their levels.
    pub fn score(&self, sa: &Store, a: usize, sb: &Store, b: usize) -> (f64, [u8; N]) {
        let lv = levels(sa, a, sb, b);
        let mut w = self.prior();
        for c in 0..N {
            if lv[c] != NULL {
                w += self.level_weight(c, lv[c], sa.get(a, COMPARISONS[c].slot)).0;
            }
        }
        (w, lv)
    }
}

/// Probability from a weight in bits.
pub fn probability(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

/// The weight (bits) of a probability.
pub fn weight_of(probability: f64) -> f64 {
    let p = probability.clamp(1e-12, 1.0 - 1e-12);
    (p / (1.0 - p)).log2()
}

/// One field's part in a pair's score.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Contribution {
    pub field: &'static str,
    pub level: &'static str,
    /// The standardized values compared.
    pub a: String,
    pub b: String,
    /// Bits added to the score (the term-frequency adjustment included).
    pub weight: f64,
    #[serde(rename = "tfAdjustment")]
    pub tf_adjustment: f64,
}

/// Why two records match or not: the prior plus each compared field; the parts sum to `weight`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Explanation {
    pub prior: f64,
    pub contributions: Vec<Contribution>,
    pub weight: f64,
    pub probability: f64,
}

impl Model {
    pub fn explain(&self, sa: &Store, a: usize, sb: &Store, b: usize) -> Explanation {
        let lv = levels(sa, a, sb, b);
        let prior = self.prior();
        let mut weight = prior;
        let mut contributions = Vec::new();
        for (c, cmp) in COMPARISONS.iter().enumerate() {
            if lv[c] == NULL {
                continue;
            }
            let va = sa.get(a, cmp.slot);
            let (w, adj) = self.level_weight(c, lv[c], va);
            weight += w;
            contributions.push(Contribution {
                field: cmp.name,
                level: cmp.levels[lv[c] as usize],
                a: va.to_string(),
                b: sb.get(b, cmp.slot).to_string(),
                weight: w,
                tf_adjustment: adj,
            });
        }
        Explanation { prior, contributions, weight, probability: probability(weight) }
    }
}
