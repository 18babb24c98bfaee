//! The linear programs: one model builder, six goals. Every LP has the weights of each group
//! on the simplex (non-negative, summing to 1) and the thresholds within their bounds.

use good_lp::solvers::microlp::microlp;
use good_lp::{variable, Expression, ProblemVariables, ResolutionError, Solution, SolverModel};

use crate::error::CalibrateError;
use crate::problem::{Problem, Statement};

/// A variable of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Var {
    /// A criterion weight.
    Weight(usize),
    /// A threshold.
    Threshold(usize),
}

/// What an LP optimises.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Goal<'a> {
    /// The largest margin ε with every active decision's expression ≥ ε.
    MaxMargin,
    /// The smallest total shortfall below `margin` over all decisions (active ignored).
    MinSlack,
    /// The extreme of one variable with every active decision ≥ `margin`.
    Extreme(Var, bool),
    /// The extreme of one decision's expression with every active decision ≥ `margin`.
    ExtremeOf(usize, bool),
    /// A step of the lexicographic minimax balancing: the smallest deviation `u` from the
    /// balanced weighting, with every active decision ≥ `floor` (the optimal margin, less the
    /// tolerance) and weight `j`'s deviation at most `fixed[j]` where that is set. The
    /// deviation of every other weight is at most `u`, or with `probe = Some((k, level))`
    /// only weight k's is at most `u` and the others' at most `level`.
    Balance {
        /// Lower bound of every active decision's expression.
        floor: f64,
        /// Deviation bounds fixed by earlier steps.
        fixed: &'a [Option<f64>],
        /// One weight to minimise alone, the others held at a level.
        probe: Option<(usize, f64)>,
    },
}

/// Tolerance on weights in the balancing steps (a bound found by one step is kept by the next
/// within this much).
pub(crate) const WEIGHT_TOL: f64 = 1e-9;

/// An LP's optimum.
#[derive(Debug, Clone)]
pub(crate) struct Optimum {
    pub weights: Vec<f64>,
    pub thresholds: Vec<f64>,
    pub objective: f64,
    /// Per decision: shortfall (MinSlack only; zeros otherwise).
    pub slacks: Vec<f64>,
}

/// A decision's expression as one linear form in the weights and thresholds, in points
/// (positive: reproduced with room to spare). The LPs and [`crate::margin_of`] both read it,
/// so the model and the check of its solutions cannot disagree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Form {
    /// `(criterion, coefficient)`: the term `coefficient × w_criterion`.
    pub weights: Vec<(usize, f64)>,
    /// `(threshold, ±1)`: the term `± t_threshold`, when the decision has a threshold.
    pub threshold: Option<(usize, f64)>,
}

impl Form {
    /// The form of decision `d` of `p`.
    pub(crate) fn of(p: &Problem, d: usize) -> Form {
        let score = |alt: usize, group: usize, factor: f64, sign: f64| {
            p.groups[group]
                .criteria
                .iter()
                .map(move |&j| (j, sign * 100.0 * factor * p.values[alt][j]))
        };
        match p.decisions[d].statement {
            Statement::Before { a, b, group } => Form {
                weights: score(a, group, 1.0, 1.0)
                    .zip(score(b, group, 1.0, -1.0))
                    .map(|((j, x), (_, y))| (j, x + y))
                    .collect(),
                threshold: None,
            },
            Statement::AtLeast {
                alternative,
                group,
                threshold,
                factor,
            } => Form {
                weights: score(alternative, group, factor, 1.0).collect(),
                threshold: Some((threshold, -1.0)),
            },
            Statement::Below {
                alternative,
                group,
                threshold,
                factor,
            } => Form {
                weights: score(alternative, group, factor, -1.0).collect(),
                threshold: Some((threshold, 1.0)),
            },
        }
    }

    /// Its value over the weights `w` and thresholds `t`: at numbers (`f64`: the check of a
    /// solution, [`crate::margin_of`]) or as an LP expression over the model's variables
    /// (`good_lp::Variable` → `Expression`). One definition for both kinds of arithmetic, so
    /// the model and the check of its solutions cannot state a decision differently.
    pub(crate) fn value<V, E>(&self, w: &[V], t: &[V]) -> E
    where
        V: Copy,
        f64: std::ops::Mul<V, Output = E>,
        E: std::ops::Add<Output = E> + From<f64>,
    {
        let mut e = E::from(0.0);
        for &(j, c) in &self.weights {
            e = e + c * w[j];
        }
        if let Some((k, sign)) = self.threshold {
            e = e + sign * t[k];
        }
        e
    }
}

/// Solves one LP over the decisions' `forms` (one per decision, [`Form::of`]). `Ok(None)` when
/// the constraints admit no solution.
pub(crate) fn solve(
    p: &Problem,
    forms: &[Form],
    active: &[bool],
    goal: Goal<'_>,
    margin: f64,
) -> Result<Option<Optimum>, CalibrateError> {
    let mut vars = ProblemVariables::new();
    let w: Vec<_> = (0..p.criteria.len())
        .map(|_| vars.add(variable().min(0.0).max(1.0)))
        .collect();
    let t: Vec<_> = p
        .thresholds
        .iter()
        .map(|th| vars.add(variable().min(th.min).max(th.max)))
        .collect();
    let eps = matches!(goal, Goal::MaxMargin).then(|| vars.add(variable().min(-100.0).max(100.0)));
    let slacks: Vec<_> = if matches!(goal, Goal::MinSlack) {
        (0..p.decisions.len())
            .map(|_| vars.add(variable().min(0.0).max(400.0)))
            .collect()
    } else {
        Vec::new()
    };
    // The deviation bound of the balancing steps.
    let reference = balanced(p);
    let dev = matches!(goal, Goal::Balance { .. }).then(|| vars.add(variable().min(0.0).max(1.0)));
    let objective: Expression = match goal {
        Goal::MaxMargin => eps.map_or_else(|| Expression::from(0.0), Expression::from),
        Goal::MinSlack => slacks.iter().fold(Expression::from(0.0), |e, s| e - *s),
        Goal::Extreme(Var::Weight(j), max) => sign(max) * w[j],
        Goal::Extreme(Var::Threshold(k), max) => sign(max) * t[k],
        Goal::ExtremeOf(d, max) => sign(max) * forms[d].value::<_, Expression>(&w, &t),
        Goal::Balance { .. } => dev.map_or_else(|| Expression::from(0.0), |u| -u),
    };
    let mut model = vars.maximise(objective.clone()).using(microlp);
    for g in &p.groups {
        let sum: Expression = g.criteria.iter().map(|&j| w[j]).sum();
        model = model.with(sum.eq(1.0));
    }
    for &(a, b) in &p.threshold_order {
        model = model.with((t[a] - t[b]).geq(0.0));
    }
    if let (Goal::Balance { fixed, probe, .. }, Some(u)) = (goal, dev) {
        for (j, &r) in reference.iter().enumerate() {
            let bound = match (fixed.get(j).copied().flatten(), probe) {
                (Some(b), _) => Expression::from(b + WEIGHT_TOL),
                (None, Some((k, level))) if k != j => Expression::from(level + WEIGHT_TOL),
                (None, _) => Expression::from(u),
            };
            model = model.with((w[j] - r).leq(bound.clone()));
            model = model.with((r - w[j]).leq(bound));
        }
    }
    for (d, form) in forms.iter().enumerate() {
        let e: Expression = form.value(&w, &t);
        match goal {
            Goal::MaxMargin if active[d] => {
                if let Some(eps) = eps {
                    model = model.with((e - eps).geq(0.0));
                }
            }
            Goal::MinSlack => model = model.with((e + slacks[d]).geq(margin)),
            Goal::Extreme(..) | Goal::ExtremeOf(..) if active[d] => {
                model = model.with(e.geq(margin));
            }
            Goal::Balance { floor, .. } if active[d] => {
                model = model.with(e.geq(floor));
            }
            _ => {}
        }
    }
    match model.solve() {
        Ok(s) => Ok(Some(Optimum {
            weights: w.iter().map(|v| s.value(*v)).collect(),
            thresholds: t.iter().map(|v| s.value(*v)).collect(),
            objective: match goal {
                Goal::MaxMargin => eps.map_or(0.0, |e| s.value(e)),
                Goal::MinSlack => slacks.iter().map(|v| s.value(*v)).sum(),
                Goal::Extreme(Var::Weight(j), _) => s.value(w[j]),
                Goal::Extreme(Var::Threshold(k), _) => s.value(t[k]),
                Goal::ExtremeOf(d, _) => s.eval(forms[d].value::<_, Expression>(&w, &t)),
                Goal::Balance { .. } => dev.map_or(0.0, |u| s.value(u)),
            },
            slacks: if slacks.is_empty() {
                vec![0.0; p.decisions.len()]
            } else {
                slacks.iter().map(|v| s.value(*v)).collect()
            },
        })),
        Err(ResolutionError::Infeasible) => Ok(None),
        Err(e) => Err(CalibrateError::Solver(e.to_string())),
    }
}

/// The balanced weighting: equal weights within each group (`1 / |group|`).
pub(crate) fn balanced(p: &Problem) -> Vec<f64> {
    let mut r = vec![0.0; p.criteria.len()];
    for g in &p.groups {
        for &j in &g.criteria {
            r[j] = 1.0 / g.criteria.len() as f64;
        }
    }
    r
}

fn sign(max: bool) -> f64 {
    if max {
        1.0
    } else {
        -1.0
    }
}
