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
            inner.sort_unstable_by(f64::total_cmp);
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
// Kept out of line, like `rank_pass` and `flush_counts`: with the whole pipeline inlined into
// the chunk loop, the 1e6-sample run took ~35% more CPU time (register pressure).
#[inline(never)]
fn score_pass(u: &[f64], w: &[f64], scores: &mut [f64]) {
    let n = w.len();
    for (block, out) in u
        .chunks_exact(n * LANES)
        .zip(scores.chunks_exact_mut(LANES))
    {
        let mut acc = [0.0f64; LANES];
        for (col, &wj) in block.chunks_exact(LANES).zip(w) {
            for (a, &x) in acc.iter_mut().zip(col) {
                *a += wj * x;
            }
        }
        out.copy_from_slice(&acc);
    }
}

/// Samples whose rank orders are buffered before their rank counts are added. The flush is
/// rank-major (all increments for rank `r` hit row `r` of the count table), so it touches a
/// few cache lines per rank instead of one line per alternative per sample.
const BLOCK: usize = 16;

/// Minimum and maximum of finite values, four independent lanes (vectorisable).
#[inline(never)]
fn min_max(x: &[f64]) -> (f64, f64) {
    let mut lo = [f64::INFINITY; 4];
    let mut hi = [f64::NEG_INFINITY; 4];
    let mut chunks = x.chunks_exact(4);
    for c in &mut chunks {
        for ((l, h), &v) in lo.iter_mut().zip(hi.iter_mut()).zip(c) {
            *l = if v < *l { v } else { *l };
            *h = if v > *h { v } else { *h };
        }
    }
    let mut l = lo.iter().copied().fold(f64::INFINITY, f64::min);
    let mut h = hi.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for &v in chunks.remainder() {
        l = l.min(v);
        h = h.max(v);
    }
    (l, h)
}

/// Buffers of the rank pass.
struct RankScratch {
    /// Bucket start offsets (`buckets + 1` entries).
    starts: Vec<u32>,
    bucket_of: Vec<u32>,
    /// The keys (see [`key`]) in increasing order = decreasing score.
    sorted: Vec<u64>,
}

impl RankScratch {
    fn new(m: usize) -> Self {
        let b = (2 * m).next_power_of_two().max(2);
        RankScratch {
            starts: vec![0; b + 1],
            bucket_of: vec![0; m],
            sorted: vec![0; m],
        }
    }
}

/// Sorts the alternatives by decreasing score into `scratch.sorted` (keys, see [`key`]):
/// a counting sort into ~2m buckets by score, then an insertion sort on the exact keys,
/// which is linear when the buckets already order almost everything and correct in every
/// case.
#[inline(never)]
fn rank_pass(scores: &[f64], mask: u64, scratch: &mut RankScratch) {
    let RankScratch {
        starts,
        bucket_of,
        sorted,
    } = scratch;
    let (lo, hi) = min_max(scores);
    let nb = starts.len() - 1;
    if !(hi > lo) || !(hi - lo).is_finite() {
        for (i, (k, &s)) in sorted.iter_mut().zip(scores).enumerate() {
            *k = key(s, i, mask);
        }
        sorted.sort_unstable();
        return;
    }
    let scale = (nb as f64) / (hi - lo);
    let last = (nb - 1) as u32;
    starts.fill(0);
    for (b, &s) in bucket_of.iter_mut().zip(scores) {
        // highest score -> bucket 0; `as` saturates, `min` keeps hi - lo rounding in range
        let pos = (((hi - s) * scale) as u32).min(last);
        *b = pos;
        if let Some(c) = starts.get_mut(pos as usize + 1) {
            *c += 1;
        }
    }
    let mut acc = 0;
    for c in starts.iter_mut() {
        acc += *c;
        *c = acc;
    }
    for (i, (&b, &s)) in bucket_of.iter().zip(scores.iter()).enumerate() {
        if let Some(start) = starts.get_mut(b as usize) {
            if let Some(slot) = sorted.get_mut(*start as usize) {
                *slot = key(s, i, mask);
            }
            *start += 1;
        }
    }
    insertion_sort(sorted);
}

#[inline(never)]
fn insertion_sort(v: &mut [u64]) {
    for k in 1..v.len() {
        let x = v[k];
        let mut j = k;
        // invariant: 1 <= j <= k < v.len()
        while j > 0 && v[j - 1] > x {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = x;
    }
}

/// Adds the buffered rank orders (`orders[s*m + r]` = alternative at rank `r` in sample `s`)
/// to the rank-major count table `counts[r*m + i]`.
#[inline(never)]
fn flush_counts(orders: &[u32], filled: usize, m: usize, counts: &mut [u16]) {
    for (r, row) in counts.chunks_exact_mut(m).enumerate() {
        for s in 0..filled {
            if let Some(&i) = orders.get(s * m + r) {
                if let Some(c) = row.get_mut(i as usize) {
                    *c += 1;
                }
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
    let mut counts = vec![0u16; m * m];
    let mut central = vec![0.0f64; m * n];
    let mut w = vec![0.0; n];
    let mut cut = vec![0.0; n + 1];
    let padded = m.div_ceil(LANES) * LANES;
    let mut scores = vec![0.0f64; padded];
    let exact = match values {
        Values::Exact(u) => blocked(u, m, n),
        Values::Intervals { .. } => Vec::new(),
    };
    let mut scratch = RankScratch::new(m);
    let mut orders = vec![0u32; BLOCK * m];
    let mut filled = 0;
    let mut sampled = vec![0.0f64; padded * n];
    let (mut accepted, mut tried) = (0u64, 0u64);
    for _ in 0..samples {
        match sampler.draw(&mut rng, &mut cut, &mut w) {
            Some(t) => {
                tried += t;
                accepted += 1;
            }
            None => {
                return Err(McdaError::SamplingFailed {
                    accepted,
                    tried: tried + 10_000,
                })
            }
        }
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
        score_pass(u, &w, &mut scores);
        rank_pass(scores.get(..m).unwrap_or(&[]), mask, &mut scratch);
        if let Some(order) = orders.get_mut(filled * m..(filled + 1) * m) {
            for (o, &k) in order.iter_mut().zip(&scratch.sorted) {
                *o = (k & mask) as u32;
            }
        }
        filled += 1;
        if filled == BLOCK {
            flush_counts(&orders, filled, m, &mut counts);
            filled = 0;
        }
        if let Some(&k0) = scratch.sorted.first() {
            let i = (k0 & mask) as usize;
            if let Some(row) = central.get_mut(i * n..(i + 1) * n) {
                for (c, x) in row.iter_mut().zip(&w) {
                    *c += x;
                }
            }
        }
    }
    flush_counts(&orders, filled, m, &mut counts);
    Ok(Chunk { counts, central })
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

fn run(values: Values<'_>, m: usize, n: usize, opts: &SmaaOptions) -> Result<SmaaResult> {
    if opts.samples == 0 {
        return Err(McdaError::InvalidParameter {
            name: "samples",
            value: 0.0,
            expected: ">= 1",
        });
    }
    if opts.confidence_samples == 0 {
        return Err(McdaError::InvalidParameter {
            name: "confidence_samples",
            value: 0.0,
            expected: ">= 1",
        });
    }
    let sampler = Sampler::new(&opts.weights, n)?;
    let plan = chunk_plan(opts.samples);
    let chunks: Vec<Result<Chunk>> = plan
        .par_iter()
        .map(|&(c, k)| run_chunk(&values, m, n, &sampler, opts.seed, c, k))
        .collect();
    let mut counts = vec![0u64; m * m];
    let mut central = vec![0.0f64; m * n];
    for chunk in chunks {
        let chunk = chunk?;
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
    let u = criterion_major(utilities);
    run(
        Values::Exact(&u),
        utilities.rows(),
        utilities.columns(),
        opts,
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
    run(Values::Intervals { lo: &plo, hi: &phi }, m, n, opts)
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
        let (m, n, samples, seed) = (37, 4, 2 * CHUNK_SAMPLES + 123, 11);
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
}
