//! AHP weights from a pairwise comparison matrix (Saaty 1977, "A scaling method for
//! priorities in hierarchical structures", J. Math. Psychology 15(3), 234–281; Saaty 1980,
//! *The Analytic Hierarchy Process*).
//!
//! * Weights: the principal right eigenvector of `A`, found by power iteration
//!   `x ← A x / Σ(A x)` from `x = 1/n` until `max |Δx| < 1e-12` (at most 100 000 steps).
//! * `λmax = Σ_i (A x)_i` for `Σ x = 1`; `CI = (λmax − n)/(n − 1)`; `CR = CI / RI(n)` with
//!   Saaty's random index `RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49` for
//!   `n = 1..=10`. For `n <= 2` every reciprocal matrix is consistent and `CR = 0`; for
//!   `n > 10` no RI is tabulated here and `cr` is `None`.
//!
//! The consistency check is the caller's choice: [`ahp`] always returns the weights with the
//! CR, and [`AhpWeights::require_consistent`] turns `CR > threshold` (Saaty: 0.1) into
//! [`McdaError::InconsistentAhp`].

use crate::error::{McdaError, Result};

/// Saaty's random consistency index for `n = 1..=10` (Saaty 1980, Table 1.7).
pub const RANDOM_INDEX: [f64; 10] = [0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/// Tolerance on `|a_ij · a_ji − 1|`: loose enough for judgements typed with two decimals
/// (`0.33` for 1/3, `0.14` for 1/7), tight enough to catch a forgotten reciprocal.
pub const RECIPROCAL_TOLERANCE: f64 = 0.025;

/// AHP result: weights plus the consistency diagnostics.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AhpWeights {
    /// Principal eigenvector, normalised to sum 1.
    pub weights: Vec<f64>,
    /// Principal eigenvalue `λmax`.
    pub lambda_max: f64,
    /// Consistency index `(λmax − n)/(n − 1)` (0 for `n = 1`).
    pub ci: f64,
    /// Consistency ratio `CI/RI(n)`; `None` when `n > 10`.
    pub cr: Option<f64>,
    /// Power-iteration steps taken.
    pub iterations: usize,
}

impl AhpWeights {
    /// Whether `CR <= threshold` (`true` when no CR is defined, `n > 10`).
    pub fn is_consistent(&self, threshold: f64) -> bool {
        self.cr.is_none_or(|cr| cr <= threshold)
    }

    /// The weights, or an error when `CR > threshold`.
    ///
    /// # Errors
    /// [`McdaError::InconsistentAhp`].
    pub fn require_consistent(self, threshold: f64) -> Result<Vec<f64>> {
        match self.cr {
            Some(cr) if cr > threshold => Err(McdaError::InconsistentAhp { cr, threshold }),
            _ => Ok(self.weights),
        }
    }
}

/// Validates `a` (square, positive, finite, reciprocal, unit diagonal), reporting every
/// problem found.
///
/// # Errors
/// [`McdaError::TooFew`], [`McdaError::NotSquare`], [`McdaError::InvalidComparison`],
/// [`McdaError::NotReciprocal`], folded with [`McdaError::from_issues`].
pub fn validate_pairwise(a: &[Vec<f64>]) -> Result<()> {
    let n = a.len();
    if n == 0 {
        return Err(McdaError::TooFew {
            what: "pairwise comparison matrix",
            needed: 1,
            found: 0,
        });
    }
    let mut issues = Vec::new();
    for (i, row) in a.iter().enumerate() {
        if row.len() != n {
            issues.push(McdaError::NotSquare {
                row: i,
                expected: n,
                found: row.len(),
            });
        }
        for (j, &v) in row.iter().enumerate() {
            if !v.is_finite() || v <= 0.0 {
                issues.push(McdaError::InvalidComparison { i, j, value: v });
            }
        }
    }
    McdaError::from_issues(std::mem::take(&mut issues))?;
    let at = |i: usize, j: usize| a.get(i).and_then(|r| r.get(j)).copied().unwrap_or(1.0);
    for i in 0..n {
        for j in i..n {
            let (aij, aji) = (at(i, j), at(j, i));
            let bad = if i == j {
                (aij - 1.0).abs() > RECIPROCAL_TOLERANCE
            } else {
                (aij * aji - 1.0).abs() > RECIPROCAL_TOLERANCE
            };
            if bad {
                issues.push(McdaError::NotReciprocal {
                    i,
                    j,
                    a_ij: aij,
                    a_ji: aji,
                });
            }
        }
    }
    McdaError::from_issues(issues)
}

/// AHP weights with λmax, CI and CR (see the module docs for the formulas).
///
/// # Errors
/// Those of [`validate_pairwise`]. A high CR is *not* an error here; use
/// [`AhpWeights::require_consistent`].
///
/// # Example
/// ```
/// use placement_mcda::ahp::ahp;
/// let a = vec![vec![1.0, 3.0], vec![1.0 / 3.0, 1.0]];
/// let r = ahp(&a)?;
/// assert!((r.weights[0] - 0.75).abs() < 1e-12);
/// assert_eq!(r.cr, Some(0.0));
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn ahp(a: &[Vec<f64>]) -> Result<AhpWeights> {
    validate_pairwise(a)?;
    let n = a.len();
    let mut x = vec![1.0 / n as f64; n];
    let mut ax = vec![0.0; n];
    let mut iterations = 0;
    let mat_vec = |x: &[f64], out: &mut [f64]| {
        for (o, row) in out.iter_mut().zip(a) {
            *o = row.iter().zip(x).map(|(p, q)| p * q).sum();
        }
    };
    for step in 1..=100_000 {
        iterations = step;
        mat_vec(&x, &mut ax);
        let s: f64 = ax.iter().sum();
        let mut delta: f64 = 0.0;
        for (xi, &v) in x.iter_mut().zip(&ax) {
            let new = v / s;
            delta = delta.max((new - *xi).abs());
            *xi = new;
        }
        if delta < 1e-12 {
            break;
        }
    }
    mat_vec(&x, &mut ax);
    let lambda_max: f64 = ax.iter().sum();
    let ci = if n > 1 {
        ((lambda_max - n as f64) / (n as f64 - 1.0)).max(0.0)
    } else {
        0.0
    };
    let cr = match RANDOM_INDEX.get(n.wrapping_sub(1)) {
        Some(&ri) if ri > 0.0 => Some(ci / ri),
        Some(_) => Some(0.0),
        None => None,
    };
    Ok(AhpWeights {
        weights: x,
        lambda_max,
        ci,
        cr,
        iterations,
    })
}
