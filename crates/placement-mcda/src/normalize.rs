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
use crate::matrix::{max_abs, CriterionType, DecisionMatrix};

/// A column normalisation (see the module docs for the formulas).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
            // `max − min` overflows for values near ±f64::MAX: divide by max |x| first
            // (only then, so that ordinary inputs keep their exact results).
            let (x, max, min) = if (max - min).is_finite() {
                (x.to_vec(), max, min)
            } else {
                let s = max_abs(x);
                (x.iter().map(|v| v / s).collect(), max / s, min / s)
            };
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
            let norm2 = euclidean_norm(x);
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
                    // 1/x overflows for tiny x: use min/x (<= 1) then.
                    let s: f64 = x.iter().map(|v| 1.0 / v).sum();
                    if s.is_finite() {
                        Ok(x.iter().map(|v| (1.0 / v) / s).collect())
                    } else {
                        let s: f64 = x.iter().map(|v| min / v).sum();
                        Ok(x.iter().map(|v| (min / v) / s).collect())
                    }
                } else {
                    Ok(shares(x))
                }
            } else if cost {
                Ok(x.iter().map(|v| min / v).collect())
            } else {
                Ok(x.iter().map(|v| v / max).collect())
            }
        }
    }
}

/// `‖x‖₂` without overflow or underflow at any finite magnitude: the plain sum of squares
/// when it is representable, else `s · ‖x/s‖₂` with `s = max |x|`.
pub fn euclidean_norm(x: &[f64]) -> f64 {
    let sq: f64 = x.iter().map(|v| v * v).sum();
    if sq.is_finite() && sq >= f64::MIN_POSITIVE {
        return sq.sqrt();
    }
    let s = max_abs(x);
    if s == 0.0 {
        return 0.0;
    }
    s * x.iter().map(|v| (v / s) * (v / s)).sum::<f64>().sqrt()
}

/// `x_i / Σ x` for values `>= 0` with a positive sum, without overflow of the sum: when
/// `Σ x` is not representable the values are divided by `max x` first.
pub(crate) fn shares(x: &[f64]) -> Vec<f64> {
    let s: f64 = x.iter().sum();
    if s.is_finite() {
        return x.iter().map(|v| v / s).collect();
    }
    let m = max_abs(x);
    let s: f64 = x.iter().map(|v| v / m).sum();
    x.iter().map(|v| (v / m) / s).collect()
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
