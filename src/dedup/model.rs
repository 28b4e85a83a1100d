//! Fellegi-Sunter scoring: per comparison level an m probability (among matches) and a u
//! probability (among non-matches), estimated without labels by expectation-maximisation over
//! the candidate pairs of the batch, plus term-frequency adjustments for equal values.

use super::compare::{levels, Interned, COMPARISONS, N, NULL};
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

    /// The table of comparison `c` from a batch's interned values (counted once per distinct value).
    fn build(it: &Interned, c: usize) -> TfTable {
        let col = &it.cols[c];
        let counts = &col.counts;
        let total: u64 = counts[1..].iter().map(|&k| u64::from(k)).sum();
        let agree = if total == 0 {
            0.0
        } else {
            let t = total as f64;
            counts[1..].iter().map(|&k| (k as f64 / t).powi(2)).sum::<f64>()
        };
        let mut kept: FastMap<u64, u32> = FastMap::default();
        for (id, &k) in counts.iter().enumerate().skip(1) {
            if k > 1 {
                *kept.entry(hash_str(col.value(id as u32))).or_insert(0) += k;
            }
        }
        TfTable { counts: kept, total, agree }
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

/// Comparisons whose agreement is shared by people of one household or office (surname,
/// address, phone, company): the "related" class agrees on these and differs on the personal ones.
const SHARED: [bool; N] = [false, true, false, true, false, true, true, true, true, true, true, true, false, true];

/// The trained model: level probabilities among matches (`m`), among related non-matches such as
/// household members (`h`) and among unrelated pairs (`u`); class shares among candidate pairs;
/// term-frequency tables. Three classes instead of Fellegi-Sunter's two keep households, who
/// share a surname, an address and often a phone, from being learnt as duplicates.
#[derive(Clone, Debug)]
pub struct Model {
    pub m: [[f64; L]; N],
    pub h: [[f64; L]; N],
    pub u: [[f64; L]; N],
    /// Share of matches among candidate pairs.
    pub lambda: f64,
    /// Share of related non-matches among candidate pairs.
    pub lambda_related: f64,
    pub tf: Vec<TfTable>,
    /// EM iterations run.
    pub iterations: usize,
    /// log2 of m, h and u per level.
    pub(crate) log_m: [[f64; L]; N],
    pub(crate) log_h: [[f64; L]; N],
    pub(crate) log_u: [[f64; L]; N],
}

fn unpack(p: u64) -> [u8; N] {
    let mut lv = [0u8; N];
    for (i, l) in lv.iter_mut().enumerate() {
        *l = packed_level(p, i);
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
    pub fn train(store: &Store, interned: &Interned, patterns: &FastMap<u64, u32>, max_iterations: usize) -> Model {
        // u starts from random pairs (almost all unrelated), m from a prior that favours the
        // higher levels, h from m on shared fields and u on personal ones; EM then refines all
        // three on the candidate pairs.
        let n = store.len();
        let mut counts = [[0.0f64; L]; N];
        let mut add = |a: usize, b: usize| {
            let lv = interned.levels(a, b);
            for c in 0..N {
                if lv[c] != NULL {
                    counts[c][lv[c] as usize] += 1.0;
                }
            }
        };
        // About 20 pairs per record, at most U_SAMPLES.
        let samples = (n * 20).min(U_SAMPLES);
        if n * n.saturating_sub(1) / 2 <= samples {
            for a in 0..n {
                for b in a + 1..n {
                    add(a, b);
                }
            }
        } else {
            let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
            for _ in 0..samples {
                let (a, b) = (rng.below(n), rng.below(n));
                if a != b {
                    add(a, b);
                }
            }
        }
        // Pseudo-counts (Dirichlet priors) keep small batches sensible: with few pairs the priors
        // decide, with many the data does.
        let (mut m, mut h, mut u) = ([[0.0; L]; N], [[0.0; L]; N], [[0.0; L]; N]);
        let (mut m_prior, mut h_prior, mut u_prior) = ([[0.0; L]; N], [[0.0; L]; N], [[0.0; L]; N]);
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
                // m prior: 0.7 on equal, the rest shared with a tilt towards the higher levels.
                m[c][l] = if l == k - 1 { 0.7 } else { 0.3 * (l as f64 + 0.5) / (rest + 0.5 * (k - 1) as f64) };
                h[c][l] = if SHARED[c] { m[c][l] } else { u[c][l] };
                m_prior[c][l] = m[c][l] * PRIOR_PAIRS;
                h_prior[c][l] = h[c][l] * PRIOR_PAIRS;
                u_prior[c][l] = u[c][l] * PRIOR_PAIRS;
            }
        }
        let pats: Vec<([u8; N], f64)> = patterns.iter().map(|(&p, &c)| (unpack(p), c as f64)).collect();
        let (mut lm, mut lh) = (LAMBDA_PRIOR, LAMBDA_PRIOR / 2.0);
        let mut iterations = 0;
        for _ in 0..max_iterations {
            iterations += 1;
            let (mut mm, mut hh, mut uu) = (m_prior, h_prior, u_prior);
            let (mut gm, mut gh, mut gt) = (LAMBDA_PRIOR * PRIOR_PAIRS, LAMBDA_PRIOR / 2.0 * PRIOR_PAIRS, PRIOR_PAIRS);
            for (lv, count) in &pats {
                let (mut pm, mut ph, mut pu) = (lm, lh, 1.0 - lm - lh);
                for c in 0..N {
                    if lv[c] != NULL {
                        let l = lv[c] as usize;
                        pm *= m[c][l];
                        ph *= h[c][l];
                        pu *= u[c][l];
                    }
                }
                let total = pm + ph + pu;
                let (g, r) = if total > 0.0 { (pm / total, ph / total) } else { (0.0, 0.0) };
                gm += g * count;
                gh += r * count;
                gt += count;
                for c in 0..N {
                    if lv[c] != NULL {
                        let l = lv[c] as usize;
                        mm[c][l] += g * count;
                        hh[c][l] += r * count;
                        uu[c][l] += (1.0 - g - r).max(0.0) * count;
                    }
                }
            }
            let mut delta: f64 = 0.0;
            for c in 0..N {
                let k = COMPARISONS[c].levels.len();
                let (sm, sh, su): (f64, f64, f64) = (mm[c][..k].iter().sum(), hh[c][..k].iter().sum(), uu[c][..k].iter().sum());
                for l in 0..k {
                    let (nm, nh, nu) = (mm[c][l] / sm, hh[c][l] / sh, uu[c][l] / su);
                    delta = delta.max((nm - m[c][l]).abs()).max((nu - u[c][l]).abs()).max((nh - h[c][l]).abs());
                    m[c][l] = nm;
                    h[c][l] = nh;
                    u[c][l] = nu;
                }
            }
            let (nm, nh) = ((gm / gt).clamp(1e-6, 0.98), (gh / gt).clamp(1e-6, 0.98));
            delta = delta.max((nm - lm).abs()).max((nh - lh).abs());
            lm = nm;
            lh = nh;
            if delta < 1e-5 {
                break;
            }
        }
        let tf = COMPARISONS.iter().enumerate().map(|(c, cmp)| if cmp.tf { TfTable::build(interned, c) } else { TfTable::default() }).collect();
        Model::from_parts(m, h, u, lm, lh, tf, iterations)
    }

    pub(crate) fn from_parts(m: [[f64; L]; N], h: [[f64; L]; N], u: [[f64; L]; N], lambda: f64, lambda_related: f64, tf: Vec<TfTable>, iterations: usize) -> Model {
        let lg = |t: &[[f64; L]; N]| {
            let mut out = [[0.0; L]; N];
            for c in 0..N {
                for l in 0..COMPARISONS[c].levels.len() {
                    out[c][l] = t[c][l].max(1e-12).log2();
                }
            }
            out
        };
        Model { log_m: lg(&m), log_h: lg(&h), log_u: lg(&u), m, h, u, lambda, lambda_related, tf, iterations }
    }

    /// Log2 likelihoods of the three classes (prior included) for a level vector, and the sum of
    /// the term-frequency adjustments (`adjust(c)`) of its equal values.
    #[inline]
    fn classes(&self, lv: impl Fn(usize) -> u8, adjust: impl Fn(usize) -> f64) -> ([f64; 3], f64) {
        let mut ll = [self.lambda.log2(), self.lambda_related.log2(), (1.0 - self.lambda - self.lambda_related).max(1e-12).log2()];
        let mut tf = 0.0;
        for (c, cmp) in COMPARISONS.iter().enumerate() {
            let l = lv(c);
            if l == NULL {
                continue;
            }
            let li = l as usize;
            ll[0] += self.log_m[c][li];
            ll[1] += self.log_h[c][li];
            ll[2] += self.log_u[c][li];
            if cmp.tf && li == cmp.levels.len() - 1 {
                tf += adjust(c);
            }
        }
        (ll, tf)
    }

    /// The match weight (bits): log2 of P(match) / P(related or unrelated), plus the
    /// term-frequency adjustments.
    fn weight(ll: [f64; 3], tf: f64) -> f64 {
        Model::weight_before_tf(ll) + tf
    }

    /// [`Model::weight`] without the term-frequency adjustments (which are added last).
    fn weight_before_tf(ll: [f64; 3]) -> f64 {
        let (hi, lo) = if ll[1] >= ll[2] { (ll[1], ll[2]) } else { (ll[2], ll[1]) };
        ll[0] - hi - (1.0 + (lo - hi).exp2()).log2()
    }

    /// The match weight (bits) of two records and their levels.
    pub fn score(&self, sa: &Store, a: usize, sb: &Store, b: usize) -> (f64, [u8; N]) {
        let lv = levels(sa, a, sb, b);
        let (ll, tf) = self.classes(|c| lv[c], |c| self.tf[c].adjustment(sa.get(a, COMPARISONS[c].slot)));
        (Model::weight(ll, tf), lv)
    }

    /// The weight of packed levels (4 bits per comparison) without the term-frequency
    /// adjustments: the same for every pair of a level pattern, so a batch works it out once per
    /// distinct pattern.
    pub(crate) fn weight_of_pattern(&self, packed: u64) -> f64 {
        let (ll, _) = self.classes(|c| packed_level(packed, c), |_| 0.0);
        Model::weight_before_tf(ll)
    }

    /// The weight of a pair from its packed levels and their [`Model::weight_of_pattern`];
    /// `adjust(c)` is the term-frequency adjustment of the pair's (equal) value of comparison `c`.
    /// The same number as [`Model::score`]: the adjustments are summed in the same order and added
    /// last.
    pub(crate) fn weight_of_packed(&self, pattern_weight: f64, packed: u64, adjust: impl Fn(usize) -> f64) -> f64 {
        let mut tf = 0.0;
        for (c, cmp) in COMPARISONS.iter().enumerate() {
            if cmp.tf && usize::from(packed_level(packed, c)) == cmp.levels.len() - 1 {
                tf += adjust(c);
            }
        }
        pattern_weight + tf
    }

    /// Per comparison, per interned value id: its term-frequency adjustment (empty for
    /// comparisons without one), so scoring a batch looks adjustments up instead of hashing.
    pub(crate) fn adjustments(&self, it: &Interned) -> Vec<Vec<f64>> {
        COMPARISONS
            .iter()
            .enumerate()
            .map(|(c, cmp)| if cmp.tf { (0..it.cols[c].len() as u32).map(|id| if id == 0 { 0.0 } else { self.tf[c].adjustment(it.cols[c].value(id)) }).collect() } else { Vec::new() })
            .collect()
    }
}

/// The level of comparison `c` in packed levels (4 bits each, 15 for [`NULL`]).
#[inline]
fn packed_level(packed: u64, c: usize) -> u8 {
    match ((packed >> (4 * c)) & 15) as u8 {
        15 => NULL,
        l => l,
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

/// Why two records match or not. Each field's weight is log2(m / a) for the likelier kind of
/// non-match `a` (`against`: "unrelated", or "related" for household-like pairs); `prior`,
/// the contributions and `mixture` (the other kind of non-match, never positive) sum to `weight`.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Explanation {
    pub prior: f64,
    pub against: &'static str,
    pub contributions: Vec<Contribution>,
    pub mixture: f64,
    pub weight: f64,
    pub probability: f64,
}

impl Model {
    pub fn explain(&self, sa: &Store, a: usize, sb: &Store, b: usize) -> Explanation {
        let lv = levels(sa, a, sb, b);
        let (ll, _) = self.classes(|c| lv[c], |_| 0.0);
        let related = ll[1] >= ll[2];
        let (alt, lambda_alt, against) = if related {
            (&self.log_h, self.lambda_related, "related")
        } else {
            (&self.log_u, 1.0 - self.lambda - self.lambda_related, "unrelated")
        };
        let prior = (self.lambda / lambda_alt.max(1e-12)).log2();
        let (hi, lo) = if related { (ll[1], ll[2]) } else { (ll[2], ll[1]) };
        let mixture = -(1.0 + (lo - hi).exp2()).log2();
        let mut weight = prior + mixture;
        let mut contributions = Vec::new();
        for (c, cmp) in COMPARISONS.iter().enumerate() {
            if lv[c] == NULL {
                continue;
            }
            let li = lv[c] as usize;
            let va = sa.get(a, cmp.slot);
            let adj = if cmp.tf && li == cmp.levels.len() - 1 { self.tf[c].adjustment(va) } else { 0.0 };
            let w = self.log_m[c][li] - alt[c][li] + adj;
            weight += w;
            contributions.push(Contribution { field: cmp.name, level: cmp.levels[li], a: va.to_string(), b: sb.get(b, cmp.slot).to_string(), weight: w, tf_adjustment: adj });
        }
        Explanation { prior, against, contributions, mixture, weight, probability: probability(weight) }
    }
}
