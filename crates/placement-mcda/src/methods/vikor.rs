//! VIKOR (Opricovic 1998; Opricovic & Tzeng 2004, "Compromise solution by MCDM methods: A
//! comparative analysis of VIKOR and TOPSIS", EJOR 156(2), 445–455).
//!
//! With `f*_j` the best and `f⁻_j` the worst value of criterion `j` (max/min for benefit,
//! min/max for cost):
//! * `S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)` (group utility),
//! * `R_i = max_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)` (individual regret),
//! * `Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*)`, `S* = min S`,
//!   `S⁻ = max S`, likewise for `R`; `v` (default 0.5) is the weight of the strategy of
//!   "the majority of criteria".
//!
//! Lower `S`, `R` and `Q` are better; the ranking is by `Q`. Conditions (Opricovic & Tzeng
//! 2004, §3): with `a'`, `a''` the first and second by `Q` and `DQ = 1/(m − 1)`,
//! * C1 acceptable advantage: `Q(a'') − Q(a') >= DQ`;
//! * C2 acceptable stability: `a'` is also best ranked by `S` or by `R`.
//!
//! The compromise set is `{a'}` if both hold; `{a', a''}` if only C2 fails; and, if C1
//! fails, every `a` with `Q(a) − Q(a') < DQ` (which includes `a'`).
//!
//! Degenerate input: a constant criterion makes `f* = f⁻` and is refused
//! ([`McdaError::ConstantCriterion`], as pymcdm does). If all `S` (or all `R`) are equal,
//! their term in `Q` is 0. With one alternative `Q = 0`, both conditions hold.

use super::{finite, prepare, MethodResult};
use crate::error::{McdaError, Result};
use crate::matrix::{CriterionType, DecisionMatrix};
use crate::rank::{rank, Direction};

/// Full VIKOR output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VikorResult {
    /// `Q` as preferences (lower is better) and the ranking by `Q`.
    pub result: MethodResult,
    /// Group utility `S` per alternative.
    pub s: Vec<f64>,
    /// Individual regret `R` per alternative.
    pub r: Vec<f64>,
    /// Compromise index `Q` per alternative (same as `result.preferences`).
    pub q: Vec<f64>,
    /// Condition C1 (acceptable advantage).
    pub acceptable_advantage: bool,
    /// Condition C2 (acceptable stability in decision making).
    pub acceptable_stability: bool,
    /// Indices of the compromise solutions, best `Q` first.
    pub compromise_set: Vec<usize>,
}

/// Runs VIKOR with strategy weight `v` in `[0, 1]`.
///
/// # Errors
/// Weight and type validation errors, [`McdaError::InvalidParameter`] for `v` outside
/// `[0, 1]`, [`McdaError::ConstantCriterion`].
///
/// # Example
/// ```
/// use placement_mcda::{methods::vikor::vikor, CriterionType::*, DecisionMatrix};
/// // Opricovic & Tzeng (2004), Table 1: Q = 1, 0, 1
/// let m = DecisionMatrix::new(vec![vec![1.0, 3000.0], vec![2.0, 3750.0], vec![5.0, 4500.0]])?;
/// let r = vikor(&m, &[0.5, 0.5], &[Cost, Benefit], 0.5)?;
/// assert_eq!(r.q, vec![1.0, 0.0, 1.0]);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn vikor(
    matrix: &DecisionMatrix,
    weights: &[f64],
    types: &[CriterionType],
    v: f64,
) -> Result<VikorResult> {
    let w = prepare(matrix, weights, types)?;
    if !(0.0..=1.0).contains(&v) {
        return Err(McdaError::InvalidParameter {
            name: "v",
            value: v,
            expected: "a number in [0, 1]",
        });
    }
    let n = matrix.columns();
    let mut best = Vec::with_capacity(n);
    let mut worst = Vec::with_capacity(n);
    let mut issues = Vec::new();
    // Columns whose range overflows (values near ±f64::MAX) are divided by max |x| first;
    // `(f* − f)/(f* − f⁻)` does not change.
    let mut columns = Vec::with_capacity(n);
    for (j, t) in types.iter().enumerate() {
        let mut c = matrix.column(j);
        let mut max = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut min = c.iter().copied().fold(f64::INFINITY, f64::min);
        if !(max - min).is_finite() {
            let s = crate::matrix::max_abs(&c);
            c.iter_mut().for_each(|v| *v /= s);
            (max, min) = (max / s, min / s);
        }
        columns.push(c);
        if !(max > min) {
            issues.push(McdaError::ConstantCriterion {
                method: "VIKOR",
                column: j,
            });
        }
        match t {
            CriterionType::Benefit => {
                best.push(max);
                worst.push(min);
            }
            CriterionType::Cost => {
                best.push(min);
                worst.push(max);
            }
        }
    }
    // A single alternative makes every column constant; VIKOR is then trivially solved.
    if matrix.rows() == 1 {
        return Ok(VikorResult {
            result: MethodResult::new(vec![0.0], Direction::LowerIsBetter),
            s: vec![0.0],
            r: vec![0.0],
            q: vec![0.0],
            acceptable_advantage: true,
            acceptable_stability: true,
            compromise_set: vec![0],
        });
    }
    McdaError::from_issues(issues)?;
    let mut s = Vec::with_capacity(matrix.rows());
    let mut r = Vec::with_capacity(matrix.rows());
    for i in 0..matrix.rows() {
        let (mut si, mut ri) = (0.0_f64, 0.0_f64);
        let row = columns.iter().map(|c| c.get(i).copied().unwrap_or(0.0));
        for (((x, b), wo), wj) in row.zip(&best).zip(&worst).zip(&w) {
            let term = wj * ((b - x) / (b - wo));
            si += term;
            ri = ri.max(term);
        }
        s.push(si);
        r.push(ri);
    }
    let scale = |x: &[f64]| -> Vec<f64> {
        let min = x.iter().copied().fold(f64::INFINITY, f64::min);
        let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        x.iter()
            .map(|v| {
                if max > min {
                    (v - min) / (max - min)
                } else {
                    0.0
                }
            })
            .collect()
    };
    let (ss, rs) = (scale(&s), scale(&r));
    let q: Vec<f64> = ss
        .iter()
        .zip(&rs)
        .map(|(a, b)| v * a + (1.0 - v) * b)
        .collect();
    let m = matrix.rows();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| {
        let qa = q.get(a).copied().unwrap_or(f64::INFINITY);
        let qb = q.get(b).copied().unwrap_or(f64::INFINITY);
        qa.total_cmp(&qb).then(a.cmp(&b))
    });
    let dq = 1.0 / (m as f64 - 1.0);
    let qv = |i: usize| q.get(i).copied().unwrap_or(f64::INFINITY);
    let (first, second) = (
        order.first().copied().unwrap_or(0),
        order.get(1).copied().unwrap_or(0),
    );
    let acceptable_advantage = qv(second) - qv(first) >= dq - 1e-12;
    let s_rank = rank(&s, Direction::LowerIsBetter);
    let r_rank = rank(&r, Direction::LowerIsBetter);
    let is_best = |ranks: &[f64]| ranks.get(first).is_some_and(|&x| x < 2.0);
    let acceptable_stability = is_best(&s_rank) || is_best(&r_rank);
    let compromise_set = if !acceptable_advantage {
        order
            .iter()
            .copied()
            .filter(|&i| qv(i) - qv(first) < dq - 1e-12)
            .collect()
    } else if !acceptable_stability {
        vec![first, second]
    } else {
        vec![first]
    };
    finite("VIKOR", "S", &s)?;
    finite("VIKOR", "Q", &q)?;
    Ok(VikorResult {
        result: MethodResult::new(q.clone(), Direction::LowerIsBetter),
        s,
        r,
        q,
        acceptable_advantage,
        acceptable_stability,
        compromise_set,
    })
}
