//! Criterion weighting schemes (AHP lives in [`crate::ahp`]).
//!
//! Every function returns weights that are finite, `>= 0` and sum to 1.
//!
//! * Rank-based (criteria ranked `1` = most important … `n`; Barron & Barrett 1996,
//!   "Decision quality using ranked attribute weights", Management Science 42(11);
//!   Stillwell, Seaver & Edwards 1981, OBHP 28):
//!   ROC `w_r = (1/n) Σ_{k=r}^{n} 1/k`, RS `w_r = 2(n+1−r)/(n(n+1))`,
//!   RR `w_r = (1/r)/Σ_k (1/k)`.
//! * Objective: entropy (Shannon; as used by Zeleny 1982 and Xu 2004), CRITIC (Diakoulaki,
//!   Mavrotas & Papayannakis 1995), standard deviation (as in pymcdm / pyrepo-mcda and
//!   Sałabun, Wątróbski & Shekhovtsov 2020).
//! * Subjective: SWARA (Keršulienė, Zavadskas & Turskis 2010).
//!
//! Degenerate input: a constant column carries no information and gets weight 0 under
//! entropy, CRITIC and standard deviation; if *every* column is constant (or there is a
//! single alternative) those schemes return equal weights rather than `0/0`.

use crate::error::{McdaError, Result};
use crate::matrix::DecisionMatrix;

/// Equal weights `w_j = 1/n`.
///
/// # Errors
/// [`McdaError::TooFew`] when `n == 0`.
pub fn equal(n: usize) -> Result<Vec<f64>> {
    if n == 0 {
        return Err(McdaError::TooFew {
            what: "equal weights",
            needed: 1,
            found: 0,
        });
    }
    Ok(vec![1.0 / n as f64; n])
}

fn check_permutation(ranks: &[usize]) -> Result<()> {
    let n = ranks.len();
    if n == 0 {
        return Err(McdaError::TooFew {
            what: "criteria ranking",
            needed: 1,
            found: 0,
        });
    }
    let mut seen = vec![false; n];
    for (i, &r) in ranks.iter().enumerate() {
        match seen.get_mut(r.wrapping_sub(1)) {
            Some(s) if !*s => *s = true,
            Some(_) => {
                return Err(McdaError::NotAPermutation {
                    n,
                    detail: format!("rank {r} appears twice (criterion {i})"),
                })
            }
            None => {
                return Err(McdaError::NotAPermutation {
                    n,
                    detail: format!("criterion {i} has rank {r}, outside 1..={n}"),
                })
            }
        }
    }
    Ok(())
}

fn by_rank(ranks: &[usize], f: impl Fn(usize, usize) -> f64) -> Result<Vec<f64>> {
    check_permutation(ranks)?;
    let n = ranks.len();
    let raw: Vec<f64> = ranks.iter().map(|&r| f(r, n)).collect();
    let s: f64 = raw.iter().sum();
    Ok(raw.iter().map(|w| w / s).collect())
}

/// Rank-order centroid weights (Barron & Barrett 1996): `w_r = (1/n) Σ_{k=r}^{n} 1/k`.
///
/// `ranks[j]` is the importance rank of criterion `j` (1 = most important).
///
/// # Errors
/// [`McdaError::NotAPermutation`] or [`McdaError::TooFew`].
///
/// # Example
/// ```
/// let w = placement_mcda::weights::rank_order_centroid(&[1, 2, 3])?;
/// assert!((w[0] - 11.0 / 18.0).abs() < 1e-12);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn rank_order_centroid(ranks: &[usize]) -> Result<Vec<f64>> {
    by_rank(ranks, |r, n| {
        (r..=n).map(|k| 1.0 / k as f64).sum::<f64>() / n as f64
    })
}

/// Rank-sum weights (Stillwell et al. 1981): `w_r = 2(n+1−r)/(n(n+1))`.
///
/// # Errors
/// [`McdaError::NotAPermutation`] or [`McdaError::TooFew`].
pub fn rank_sum(ranks: &[usize]) -> Result<Vec<f64>> {
    by_rank(ranks, |r, n| (n + 1 - r) as f64)
}

/// Reciprocal-rank weights (Stillwell et al. 1981): `w_r = (1/r)/Σ_k (1/k)`.
///
/// # Errors
/// [`McdaError::NotAPermutation`] or [`McdaError::TooFew`].
pub fn reciprocal_rank(ranks: &[usize]) -> Result<Vec<f64>> {
    by_rank(ranks, |r, _| 1.0 / r as f64)
}

fn normalise_or_equal(raw: Vec<f64>) -> Vec<f64> {
    let mut s: f64 = raw.iter().sum();
    let mut raw = raw;
    if s.is_infinite() {
        // large finite values whose sum overflows: divide by the largest first
        let m = crate::matrix::max_abs(&raw);
        raw.iter_mut().for_each(|v| *v /= m);
        s = raw.iter().sum();
    }
    if s > 0.0 && s.is_finite() {
        raw.iter().map(|v| v / s).collect()
    } else {
        vec![1.0 / raw.len().max(1) as f64; raw.len()]
    }
}

/// Entropy weights.
///
/// `p_ij = x_ij / Σ_i x_ij`, `E_j = −(1/ln m) Σ_i p_ij ln p_ij` (with `0 ln 0 = 0`),
/// `w_j = (1 − E_j)/Σ_k (1 − E_k)`. Criterion types are not used (the measure is about
/// dispersion, not direction), as in pymcdm and Xu (2004).
///
/// # Errors
/// [`McdaError::NegativeNotAllowed`] for negative values (zeros are allowed; a column
/// of zeros carries no information and gets weight 0).
pub fn entropy(matrix: &DecisionMatrix) -> Result<Vec<f64>> {
    let (m, n) = (matrix.rows(), matrix.columns());
    matrix.require_non_negative("entropy weighting")?;
    if m < 2 {
        return equal(n);
    }
    let ln_m = (m as f64).ln();
    let d: Vec<f64> = (0..n)
        .map(|j| {
            let col = matrix.column(j);
            let first = col.first().copied().unwrap_or(0.0);
            // a constant column has E = 1 exactly; avoid a rounding residue
            if col.iter().all(|&v| v == first) {
                return 0.0;
            }
            let e = -crate::normalize::shares(&col)
                .iter()
                .map(|&p| if p > 0.0 { p * p.ln() } else { 0.0 })
                .sum::<f64>()
                / ln_m;
            (1.0 - e).max(0.0)
        })
        .collect();
    Ok(normalise_or_equal(d))
}

fn mean_std(x: &[f64]) -> (f64, f64) {
    let total: f64 = x.iter().sum();
    let s = crate::matrix::max_abs(x);
    if s > 0.0 && (!total.is_finite() || !(1e-100..=1e100).contains(&s)) {
        // very large or very small values (squares would over- or underflow): compute on
        // x/s and scale back (σ <= max |x|)
        let scaled: Vec<f64> = x.iter().map(|v| v / s).collect();
        let (m, sd) = mean_std(&scaled);
        return (m * s, sd * s);
    }
    let n = x.len().max(1) as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, var.sqrt())
}

/// Standard-deviation weights: `w_j = σ_j / Σ_k σ_k` with the population standard
/// deviation of the raw column (the choice of `1/m` or `1/(m−1)` cancels).
///
/// # Errors
/// None in practice; returns `Result` for uniformity with the other schemes.
pub fn std_dev(matrix: &DecisionMatrix) -> Result<Vec<f64>> {
    let raw = (0..matrix.columns())
        .map(|j| mean_std(&matrix.column(j)).1)
        .collect();
    Ok(normalise_or_equal(raw))
}

/// CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995, Computers & OR 22(7)).
///
/// Columns are min-max normalised *as benefit criteria* (the variant of Tuş & Aytaç Adalı
/// 2019 and pyrepo-mcda; reversing a column's direction only flips the sign of its
/// correlations, see `docs/research.md`), then `C_j = σ_j Σ_k (1 − ρ_jk)` with `σ_j` the
/// standard deviation of the normalised column and `ρ_jk` Pearson's correlation, and
/// `w_j = C_j / Σ_k C_k`. A constant column has `σ = 0` and correlation 0 with the others.
///
/// # Errors
/// None in practice; returns `Result` for uniformity with the other schemes.
pub fn critic(matrix: &DecisionMatrix) -> Result<Vec<f64>> {
    let n = matrix.columns();
    let cols: Vec<Vec<f64>> = (0..n)
        .map(|j| {
            // min-max as benefit (scale-safe); a constant column becomes constant (σ = 0)
            crate::normalize::normalize_column(
                &matrix.column(j),
                crate::matrix::CriterionType::Benefit,
                crate::normalize::Normalization::MinMax,
                j,
            )
            .unwrap_or_default()
        })
        .collect();
    let stats: Vec<(f64, f64)> = cols.iter().map(|c| mean_std(c)).collect();
    let corr = |a: usize, b: usize| -> f64 {
        let (Some(ca), Some(cb), Some(&(ma, sa)), Some(&(mb, sb))) =
            (cols.get(a), cols.get(b), stats.get(a), stats.get(b))
        else {
            return 0.0;
        };
        if !(sa > 0.0 && sb > 0.0) {
            return 0.0;
        }
        let cov = ca
            .iter()
            .zip(cb)
            .map(|(x, y)| (x - ma) * (y - mb))
            .sum::<f64>()
            / ca.len() as f64;
        (cov / (sa * sb)).clamp(-1.0, 1.0)
    };
    let c: Vec<f64> = (0..n)
        .map(|j| {
            let s = stats.get(j).map_or(0.0, |s| s.1);
            s * (0..n).map(|k| 1.0 - corr(j, k)).sum::<f64>()
        })
        .collect();
    Ok(normalise_or_equal(c))
}

/// SWARA weights (Keršulienė, Zavadskas & Turskis 2010, J. Business Economics and
/// Management 11(2), 243–258).
///
/// Criteria are listed from most to least important. `s[j]` is the comparative importance
/// of criterion `j` relative to criterion `j−1`; `s` has `n−1` entries (for criteria
/// `2..=n`), or `n` entries whose first is `0`. Then `k_1 = 1`, `k_j = s_j + 1`,
/// `q_1 = 1`, `q_j = q_{j−1}/k_j`, `w_j = q_j / Σ_k q_k`.
///
/// # Errors
/// [`McdaError::InvalidParameter`] for a negative or non-finite `s_j` or a non-zero leading
/// entry, [`McdaError::DimensionMismatch`] when `s.len()` is neither `n−1` nor `n`.
///
/// # Example
/// ```
/// let w = placement_mcda::weights::swara(&[0.0, 1.0], 3)?; // C1 = C2, C2 twice C3
/// assert!((w[0] - 0.4).abs() < 1e-12 && (w[2] - 0.2).abs() < 1e-12);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn swara(s: &[f64], n: usize) -> Result<Vec<f64>> {
    if n == 0 {
        return equal(0);
    }
    let tail: &[f64] = if s.len() + 1 == n {
        s
    } else if s.len() == n {
        match s.first() {
            Some(&0.0) => s.get(1..).unwrap_or(&[]),
            Some(&first) => {
                return Err(McdaError::InvalidParameter {
                    name: "s",
                    value: first,
                    expected: "s[0] = 0 when s has one entry per criterion",
                })
            }
            None => &[],
        }
    } else {
        return Err(McdaError::DimensionMismatch {
            what: "s (SWARA comparative importance, n-1 entries)",
            expected: n.saturating_sub(1),
            found: s.len(),
        });
    };
    let mut issues = Vec::new();
    for &v in tail {
        if !v.is_finite() || v < 0.0 {
            issues.push(McdaError::InvalidParameter {
                name: "s",
                value: v,
                expected: "finite and >= 0",
            });
        }
    }
    McdaError::from_issues(issues)?;
    let mut q = Vec::with_capacity(n);
    q.push(1.0);
    let mut prev = 1.0;
    for &sj in tail {
        prev /= sj + 1.0;
        q.push(prev);
    }
    Ok(normalise_or_equal(q))
}
