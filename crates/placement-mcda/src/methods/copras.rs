//! COPRAS (Zavadskas, Kaklauskas & Šarka 1994; Zavadskas, Kaklauskas, Peldschus & Turskis
//! 2007, "Multi-attribute assessment of road design solutions by using the COPRAS method",
//! Baltic J. Road and Bridge Engineering 2(4), 195–203).
//!
//! 1. `d_ij = w_j x_ij / Σ_i x_ij` (sum normalisation of every column, then weighting).
//! 2. `S⁺_i = Σ_{benefit} d_ij`, `S⁻_i = Σ_{cost} d_ij`.
//! 3. `Q_i = S⁺_i + (min_k S⁻_k · Σ_k S⁻_k) / (S⁻_i · Σ_k (min_l S⁻_l / S⁻_k))`.
//! 4. Utility degree `N_i = Q_i / max_k Q_k` (reported as the preference; 1 for the best).
//!
//! Higher is better. What the formula needs, and all that is required: values `>= 0`
//! (zeros are allowed, as in the worked example of Uysal & Inan 2022), every column sum
//! `Σ_i x_ij > 0` (step 1 divides by it) and, when some cost criterion has a positive
//! weight, `S⁻_i > 0` for every alternative (step 3 divides by it). Without weighted cost
//! criteria the second term is 0 and `Q_i = S⁺_i` (pymcdm refuses that case).

use super::{finite, prepare, MethodResult};
use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::shares;
use crate::rank::Direction;

/// Ranks alternatives by COPRAS utility degree.
///
/// # Errors
/// Weight and type validation errors; [`McdaError::NegativeNotAllowed`] for every cell
/// `< 0`; [`McdaError::NonPositiveSum`] for a column sum of 0 or an alternative with
/// `S⁻ = 0` while cost criteria are weighted.
///
/// # Example
/// ```
/// use placement_mcda::{methods::copras::copras, CriterionType::*, DecisionMatrix};
/// // A zero is fine as long as the column sum and every S⁻ stay positive.
/// let m = DecisionMatrix::new(vec![vec![0.0, 2.0], vec![3.0, 1.0]])?;
/// let r = copras(&m, &[0.5, 0.5], &[Benefit, Cost])?;
/// assert_eq!(r.ranking, vec![2.0, 1.0]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn copras(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<MethodResult> {
    let (sp, sm) = sums(matrix, weights, types)?;
    let has_cost = types
        .iter()
        .zip(weights)
        .any(|(t, w)| *t == CriterionType::Cost && *w > 0.0);
    let q: Vec<f64> = if has_cost {
        let issues: Vec<McdaError> = sm
            .iter()
            .enumerate()
            .filter(|(_, s)| !(**s > 0.0))
            .map(|(i, &value)| McdaError::NonPositiveSum {
                method: "COPRAS",
                what: format!("S- of row {i}"),
                value,
                requirement: "COPRAS divides by S-: every alternative needs a positive value \
                              on at least one cost criterion with a positive weight",
            })
            .collect();
        McdaError::from_issues(issues)?;
        let min = sm.iter().copied().fold(f64::INFINITY, f64::min);
        let total: f64 = sm.iter().sum();
        let denom_sum: f64 = sm.iter().map(|s| min / s).sum();
        sp.iter()
            .zip(&sm)
            .map(|(p, s)| p + (min / s) * (total / denom_sum))
            .collect()
    } else {
        sp
    };
    let qmax = q.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let prefs: Vec<f64> = q
        .iter()
        .map(|v| if qmax > 0.0 { v / qmax } else { 1.0 })
        .collect();
    finite("COPRAS", "a utility degree", &prefs)?;
    Ok(MethodResult::new(prefs, Direction::HigherIsBetter))
}

/// Steps 1–2: the sums `S⁺_i` and `S⁻_i` of the weighted sum-normalised values.
///
/// # Errors
/// Weight and type validation errors; [`McdaError::NegativeNotAllowed`] for every cell
/// `< 0`; [`McdaError::NonPositiveSum`] for every all-zero column.
pub fn sums(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<(Vec<f64>, Vec<f64>)> {
    let w = prepare(matrix, weights, types)?;
    let n = matrix.columns();
    matrix.require_non_negative("COPRAS")?;
    let issues: Vec<McdaError> = (0..n)
        .filter(|&j| matrix.column(j).iter().all(|v| *v == 0.0))
        .map(|j| McdaError::NonPositiveSum {
            method: "COPRAS",
            what: format!("the sum of column {j}"),
            value: 0.0,
            requirement: "COPRAS divides each value by its column sum: every criterion \
                          needs at least one positive value",
        })
        .collect();
    McdaError::from_issues(issues)?;
    let columns: Vec<Vec<f64>> = (0..n).map(|j| shares(&matrix.column(j))).collect();
    let mut sp = Vec::with_capacity(matrix.rows());
    let mut sm = Vec::with_capacity(matrix.rows());
    for i in 0..matrix.rows() {
        let (mut p, mut m) = (0.0, 0.0);
        for ((col, wj), t) in columns.iter().zip(&w).zip(types) {
            let d = wj * col.get(i).copied().unwrap_or(0.0);
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
