//! Weighted product model (Bridgman 1922; Miller & Starr 1969; Triantaphyllou 2000, ch. 2).
//!
//! `P_i = Π_j x_ij^{w_j}` for benefit criteria and `x_ij^{−w_j}` for cost criteria, computed
//! as `exp(Σ_j ± w_j ln x_ij)`. The ratio `P_K/P_L` is Triantaphyllou's `R(A_K/A_L)`;
//! it is invariant under any positive rescaling of a criterion, so no normalisation is
//! applied. Higher is better. All values must be strictly positive.

use super::{prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::rank::Direction;

/// Ranks alternatives by the weighted product.
///
/// # Errors
/// Weight and type validation errors; [`crate::McdaError::ZeroOrNegativeNotAllowed`] for
/// every cell `<= 0`.
///
/// # Example
/// ```
/// use placement_mcda::{methods::wpm::wpm, CriterionType::*, DecisionMatrix};
/// let m = DecisionMatrix::new(vec![vec![4.0, 1.0], vec![1.0, 4.0]])?;
/// let r = wpm(&m, &[0.5, 0.5], &[Benefit, Benefit])?;
/// assert!((r.preferences[0] - 2.0).abs() < 1e-12);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn wpm(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<MethodResult> {
    let w = prepare(matrix, weights, types)?;
    matrix.require_positive("WPM", |_| true)?;
    let prefs = matrix
        .iter_rows()
        .map(|row| {
            row.iter()
                .zip(&w)
                .zip(types)
                .map(|((x, wj), t)| match t {
                    CriterionType::Benefit => wj * x.ln(),
                    CriterionType::Cost => -wj * x.ln(),
                })
                .sum::<f64>()
                .exp()
        })
        .collect();
    Ok(MethodResult::new(prefs, Direction::HigherIsBetter))
}
