//! SMAA-2 (Lahdelma & Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability
//! analysis for group decision making", Operations Research 49(3), 444–454).
//!
//! Model: additive utility `u(x_i, w) = Σ_j w_j u_ij` with partial values `u_ij` (higher is
//! better; [`smaa2_problem`] obtains them by a [`Normalization`] of a decision matrix).
//! Weights are drawn from a [`WeightModel`]; criterion values may be uncertain intervals
//! ([`smaa2_intervals`]). For `N` Monte-Carlo samples:
//!
//! * rank acceptability `b_i^r` = share of samples in which alternative `i` has rank `r`;
//! * central weight vector `w_i^c` = mean of the weights for which `i` is ranked first
//!   (the zero vector when `b_i^1 = 0`);
//! * confidence factor `p_i^c` = probability that `i` is ranked first when the central weight
//!   vector `w_i^c` is used, over the distribution of the criterion values (0 or 1 when the
//!   values are exact; 0 when `b_i^1 = 0`).
//!
//! # Sampling
//! * [`WeightModel::UniformSimplex`]: uniform on `{w >= 0, Σw = 1}` by the sorted-uniform
//!   method (Rubinstein 1982; Tervonen & Lahdelma 2007, EJOR 178(2)): draw `n − 1` uniforms
//!   on `[0, 1)`, sort them, and take the gaps between `0, u_(1), …, u_(n−1), 1`.
//! * [`WeightModel::Intervals`]: uniform on the simplex restricted to `lower <= w <= upper`
//!   by rejection from the uniform simplex; fails with [`McdaError::SamplingFailed`] when
//!   fewer than 1 in 10 000 draws are accepted.
//! * [`WeightModel::Ordinal`]: uniform on `{w_{c1} >= w_{c2} >= …}` for a ranking of the
//!   criteria (SMAA-O style): a uniform simplex sample sorted in decreasing order and
//!   assigned by rank.
//! * Uncertain values: each `x_ij` uniform on `[lower_ij, upper_ij]`, mapped to `[0, 1]` by a
//!   fixed linear partial value function over the column's envelope
//!   `[min_i lower_ij, max_i upper_ij]` (reversed for cost criteria).
//!
//! # Ties
//! Ranks inside a sample form a permutation: scores are compared on their top 64 − ⌈log₂ m⌉
//! bits (relative precision better than `2^-44` for `m <= 256`), and alternatives whose
//! scores agree there are ordered by index (lower index first). So every row and column of
//! the acceptability matrix sums to exactly 1 (up to the final division).
//!
//! # Reproducibility
//! The samples are split into chunks of [`CHUNK_SAMPLES`]; chunk `c` draws from
//! `ChaCha8Rng::seed_from_u64(seed)` on stream `c` (and the confidence pass on stream
//! `2^32 + c`). Chunks run in parallel under rayon and are merged in chunk order, so the
//! output is bit-identical for a given `(seed, samples)` whatever the number of threads.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};

/// Samples per chunk; part of the reproducibility contract (results depend on
/// `(seed, samples, CHUNK_SAMPLES)`, never on the thread count).
pub const CHUNK_SAMPLES: u64 = 16_384;

/// The largest sample count accepted (`samples` and `confidence_samples`): 100 million.
/// Memory does not grow with the count (chunks are counted in batches and merged as they
/// finish); run time does, linearly (about 1–2 µs per sample for 250 × 10 on one core), so
/// the cap keeps one call under a few minutes. [`McdaError::InvalidParameter`] beyond it.
pub const MAX_SAMPLES: u64 = 100_000_000;

/// Chunks run in parallel per batch; the merge after each batch keeps memory flat.
const BATCH_CHUNKS: usize = 64;

/// How criterion weights are sampled.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightModel {
    /// Uniform on the simplex (no preference information).
    UniformSimplex,
    /// Uniform on the simplex within per-criterion bounds.
    Intervals {
        /// Lower bounds, one per criterion, in `[0, 1]`.
        lower: Vec<f64>,
        /// Upper bounds, one per criterion, in `[0, 1]`.
        upper: Vec<f64>,
    },
    /// Uniform on the weights consistent with a ranking of the criteria
    /// (`ranks[j]` = importance rank of criterion `j`, 1 = most important).
    Ordinal {
        /// A permutation of `1..=n`.
        ranks: Vec<usize>,
    },
}

/// SMAA-2 settings.
#[derive(Debug, Clone, PartialEq)]
pub struct SmaaOptions {
    /// Number of weight samples `N` (>= 1).
    pub samples: u64,
    /// Seed of the ChaCha8 generator.
    pub seed: u64,
    /// Weight distribution.
    pub weights: WeightModel,
    /// Value samples for the confidence factors when values are uncertain (>= 1).
    pub confidence_samples: u64,
}

impl Default for SmaaOptions {
    fn default() -> Self {
        SmaaOptions {
            samples: 10_000,
            seed: 0,
            weights: WeightModel::UniformSimplex,
            confidence_samples: 10_000,
        }
    }
}

/// SMAA-2 output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SmaaResult {
    /// `acceptability[i][r]` = `b_i^{r+1}`.
    pub acceptability: Vec<Vec<f64>>,
    /// `central_weights[i]` = `w_i^c` (zeros when `b_i^1 = 0`).
    pub central_weights: Vec<Vec<f64>>,
    /// `confidence[i]` = `p_i^c`.
    pub confidence: Vec<f64>,
    /// Number of weight samples used.
    pub samples: u64,
}

/// Draws weights from a validated model.
#[derive(Debug, Clone)]
struct Sampler {
    n: usize,
    model: WeightModel,
    /// For ordinal: criterion index holding the r-th largest weight.
    by_rank: Vec<usize>,
}

impl Sampler {
    fn new(model: &WeightModel, n: usize) -> Result<Self> {
        let mut by_rank = Vec::new();
        match model {
            WeightModel::UniformSimplex => {}
            WeightModel::Intervals { lower, upper } => {
                for (what, v) in [("lower", lower), ("upper", upper)] {
                    if v.len() != n {
                        return Err(McdaError::DimensionMismatch {
                            what: if what == "lower" {
                                "lower weight bounds"
                            } else {
                                "upper weight bounds"
                            },
                            expected: n,
                            found: v.len(),
                        });
                    }
                }
                let mut issues = Vec::new();
                for (&l, &u) in lower.iter().zip(upper) {
                    if !(l.is_finite() && u.is_finite() && 0.0 <= l && l <= u && u <= 1.0) {
                        issues.push(McdaError::InvalidParameter {
                            name: "weight interval",
                            value: if l.is_finite() && l >= 0.0 { u } else { l },
                            expected: "0 <= lower <= upper <= 1",
                        });
                    }
                }
                McdaError::from_issues(issues)?;
                let (sl, su): (f64, f64) = (lower.iter().sum(), upper.iter().sum());
                if sl > 1.0 || su < 1.0 {
                    return Err(McdaError::InvalidParameter {
                        name: "weight interval",
                        value: if sl > 1.0 { sl } else { su },
                        expected: "sum(lower) <= 1 <= sum(upper)",
                    });
                }
            }
            WeightModel::Ordinal { ranks } => {
                let w = crate::weights::rank_sum(ranks)?; // validates the permutation
                if w.len() != n {
                    return Err(McdaError::DimensionMismatch {
                        what: "criteria ranks",
                        expected: n,
                        found: w.len(),
                    });
                }
                by_rank = vec![0; n];
                for (j, &r) in ranks.iter().enumerate() {
                    if let Some(slot) = by_rank.get_mut(r - 1) {
                        *slot = j;
                    }
                }
            }
        }
        Ok(Sampler {
            n,
            model: model.clone(),
            by_rank,
        })
    }

    fn simplex(&self, rng: &mut ChaCha8Rng, cut: &mut [f64], w: &mut [f64]) {
        // cut has n+1 slots: 0, sorted uniforms, 1
        let n = self.n;
        if let Some(c) = cut.first_mut() {
            *c = 0.0;
        }
        if let Some(c) = cut.get_mut(n) {
            *c = 1.0;
        }
        if let Some(inner) = cut.get_mut(1..n) {
            for c in inner.iter_mut() {
                *c = rng.random();
            }
            // `n - 1` values: an inlined insertion sort beats the library sort here, and any
            // correct sort of these (finite, non-NaN) values yields the same sequence
            sort_small(inner);
        }
        for (j, wj) in w.iter_mut().enumerate() {
            *wj = cut.get(j + 1).copied().unwrap_or(1.0) - cut.get(j).copied().unwrap_or(0.0);
        }
    }

    /// Fills `w`; returns the number of draws consumed (> 1 under rejection), or `None`
    /// when the rejection budget ran out.
    fn draw(&self, rng: &mut ChaCha8Rng, cut: &mut [f64], w: &mut [f64]) -> Option<u64> {
        match &self.model {
            WeightModel::UniformSimplex => {
                self.simplex(rng, cut, w);
                Some(1)
            }
            WeightModel::Intervals { lower, upper } => {
                for tries in 1..=10_000u64 {
                    self.simplex(rng, cut, w);
                    let ok = w
                        .iter()
                        .zip(lower)
                        .zip(upper)
                        .all(|((x, l), u)| *l <= *x && *x <= *u);
                    if ok {
                        return Some(tries);
                    }
                }
                None
            }
            WeightModel::Ordinal { .. } => {
                self.simplex(rng, cut, w);
                let mut sorted = w.to_vec();
                sorted.sort_unstable_by(|a, b| b.total_cmp(a));
                for (r, &j) in self.by_rank.iter().enumerate() {
                    if let (Some(slot), Some(&v)) = (w.get_mut(j), sorted.get(r)) {
                        *slot = v;
                    }
                }
                Some(1)
            }
        }
    }
}

/// Sorts a slice of non-NaN values in increasing order. Up to [`SMALL_SORT`] values are placed
/// by counting (value `x_i` goes to `#{j: x_j < x_i} + #{j < i: x_j = x_i}`): branch-free,
/// where an insertion sort of random values mispredicts about once per element. Any correct
/// sort yields the same sequence, so the weights do not depend on the method.
#[inline]
fn sort_small(v: &mut [f64]) {
    let mut buf = [0.0f64; SMALL_SORT];
    if v.len() > SMALL_SORT {
        v.sort_unstable_by(f64::total_cmp);
        return;
    }
    for (i, &x) in v.iter().enumerate() {
        let (before, after) = v.split_at(i);
        let mut r = 0usize;
        for &y in before {
            r += usize::from(y <= x);
        }
        for &y in after.get(1..).unwrap_or(&[]) {
            r += usize::from(y < x);
        }
        if let Some(slot) = buf.get_mut(r) {
            *slot = x;
        }
    }
    for (d, &x) in v.iter_mut().zip(&buf) {
        *d = x;
    }
}

/// Longest slice [`sort_small`] sorts by counting.
const SMALL_SORT: usize = 32;

/// Order-preserving map of an f64 onto u64, reversed so that larger scores sort first,
/// with the low `bits` replaced by the alternative index.
#[inline]
fn key(score: f64, index: usize, mask: u64) -> u64 {
    let b = score.to_bits();
    let ordered = if b >> 63 == 1 { !b } else { b | (1 << 63) };
    ((!ordered) & !mask) | (index as u64 & mask)
}

/// Lanes of the blocked score kernel: 8 alternatives accumulate in registers over all
/// criteria; the compiler vectorises the fixed-size inner loop.
const LANES: usize = 8;

/// Position of criterion-major cell `(i, j)` in the blocked layout of [`blocked`].
#[inline]
fn blocked_index(i: usize, j: usize, n: usize) -> usize {
    (i / LANES * n + j) * LANES + i % LANES
}

/// Lays a criterion-major `u[j*m + i]` out in blocks of [`LANES`] alternatives, each block
/// criterion by criterion (`n * LANES` contiguous values), padded with zeros to a whole
/// number of blocks: the score kernel then reads one contiguous run per block.
fn blocked(u: &[f64], m: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; m.div_ceil(LANES) * LANES * n];
    for (k, &x) in u.iter().enumerate().take(m * n) {
        if let Some(c) = out.get_mut(blocked_index(k % m, k / m, n)) {
            *c = x;
        }
    }
    out
}

/// `scores[i] = Σ_j w_j u_ij` for a [`blocked`] `u`; `scores` has one slot per padded
/// alternative. Each score is summed in criterion order, exactly as a plain loop would.
/// Returns the minimum and maximum of the first `m` scores (NaN ignored), gathered from the
/// accumulators so the rank pass need not read the scores once more.
// Kept out of line, like `rank_pass` and `flush_counts`: with the whole pipeline inlined into
// the chunk loop, the 1e6-sample run took ~35% more CPU time (register pressure).
#[inline(never)]
fn score_pass(u: &[f64], w: &[f64], scores: &mut [f64], m: usize) -> (f64, f64) {
    let n = w.len();
    let full = m / LANES;
    let mut lo = [f64::INFINITY; LANES];
    let mut hi = [f64::NEG_INFINITY; LANES];
    for (b, (block, out)) in u
        .chunks_exact(n * LANES)
        .zip(scores.chunks_exact_mut(LANES))
        .enumerate()
    {
        let mut acc = [0.0f64; LANES];
        for (col, &wj) in block.chunks_exact(LANES).zip(w) {
            for (a, &x) in acc.iter_mut().zip(col) {
                *a += wj * x;
            }
        }
        out.copy_from_slice(&acc);
        if b < full {
            for ((l, h), &v) in lo.iter_mut().zip(hi.iter_mut()).zip(&acc) {
                *l = if v < *l { v } else { *l };
                *h = if v > *h { v } else { *h };
            }
        }
    }
    let mut l = lo.iter().copied().fold(f64::INFINITY, f64::min);
    let mut h = hi.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for &v in scores.get(full * LANES..m).unwrap_or(&[]) {
        l = l.min(v);
        h = h.max(v);
    }
    (l, h)
}

/// [`score_pass`] for two weight vectors at once: each block of the matrix is loaded once
/// for both. Every score is summed exactly as in [`score_pass`].
#[inline(never)]
fn score_pass2(
    u: &[f64],
    (w1, w2): (&[f64], &[f64]),
    (s1, s2): (&mut [f64], &mut [f64]),
    m: usize,
) -> ((f64, f64), (f64, f64)) {
    let n = w1.len();
    let full = m / LANES;
    // two lanes per bound keep the accumulators in registers
    let (mut lo1, mut hi1) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    let (mut lo2, mut hi2) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for (b, ((block, o1), o2)) in u
        .chunks_exact(n * LANES)
        .zip(s1.chunks_exact_mut(LANES))
        .zip(s2.chunks_exact_mut(LANES))
        .enumerate()
    {
        let mut a1 = [0.0f64; LANES];
        let mut a2 = [0.0f64; LANES];
        for ((col, &x1), &x2) in block.chunks_exact(LANES).zip(w1).zip(w2) {
            for ((p, q), &x) in a1.iter_mut().zip(a2.iter_mut()).zip(col) {
                *p += x1 * x;
                *q += x2 * x;
            }
        }
        o1.copy_from_slice(&a1);
        o2.copy_from_slice(&a2);
        if b < full {
            for (acc, lo, hi) in [(&a1, &mut lo1, &mut hi1), (&a2, &mut lo2, &mut hi2)] {
                for pair in acc.chunks_exact(2) {
                    for ((l, h), &v) in lo.iter_mut().zip(hi.iter_mut()).zip(pair) {
                        *l = if v < *l { v } else { *l };
                        *h = if v > *h { v } else { *h };
                    }
                }
            }
        }
    }
    let finish = |lo: [f64; 2], hi: [f64; 2], s: &[f64]| {
        let mut l = lo[0].min(lo[1]);
        let mut h = hi[0].max(hi[1]);
        for &v in s.get(full * LANES..m).unwrap_or(&[]) {
            l = l.min(v);
            h = h.max(v);
        }
        (l, h)
    };
    (finish(lo1, hi1, s1), finish(lo2, hi2, s2))
}

/// Samples whose rank orders are buffered before their rank counts are added. The flush is
/// rank-major (all increments for rank `r` hit row `r` of the count table), so it touches a
/// few cache lines per rank instead of one line per alternative per sample.
const BLOCK: usize = 16;

/// Bucket counters of the rank pass: `u8` when every count fits (`m <= 255`, the usual case,
/// with a word-parallel prefix sum), `u32` otherwise.
trait Counter: Copy + Default {
    fn bump(&mut self);
    fn value(self) -> usize;
    /// Inclusive prefix sums in place.
    fn prefix(v: &mut [Self]);
}

impl Counter for u32 {
    #[inline]
    fn bump(&mut self) {
        *self += 1;
    }
    #[inline]
    fn value(self) -> usize {
        self as usize
    }
    fn prefix(v: &mut [u32]) {
        let mut acc = 0;
        for c in v.iter_mut() {
            acc += *c;
            *c = acc;
        }
    }
}

impl Counter for u8 {
    #[inline]
    fn bump(&mut self) {
        *self = self.wrapping_add(1);
    }
    #[inline]
    fn value(self) -> usize {
        usize::from(self)
    }
    /// Eight counters per `u64`: multiplying by `0x0101…01` forms the prefix sums of the
    /// bytes, then the carry from the previous word is added to every byte. No byte overflows
    /// because every partial sum is at most the total count, `m <= 255`. The caller pads `v`
    /// to a multiple of 8 beyond the entries it needs.
    fn prefix(v: &mut [u8]) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        let mut carry = 0u64;
        for w in v.chunks_exact_mut(8) {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            let p = u64::from_le_bytes(b)
                .wrapping_mul(ONES)
                .wrapping_add(carry.wrapping_mul(ONES));
            w.copy_from_slice(&p.to_le_bytes());
            carry = p >> 56;
        }
    }
}

/// Buffers of the rank pass.
struct RankScratch {
    /// Number of buckets (a power of two, about `2m`).
    buckets: usize,
    /// Bucket start offsets (`buckets + 1` entries, padded to a multiple of 8) when
    /// `m <= 255`, else empty.
    starts8: Vec<u8>,
    /// Bucket start offsets (`buckets + 1` entries) when `m > 255`, else empty.
    starts32: Vec<u32>,
    bucket_of: Vec<u32>,
    /// The keys (see [`key`]) in increasing order = decreasing score.
    sorted: Vec<u64>,
}

impl RankScratch {
    fn new(m: usize) -> Self {
        let b = (2 * m).next_power_of_two().max(2);
        let small = m <= usize::from(u8::MAX);
        RankScratch {
            buckets: b,
            starts8: if small { vec![0; b + 8] } else { Vec::new() },
            starts32: if small { Vec::new() } else { vec![0; b + 1] },
            bucket_of: vec![0; m],
            sorted: vec![0; m],
        }
    }
}

/// Sorts the alternatives by decreasing score into `scratch.sorted` (keys, see [`key`]):
/// a counting sort into ~2m buckets by score, then an insertion sort on the exact keys,
/// which is linear when the buckets already order almost everything and correct in every
/// case. `(lo, hi)` are the minimum and maximum score.
#[inline(never)]
fn rank_pass(scores: &[f64], (lo, hi): (f64, f64), mask: u64, scratch: &mut RankScratch) {
    let RankScratch {
        buckets,
        starts8,
        starts32,
        bucket_of,
        sorted,
    } = scratch;
    let nb = *buckets;
    if !(hi > lo) || !(hi - lo).is_finite() {
        for (i, (k, &s)) in sorted.iter_mut().zip(scores).enumerate() {
            *k = key(s, i, mask);
        }
        sorted.sort_unstable();
        return;
    }
    // highest score -> bucket 0: `round((hi - s) * scale)` by the 2^52 trick (adding 2^52
    // leaves the rounded integer in the low mantissa bits), a vectorisable pass; the mask
    // keeps any value in range (`nb` is a power of two), and the final insertion sort makes
    // the order exact whatever the buckets
    let scale = ((nb - 1) as f64) / (hi - lo);
    let bmask = (nb - 1) as u64;
    const ROUND: f64 = 4_503_599_627_370_496.0; // 2^52
    for (b, &s) in bucket_of.iter_mut().zip(scores) {
        *b = (((hi - s) * scale + ROUND).to_bits() & bmask) as u32;
    }
    if starts32.is_empty() {
        scatter(scores, bucket_of, mask, starts8, sorted);
    } else {
        scatter(scores, bucket_of, mask, starts32, sorted);
    }
    insertion_sort(sorted);
}

/// Counting sort of the keys by bucket (stable within a bucket).
#[inline]
fn scatter<C: Counter>(
    scores: &[f64],
    bucket_of: &[u32],
    mask: u64,
    starts: &mut [C],
    sorted: &mut [u64],
) {
    starts.fill(C::default());
    for &b in bucket_of {
        if let Some(c) = starts.get_mut(b as usize + 1) {
            c.bump();
        }
    }
    C::prefix(starts);
    for (i, (&b, &s)) in bucket_of.iter().zip(scores.iter()).enumerate() {
        if let Some(start) = starts.get_mut(b as usize) {
            if let Some(slot) = sorted.get_mut(start.value()) {
                *slot = key(s, i, mask);
            }
            start.bump();
        }
    }
}

/// Sorts almost sorted input. One branch-free bubble pass carries the running maximum in a
/// register and writes the smaller of it and each new element behind it, which already fixes
/// every element that is at most one place too far right (two keys sharing a bucket, the
/// common disorder); an element that must move further is inserted by the rare slow path.
#[inline(never)]
fn insertion_sort(v: &mut [u64]) {
    let Some(&first) = v.first() else { return };
    let mut carry = first;
    // the value last written (at k - 2 when handling k), if any
    let mut last: Option<u64> = None;
    for k in 1..v.len() {
        let x = v[k];
        let lo = if x < carry { x } else { carry };
        carry = if x < carry { carry } else { x };
        if last.is_some_and(|l| lo < l) {
            // invariant: v[..k - 1] is sorted; insert `lo` into it
            let mut j = k - 1;
            while j > 0 && v[j - 1] > lo {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = lo;
            last = Some(v[k - 1]);
        } else {
            v[k - 1] = lo;
            last = Some(lo);
        }
    }
    if let Some(end) = v.last_mut() {
        *end = carry;
    }
}

/// Adds the buffered rank orders (`orders[s*m + r]` = alternative at rank `r` in sample `s`)
/// to the rank-major count table `counts[r*m + i]`. Two rows at a time: the same alternative
/// often holds rank `r` in consecutive samples, and alternating rows keeps such increments of
/// one counter from waiting on each other.
#[inline(never)]
fn flush_counts(orders: &[u32], filled: usize, m: usize, counts: &mut [u16]) {
    let mut rows = counts.chunks_exact_mut(2 * m);
    let mut r = 0;
    for pair in &mut rows {
        let (a, b) = pair.split_at_mut(m);
        for s in 0..filled {
            if let (Some(&i), Some(&j)) = (orders.get(s * m + r), orders.get(s * m + r + 1)) {
                if let Some(c) = a.get_mut(i as usize) {
                    *c += 1;
                }
                if let Some(c) = b.get_mut(j as usize) {
                    *c += 1;
                }
            }
        }
        r += 2;
    }
    let row = rows.into_remainder();
    for s in 0..filled {
        if let Some(&i) = orders.get(s * m + r) {
            if let Some(c) = row.get_mut(i as usize) {
                *c += 1;
            }
        }
    }
}

struct Chunk {
    /// Rank-major counts `counts[r*m + i]`; per-chunk counts fit u16 because
    /// `CHUNK_SAMPLES < 65536` (halves the table so it stays in L2).
    counts: Vec<u16>,
    central: Vec<f64>,
}

/// Where the criterion values come from.
enum Values<'a> {
    /// Criterion-major partial values `u[j*m + i]`.
    Exact(&'a [f64]),
    /// Interval bounds mapped to partial values, criterion-major.
    Intervals { lo: &'a [f64], hi: &'a [f64] },
}

fn index_bits(m: usize) -> u64 {
    let bits = usize::BITS - m.saturating_sub(1).leading_zeros();
    if bits == 0 {
        0
    } else {
        (1u64 << bits) - 1
    }
}

/// Draws one weight vector into `w`, counting the draws for [`McdaError::SamplingFailed`].
fn draw_weights(
    sampler: &Sampler,
    rng: &mut ChaCha8Rng,
    cut: &mut [f64],
    w: &mut [f64],
    (accepted, tried): (&mut u64, &mut u64),
) -> Result<()> {
    match sampler.draw(rng, cut, w) {
        Some(t) => {
            *tried += t;
            *accepted += 1;
            Ok(())
        }
        None => Err(McdaError::SamplingFailed {
            accepted: *accepted,
            tried: *tried + 10_000,
        }),
    }
}

/// Per-chunk accumulators and buffers of the count step.
struct Tally {
    counts: Vec<u16>,
    central: Vec<f64>,
    orders: Vec<u32>,
    filled: usize,
}

impl Tally {
    /// Records the ranking in `sorted` (keys) of a sample drawn with weights `w`.
    #[inline]
    fn record(&mut self, sorted: &[u64], mask: u64, m: usize, w: &[f64]) {
        let n = w.len();
        if let Some(order) = self.orders.get_mut(self.filled * m..(self.filled + 1) * m) {
            for (o, &k) in order.iter_mut().zip(sorted) {
                *o = (k & mask) as u32;
            }
        }
        self.filled += 1;
        if self.filled == BLOCK {
            flush_counts(&self.orders, self.filled, m, &mut self.counts);
            self.filled = 0;
        }
        if let Some(&k0) = sorted.first() {
            let i = (k0 & mask) as usize;
            if let Some(row) = self.central.get_mut(i * n..(i + 1) * n) {
                for (c, x) in row.iter_mut().zip(w) {
                    *c += x;
                }
            }
        }
    }
}

fn run_chunk(
    values: &Values<'_>,
    m: usize,
    n: usize,
    sampler: &Sampler,
    seed: u64,
    chunk: u64,
    samples: u64,
) -> Result<Chunk> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(chunk);
    let mask = index_bits(m);
    let mut tally = Tally {
        counts: vec![0u16; m * m],
        central: vec![0.0f64; m * n],
        orders: vec![0u32; BLOCK * m],
        filled: 0,
    };
    let (mut w, mut w2) = (vec![0.0; n], vec![0.0; n]);
    let mut cut = vec![0.0; n + 1];
    let padded = m.div_ceil(LANES) * LANES;
    let (mut scores, mut scores2) = (vec![0.0f64; padded], vec![0.0f64; padded]);
    let exact = match values {
        Values::Exact(u) => blocked(u, m, n),
        Values::Intervals { .. } => Vec::new(),
    };
    let mut scratch = RankScratch::new(m);
    let mut sampled = vec![0.0f64; padded * n];
    let (mut accepted, mut tried) = (0u64, 0u64);
    let mut done = 0u64;
    while done < samples {
        match values {
            // exact values: two samples per pass over the matrix. The generator draws only
            // weights here, so drawing both first keeps the per-sample draw order.
            Values::Exact(_) if samples - done >= 2 => {
                draw_weights(
                    sampler,
                    &mut rng,
                    &mut cut,
                    &mut w,
                    (&mut accepted, &mut tried),
                )?;
                draw_weights(
                    sampler,
                    &mut rng,
                    &mut cut,
                    &mut w2,
                    (&mut accepted, &mut tried),
                )?;
                let (r1, r2) = score_pass2(&exact, (&w, &w2), (&mut scores, &mut scores2), m);
                rank_pass(scores.get(..m).unwrap_or(&[]), r1, mask, &mut scratch);
                tally.record(&scratch.sorted, mask, m, &w);
                rank_pass(scores2.get(..m).unwrap_or(&[]), r2, mask, &mut scratch);
                tally.record(&scratch.sorted, mask, m, &w2);
                done += 2;
            }
            _ => {
                draw_weights(
                    sampler,
                    &mut rng,
                    &mut cut,
                    &mut w,
                    (&mut accepted, &mut tried),
                )?;
                let u: &[f64] = match values {
                    Values::Exact(_) => &exact,
                    Values::Intervals { lo, hi } => {
                        // criterion-major draw order, written to the blocked layout
                        for (k, (l, h)) in lo.iter().zip(hi.iter()).enumerate() {
                            let r: f64 = rng.random();
                            if let Some(s) = sampled.get_mut(blocked_index(k % m, k / m, n)) {
                                *s = l + r * (h - l);
                            }
                        }
                        &sampled
                    }
                };
                let range = score_pass(u, &w, &mut scores, m);
                rank_pass(scores.get(..m).unwrap_or(&[]), range, mask, &mut scratch);
                tally.record(&scratch.sorted, mask, m, &w);
                done += 1;
            }
        }
    }
    flush_counts(&tally.orders, tally.filled, m, &mut tally.counts);
    Ok(Chunk {
        counts: tally.counts,
        central: tally.central,
    })
}

fn chunk_plan(samples: u64) -> Vec<(u64, u64)> {
    let chunks = samples.div_ceil(CHUNK_SAMPLES);
    (0..chunks)
        .map(|c| (c, CHUNK_SAMPLES.min(samples - c * CHUNK_SAMPLES)))
        .collect()
}

fn best_of(scores: &[f64]) -> usize {
    // highest score, lowest index among equals (same order as the keys)
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if scores.get(best).is_some_and(|&b| s > b) {
            best = i;
        }
    }
    best
}

fn check_samples(name: &'static str, value: u64) -> Result<()> {
    if value == 0 || value > MAX_SAMPLES {
        return Err(McdaError::InvalidParameter {
            name,
            value: value as f64,
            expected: "between 1 and 100,000,000 (smaa::MAX_SAMPLES)",
        });
    }
    Ok(())
}

fn run(
    values: Values<'_>,
    m: usize,
    n: usize,
    opts: &SmaaOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<SmaaResult> {
    check_samples("samples", opts.samples)?;
    check_samples("confidence_samples", opts.confidence_samples)?;
    let sampler = Sampler::new(&opts.weights, n)?;
    let plan = chunk_plan(opts.samples);
    let mut counts = vec![0u64; m * m];
    let mut central = vec![0.0f64; m * n];
    let mut done = 0u64;
    for batch in plan.chunks(BATCH_CHUNKS) {
        let chunks: Vec<Result<Chunk>> = batch
            .par_iter()
            .map(|&(c, k)| run_chunk(&values, m, n, &sampler, opts.seed, c, k))
            .collect();
        for chunk in chunks {
            merge(chunk?, m, &mut counts, &mut central);
        }
        done += batch.iter().map(|&(_, k)| k).sum::<u64>();
        progress(done, opts.samples);
    }
    finish(values, m, n, opts, counts, central)
}

fn merge(chunk: Chunk, m: usize, counts: &mut [u64], central: &mut [f64]) {
    // chunk counts are rank-major (`[r*m + i]`), the total alternative-major
    for (r, row) in chunk.counts.chunks_exact(m).enumerate() {
        for (i, &c) in row.iter().enumerate() {
            if let Some(a) = counts.get_mut(i * m + r) {
                *a += u64::from(c);
            }
        }
    }
    for (a, b) in central.iter_mut().zip(&chunk.central) {
        *a += b;
    }
}

fn finish(
    values: Values<'_>,
    m: usize,
    n: usize,
    opts: &SmaaOptions,
    counts: Vec<u64>,
    central: Vec<f64>,
) -> Result<SmaaResult> {
    let total = opts.samples as f64;
    let acceptability: Vec<Vec<f64>> = counts
        .chunks_exact(m)
        .map(|row| row.iter().map(|&c| c as f64 / total).collect())
        .collect();
    let central_weights: Vec<Vec<f64>> = central
        .chunks_exact(n)
        .zip(counts.chunks_exact(m))
        .map(|(sum, cnt)| {
            let first = cnt.first().copied().unwrap_or(0);
            if first == 0 {
                vec![0.0; n]
            } else {
                sum.iter().map(|s| s / first as f64).collect()
            }
        })
        .collect();
    let confidence = confidence_factors(&values, m, n, &central_weights, opts)?;
    Ok(SmaaResult {
        acceptability,
        central_weights,
        confidence,
        samples: opts.samples,
    })
}

fn confidence_factors(
    values: &Values<'_>,
    m: usize,
    n: usize,
    central: &[Vec<f64>],
    opts: &SmaaOptions,
) -> Result<Vec<f64>> {
    let score = |u: &[f64], w: &[f64]| -> Vec<f64> {
        let mut s = vec![0.0; m];
        for (col, &wj) in u.chunks_exact(m).zip(w) {
            for (a, x) in s.iter_mut().zip(col) {
                *a += wj * x;
            }
        }
        s
    };
    let active = |i: usize| central.get(i).is_some_and(|w| w.iter().any(|&x| x > 0.0));
    match values {
        Values::Exact(u) => Ok((0..m)
            .map(|i| {
                let w = central.get(i).map_or(&[][..], Vec::as_slice);
                f64::from(u8::from(active(i) && best_of(&score(u, w)) == i))
            })
            .collect()),
        Values::Intervals { lo, hi } => {
            let plan = chunk_plan(opts.confidence_samples);
            let per_chunk: Vec<Vec<u64>> = plan
                .par_iter()
                .map(|&(c, k)| {
                    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
                    rng.set_stream((1u64 << 32) + c);
                    let mut hits = vec![0u64; m];
                    let mut x = vec![0.0; m * n];
                    for _ in 0..k {
                        for ((s, l), h) in x.iter_mut().zip(lo.iter()).zip(hi.iter()) {
                            let r: f64 = rng.random();
                            *s = l + r * (h - l);
                        }
                        for (i, hit) in hits.iter_mut().enumerate() {
                            if active(i) {
                                let w = central.get(i).map_or(&[][..], Vec::as_slice);
                                if best_of(&score(&x, w)) == i {
                                    *hit += 1;
                                }
                            }
                        }
                    }
                    hits
                })
                .collect();
            let mut hits = vec![0u64; m];
            for h in per_chunk {
                for (a, b) in hits.iter_mut().zip(h) {
                    *a += b;
                }
            }
            Ok(hits
                .iter()
                .map(|&h| h as f64 / opts.confidence_samples as f64)
                .collect())
        }
    }
}

fn criterion_major(u: &DecisionMatrix) -> Vec<f64> {
    let (m, n) = (u.rows(), u.columns());
    let mut out = vec![0.0; m * n];
    for (i, row) in u.iter_rows().enumerate() {
        for (j, &x) in row.iter().enumerate() {
            if let Some(c) = out.get_mut(j * m + i) {
                *c = x;
            }
        }
    }
    out
}

/// SMAA-2 on partial values `utilities[i][j]` (higher is better), e.g. a normalised matrix.
///
/// # Errors
/// [`McdaError::InvalidParameter`] for zero `samples`/`confidence_samples` or bad weight
/// intervals, [`McdaError::NotAPermutation`] / [`McdaError::DimensionMismatch`] for the
/// weight model, [`McdaError::SamplingFailed`].
///
/// # Example
/// ```
/// use placement_mcda::{smaa::{smaa2, SmaaOptions}, DecisionMatrix};
/// let u = DecisionMatrix::new(vec![vec![1.0, 0.0], vec![0.0, 1.0], vec![0.4, 0.4]])?;
/// let r = smaa2(&u, &SmaaOptions { samples: 20_000, seed: 7, ..Default::default() })?;
/// // A1 and A2 split first place; A3 (dominated by the midpoint) is never first.
/// assert!((r.acceptability[0][0] - 0.5).abs() < 0.02);
/// assert_eq!(r.acceptability[2][0], 0.0);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn smaa2(utilities: &DecisionMatrix, opts: &SmaaOptions) -> Result<SmaaResult> {
    smaa2_with_progress(utilities, opts, &mut |_, _| {})
}

/// [`smaa2`], calling `progress(samples_done, samples_total)` after every batch of
/// chunks (about a million samples) so that a caller can show progress; the result is
/// identical to [`smaa2`]'s.
///
/// # Errors
/// As [`smaa2`].
pub fn smaa2_with_progress(
    utilities: &DecisionMatrix,
    opts: &SmaaOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<SmaaResult> {
    let u = criterion_major(utilities);
    run(
        Values::Exact(&u),
        utilities.rows(),
        utilities.columns(),
        opts,
        progress,
    )
}

/// SMAA-2 on a decision matrix, normalised first with `normalization` (min-max is the usual
/// choice: partial values in `[0, 1]`, best = 1).
///
/// # Errors
/// Those of [`normalize`] and [`smaa2`].
pub fn smaa2_problem(
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    normalization: Normalization,
    opts: &SmaaOptions,
) -> Result<SmaaResult> {
    let u = normalize(matrix, types, normalization)?;
    smaa2(&u, opts)
}

/// SMAA-2 with interval-uncertain criterion values `lower <= x <= upper` (see the module
/// docs for the value model).
///
/// # Errors
/// [`McdaError::DimensionMismatch`] when the matrices differ in shape or `types` in length,
/// [`McdaError::InvalidParameter`] where `lower > upper` (every cell reported), and those of
/// [`smaa2`].
pub fn smaa2_intervals(
    lower: &DecisionMatrix,
    upper: &DecisionMatrix,
    types: &[CriterionType],
    opts: &SmaaOptions,
) -> Result<SmaaResult> {
    lower.check_types(types)?;
    if upper.rows() != lower.rows() || upper.columns() != lower.columns() {
        return Err(McdaError::DimensionMismatch {
            what: "upper value matrix (cells)",
            expected: lower.rows() * lower.columns(),
            found: upper.rows() * upper.columns(),
        });
    }
    let issues: Vec<McdaError> = lower
        .as_slice()
        .iter()
        .zip(upper.as_slice())
        .filter(|(l, u)| l > u)
        .map(|(_, &u)| McdaError::InvalidParameter {
            name: "upper value",
            value: u,
            expected: "upper >= lower in every cell",
        })
        .collect();
    McdaError::from_issues(issues)?;
    let (m, n) = (lower.rows(), lower.columns());
    let lo = criterion_major(lower);
    let hi = criterion_major(upper);
    // map to partial values over the column envelope
    let mut plo = vec![0.0; m * n];
    let mut phi = vec![0.0; m * n];
    for (j, t) in types.iter().enumerate() {
        let (Some(l), Some(h)) = (lo.get(j * m..(j + 1) * m), hi.get(j * m..(j + 1) * m)) else {
            continue;
        };
        let min = l.iter().copied().fold(f64::INFINITY, f64::min);
        let max = h.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let range = max - min;
        let f = |x: f64| -> f64 {
            if !(range > 0.0) {
                return 1.0;
            }
            match t {
                CriterionType::Benefit => (x - min) / range,
                CriterionType::Cost => (max - x) / range,
            }
        };
        for i in 0..m {
            let (a, b) = (
                f(l.get(i).copied().unwrap_or(0.0)),
                f(h.get(i).copied().unwrap_or(0.0)),
            );
            if let (Some(pl), Some(ph)) = (plo.get_mut(j * m + i), phi.get_mut(j * m + i)) {
                *pl = a.min(b);
                *ph = a.max(b);
            }
        }
    }
    run(
        Values::Intervals { lo: &plo, hi: &phi },
        m,
        n,
        opts,
        &mut |_, _| {},
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // test code: a failure should abort loudly
    use super::*;

    /// The blocked, bucketed, rank-major fast path against a plain one (scores by a plain
    /// loop, ranks by `sort_unstable` on the same keys, counts alternative-major), drawing the
    /// same weights: the acceptability and central weights must be bit-identical.
    #[test]
    fn fast_path_matches_plain_path() {
        // odd chunk length: pairs and a single sample; m <= 255: byte counters
        check_fast_path(37, 4, 2 * CHUNK_SAMPLES + 123, 11);
    }

    /// As above with m > 255 (32-bit bucket counters) and an odd total.
    #[test]
    fn fast_path_matches_plain_path_many_alternatives() {
        check_fast_path(300, 3, 1_001, 5);
    }

    fn check_fast_path(m: usize, n: usize, samples: u64, seed: u64) {
        let mut rng = ChaCha8Rng::seed_from_u64(99);
        let data: Vec<f64> = (0..m * n)
            .map(|_| rng.random::<f64>().round() / 4.0 + rng.random::<f64>())
            .collect();
        let u = DecisionMatrix::from_row_major(m, n, data).unwrap();
        let opts = SmaaOptions {
            samples,
            seed,
            ..Default::default()
        };
        let fast = smaa2(&u, &opts).unwrap();
        let ucm = criterion_major(&u);
        let sampler = Sampler::new(&WeightModel::UniformSimplex, n).unwrap();
        let mask = index_bits(m);
        let mut counts = vec![0u64; m * m];
        let mut central = vec![0.0; m * n];
        for (c, k) in chunk_plan(samples) {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            rng.set_stream(c);
            let (mut w, mut cut) = (vec![0.0; n], vec![0.0; n + 1]);
            let mut chunk_central = vec![0.0; m * n];
            for _ in 0..k {
                sampler.draw(&mut rng, &mut cut, &mut w).unwrap();
                let mut keys: Vec<u64> = (0..m)
                    .map(|i| {
                        let mut s = 0.0;
                        for j in 0..n {
                            s += w[j] * ucm[j * m + i];
                        }
                        key(s, i, mask)
                    })
                    .collect();
                keys.sort_unstable();
                for (r, k) in keys.iter().enumerate() {
                    counts[(k & mask) as usize * m + r] += 1;
                }
                let best = (keys[0] & mask) as usize;
                for j in 0..n {
                    chunk_central[best * n + j] += w[j];
                }
            }
            for (a, b) in central.iter_mut().zip(chunk_central) {
                *a += b;
            }
        }
        for i in 0..m {
            for r in 0..m {
                let b = counts[i * m + r] as f64 / samples as f64;
                assert_eq!(
                    fast.acceptability[i][r].to_bits(),
                    b.to_bits(),
                    "b[{i}][{r}]"
                );
            }
            let first = counts[i * m];
            for j in 0..n {
                let c = if first == 0 {
                    0.0
                } else {
                    central[i * n + j] / first as f64
                };
                assert_eq!(fast.central_weights[i][j].to_bits(), c.to_bits());
            }
        }
    }

    #[test]
    fn blocked_layout_round_trips() {
        let (m, n) = (11, 3);
        let u: Vec<f64> = (0..m * n).map(|k| k as f64).collect();
        let b = blocked(&u, m, n);
        assert_eq!(b.len(), 16 * n);
        for i in 0..m {
            for j in 0..n {
                assert_eq!(b[blocked_index(i, j, n)], u[j * m + i]);
            }
        }
    }

    #[test]
    fn byte_prefix_matches_plain_prefix() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for len in [10usize, 16, 24, 520] {
            let mut wide = vec![0u32; len];
            // 255 increments in total, spread at random
            for _ in 0..255 {
                wide[rng.random_range(0..len)] += 1;
            }
            let mut bytes: Vec<u8> = wide.iter().map(|&c| c as u8).collect();
            u32::prefix(&mut wide);
            u8::prefix(&mut bytes);
            let whole = len / 8 * 8;
            for k in 0..whole {
                assert_eq!(u32::from(bytes[k]), wide[k], "len {len} k {k}");
            }
        }
    }

    #[test]
    fn insertion_sort_sorts_any_input() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        for len in [0usize, 1, 2, 3, 7, 64, 250] {
            for spread in [2u64, 1000, u64::MAX] {
                let mut v: Vec<u64> = (0..len).map(|_| rng.random::<u64>() % spread).collect();
                let mut want = v.clone();
                want.sort_unstable();
                insertion_sort(&mut v);
                assert_eq!(v, want);
                // almost sorted: neighbours swapped
                for k in (1..len).step_by(3) {
                    v.swap(k - 1, k);
                }
                insertion_sort(&mut v);
                assert_eq!(v, want);
                v.reverse();
                insertion_sort(&mut v);
                assert_eq!(v, want);
            }
        }
    }

    #[test]
    fn sort_small_matches_total_cmp_sort() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        for len in [0usize, 1, 2, 9, SMALL_SORT, SMALL_SORT + 1, 40] {
            for _ in 0..50 {
                // ties on purpose
                let mut v: Vec<f64> = (0..len)
                    .map(|_| (rng.random::<f64>() * 6.0).floor() / 6.0)
                    .collect();
                let mut want = v.clone();
                want.sort_unstable_by(f64::total_cmp);
                sort_small(&mut v);
                assert_eq!(v, want);
            }
        }
    }

    #[test]
    fn paired_scores_match_single_scores() {
        let (m, n) = (21, 5);
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        let u: Vec<f64> = (0..m * n).map(|_| rng.random()).collect();
        let b = blocked(&u, m, n);
        let w1: Vec<f64> = (0..n).map(|_| rng.random()).collect();
        let w2: Vec<f64> = (0..n).map(|_| rng.random()).collect();
        let padded = m.div_ceil(LANES) * LANES;
        let (mut a, mut b1, mut b2) = (vec![0.0; padded], vec![0.0; padded], vec![0.0; padded]);
        let (r1, r2) = score_pass2(&b, (&w1, &w2), (&mut b1, &mut b2), m);
        for (w, got, r) in [(&w1, &b1, r1), (&w2, &b2, r2)] {
            let single = score_pass(&b, w, &mut a, m);
            assert_eq!(&a, got);
            assert_eq!(single, r);
            let lo = a[..m].iter().copied().fold(f64::INFINITY, f64::min);
            let hi = a[..m].iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert_eq!((lo, hi), r);
        }
    }
}
