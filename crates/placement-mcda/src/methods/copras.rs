//! COPRAS (Zavadskas, Kaklauskas & Šarka 1994; Zavadskas, Kaklauskas, Peldschus & Turskis
//! 2007, "Multi-attribute assessment of road design solutions by using the COPRAS method",
//! Baltic J. Road and Bridge Engineering 2(4), 195–203).
//!
//! 1. `d_ij = w_j x_ij / Σ_i x_ij` (sum normalisation of every column, then weighting).
//! 2. `S⁺_i = Σ_{benefit} d_ij`, `S⁻_i = Σ_{cost} d_ij`.
//! 3. `Q_i = S⁺_i + (min_k S⁻_k · Σ_k S⁻_k) / (S⁻_i · Σ_k (min_l S⁻_l / S⁻_k))`.
//! 4. Utility degree `N_i = Q_i / max_k Q_k` (reported as the preference; 1 for the best).
//!
//! Higher is better. All values must be strictly positive (the method divides by sums and
//! by `S⁻`). Without cost criteria the second term is 0 and `Q_i = S⁺_i` (pymcdm refuses
//! that case).

use super::{prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::rank::Direction;

/// Ranks alternatives by COPRAS utility degree.
///
/// # Errors
/// Weight and type validation errors; [`crate::McdaError::ZeroOrNegativeNotAllowed`] for
/// every cell `<= 0`.
pub fn copras(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<MethodResult> {
    let (sp, sm) = sums(matrix, weights, types)?;
    // Cost criteria with zero total weight leave S⁻ = 0 everywhere: treated as no cost.
    let has_cost = sm.iter().all(|s| *s > 0.0);
    let q: Vec<f64> = if has_cost {
        let min = sm.iter().copied().fold(f64::INFINITY, f64::min);
        let total: f64 = sm.iter().sum();
        let denom_sum: f64 = sm.iter().map(|s| min / s).sum();
        sp.iter()
            .zip(&sm)
            .map(|(p, s)| p + (min * total) / (s * denom_sum))
            .collect()
    } else {
        sp
    };
    let qmax = q.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let prefs = q
        .iter()
        .map(|v| if qmax > 0.0 { v / qmax } else { 1.0 })
        .collect();
    Ok(MethodResult::new(prefs, Direction::HigherIsBetter))
}

/// Steps 1–2: the sums `S⁺_i` and `S⁻_i` of the weighted sum-normalised values.
///
/// # Errors
/// As [`copras`].
pub fn sums(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<(Vec<f64>, Vec<f64>)> {
    let w = prepare(matrix, weights, types)?;
    matrix.require_positive("COPRAS", |_| true)?;
    let sums: Vec<f64> = (0..matrix.columns())
        .map(|j| matrix.column(j).iter().sum())
        .collect();
    let mut sp = Vec::with_capacity(matrix.rows());
    let mut sm = Vec::with_capacity(matrix.rows());
    for row in matrix.iter_rows() {
        let (mut p, mut m) = (0.0, 0.0);
        for (((x, s), wj), t) in row.iter().zip(&sums).zip(&w).zip(types) {
            let d = wj * x / s;
            match t {
                CriterionType::Benefit => p += d,
                CriterionType::Cost => m += d,
            }
        }
        sp.push(p);
        sm.push(m);
    }
    Ok((sp, sm))
}
