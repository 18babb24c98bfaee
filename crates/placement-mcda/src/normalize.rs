//! Column normalisations, following pymcdm's conventions for cost criteria.
//!
//! Source: pymcdm `pymcdm/normalizations.py` (Kizielewicz, Shekhovtsov & Sałabun, 2023,
//! "pymcdm — The universal library for solving multi-criteria decision-making problems",
//! SoftwareX 22, 101368). For a column `x` with `max`, `min` over the alternatives:
//!
//! | normalisation | benefit | cost |
//! |---|---|---|
//! | [`Normalization::MinMax`] | `(x − min)/(max − min)` | `(max − x)/(max − min)` |
//! | [`Normalization::Vector`] | `x/‖x‖₂` | `1 − x/‖x‖₂` |
//! | [`Normalization::Sum`] | `x/Σx` | `(1/x)/Σ(1/x)` |
//! | [`Normalization::Linear`] | `x/max` | `min/x` |
//!
//! Degenerate columns (documented, tested, never NaN):
//! * min-max of a constant column gives all ones (pymcdm's behaviour);
//! * vector of an all-zero column gives 0 (benefit) or 1 (cost): a constant that cannot
//!   change any ranking (pymcdm would divide by zero);
//! * sum and linear need strictly positive values (pymcdm raises for `x <= 0` in sum and
//!   `x == 0` in linear; we also refuse negatives in linear because `x/max` and `min/x` lose
//!   their meaning): [`McdaError::ZeroOrNegativeNotAllowed`].

use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};

/// A column normalisation (see the module docs for the formulas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Normalization {
    /// Min-max: `(x − min)/(max − min)`; cost `(max − x)/(max − min)`.
    #[serde(rename = "minmax")]
    MinMax,
    /// Vector: `x/‖x‖₂`; cost `1 − x/‖x‖₂`.
    Vector,
    /// Sum: `x/Σx`; cost `(1/x)/Σ(1/x)`. Needs `x > 0`.
    Sum,
    /// Linear (max): `x/max`; cost `min/x`. Needs `x > 0`.
    Linear,
}

impl Normalization {
    /// The name used in the JSON contract and in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Normalization::MinMax => "minmax",
            Normalization::Vector => "vector",
            Normalization::Sum => "sum",
            Normalization::Linear => "linear",
        }
    }

    fn method_label(self) -> &'static str {
        match self {
            Normalization::MinMax => "min-max normalisation",
            Normalization::Vector => "vector normalisation",
            Normalization::Sum => "sum normalisation",
            Normalization::Linear => "linear normalisation",
        }
    }
}

/// Normalises one column.
///
/// `column_index` is only used to name the column in errors.
///
/// # Errors
/// [`McdaError::ZeroOrNegativeNotAllowed`] for sum and linear normalisation of values `<= 0`
/// (every offending cell is reported).
pub fn normalize_column(
    x: &[f64],
    ty: CriterionType,
    norm: Normalization,
    column_index: usize,
) -> Result<Vec<f64>> {
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let min = x.iter().copied().fold(f64::INFINITY, f64::min);
    let cost = ty == CriterionType::Cost;
    match norm {
        Normalization::MinMax => {
            let range = max - min;
            if !(range > 0.0) {
                return Ok(vec![1.0; x.len()]);
            }
            Ok(x.iter()
                .map(|&v| {
                    if cost {
                        (max - v) / range
                    } else {
                        (v - min) / range
                    }
                })
                .collect())
        }
        Normalization::Vector => {
            let norm2 = x.iter().map(|v| v * v).sum::<f64>().sqrt();
            Ok(x.iter()
                .map(|&v| {
                    let r = if norm2 > 0.0 { v / norm2 } else { 0.0 };
                    if cost {
                        1.0 - r
                    } else {
                        r
                    }
                })
                .collect())
        }
        Normalization::Sum | Normalization::Linear => {
            let issues: Vec<McdaError> = x
                .iter()
                .enumerate()
                .filter(|(_, v)| **v <= 0.0)
                .map(|(row, &value)| McdaError::ZeroOrNegativeNotAllowed {
                    method: norm.method_label(),
                    row,
                    column: column_index,
                    value,
                })
                .collect();
            McdaError::from_issues(issues)?;
            if norm == Normalization::Sum {
                if cost {
                    let s: f64 = x.iter().map(|v| 1.0 / v).sum();
                    Ok(x.iter().map(|v| (1.0 / v) / s).collect())
                } else {
                    let s: f64 = x.iter().sum();
                    Ok(x.iter().map(|v| v / s).collect())
                }
            } else if cost {
                Ok(x.iter().map(|v| min / v).collect())
            } else {
                Ok(x.iter().map(|v| v / max).collect())
            }
        }
    }
}

/// Normalises every column of `matrix` according to its type.
///
/// # Errors
/// [`McdaError::DimensionMismatch`] when `types` has the wrong length, and the collected
/// errors of [`normalize_column`] over all columns.
///
/// # Example
/// ```
/// use placement_mcda::{normalize, CriterionType::*, DecisionMatrix, Normalization};
/// let m = DecisionMatrix::new(vec![vec![1.0, 10.0], vec![3.0, 20.0]])?;
/// let n = normalize(&m, &[Benefit, Cost], Normalization::MinMax)?;
/// assert_eq!(n.to_rows(), vec![vec![0.0, 1.0], vec![1.0, 0.0]]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn normalize(
    matrix: &DecisionMatrix,
    types: &[CriterionType],
    norm: Normalization,
) -> Result<DecisionMatrix> {
    matrix.check_types(types)?;
    let (m, n) = (matrix.rows(), matrix.columns());
    let mut data = vec![0.0; m * n];
    let mut issues = Vec::new();
    for (j, &ty) in types.iter().enumerate() {
        match normalize_column(&matrix.column(j), ty, norm, j) {
            Ok(col) => {
                for (i, v) in col.into_iter().enumerate() {
                    if let Some(cell) = data.get_mut(i * n + j) {
                        *cell = v;
                    }
                }
            }
            Err(McdaError::Multiple { issues: more }) => issues.extend(more),
            Err(e) => issues.push(e),
        }
    }
    McdaError::from_issues(issues)?;
    DecisionMatrix::from_row_major(m, n, data)
}
