//! The calibration: best fit, central weighting, intervals, verdicts and a minimal conflict.

use serde::Serialize;

use crate::error::CalibrateError;
use crate::lp::{solve, Form, Goal, Var, WEIGHT_TOL};
use crate::problem::Problem;

/// Numerical tolerance of the LP verdicts, in points.
const TOL: f64 = 1e-7;

/// Settings.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
/// 2. **Central weighting**: of the weightings that reproduce the reproducible set with the
///    largest margin (maximum-margin, as in UTA's ε), the most balanced one: the lexicographic
///    minimax of the weights' deviations from equal weights within their group (see
///    `most_balanced`). The maximum-margin optimum alone is often a vertex that puts a side's
///    weight on one or two criteria; this point is unique and keeps every criterion the
///    decisions do not rule out.
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
    let forms: Vec<Form> = (0..n).map(|d| Form::of(problem, d)).collect();
    let all = vec![true; n];
    let fit = solve(problem, &forms, &all, Goal::MinSlack, delta)?
        .ok_or_else(|| CalibrateError::Solver("the best-fit LP has no solution".into()))?;
    let reproducible: Vec<bool> = fit.slacks.iter().map(|s| *s <= TOL).collect();
    let widest = solve(problem, &forms, &reproducible, Goal::MaxMargin, delta)?
        .ok_or_else(|| CalibrateError::Solver("the maximum-margin LP has no solution".into()))?;
    let central_margin = widest.objective;
    let central = most_balanced(problem, &forms, &reproducible, central_margin - TOL)?;
    let range = |var: Var| -> Result<(f64, f64), CalibrateError> {
        let lo = solve(
            problem,
            &forms,
            &reproducible,
            Goal::Extreme(var, false),
            delta,
        )?;
        let hi = solve(
            problem,
            &forms,
            &reproducible,
            Goal::Extreme(var, true),
            delta,
        )?;
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
    let mut decisions = Vec::with_capacity(n);
    for d in 0..n {
        let mut others = reproducible.clone();
        others[d] = false;
        let lo = solve(problem, &forms, &others, Goal::ExtremeOf(d, false), delta)?;
        let hi = solve(problem, &forms, &others, Goal::ExtremeOf(d, true), delta)?;
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
            central_margin: forms[d].value(&central.weights, &central.thresholds),
        });
    }
    let conflict = if reproducible.iter().all(|r| *r) {
        Vec::new()
    } else {
        deletion_filter(problem, &forms, delta)?
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

/// The lexicographic minimax point (the most balanced weighting) of the weightings that keep
/// every active decision at least `floor`: first the smallest largest deviation `u` of any
/// weight from equal weights within its group; the weights that cannot deviate less than `u`
/// (each tried with one LP) keep that bound; the rest are balanced again, until every weight
/// has its bound. Unlike the maximum-margin vertex, this point does not depend on the order in
/// which the solver visits vertices.
fn most_balanced(
    problem: &Problem,
    forms: &[Form],
    active: &[bool],
    floor: f64,
) -> Result<crate::lp::Optimum, CalibrateError> {
    let none = || CalibrateError::Solver("a balancing LP has no solution".into());
    let m = problem.criteria.len();
    let mut fixed: Vec<Option<f64>> = vec![None; m];
    loop {
        let step = |probe| Goal::Balance {
            floor,
            fixed: &fixed,
            probe,
        };
        let best = solve(problem, forms, active, step(None), 0.0)?.ok_or_else(none)?;
        let u = best.objective;
        let mut saturated = Vec::new();
        for j in (0..m).filter(|&j| fixed[j].is_none()) {
            let alone = solve(problem, forms, active, step(Some((j, u))), 0.0)?.ok_or_else(none)?;
            if alone.objective >= u - WEIGHT_TOL {
                saturated.push(j);
            }
        }
        // At least one free weight is saturated at the optimum; if rounding hides it, fix all.
        let all_free = saturated.is_empty();
        for (j, f) in fixed.iter_mut().enumerate() {
            if f.is_none() && (all_free || saturated.contains(&j)) {
                *f = Some(u);
            }
        }
        if fixed.iter().all(Option::is_some) {
            return Ok(best);
        }
    }
}

/// Whether the decisions in `set` can all be reproduced with the margin.
fn feasible(
    problem: &Problem,
    forms: &[Form],
    set: &[bool],
    delta: f64,
) -> Result<bool, CalibrateError> {
    Ok(solve(problem, forms, set, Goal::MaxMargin, delta)?
        .is_some_and(|o| o.objective >= delta - TOL))
}

/// A minimal infeasible subset: drop each decision in turn if the rest stays infeasible.
fn deletion_filter(
    problem: &Problem,
    forms: &[Form],
    delta: f64,
) -> Result<Vec<String>, CalibrateError> {
    let mut set = vec![true; problem.decisions.len()];
    for d in 0..set.len() {
        set[d] = false;
        if feasible(problem, forms, &set, delta)? {
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

/// A decision's expression at given weights and thresholds, in points (positive: reproduced
/// with room to spare). The same linear form the LPs are built from.
///
/// # Panics
/// When `d`, a weight or a threshold index is out of range for `problem` (call
/// [`Problem::validate`] first; [`calibrate`] does).
pub fn margin_of(problem: &Problem, d: usize, w: &[f64], t: &[f64]) -> f64 {
    Form::of(problem, d).value(w, t)
}
