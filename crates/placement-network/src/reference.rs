//! The plain MIP, as the crate first solved it: `good_lp` over `microlp`'s branch and bound on
//! the full level formulation, without reductions, bound fixing or heuristics beyond the greedy
//! warm start. Kept as the reference [`crate::exact::solve_exact`] is tested against on
//! instances too large for [`crate::brute`]; slow when the budget binds (seconds on the
//! benchmark instance).
//!
//! Formulation (see `docs/network.md`): binary `x_{p,o}` per allowed option; for each country
//! `c` its distinct coverage levels `φ_1 > … > φ_L` and continuous `z_{c,k} ∈ [0,1]` meaning
//! "covered at level ≥ φ_k":
//!
//! ```text
//! max Σ_c Σ_k v_c (φ_k − φ_{k+1}) z_{c,k}
//! s.t. z_{c,k} ≤ Σ_{(p,o): φ_{p,o,c} ≥ φ_k} x_{p,o}      (coverage, telescoping levels)
//!      Σ_o x_{p,o} ≤ 1                                  (one option per post)
//!      Σ staff·x ≤ N, Σ police·x ≤ N_P, Σ kmar·x ≤ N_M, Σ cost·x ≤ B
//!      Σ_{p ∈ G} Σ_o x_{p,o} ≥ min_G                     (locks, region minima)
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

use good_lp::solvers::microlp::microlp;
use good_lp::{
    variable, Expression, ProblemVariables, ResolutionError, Solution, SolverModel, Variable,
    WithInitialSolution, WithTimeLimit,
};

use crate::constraints::Resolved;
use crate::error::{Conflict, NetworkError};
use crate::exact::{ExactOptions, ExactResult, ModelSize};
use crate::model::{Choice, Instance, Plan};

/// Solves the plain MIP to optimality (the reference solver).
///
/// # Errors
/// [`NetworkError::Infeasible`] (as [`Conflict::Joint`]) when the solver proves no plan exists
/// although no single pre-check failed; [`NetworkError::Solver`] on a solver failure.
pub fn solve_exact_plain(
    instance: &Instance,
    resolved: &Resolved,
    warm: Option<&Plan>,
    options: ExactOptions,
) -> Result<ExactResult, NetworkError> {
    let start = Instant::now();
    let mut vars = ProblemVariables::new();
    // Option variables, in (post, option) order.
    let mut x: Vec<(Choice, Variable)> = Vec::new();
    for (p, post) in instance.posts.iter().enumerate() {
        for o in 0..post.options.len() {
            if resolved.is_allowed(p, o) {
                x.push(((p, o), vars.add(variable().binary())));
            }
        }
    }
    // Coverage levels per country: factor (as bits of a rounded value) → covering options.
    let mut levels: Vec<BTreeMap<u64, Vec<Variable>>> =
        vec![BTreeMap::new(); instance.countries.len()];
    for &((p, o), var) in &x {
        for cv in &instance.posts[p].options[o].covers {
            let key = (cv.factor * 1e9).round() as u64;
            if instance.countries[cv.country].value > 0.0 && key > 0 {
                levels[cv.country].entry(key).or_default().push(var);
            }
        }
    }
    let mut objective = Expression::from(0.0);
    let mut coverage: Vec<(Variable, Vec<Variable>)> = Vec::new();
    for (c, lv) in levels.iter().enumerate() {
        let v = instance.countries[c].value;
        let keys: Vec<u64> = lv.keys().rev().copied().collect(); // descending
        let mut cumulative: Vec<Variable> = Vec::new();
        for (k, key) in keys.iter().enumerate() {
            cumulative.extend(lv[key].iter().copied());
            let next = keys.get(k + 1).copied().unwrap_or(0);
            let step = (*key - next) as f64 / 1e9;
            let z = vars.add(variable().min(0.0).max(1.0));
            objective += v * step * z;
            coverage.push((z, cumulative.clone()));
        }
    }
    let size = ModelSize {
        binaries: x.len(),
        levels: coverage.len(),
        ..ModelSize::default()
    };
    let mut model = vars.maximise(objective.clone()).using(microlp);
    if let Some(limit) = options.time_limit {
        model = model.with_time_limit(limit);
    }
    if let (true, Some(plan)) = (options.warm_start, warm) {
        model = model.with_initial_solution(warm_values(&x, &coverage, plan));
    }
    let mut n = 0usize;
    for (z, covering) in &coverage {
        let sum: Expression = covering.iter().copied().sum();
        model.add_constraint(Expression::from(*z).leq(sum));
        n += 1;
    }
    let mut per_post: BTreeMap<usize, Expression> = BTreeMap::new();
    let (mut staff, mut police, mut kmar, mut cost) = (
        Expression::from(0.0),
        Expression::from(0.0),
        Expression::from(0.0),
        Expression::from(0.0),
    );
    for &((p, o), var) in &x {
        let opt = &instance.posts[p].options[o];
        *per_post.entry(p).or_default() += var;
        staff += f64::from(opt.staffing.total()) * var;
        police += f64::from(opt.staffing.police) * var;
        kmar += f64::from(opt.staffing.marechaussee) * var;
        cost += opt.cost * var;
    }
    for e in per_post.values() {
        model.add_constraint(e.clone().leq(1.0));
        n += 1;
    }
    model.add_constraint(staff.leq(f64::from(resolved.capacity)));
    model.add_constraint(police.leq(f64::from(resolved.police)));
    model.add_constraint(kmar.leq(f64::from(resolved.marechaussee)));
    n += 3;
    if resolved.budget.is_finite() {
        model.add_constraint(cost.leq(resolved.budget));
        n += 1;
    }
    for g in resolved.locks.iter().chain(&resolved.regions) {
        let sum: Expression = g
            .posts
            .iter()
            .filter_map(|p| per_post.get(p).cloned())
            .sum();
        model.add_constraint(sum.geq(f64::from(g.min)));
        n += 1;
    }
    let solution = match model.solve() {
        Ok(s) => s,
        Err(ResolutionError::Infeasible) => {
            return Err(NetworkError::Infeasible {
                conflicts: vec![Conflict::Joint {
                    active: resolved.active(),
                }],
            })
        }
        Err(e) => {
            return Err(NetworkError::Solver {
                message: e.to_string(),
            })
        }
    };
    let choices: Vec<Choice> = x
        .iter()
        .filter(|(_, var)| solution.value(*var) > 0.5)
        .map(|(c, _)| *c)
        .collect();
    let plan = instance.plan(&choices);
    if !resolved.is_feasible(instance, &plan.choices) {
        return Err(NetworkError::Solver {
            message: "the solver returned a plan that violates the constraints".to_string(),
        });
    }
    Ok(ExactResult {
        bound: plan.value,
        time_limit_hit: false,
        plan,
        size: ModelSize {
            constraints: n,
            ..size
        },
        millis: start.elapsed().as_secs_f64() * 1e3,
    })
}

/// Values of every variable for the warm start: the plan's options and the coverage levels
/// they reach.
fn warm_values(
    x: &[(Choice, Variable)],
    coverage: &[(Variable, Vec<Variable>)],
    plan: &Plan,
) -> Vec<(Variable, f64)> {
    let chosen: Vec<Variable> = x
        .iter()
        .filter(|(c, _)| plan.choices.contains(c))
        .map(|(_, v)| *v)
        .collect();
    let mut out: Vec<(Variable, f64)> = x
        .iter()
        .map(|(_, v)| (*v, if chosen.contains(v) { 1.0 } else { 0.0 }))
        .collect();
    for (z, covering) in coverage {
        let on = covering.iter().any(|v| chosen.contains(v));
        out.push((*z, if on { 1.0 } else { 0.0 }));
    }
    out
}
