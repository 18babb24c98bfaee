//! PROMETHEE II (Brans & Vincke 1985, "A preference ranking organisation method",
//! Management Science 31(6), 647–656; Brans, Vincke & Mareschal 1986, EJOR 24(2)).
//!
//! For alternatives `a`, `b` and criterion `j`, `d_j(a, b) = x_aj − x_bj` (benefit) or
//! `x_bj − x_aj` (cost). A preference function `P_j(d) ∈ [0, 1]` (all are 0 for `d <= 0`):
//!
//! | function | `P(d)` for `d > 0` | parameters |
//! |---|---|---|
//! | usual | `1` | — |
//! | U-shape | `0` if `d <= q`, else `1` | `q` |
//! | V-shape | `d/p` if `d <= p`, else `1` | `p > 0` |
//! | level | `0` if `d <= q`; `1/2` if `q < d <= p`; else `1` | `q <= p` |
//! | linear (V-shape with indifference) | `0` if `d <= q`; `(d−q)/(p−q)` if `q < d <= p`; else `1` | `q < p` |
//! | Gaussian | `1 − exp(−d²/(2s²))` | `s > 0` |
//!
//! `π(a, b) = Σ_j w_j P_j(d_j(a, b))`, `φ⁺(a) = Σ_b π(a, b)/(m − 1)`,
//! `φ⁻(a) = Σ_b π(b, a)/(m − 1)`, net flow `φ(a) = φ⁺(a) − φ⁻(a)`; higher is better.
//! With one alternative all flows are 0.
//!
//! # Computation
//! For the usual, U-shape, V-shape, level and linear functions the flows are computed in
//! `O(n · m log m)`: each criterion is sorted once and every alternative's flows come from
//! binary searches (using the same comparisons as the definition, so counts are exact) and
//! double-double prefix sums; they equal the pairwise definition within `1e-12` of the flow
//! scale (a property test checks this on matrices with ties and thresholds hit exactly). The
//! Gaussian function has no such decomposition and is computed pairwise, `O(m² n)`.

mod flows;

use super::{prepare, MethodResult};
use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::rank::Direction;

/// The six generalised criteria of Brans & Vincke (1985).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PreferenceFunction {
    /// Type I, usual criterion.
    Usual,
    /// Type II, U-shape (quasi-criterion), needs `q`.
    Ushape,
    /// Type III, V-shape, needs `p`.
    Vshape,
    /// Type IV, level criterion, needs `q` and `p`.
    Level,
    /// Type V, V-shape with indifference (linear), needs `q` and `p`.
    Linear,
    /// Type VI, Gaussian, needs `s`.
    Gaussian,
}

impl PreferenceFunction {
    /// The name used in the JSON contract.
    pub fn name(self) -> &'static str {
        match self {
            PreferenceFunction::Usual => "usual",
            PreferenceFunction::Ushape => "ushape",
            PreferenceFunction::Vshape => "vshape",
            PreferenceFunction::Level => "level",
            PreferenceFunction::Linear => "linear",
            PreferenceFunction::Gaussian => "gaussian",
        }
    }

    /// `P(d)` with per-criterion thresholds `q`, `p`, `s` (unused ones ignored).
    pub fn evaluate(self, d: f64, q: f64, p: f64, s: f64) -> f64 {
        if d <= 0.0 {
            return 0.0;
        }
        match self {
            PreferenceFunction::Usual => 1.0,
            PreferenceFunction::Ushape => f64::from(u8::from(d > q)),
            PreferenceFunction::Vshape => {
                if d <= p {
                    d / p
                } else {
                    1.0
                }
            }
            PreferenceFunction::Level => {
                if d <= q {
                    0.0
                } else if d <= p {
                    0.5
                } else {
                    1.0
                }
            }
            PreferenceFunction::Linear => {
                if d <= q {
                    0.0
                } else if d <= p {
                    (d - q) / (p - q)
                } else {
                    1.0
                }
            }
            PreferenceFunction::Gaussian => 1.0 - (-d * d / (2.0 * s * s)).exp(),
        }
    }
}

/// Per-criterion thresholds; only those the function needs must be given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thresholds {
    /// Indifference thresholds `q_j >= 0`.
    pub q: Option<Vec<f64>>,
    /// Preference thresholds `p_j` (`> 0`, and `>= q_j` / `> q_j` where both are used).
    pub p: Option<Vec<f64>>,
    /// Gaussian inflection points `s_j > 0`.
    pub s: Option<Vec<f64>>,
}

/// PROMETHEE II output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PrometheeResult {
    /// Net flows as preferences (higher is better) and their ranking.
    pub result: MethodResult,
    /// Positive (leaving) flows `φ⁺`.
    pub phi_plus: Vec<f64>,
    /// Negative (entering) flows `φ⁻`.
    pub phi_minus: Vec<f64>,
}

fn take(
    v: Option<&Vec<f64>>,
    name: &'static str,
    f: PreferenceFunction,
    n: usize,
    issues: &mut Vec<McdaError>,
    ok: impl Fn(f64) -> bool,
    expected: &'static str,
) -> Vec<f64> {
    let needed_by = match f {
        PreferenceFunction::Usual => "the usual preference function",
        PreferenceFunction::Ushape => "the ushape preference function",
        PreferenceFunction::Vshape => "the vshape preference function",
        PreferenceFunction::Level => "the level preference function",
        PreferenceFunction::Linear => "the linear preference function",
        PreferenceFunction::Gaussian => "the gaussian preference function",
    };
    match v {
        None => {
            issues.push(McdaError::MissingParameter { name, needed_by });
            vec![0.0; n]
        }
        Some(v) if v.len() != n => {
            issues.push(McdaError::DimensionMismatch {
                what: name,
                expected: n,
                found: v.len(),
            });
            vec![0.0; n]
        }
        Some(v) => {
            for &x in v {
                if !x.is_finite() || !ok(x) {
                    issues.push(McdaError::InvalidParameter {
                        name,
                        value: x,
                        expected,
                    });
                }
            }
            v.clone()
        }
    }
}

/// Runs PROMETHEE II.
///
/// # Errors
/// Weight and type validation errors; [`McdaError::MissingParameter`],
/// [`McdaError::DimensionMismatch`] or [`McdaError::InvalidParameter`] for thresholds
/// (all collected).
///
/// # Example
/// ```
/// use placement_mcda::methods::promethee::{promethee_ii, PreferenceFunction, Thresholds};
/// use placement_mcda::{CriterionType::*, DecisionMatrix};
/// // Zhao, Peng & Li (2013): net flows 0.1, -0.3, 0.2
/// let m = DecisionMatrix::new(vec![vec![4.0, 3.0, 2.0], vec![3.0, 2.0, 4.0], vec![5.0, 1.0, 3.0]])?;
/// let r = promethee_ii(&m, &[0.5, 0.3, 0.2], &[Benefit; 3], PreferenceFunction::Usual,
///                      &Thresholds::default())?;
/// assert!((r.result.preferences[1] + 0.3).abs() < 1e-12);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn promethee_ii(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
    function: PreferenceFunction,
    thresholds: &Thresholds,
) -> Result<PrometheeResult> {
    let w = prepare(matrix, weights, types)?;
    let n = matrix.columns();
    let mut issues = Vec::new();
    let zeros = vec![0.0; n];
    let (q, p, s) = match function {
        PreferenceFunction::Usual => (zeros.clone(), zeros.clone(), zeros),
        PreferenceFunction::Ushape => {
            let q = take(
                thresholds.q.as_ref(),
                "q",
                function,
                n,
                &mut issues,
                |x| x >= 0.0,
                ">= 0",
            );
            (q, zeros.clone(), zeros)
        }
        PreferenceFunction::Vshape => {
            let p = take(
                thresholds.p.as_ref(),
                "p",
                function,
                n,
                &mut issues,
                |x| x > 0.0,
                "> 0",
            );
            (zeros.clone(), p, zeros)
        }
        PreferenceFunction::Level | PreferenceFunction::Linear => {
            let q = take(
                thresholds.q.as_ref(),
                "q",
                function,
                n,
                &mut issues,
                |x| x >= 0.0,
                ">= 0",
            );
            let p = take(
                thresholds.p.as_ref(),
                "p",
                function,
                n,
                &mut issues,
                |x| x > 0.0,
                "> 0",
            );
            let both = thresholds.q.is_some() && thresholds.p.is_some();
            for (&qj, &pj) in q.iter().zip(&p).filter(|_| both) {
                let bad = if function == PreferenceFunction::Linear {
                    pj <= qj
                } else {
                    pj < qj
                };
                if bad {
                    issues.push(McdaError::InvalidParameter {
                        name: "p",
                        value: pj,
                        expected: "p > q for linear, p >= q for level (per criterion)",
                    });
                }
            }
            (q, p, zeros)
        }
        PreferenceFunction::Gaussian => {
            let s = take(
                thresholds.s.as_ref(),
                "s",
                function,
                n,
                &mut issues,
                |x| x > 0.0,
                "> 0",
            );
            (zeros.clone(), zeros, s)
        }
    };
    McdaError::from_issues(issues)?;
    let m = matrix.rows();
    let params = flows::Params {
        function,
        weights: &w,
        q: &q,
        p: &p,
        s: &s,
    };
    let (mut plus, mut minus) = if flows::has_sorted_path(function) {
        flows::sorted(matrix, types, &params)
    } else {
        flows::pairwise(matrix, types, &params)
    };
    let denom = if m > 1 { (m - 1) as f64 } else { 1.0 };
    plus.iter_mut().for_each(|x| *x /= denom);
    minus.iter_mut().for_each(|x| *x /= denom);
    let net = plus.iter().zip(&minus).map(|(a, b)| a - b).collect();
    Ok(PrometheeResult {
        result: MethodResult::new(net, Direction::HigherIsBetter),
        phi_plus: plus,
        phi_minus: minus,
    })
}
