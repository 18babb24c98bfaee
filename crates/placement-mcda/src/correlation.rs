//! Comparing two rankings.
//!
//! Inputs are rank vectors (1 = best; ties may share an average rank such as 2.5), as
//! produced by [`crate::rank::rank`]. All functions check that both vectors have the same
//! length `n >= 2` and that every rank is finite and within `[1, n]`.
//!
//! * Spearman `ρ`: Pearson's correlation of the two rank vectors (so ties are handled by
//!   average ranks). Sałabun & Urbaniak (2020) eq. (2).
//! * Kendall `τ_b` (Kendall 1945, "The treatment of ties in ranking problems", Biometrika
//!   33(3)): `(n_c − n_d)/sqrt((n_0 − n_1)(n_0 − n_2))`, `n_0 = n(n−1)/2`, `n_1`, `n_2` the
//!   tied pairs in `x` and `y`.
//! * Weighted Spearman `r_w` (Pinto da Costa & Soares 2005, "A weighted rank measure of
//!   correlation", Aust. N. Z. J. Stat. 47(4), 515–529):
//!   `1 − 6 Σ (x_i − y_i)² ((n − x_i + 1) + (n − y_i + 1)) / (n⁴ + n³ − n² − n)`.
//! * WS similarity (Sałabun & Urbaniak 2020, "A new coefficient of rankings similarity in
//!   decision-making problems", ICCS 2020, LNCS 12138, 632–645), asymmetric, `x` is the
//!   reference: `1 − Σ 2^{−x_i} |x_i − y_i| / max(|x_i − 1|, |x_i − n|)`.
//! * Top-`k` overlap: `|top_k(x) ∩ top_k(y)| / k` where `top_k` holds the items with rank
//!   `<= k`.
//!
//! Undefined cases: when one ranking is all ties, Spearman and Kendall have a zero
//! denominator; they then return 0 ("no association") instead of NaN.

use serde::Deserialize;

use crate::error::{McdaError, Result};

/// A rank-correlation metric, by its name in the `mcda` JSON contract (`snake_case`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// [`spearman`].
    Spearman,
    /// [`weighted_spearman`].
    WeightedSpearman,
    /// [`ws_similarity`].
    Ws,
    /// [`kendall_tau_b`].
    Kendall,
}

fn check(x: &[f64], y: &[f64]) -> Result<usize> {
    let n = x.len();
    if y.len() != n {
        return Err(McdaError::DimensionMismatch {
            what: "y (second ranking)",
            expected: n,
            found: y.len(),
        });
    }
    if n < 2 {
        return Err(McdaError::TooFew {
            what: "rank comparison",
            needed: 2,
            found: n,
        });
    }
    let issues: Vec<McdaError> = x
        .iter()
        .chain(y)
        .enumerate()
        .filter(|(_, v)| !v.is_finite() || **v < 1.0 || **v > n as f64)
        .map(|(k, &value)| McdaError::InvalidRank {
            index: k % n,
            value,
            n,
        })
        .collect();
    McdaError::from_issues(issues)?;
    Ok(n)
}

/// Spearman's rank correlation (Pearson correlation of rank vectors).
///
/// # Errors
/// See the module docs.
///
/// # Example
/// ```
/// let r = placement_mcda::correlation::spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0])?;
/// assert!((r + 1.0).abs() < 1e-12);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn spearman(x: &[f64], y: &[f64]) -> Result<f64> {
    let n = check(x, y)? as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    let d = (sxx * syy).sqrt();
    Ok(if d > 0.0 {
        (sxy / d).clamp(-1.0, 1.0)
    } else {
        0.0
    })
}

/// Kendall's `τ_b`.
///
/// # Errors
/// See the module docs.
pub fn kendall_tau_b(x: &[f64], y: &[f64]) -> Result<f64> {
    let n = check(x, y)?;
    let (mut nc, mut nd, mut tx, mut ty) = (0.0, 0.0, 0.0, 0.0);
    for i in 0..n {
        for j in (i + 1)..n {
            let (Some(xi), Some(xj), Some(yi), Some(yj)) = (x.get(i), x.get(j), y.get(i), y.get(j))
            else {
                continue;
            };
            let dx = xi - xj;
            let dy = yi - yj;
            if dx == 0.0 {
                tx += 1.0;
            }
            if dy == 0.0 {
                ty += 1.0;
            }
            let s = dx * dy;
            if s > 0.0 {
                nc += 1.0;
            } else if s < 0.0 {
                nd += 1.0;
            }
        }
    }
    let n0 = (n * (n - 1)) as f64 / 2.0;
    let d = ((n0 - tx) * (n0 - ty)).sqrt();
    Ok(if d > 0.0 {
        ((nc - nd) / d).clamp(-1.0, 1.0)
    } else {
        0.0
    })
}

/// Weighted Spearman `r_w` (top positions weigh more).
///
/// # Errors
/// See the module docs.
pub fn weighted_spearman(x: &[f64], y: &[f64]) -> Result<f64> {
    let n = check(x, y)? as f64;
    let num: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| (a - b) * (a - b) * ((n - a + 1.0) + (n - b + 1.0)))
        .sum();
    Ok(1.0 - 6.0 * num / (n.powi(4) + n.powi(3) - n * n - n))
}

/// WS rank similarity coefficient; `x` is the reference ranking.
///
/// # Errors
/// See the module docs.
pub fn ws_similarity(x: &[f64], y: &[f64]) -> Result<f64> {
    let n = check(x, y)? as f64;
    let s: f64 = x
        .iter()
        .zip(y)
        .map(|(a, b)| {
            let d = (a - 1.0).abs().max((a - n).abs());
            // d >= (n-1)/2 > 0 because n >= 2
            2f64.powf(-a) * (a - b).abs() / d
        })
        .sum();
    Ok(1.0 - s)
}

/// Share of the items ranked `<= k` in `x` that are also ranked `<= k` in `y`.
///
/// With ties at the boundary, a top set may hold more than `k` items; the overlap is still
/// divided by `k` and capped at 1.
///
/// # Errors
/// See the module docs; [`McdaError::InvalidParameter`] when `k == 0` or `k > n`.
pub fn top_k_overlap(x: &[f64], y: &[f64], k: usize) -> Result<f64> {
    let n = check(x, y)?;
    if k == 0 || k > n {
        return Err(McdaError::InvalidParameter {
            name: "k",
            value: k as f64,
            expected: "1 <= k <= number of alternatives",
        });
    }
    let kf = k as f64;
    let both = x
        .iter()
        .zip(y)
        .filter(|(a, b)| **a <= kf && **b <= kf)
        .count();
    Ok((both as f64 / kf).min(1.0))
}
