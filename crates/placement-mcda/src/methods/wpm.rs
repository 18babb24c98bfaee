//! Weighted product model (Bridgman 1922; Miller & Starr 1969; Triantaphyllou 2000, ch. 2).
//!
//! Two conventions, both explicit:
//! * [`wpm`] — the **raw** product of Triantaphyllou (2000): `P_i = Π_j x_ij^{w_j}` for
//!   benefit criteria and `x_ij^{−w_j}` for cost criteria. The ratio `P_K/P_L` is
//!   Triantaphyllou's `R(A_K/A_L)`; it is invariant under any positive rescaling of a
//!   criterion. All values must be strictly positive.
//! * [`wpm_normalized`] — pymcdm's and pyrepo-mcda's convention: normalise first (pymcdm's
//!   default is sum normalisation, which also turns cost criteria into benefit ones), then
//!   `P_i = Π_j r_ij^{w_j}`. With `sum` or `linear` normalisation the ranking equals the raw
//!   one (each column is multiplied by a constant); with `minmax` or `vector` it can differ.
//!   A normalised value of 0 makes the product 0 (when its weight is positive); a weight of 0
//!   drops the criterion (`0⁰ = 1`, as numpy).
//!
//! Both are computed as `exp(Σ_j w_j ln r_ij)` and ranked on the log-product, so the ranking
//! is right even where the product itself under- or overflows; a product that overflows is
//! a typed error ([`crate::McdaError::NonFiniteResult`]), never infinity. Higher is better.

use super::{finite, prepare, MethodResult};
use crate::error::Result;
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::normalize::{normalize, Normalization};
use crate::rank::Direction;

fn from_logs(logs: Vec<f64>) -> Result<MethodResult> {
    let prefs: Vec<f64> = logs.iter().map(|l| l.exp()).collect();
    finite(
        "WPM",
        "a product (use sum normalisation or smaller weights)",
        &prefs,
    )?;
    Ok(MethodResult::with_keys(
        prefs,
        &logs,
        Direction::HigherIsBetter,
    ))
}

/// Ranks alternatives by the raw weighted product (no normalisation).
///
/// # Errors
/// Weight and type validation errors; [`crate::McdaError::ZeroOrNegativeNotAllowed`] for every
/// cell `<= 0`; [`crate::McdaError::NonFiniteResult`] when a product overflows.
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
    let logs = matrix
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
        })
        .collect();
    from_logs(logs)
}

/// Ranks alternatives by the weighted product of normalised values (pymcdm's `WPM`, whose
/// default `normalization` is [`Normalization::Sum`]).
///
/// # Errors
/// Weight and type validation errors, the normalisation's errors (sum and linear refuse
/// values `<= 0`), [`crate::McdaError::NegativeNotAllowed`] when the normalisation leaves a
/// negative value (vector normalisation of negative data), and
/// [`crate::McdaError::NonFiniteResult`] when a product overflows.
///
/// # Example
/// ```
/// use placement_mcda::{methods::wpm::wpm_normalized, CriterionType::*, DecisionMatrix, Normalization};
/// let m = DecisionMatrix::new(vec![vec![4.0, 1.0], vec![1.0, 4.0]])?;
/// let r = wpm_normalized(&m, &[0.5, 0.5], &[Benefit, Benefit], Normalization::Sum)?;
/// assert!((r.preferences[0] - 0.4).abs() < 1e-12); // (0.8 · 0.2)^0.5
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn wpm_normalized(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
    normalization: Normalization,
) -> Result<MethodResult> {
    let w = prepare(matrix, weights, types)?;
    let nm = normalize(matrix, types, normalization)?;
    nm.require_non_negative("WPM (values after normalisation)")?;
    let logs = nm
        .iter_rows()
        .map(|row| {
            row.iter()
                .zip(&w)
                .filter(|(_, wj)| **wj > 0.0)
                .map(|(r, wj)| wj * r.ln())
                .sum::<f64>()
        })
        .collect();
    from_logs(logs)
}
