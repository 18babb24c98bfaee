//! Weighted sum model (Fishburn 1967; Triantaphyllou 2000, *Multi-Criteria Decision Making
//! Methods: A Comparative Study*, ch. 2).
//!
//! `P_i = Σ_j w_j r_ij` with `r` the chosen [`Normalization`] of the matrix. Higher is better.
//! With [`Normalization::Linear`] or [`Normalization::Sum`] the ranking is invariant under a
//! positive rescaling `x_·j → c x_·j` of any one criterion (both normalisations are
//! homogeneous of degree 0); min-max and vector normalisation are too (min-max is also
//! shift-invariant).

use super::{prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};
use crate::rank::Direction;

/// Weighted sum scores `Σ_j w_j r_ij` of an already normalised row-major buffer with
/// `n` columns. Exposed for SMAA and sensitivity analysis.
pub fn weighted_sums(normalized: &DecisionMatrix, weights: &[f64]) -> Vec<f64> {
    normalized
        .iter_rows()
        .map(|row| row.iter().zip(weights).map(|(r, w)| r * w).sum())
        .collect()
}

/// Ranks alternatives by the weighted sum of normalised values.
///
/// # Errors
/// Weight and type validation errors, and the normalisation's errors
/// (sum/linear refuse values `<= 0`).
///
/// # Example
/// ```
/// use placement_mcda::{methods::wsm::wsm, CriterionType::*, DecisionMatrix, Normalization};
/// let m = DecisionMatrix::new(vec![vec![1.0, 5.0], vec![2.0, 1.0]])?;
/// let r = wsm(&m, &[0.5, 0.5], &[Benefit, Cost], Normalization::MinMax)?;
/// assert_eq!(r.ranking, vec![2.0, 1.0]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn wsm(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
    normalization: Normalization,
) -> Result<MethodResult> {
    let w = prepare(matrix, weights, types)?;
    let nm = normalize(matrix, types, normalization)?;
    Ok(MethodResult::new(
        weighted_sums(&nm, &w),
        Direction::HigherIsBetter,
    ))
}
