//! TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, Springer).
//!
//! 1. Normalisation: [`topsis`] uses vector normalisation (Hwang & Yoon's original) in
//!    pymcdm's convention: `r_ij = x_ij/‖x_·j‖₂` for benefit and
//!    `1 − x_ij/‖x_·j‖₂` for cost criteria (this gives exactly the classical distances,
//!    where cost columns keep `x/‖x‖` and take their ideal at the minimum).
//! 2. `v_ij = w_j r_ij`; ideal `A⁺_j = max_i v_ij`, anti-ideal `A⁻_j = min_i v_ij`.
//! 3. Euclidean distances `D⁺_i = ‖v_i − A⁺‖₂`, `D⁻_i = ‖v_i − A⁻‖₂`.
//! 4. Closeness `C_i = D⁻_i/(D⁺_i + D⁻_i)`; higher is better.
//!
//! Degenerate input: when `D⁺_i + D⁻_i = 0` (every weighted column constant) all
//! alternatives are equally close and `C_i = 0.5`. An all-zero column normalises to a
//! constant (see [`crate::normalize`]). Never NaN.

use super::{prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};
use crate::rank::Direction;

/// TOPSIS closeness from an already normalised matrix (row-major, `n` columns) and
/// normalised weights. Exposed for benchmarks and sensitivity analysis.
pub fn closeness(normalized: &[f64], n: usize, weights: &[f64]) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    // Closeness is invariant under a positive rescaling of the weights; weights given far
    // from 1 are brought to max 1 first, so that the squared distances neither overflow
    // nor underflow (normalised values are bounded by 2 in absolute value).
    let wmax = crate::matrix::max_abs(weights);
    let scaled: Vec<f64>;
    let weights = if wmax > 1.0 || (wmax > 0.0 && wmax < 1e-100) {
        scaled = weights.iter().map(|w| w / wmax).collect();
        &scaled
    } else {
        weights
    };
    let mut best = vec![f64::NEG_INFINITY; n];
    let mut worst = vec![f64::INFINITY; n];
    for row in normalized.chunks_exact(n) {
        for (((b, w), x), wt) in best.iter_mut().zip(worst.iter_mut()).zip(row).zip(weights) {
            let v = x * wt;
            *b = b.max(v);
            *w = w.min(v);
        }
    }
    normalized
        .chunks_exact(n)
        .map(|row| {
            let (mut dp, mut dm) = (0.0, 0.0);
            for (((x, wt), b), w) in row.iter().zip(weights).zip(&best).zip(&worst) {
                let v = x * wt;
                dp += (v - b) * (v - b);
                dm += (v - w) * (v - w);
            }
            let (dp, dm) = (dp.sqrt(), dm.sqrt());
            if dp + dm > 0.0 {
                dm / (dp + dm)
            } else {
                0.5
            }
        })
        .collect()
}

/// Ranks alternatives by TOPSIS closeness to the ideal solution.
///
/// # Errors
/// Weight and type validation errors.
///
/// # Example
/// ```
/// use placement_mcda::{methods::topsis::topsis, CriterionType::*, DecisionMatrix};
/// let m = DecisionMatrix::new(vec![vec![1.0, 3000.0], vec![2.0, 3750.0], vec![5.0, 4500.0]])?;
/// let r = topsis(&m, &[0.5, 0.5], &[Cost, Benefit])?;
/// assert_eq!(r.ranking, vec![1.0, 2.0, 3.0]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn topsis(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
) -> Result<MethodResult> {
    topsis_with(matrix, weights, types, Normalization::Vector)
}

/// TOPSIS with another normalisation in step 1. pymcdm's `TOPSIS()` default is min-max (and
/// so is the `mcda` JSON contract's and the Python package's default); the worked example of
/// Opricovic & Tzeng 2004, Table 1, is reproduced with min-max.
///
/// # Errors
/// Weight and type validation errors and the normalisation's errors.
pub fn topsis_with(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
    normalization: Normalization,
) -> Result<MethodResult> {
    let w = prepare(matrix, weights, types)?;
    let nm = normalize(matrix, types, normalization)?;
    Ok(MethodResult::new(
        closeness(nm.as_slice(), nm.columns(), &w),
        Direction::HigherIsBetter,
    ))
}
