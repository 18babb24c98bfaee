//! The calibration: best fit, central weighting, intervals, verdicts and a minimal conflict.

use serde::Serialize;

use crate::error::CalibrateError;
use crate::lp::{solve, Goal, Var};
use crate::problem::Problem;

/// Numerical tolerance of the LP verdicts, in points.
const TOL: f64 = 1e-7;

/// Settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Options {
    /// A decision counts as reproduced when its expression is at least this many points
    /// (score above threshold, or A above B). 0.01: the precision scores are printed at.
    pub margin: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { margin: 0.01 }
    }
}

/// How a decision relates to the consistent weightings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every weighting consistent with the other reproducible decisions reproduces it.
    Necessary,
    /// Some consistent weightings reproduce it, others do not.
    Possible,
    /// No weighting consistent with the other reproducible decisions reproduces it.
    Impossible,
}

/// One decision's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionResult {
    /// Its label.
    pub label: String,
    /// Its Dutch label, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_nl: Option<String>,
    /// Where it is documented.
    pub source: String,
    /// Kept in the reproducible set (the best fit reproduces it).
    pub reproducible: bool,
    /// Shortfall of the best fit below the margin, in points (0 when reproduced).
    pub shortfall: f64,
    /// Against the other reproducible decisions.
    pub verdict: Verdict,
    /// Its expression under the central weighting, in points (positive: reproduced).
    pub central_margin: f64,
}

/// A weight or threshold: central value and feasible interval over the reproducible set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    /// Criterion or threshold name.
    pub name: String,
    /// Group of a weight (`need`, …); empty for thresholds.
    pub group: String,
    /// The value now (rulebook), if known.
    pub current: Option<f64>,
    /// The central (maximum-margin) value.
    pub central: f64,
    /// Smallest value of any weighting that reproduces every reproducible decision.
    pub min: f64,
    /// Largest such value.
    pub max: f64,
}

/// The result of a calibration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// The problem's title.
    pub title: String,
    /// Its Dutch title, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_nl: Option<String>,
    /// The margin used.
    pub options: Options,
    /// Number of decisions.
    pub decisions_total: usize,
    /// Number in the reproducible set.
    pub decisions_reproducible: usize,
    /// The largest margin with which the reproducible set is reproduced, in points.
    pub central_margin: f64,
    /// Weights, by group then criterion.
    pub weights: Vec<Interval>,
    /// Thresholds.
    pub thresholds: Vec<Interval>,
    /// Per decision.
    pub decisions: Vec<DecisionResult>,
    /// A minimal set of decisions no weighting reproduces together (an irreducible infeasible
    /// subset), by label; empty when all are reproducible.
    pub conflict: Vec<String>,
}

/// Calibrates `problem`.
///
/// 1. **Best fit**: the weighting that minimises the total shortfall of all decisions below the
///    margin (an L1 fit); the decisions it reproduces form the *reproducible set*.
/// 2. **Central weighting**: the weighting that reproduces the reproducible set with the largest
///    margin (maximum-margin, as in UTA's ε).
/// 3. **Intervals**: each weight's and threshold's least and greatest value over all weightings
///    that reproduce the reproducible set.
/// 4. **Verdicts**: for each decision, the least and greatest value of its expression over the
///    weightings that reproduce the *other* reproducible decisions: necessary, possible or
///    impossible (UTA-GMS's necessary and possible relations).
/// 5. **Conflict**: when not every decision is reproducible, a deletion filter over all
///    decisions (in order) leaves a minimal set that no weighting reproduces together.
///
/// # Errors
/// [`CalibrateError::Invalid`] for a malformed problem; [`CalibrateError::Solver`] if the LP
/// solver fails.
pub fn calibrate(problem: &Problem, options: Options) -> Result<Calibration, CalibrateError> {
    problem.validate()?;
    let n = problem.decisions.len();
    let delta = options.margin;
    let all = vec![true; n];
    let fit = solve(problem, &all, Goal::MinSlack, delta)?
        .ok_or_else(|| CalibrateError::Solver("the best-fit LP has no solution".into()))?;
    let reproducible: Vec<bool> = fit.slacks.iter().map(|s| *s <= TOL).collect();
    let central = solve(problem, &reproducible, Goal::MaxMargin, delta)?
        .ok_or_else(|| CalibrateError::Solver("the maximum-margin LP has no solution".into()))?;
    let range = |var: Var| -> Result<(f64, f64), CalibrateError> {
        let lo = solve(problem, &reproducible, Goal::Extreme(var, false), delta)?;
        let hi = solve(problem, &reproducible, Goal::Extreme(var, true), delta)?;
        match (lo, hi) {
            (Some(lo), Some(hi)) => Ok((lo.objective, hi.objective)),
            _ => Err(CalibrateError::Solver(
                "an interval LP has no solution although the best fit has one".into(),
            )),
        }
    };
    let mut weights = Vec::new();
    for g in &problem.groups {
        for &j in &g.criteria {
            let (min, max) = range(Var::Weight(j))?;
            weights.push(Interval {
                name: problem.criteria[j].clone(),
                group: g.name.clone(),
                current: problem
                    .current_weights
                    .as_ref()
                    .and_then(|c| c.get(j).copied()),
                central: central.weights[j],
                min,
                max,
            });
        }
    }
    let mut thresholds = Vec::new();
    for (k, t) in problem.thresholds.iter().enumerate() {
        let (min, max) = range(Var::Threshold(k))?;
        thresholds.push(Interval {
            name: t.name.clone(),
            group: String::new(),
            current: t.current,
            central: central.thresholds[k],
            min,
            max,
        });
    }
    let central_margin = central.objective;
    let mut decisions = Vec::with_capacity(n);
    for d in 0..n {
        let mut others = reproducible.clone();
        others[d] = false;
        let lo = solve(problem, &others, Goal::ExtremeOf(d, false), delta)?;
        let hi = solve(problem, &others, Goal::ExtremeOf(d, true), delta)?;
        let verdict = match (lo, hi) {
            (Some(lo), _) if lo.objective >= delta - TOL => Verdict::Necessary,
            (_, Some(hi)) if hi.objective >= delta - TOL => Verdict::Possible,
            _ => Verdict::Impossible,
        };
        decisions.push(DecisionResult {
            label: problem.decisions[d].label.clone(),
            label_nl: problem.decisions[d].label_nl.clone(),
            source: problem.decisions[d].source.clone(),
            reproducible: reproducible[d],
            shortfall: fit.slacks[d].max(0.0),
            verdict,
            central_margin: margin_of(problem, d, &central.weights, &central.thresholds),
        });
    }
    let conflict = if reproducible.iter().all(|r| *r) {
        Vec::new()
    } else {
        deletion_filter(problem, delta)?
    };
    Ok(Calibration {
        title: problem.title.clone(),
        title_nl: problem.title_nl.clone(),
        options,
        decisions_total: n,
        decisions_reproducible: reproducible.iter().filter(|r| **r).count(),
        central_margin,
        weights,
        thresholds,
        decisions,
        conflict,
    })
}

/// Whether the decisions in `set` can all be reproduced with the margin.
fn feasible(problem: &Problem, set: &[bool], delta: f64) -> Result<bool, CalibrateError> {
    Ok(solve(problem, set, Goal::MaxMargin, delta)?.is_some_and(|o| o.objective >= delta - TOL))
}

/// A minimal infeasible subset: drop each decision in turn if the rest stays infeasible.
fn deletion_filter(problem: &Problem, delta: f64) -> Result<Vec<String>, CalibrateError> {
    let mut set = vec![true; problem.decisions.len()];
    for d in 0..set.len() {
        set[d] = false;
        if feasible(problem, &set, delta)? {
            set[d] = true;
        }
    }
    Ok(set
        .iter()
        .enumerate()
        .filter(|(_, keep)| **keep)
        .map(|(d, _)| problem.decisions[d].label.clone())
        .collect())
}

/// A decision's expression at given weights and thresholds, in points.
pub fn margin_of(problem: &Problem, d: usize, w: &[f64], t: &[f64]) -> f64 {
    use crate::problem::Statement;
    let score = |alt: usize, group: usize, factor: f64| -> f64 {
        problem.groups[group]
            .criteria
            .iter()
            .map(|&j| 100.0 * factor * problem.values[alt][j] * w[j])
            .sum()
    };
    match problem.decisions[d].statement {
        Statement::Before { a, b, group } => score(a, group, 1.0) - score(b, group, 1.0),
        Statement::AtLeast {
            alternative,
            group,
            threshold,
            factor,
        } => score(alternative, group, factor) - t[threshold],
        Statement::Below {
            alternative,
            group,
            threshold,
            factor,
        } => t[threshold] - score(alternative, group, factor),
    }
}
