//! One-at-a-time weight sensitivity.
//!
//! For criterion `j`, its weight is moved to `t ∈ [0, 1]` and the other weights are rescaled
//! proportionally, `w_k(t) = w_k (1 − t)/(1 − w_j)`, so they keep summing to 1 (if
//! `w_j = 1` the others share `1 − t` equally). The result is the interval of `t`
//! containing the current `w_j` on which the best alternative (`k = 1`) or the set of the
//! `k` best alternatives does not change. Within a sample, ties are broken by the lower
//! alternative index; a change exactly at a boundary counts as inside.
//!
//! * [`wsm_intervals`] is exact: each score is linear in `t`,
//!   `s_i(t) = t a_i + (1 − t) b_i` with `a_i = r_ij` and `b_i = Σ_{k≠j} w_k r_ik/(1 − w_j)`,
//!   so each pair (member `p`, non-member `q`) of the top set bounds `t` by the crossing
//!   point `t = (b_q − b_p)/((a_p − b_p) − (a_q − b_q))`.
//! * [`bisection_intervals`] works for any method: it walks a grid of `steps` points from
//!   `w_j` towards 0 and towards 1 and bisects the first cell where the top set changes to
//!   `1e-10`. A change that reverts within one grid cell can be missed (documented limit).

use crate::error::{McdaError, Result};
use crate::matrix::{normalize_weights, DecisionMatrix};
use crate::rank::Direction;

/// The stability interval of one criterion's weight.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeightInterval {
    /// Criterion index.
    pub criterion: usize,
    /// Current (normalised) weight.
    pub current: f64,
    /// Smallest weight for which the top set is unchanged.
    pub lower: f64,
    /// Largest weight for which the top set is unchanged.
    pub upper: f64,
}

fn rescaled(w: &[f64], j: usize, t: f64) -> Vec<f64> {
    let wj = w.get(j).copied().unwrap_or(0.0);
    let n = w.len();
    w.iter()
        .enumerate()
        .map(|(k, &wk)| {
            if k == j {
                t
            } else if wj < 1.0 {
                wk * (1.0 - t) / (1.0 - wj)
            } else {
                (1.0 - t) / (n as f64 - 1.0).max(1.0)
            }
        })
        .collect()
}

/// Indices of the `k` best values (higher is better), ties to the lower index, sorted.
fn top_set(scores: &[f64], k: usize, direction: Direction) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| {
        let (x, y) = (
            scores.get(a).copied().unwrap_or(f64::NAN),
            scores.get(b).copied().unwrap_or(f64::NAN),
        );
        let o = match direction {
            Direction::HigherIsBetter => y.total_cmp(&x),
            Direction::LowerIsBetter => x.total_cmp(&y),
        };
        o.then(a.cmp(&b))
    });
    idx.truncate(k);
    idx.sort_unstable();
    idx
}

fn check_k(k: usize, m: usize) -> Result<()> {
    if k == 0 || k > m {
        return Err(McdaError::InvalidParameter {
            name: "k",
            value: k as f64,
            expected: "1 <= k <= number of alternatives",
        });
    }
    Ok(())
}

/// Exact stability intervals of every weight for the WSM top-`k` set, given the
/// normalised matrix `r` (higher is better) and weights.
///
/// # Errors
/// Weight validation errors; [`McdaError::InvalidParameter`] for `k` outside `1..=m`.
///
/// # Example
/// ```
/// use placement_mcda::{sensitivity::wsm_intervals, DecisionMatrix};
/// let r = DecisionMatrix::new(vec![vec![1.0, 0.0], vec![0.0, 1.0]])?;
/// let iv = wsm_intervals(&r, &[0.6, 0.4], 1)?;
/// // A1 stays first while its criterion keeps at least half the weight.
/// assert!((iv[0].lower - 0.5).abs() < 1e-12 && iv[0].upper == 1.0);
/// # Ok::<(), placement_mcda::McdaError>(())
/// ```
pub fn wsm_intervals(r: &DecisionMatrix, weights: &[f64], k: usize) -> Result<Vec<WeightInterval>> {
    let w = normalize_weights(weights, r.columns())?;
    check_k(k, r.rows())?;
    let scores = crate::methods::wsm::weighted_sums(r, &w);
    let top = top_set(&scores, k, Direction::HigherIsBetter);
    let rest: Vec<usize> = (0..r.rows()).filter(|i| !top.contains(i)).collect();
    let n = r.columns();
    Ok((0..n)
        .map(|j| {
            let wj = w.get(j).copied().unwrap_or(0.0);
            let ab: Vec<(f64, f64)> = r
                .iter_rows()
                .map(|row| {
                    let a = row.get(j).copied().unwrap_or(0.0);
                    let b = if wj < 1.0 {
                        row.iter()
                            .zip(&w)
                            .enumerate()
                            .filter(|(k, _)| *k != j)
                            .map(|(_, (x, wk))| x * wk)
                            .sum::<f64>()
                            / (1.0 - wj)
                    } else {
                        row.iter()
                            .enumerate()
                            .filter(|(k, _)| *k != j)
                            .map(|(_, x)| x)
                            .sum::<f64>()
                            / (n as f64 - 1.0).max(1.0)
                    };
                    (a, b)
                })
                .collect();
            let (mut lo, mut hi) = (0.0_f64, 1.0_f64);
            for &p in &top {
                for &q in &rest {
                    let (Some(&(ap, bp)), Some(&(aq, bq))) = (ab.get(p), ab.get(q)) else {
                        continue;
                    };
                    let c = (ap - bp) - (aq - bq);
                    let d = bp - bq;
                    if c > 0.0 {
                        lo = lo.max(-d / c);
                    } else if c < 0.0 {
                        hi = hi.min(d / -c);
                    }
                }
            }
            WeightInterval {
                criterion: j,
                current: wj,
                lower: lo.clamp(0.0, wj),
                upper: hi.clamp(wj, 1.0),
            }
        })
        .collect())
}

/// Stability intervals for any method, by grid search plus bisection.
///
/// `method(weights)` returns preference values in `direction` for normalised weights.
///
/// # Errors
/// Weight validation errors, [`McdaError::InvalidParameter`] for `k` or `steps == 0`,
/// and any error of `method`.
pub fn bisection_intervals<F>(
    weights: &[f64],
    k: usize,
    direction: Direction,
    steps: usize,
    method: F,
) -> Result<Vec<WeightInterval>>
where
    F: Fn(&[f64]) -> Result<Vec<f64>>,
{
    let w = normalize_weights(weights, weights.len())?;
    if steps == 0 {
        return Err(McdaError::InvalidParameter {
            name: "steps",
            value: 0.0,
            expected: ">= 1",
        });
    }
    let base = method(&w)?;
    check_k(k, base.len())?;
    let top = top_set(&base, k, direction);
    let same = |j: usize, t: f64| -> Result<bool> {
        Ok(top_set(&method(&rescaled(&w, j, t))?, k, direction) == top)
    };
    let mut out = Vec::with_capacity(w.len());
    for j in 0..w.len() {
        let wj = w.get(j).copied().unwrap_or(0.0);
        let mut bounds = [0.0, 1.0];
        for (side, target) in [(0usize, 0.0_f64), (1, 1.0)] {
            let mut inside = wj;
            let mut found = None;
            for s in 1..=steps {
                let t = wj + (target - wj) * s as f64 / steps as f64;
                if same(j, t)? {
                    inside = t;
                } else {
                    found = Some(t);
                    break;
                }
            }
            bounds[side] = match found {
                None => target,
                Some(mut outside) => {
                    while (outside - inside).abs() > 1e-10 {
                        let mid = 0.5 * (inside + outside);
                        if same(j, mid)? {
                            inside = mid;
                        } else {
                            outside = mid;
                        }
                    }
                    inside
                }
            };
        }
        out.push(WeightInterval {
            criterion: j,
            current: wj,
            lower: bounds[0],
            upper: bounds[1],
        });
    }
    Ok(out)
}
