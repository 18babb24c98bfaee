//! The linear programs: one model builder, four goals. Every LP has the weights of each group
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
pub(crate) enum Goal {
    /// The largest margin ε with every active decision's expression ≥ ε.
    MaxMargin,
    /// The smallest total shortfall below `margin` over all decisions (active ignored).
    MinSlack,
    /// The extreme of one variable with every active decision ≥ `margin`.
    Extreme(Var, bool),
    /// The extreme of one decision's expression with every active decision ≥ `margin`.
    ExtremeOf(usize, bool),
}

/// An LP's optimum.
#[derive(Debug, Clone)]
pub(crate) struct Optimum {
    pub weights: Vec<f64>,
    pub thresholds: Vec<f64>,
    pub objective: f64,
    /// Per decision: shortfall (MinSlack only; zeros otherwise).
    pub slacks: Vec<f64>,
}

/// The decision's expression: positive when it is reproduced with room to spare, in points.
fn expression(
    p: &Problem,
    d: usize,
    w: &[good_lp::Variable],
    t: &[good_lp::Variable],
) -> Expression {
    let score = |alt: usize, group: usize, factor: f64| -> Expression {
        let mut e = Expression::from(0.0);
        for &j in &p.groups[group].criteria {
            e += (100.0 * factor * p.values[alt][j]) * w[j];
        }
        e
    };
    match p.decisions[d].statement {
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
        } => Expression::from(t[threshold]) - score(alternative, group, factor),
    }
}

/// Solves one LP. `Ok(None)` when the constraints admit no solution.
pub(crate) fn solve(
    p: &Problem,
    active: &[bool],
    goal: Goal,
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
    let objective: Expression = match goal {
        Goal::MaxMargin => eps.map_or_else(|| Expression::from(0.0), Expression::from),
        Goal::MinSlack => slacks.iter().fold(Expression::from(0.0), |e, s| e - *s),
        Goal::Extreme(Var::Weight(j), max) => sign(max) * w[j],
        Goal::Extreme(Var::Threshold(k), max) => sign(max) * t[k],
        Goal::ExtremeOf(d, max) => sign(max) * expression(p, d, &w, &t),
    };
    let mut model = vars.maximise(objective.clone()).using(microlp);
    for g in &p.groups {
        let sum: Expression = g.criteria.iter().map(|&j| w[j]).sum();
        model = model.with(sum.eq(1.0));
    }
    for &(a, b) in &p.threshold_order {
        model = model.with((t[a] - t[b]).geq(0.0));
    }
    for d in 0..p.decisions.len() {
        let e = expression(p, d, &w, &t);
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
                Goal::ExtremeOf(d, _) => s.eval(expression(p, d, &w, &t)),
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

fn sign(max: bool) -> f64 {
    if max {
        1.0
    } else {
        -1.0
    }
}
