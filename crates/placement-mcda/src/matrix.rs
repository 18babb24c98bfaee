//! The validated decision matrix, criterion types and weight validation.

use crate::error::{McdaError, Result};

/// Whether more (benefit) or less (cost) of a criterion is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum CriterionType {
    /// More is better (type code `1`).
    Benefit,
    /// Less is better (type code `-1`).
    Cost,
}

impl CriterionType {
    /// Converts pymcdm-style type codes (`1` benefit, `-1` cost).
    ///
    /// # Errors
    /// [`McdaError::InvalidCriterionType`] (collected for every bad code).
    ///
    /// # Example
    /// ```
    /// use placement_mcda::CriterionType;
    /// let t = CriterionType::from_codes(&[1, -1])?;
    /// assert_eq!(t, vec![CriterionType::Benefit, CriterionType::Cost]);
    /// # Ok::<(), placement_mcda::McdaError>(())
    /// ```
    pub fn from_codes(codes: &[i64]) -> Result<Vec<CriterionType>> {
        let mut out = Vec::with_capacity(codes.len());
        let mut issues = Vec::new();
        for (index, &value) in codes.iter().enumerate() {
            match value {
                1 => out.push(CriterionType::Benefit),
                -1 => out.push(CriterionType::Cost),
                _ => issues.push(McdaError::InvalidCriterionType { index, value }),
            }
        }
        McdaError::from_issues(issues)?;
        Ok(out)
    }

    /// The pymcdm type code: `1` or `-1`.
    pub fn code(self) -> i64 {
        match self {
            CriterionType::Benefit => 1,
            CriterionType::Cost => -1,
        }
    }
}

/// A rectangular matrix of finite values: rows are alternatives, columns are criteria.
///
/// Stored row-major. The only ways to build one validate it, so every method in the crate
/// can rely on `rows() >= 1`, `columns() >= 1` and every value being finite.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMatrix {
    rows: usize,
    columns: usize,
    data: Vec<f64>,
}

impl DecisionMatrix {
    /// Builds a matrix from rows, reporting every ragged row and non-finite value at once.
    ///
    /// # Errors
    /// [`McdaError::EmptyMatrix`], or the collected [`McdaError::RaggedRow`] and
    /// [`McdaError::NonFiniteValue`] problems.
    ///
    /// # Example
    /// ```
    /// use placement_mcda::DecisionMatrix;
    /// let m = DecisionMatrix::new(vec![vec![1.0, 2.0], vec![3.0, 4.0]])?;
    /// assert_eq!((m.rows(), m.columns()), (2, 2));
    /// assert!(DecisionMatrix::new(vec![vec![f64::NAN, 1.0], vec![1.0]]).is_err());
    /// # Ok::<(), placement_mcda::McdaError>(())
    /// ```
    pub fn new(rows: Vec<Vec<f64>>) -> Result<Self> {
        let columns = rows.first().map_or(0, Vec::len);
        if rows.is_empty() || columns == 0 {
            return Err(McdaError::EmptyMatrix {
                rows: rows.len(),
                columns,
            });
        }
        let mut issues = Vec::new();
        let mut data = Vec::with_capacity(rows.len() * columns);
        for (r, row) in rows.iter().enumerate() {
            if row.len() != columns {
                issues.push(McdaError::RaggedRow {
                    row: r,
                    expected: columns,
                    found: row.len(),
                });
            }
            for (c, &value) in row.iter().enumerate() {
                if !value.is_finite() {
                    issues.push(McdaError::NonFiniteValue {
                        row: r,
                        column: c,
                        value,
                    });
                }
            }
            data.extend(row.iter().copied().take(columns));
        }
        McdaError::from_issues(issues)?;
        Ok(DecisionMatrix {
            rows: rows.len(),
            columns,
            data,
        })
    }

    /// Builds a matrix from a row-major buffer.
    ///
    /// # Errors
    /// [`McdaError::EmptyMatrix`], [`McdaError::DimensionMismatch`] when
    /// `data.len() != rows * columns`, or the collected [`McdaError::NonFiniteValue`]s.
    pub fn from_row_major(rows: usize, columns: usize, data: Vec<f64>) -> Result<Self> {
        if rows == 0 || columns == 0 {
            return Err(McdaError::EmptyMatrix { rows, columns });
        }
        if data.len() != rows.saturating_mul(columns) {
            return Err(McdaError::DimensionMismatch {
                what: "row-major data",
                expected: rows.saturating_mul(columns),
                found: data.len(),
            });
        }
        let issues: Vec<McdaError> = data
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_finite())
            .map(|(k, &value)| McdaError::NonFiniteValue {
                row: k / columns,
                column: k % columns,
                value,
            })
            .collect();
        McdaError::from_issues(issues)?;
        Ok(DecisionMatrix {
            rows,
            columns,
            data,
        })
    }

    /// Number of alternatives.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Number of criteria.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// The value of alternative `row` on criterion `column`, or `None` outside the matrix.
    pub fn get(&self, row: usize, column: usize) -> Option<f64> {
        if row < self.rows && column < self.columns {
            self.data.get(row * self.columns + column).copied()
        } else {
            None
        }
    }

    /// One alternative's values (empty outside the matrix).
    pub fn row(&self, row: usize) -> &[f64] {
        let start = row.saturating_mul(self.columns);
        self.data.get(start..start + self.columns).unwrap_or(&[])
    }

    /// Iterates over the rows.
    pub fn iter_rows(&self) -> impl Iterator<Item = &[f64]> + '_ {
        self.data.chunks_exact(self.columns)
    }

    /// One criterion's values, copied (empty outside the matrix).
    pub fn column(&self, column: usize) -> Vec<f64> {
        if column >= self.columns {
            return Vec::new();
        }
        self.data
            .iter()
            .skip(column)
            .step_by(self.columns)
            .copied()
            .collect()
    }

    /// The row-major buffer.
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }

    /// The matrix as nested rows.
    pub fn to_rows(&self) -> Vec<Vec<f64>> {
        self.iter_rows().map(<[f64]>::to_vec).collect()
    }

    /// Checks that `types` has one entry per column.
    ///
    /// # Errors
    /// [`McdaError::DimensionMismatch`].
    pub fn check_types(&self, types: &[CriterionType]) -> Result<()> {
        if types.len() == self.columns {
            Ok(())
        } else {
            Err(McdaError::DimensionMismatch {
                what: "types",
                expected: self.columns,
                found: types.len(),
            })
        }
    }

    /// Reports the first cell `<= 0` of any column for which `filter(column)` holds, for the
    /// methods that take logarithms or ratios; every such cell is collected.
    ///
    /// # Errors
    /// [`McdaError::ZeroOrNegativeNotAllowed`] (one per cell, folded by
    /// [`McdaError::from_issues`]).
    pub fn require_positive(
        &self,
        method: &'static str,
        filter: impl Fn(usize) -> bool,
    ) -> Result<()> {
        let issues: Vec<McdaError> = self
            .data
            .iter()
            .enumerate()
            .filter(|&(k, &v)| v <= 0.0 && filter(k % self.columns))
            .map(|(k, &value)| McdaError::ZeroOrNegativeNotAllowed {
                method,
                row: k / self.columns,
                column: k % self.columns,
                value,
            })
            .collect();
        McdaError::from_issues(issues)
    }
}

impl DecisionMatrix {
    /// Reports every negative cell, for the methods and schemes that accept zeros but not
    /// negatives (COPRAS, entropy, WPM after normalisation).
    ///
    /// # Errors
    /// [`McdaError::NegativeNotAllowed`] (one per cell, folded by [`McdaError::from_issues`]).
    pub fn require_non_negative(&self, method: &'static str) -> Result<()> {
        let issues: Vec<McdaError> = self
            .data
            .iter()
            .enumerate()
            .filter(|(_, v)| **v < 0.0)
            .map(|(k, &value)| McdaError::NegativeNotAllowed {
                method,
                row: k / self.columns,
                column: k % self.columns,
                value,
            })
            .collect();
        McdaError::from_issues(issues)
    }
}

/// Validates criterion weights without changing them: one per column, finite, `>= 0`, at
/// least one positive, and a finite sum. Every bad weight is reported.
///
/// This is what every method of the crate does with the weights it is given: they are used
/// **as given** (pymcdm's convention), not rescaled. Rescaling changes the preference values
/// of WSM, MOORA, PROMETHEE II flows and VIKOR's `S`/`R`, never a ranking (every method's
/// ranking is invariant under a positive rescaling of all weights). Call
/// [`normalize_weights`] first for weights that sum to 1.
///
/// # Errors
/// [`McdaError::DimensionMismatch`] when `weights.len() != n`, the collected
/// [`McdaError::InvalidWeight`]s, or [`McdaError::NonPositiveWeightSum`] (all zero, or a sum
/// too large to represent).
pub fn validate_weights(weights: &[f64], n: usize) -> Result<()> {
    if weights.len() != n {
        return Err(McdaError::DimensionMismatch {
            what: "weights",
            expected: n,
            found: weights.len(),
        });
    }
    let issues: Vec<McdaError> = weights
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.is_finite() || **w < 0.0)
        .map(|(index, &value)| McdaError::InvalidWeight { index, value })
        .collect();
    McdaError::from_issues(issues)?;
    let sum: f64 = weights.iter().sum();
    if !(sum > 0.0) || !sum.is_finite() {
        return Err(McdaError::NonPositiveWeightSum { sum });
    }
    Ok(())
}

/// Validates criterion weights ([`validate_weights`]) and rescales them to sum to 1.
///
/// # Errors
/// Those of [`validate_weights`].
///
/// # Example
/// ```
/// let w = placement_mcda::normalize_weights(&[2.0, 1.0, 1.0], 3)?;
/// assert_eq!(w, vec![0.5, 0.25, 0.25]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn normalize_weights(weights: &[f64], n: usize) -> Result<Vec<f64>> {
    validate_weights(weights, n)?;
    let sum: f64 = weights.iter().sum();
    Ok(weights.iter().map(|w| w / sum).collect())
}

/// The largest absolute value of `x` (0 for an empty or all-zero slice): the factor the
/// scale-safe computations divide by before squaring or summing, so that no intermediate
/// overflows at any finite magnitude.
pub(crate) fn max_abs(x: &[f64]) -> f64 {
    x.iter().fold(0.0_f64, |a, v| a.max(v.abs()))
}
