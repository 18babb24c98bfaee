//! MOORA ratio system (Brauers & Zavadskas 2006, "The MOORA method and its application to
//! privatization in a transition economy", Control and Cybernetics 35(2), 445–469).
//!
//! `r_ij = x_ij/‖x_·j‖₂` for every criterion, then
//! `y_i = Σ_{benefit} w_j r_ij − Σ_{cost} w_j r_ij`. Higher is better. An all-zero column
//! contributes 0; column norms are computed without overflow at any finite magnitude
//! ([`euclidean_norm`]). Unlike pymcdm, a problem with only benefit criteria is accepted (it is
//! then a vector-normalised weighted sum).

use super::{finite, prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::euclidean_norm;
use crate::rank::Direction;

/// Ranks alternatives by the MOORA ratio-system score.
///
/// # Errors
/// Weight and type validation errors.
pub fn moora(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<MethodResult> {
    let w = prepare(matrix, weights, types)?;
    let norms: Vec<f64> = (0..matrix.columns())
        .map(|j| euclidean_norm(&matrix.column(j)))
        .collect();
    let prefs: Vec<f64> = matrix
        .iter_rows()
        .map(|row| {
            row.iter()
                .zip(&norms)
                .zip(&w)
                .zip(types)
                .map(|(((x, nrm), wj), t)| {
                    let r = if *nrm > 0.0 { x / nrm } else { 0.0 };
                    match t {
                        CriterionType::Benefit => wj * r,
                        CriterionType::Cost => -wj * r,
                    }
                })
                .sum()
        })
        .collect();
    finite("MOORA", "a score", &prefs)?;
    Ok(MethodResult::new(prefs, Direction::HigherIsBetter))
}
