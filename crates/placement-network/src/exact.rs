//! The exact optimum: a mixed-integer program, reduced before it is handed to the pure-Rust
//! `microlp` branch and bound.
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
//!
//! At integral `x`, `z_{c,k} = min(1, #options covering c at ≥ φ_k)`, so the objective is
//! `v_c × max φ`: each country counts once, at its best coverage.
//!
//! Reductions, each of which keeps the optimum (the argument is in `docs/network.md`):
//!
//! 1. **Levels reached by one post only.** When every option covering `c` at `≥ φ_k` belongs to
//!    the same post, `Σ x ≤ 1` already holds, so `z_{c,k} = Σ x` at the optimum: its weight goes
//!    onto those `x` and neither `z_{c,k}` nor its row is created. On the benchmark instance this
//!    removes almost half of the levels (every host country at full coverage).
//! 2. **Options without value** (covering no country with value) are dropped when no lock or
//!    region minimum could need them: removing one from any plan keeps its value and frees
//!    resources. Redundant rows (police ≤ N when N_P ≥ N, …) are not created.
//! 3. **Tightened resource rows.** The capacity row's right-hand side becomes the liaisons the
//!    budget can pay for at the cheapest cost per liaison, when that is fewer; the budget row's
//!    is rounded down to the greatest common divisor of the option costs (when they are whole
//!    euros). Both hold for every integral plan. With the fixture's uniform EUR 280,000 per
//!    liaison a budget becomes a number of liaisons and the root LP is integral again; before
//!    this, budgets between two multiples of the cost left a fractional LP whose gap the search
//!    could not close (issue 14: 17 of 165 grid points stopped at the 10 s limit).
//! 4. **An incumbent** before the search: the best of the greedy plan, the root LP rounded down
//!    and completed greedily, each improved by a local search (add, swap, drop-and-refill).
//! 5. **Bound fixing.** For every option integral in the root LP, the LP is re-solved with the
//!    option flipped (dual simplex, warm). If that bound is below the incumbent, no plan with
//!    the flipped value can beat the incumbent, so the option is fixed (out, or in). The
//!    incumbent itself always survives the fixing (its value would otherwise exceed the bound).
//!
//! Then `microlp` solves the reduced MIP, warm-started with the incumbent, to a zero gap; if the
//! root LP is already integral its solution is returned at once. Everything is deterministic.

use std::collections::BTreeMap;
use std::time::Instant;

use microlp::{
    ComparisonOp, Error as LpError, OptimizationDirection, Problem, SolveOptions, TerminationReason,
};

/// Node budget of the first search round (doubled while rounds keep improving the incumbent).
const FIRST_ROUND_NODES: u64 = 200;

use crate::constraints::Resolved;
use crate::error::{Conflict, NetworkError};
use crate::model::{Choice, Instance, Plan, Staffing};

/// Solver settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExactOptions {
    /// Seed the search with an incumbent (the greedy plan, the rounded root LP, each improved by
    /// local search) and fix options by the bound test against it. Off: the reduced MIP is solved
    /// from scratch (slower, same optimum).
    pub warm_start: bool,
    /// Wall-clock limit of one solve, seconds ([`DEFAULT_TIME_LIMIT_S`] by default); `None`
    /// searches until optimality is proven, however long that takes. A solve stopped by the
    /// limit returns the best plan found with [`ExactResult::time_limit_hit`] and its proven
    /// gap; only such a solve depends on the machine's speed.
    pub time_limit: Option<f64>,
}

/// The default time limit of one exact solve, seconds. Every solve of the shipped instance on
/// the measured grid (docs/network.md) proves optimality well within it.
pub const DEFAULT_TIME_LIMIT_S: f64 = 10.0;

impl Default for ExactOptions {
    fn default() -> Self {
        ExactOptions {
            warm_start: true,
            time_limit: Some(DEFAULT_TIME_LIMIT_S),
        }
    }
}

/// Size of the MIP, for reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ModelSize {
    /// Binary option variables (allowed options that can matter).
    pub binaries: usize,
    /// Continuous coverage-level variables.
    pub levels: usize,
    /// Constraints.
    pub constraints: usize,
    /// Options fixed (in or out) by the bound test against the incumbent before the search.
    pub fixed: usize,
    /// Branch-and-bound nodes solved (0: the root LP was integral, or the search was not run).
    pub nodes: u64,
}

/// The optimum found (or, when the time limit stopped the search, the best plan found).
#[derive(Debug, Clone, PartialEq)]
pub struct ExactResult {
    /// The optimal plan (the best found when [`ExactResult::time_limit_hit`]).
    pub plan: Plan,
    /// Whether the time limit stopped the search before optimality was proven.
    pub time_limit_hit: bool,
    /// A proven upper bound on the optimum's value (the root LP relaxation; equal to the
    /// plan's value, up to rounding, when optimality was proven).
    pub bound: f64,
    /// The model's size.
    pub size: ModelSize,
    /// Solve time, ms (not deterministic; not part of any comparison).
    pub millis: f64,
}

/// One allowed option of the compact model.
#[derive(Debug, Clone)]
struct Opt {
    choice: Choice,
    staffing: Staffing,
    cost: f64,
    /// `(country, factor, v_c)` of every covered country with value.
    covers: Vec<(usize, f64, f64)>,
}

/// The compact model: allowed options, aggregated coverage levels and the linear rows.
struct Model<'a> {
    resolved: &'a Resolved,
    opts: Vec<Opt>,
    /// Objective weight moved onto each option by reduction 1.
    direct: Vec<f64>,
    /// Levels needing a `z`: weight and the covering options.
    levels: Vec<(f64, Vec<usize>)>,
    /// Options per post (only posts with two or more options need a row).
    per_post: Vec<Vec<usize>>,
    /// Group rows: options in the group and the minimum.
    groups: Vec<(Vec<usize>, f64)>,
    countries: usize,
    /// Right-hand side of the capacity row, tightened by the budget (reduction 3).
    capacity: u32,
    /// Right-hand side of the budget row, rounded down to the costs' common unit (reduction 3);
    /// `None` when the budget is unlimited.
    budget: Option<f64>,
}

/// Tightened right-hand sides of the capacity and budget rows (reduction 3): the liaisons the
/// budget can pay for at the cheapest cost per liaison, and the budget rounded down to the
/// greatest common divisor of the option costs when they are whole euros. Both hold for every
/// integral plan, so the optimum is unchanged; the LP bound can only improve.
fn tightened(opts: &[Opt], resolved: &Resolved) -> (u32, Option<f64>) {
    let budget = resolved.budget;
    if !budget.is_finite() {
        return (resolved.capacity, None);
    }
    // The feasibility check allows 1e-6 EUR over the budget; so does the tightening.
    let slack = budget + 1e-6;
    let per_liaison = opts
        .iter()
        .filter(|o| o.staffing.total() > 0)
        .map(|o| o.cost / f64::from(o.staffing.total()))
        .fold(f64::INFINITY, f64::min);
    let capacity = if per_liaison.is_finite() && per_liaison > 0.0 {
        let affordable = (slack / per_liaison).floor();
        if affordable < f64::from(resolved.capacity) {
            affordable.max(0.0) as u32
        } else {
            resolved.capacity
        }
    } else {
        resolved.capacity
    };
    // Whole-euro costs below 2^53 are exact in f64, and so is their greatest common divisor.
    let whole = |c: f64| c >= 0.0 && c.fract() == 0.0 && c < 9.0e15;
    let unit = opts
        .iter()
        .map(|o| o.cost)
        .try_fold(0u64, |g, c| whole(c).then(|| gcd(g, c as u64)));
    let budget = match unit {
        Some(u) if u > 0 => (slack / u as f64).floor() * u as f64,
        _ => budget,
    };
    (capacity, Some(budget))
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

impl<'a> Model<'a> {
    fn new(instance: &Instance, resolved: &'a Resolved) -> Model<'a> {
        let has_groups = !resolved.locks.is_empty() || !resolved.regions.is_empty();
        let mut opts = Vec::new();
        for (p, post) in instance.posts.iter().enumerate() {
            for (o, option) in post.options.iter().enumerate() {
                if !resolved.is_allowed(p, o) {
                    continue;
                }
                let covers: Vec<(usize, f64, f64)> = option
                    .covers
                    .iter()
                    .filter_map(|cv| {
                        let v = instance.countries.get(cv.country)?.value;
                        (v > 0.0 && cv.factor > 0.0).then_some((cv.country, cv.factor, v))
                    })
                    .collect();
                if covers.is_empty() && !has_groups {
                    continue; // reduction 2
                }
                opts.push(Opt {
                    choice: (p, o),
                    staffing: option.staffing,
                    cost: option.cost,
                    covers,
                });
            }
        }
        // Coverage levels per country: factor (as bits of a rounded value) → covering options.
        let mut by_country: Vec<BTreeMap<u64, Vec<usize>>> =
            vec![BTreeMap::new(); instance.countries.len()];
        for (j, opt) in opts.iter().enumerate() {
            for &(c, f, _) in &opt.covers {
                let key = (f * 1e9).round() as u64;
                if key > 0 {
                    by_country[c].entry(key).or_default().push(j);
                }
            }
        }
        let mut direct = vec![0.0; opts.len()];
        let mut levels = Vec::new();
        for (c, lv) in by_country.iter().enumerate() {
            let v = instance.countries[c].value;
            let keys: Vec<u64> = lv.keys().rev().copied().collect(); // descending
            let mut cumulative: Vec<usize> = Vec::new();
            for (k, key) in keys.iter().enumerate() {
                cumulative.extend(lv[key].iter().copied());
                let next = keys.get(k + 1).copied().unwrap_or(0);
                let weight = v * (*key - next) as f64 / 1e9;
                let post = opts[cumulative[0]].choice.0;
                if cumulative.iter().all(|&j| opts[j].choice.0 == post) {
                    for &j in &cumulative {
                        direct[j] += weight; // reduction 1
                    }
                } else {
                    levels.push((weight, cumulative.clone()));
                }
            }
        }
        let mut posts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (j, opt) in opts.iter().enumerate() {
            posts.entry(opt.choice.0).or_default().push(j);
        }
        let groups = resolved
            .locks
            .iter()
            .chain(&resolved.regions)
            .map(|g| {
                let members: Vec<usize> = (0..opts.len())
                    .filter(|&j| g.posts.contains(&opts[j].choice.0))
                    .collect();
                (members, f64::from(g.min))
            })
            .collect();
        let (capacity, budget) = tightened(&opts, resolved);
        Model {
            resolved,
            capacity,
            budget,
            opts,
            direct,
            levels,
            per_post: posts.into_values().collect(),
            groups,
            countries: instance.countries.len(),
        }
    }

    /// The LP (`integer = false`) or MIP over the options, with `fixed[j]` = `Some(0 | 1)`.
    /// Returns the problem, the option variables (`None` for options fixed out) and the number
    /// of rows.
    fn problem(
        &self,
        integer: bool,
        fixed: &[Option<bool>],
    ) -> (Problem, Vec<Option<microlp::Variable>>, usize) {
        let mut pb = Problem::new(OptimizationDirection::Maximize);
        let x: Vec<Option<microlp::Variable>> = (0..self.opts.len())
            .map(|j| match fixed[j] {
                Some(false) => None,
                Some(true) => Some(pb.add_integer_var(self.direct[j], (1, 1))),
                None if integer => Some(pb.add_binary_var(self.direct[j])),
                None => Some(pb.add_var(self.direct[j], (0.0, 1.0))),
            })
            .collect();
        let mut rows = 0;
        for (weight, covering) in &self.levels {
            let live: Vec<microlp::Variable> = covering.iter().filter_map(|&j| x[j]).collect();
            if live.is_empty() {
                continue;
            }
            let z = pb.add_var(*weight, (0.0, 1.0));
            let mut row = vec![(z, 1.0)];
            row.extend(live.iter().map(|&v| (v, -1.0)));
            pb.add_constraint(row, ComparisonOp::Le, 0.0);
            rows += 1;
        }
        let terms = |f: &dyn Fn(&Opt) -> f64| -> Vec<(microlp::Variable, f64)> {
            self.opts
                .iter()
                .zip(&x)
                .filter_map(|(o, v)| v.map(|v| (v, f(o))))
                .filter(|(_, a)| *a != 0.0)
                .collect()
        };
        for members in &self.per_post {
            let live: Vec<(microlp::Variable, f64)> = members
                .iter()
                .filter_map(|&j| x[j])
                .map(|v| (v, 1.0))
                .collect();
            if live.len() > 1 {
                pb.add_constraint(live, ComparisonOp::Le, 1.0);
                rows += 1;
            }
        }
        let r = self.resolved;
        pb.add_constraint(
            terms(&|o| f64::from(o.staffing.total())),
            ComparisonOp::Le,
            f64::from(self.capacity),
        );
        rows += 1;
        if r.police < self.capacity {
            pb.add_constraint(
                terms(&|o| f64::from(o.staffing.police)),
                ComparisonOp::Le,
                f64::from(r.police),
            );
            rows += 1;
        }
        if r.marechaussee < self.capacity {
            pb.add_constraint(
                terms(&|o| f64::from(o.staffing.marechaussee)),
                ComparisonOp::Le,
                f64::from(r.marechaussee),
            );
            rows += 1;
        }
        if let Some(budget) = self.budget {
            pb.add_constraint(terms(&|o| o.cost), ComparisonOp::Le, budget);
            rows += 1;
        }
        for (members, min) in &self.groups {
            let live: Vec<(microlp::Variable, f64)> = members
                .iter()
                .filter_map(|&j| x[j])
                .map(|v| (v, 1.0))
                .collect();
            pb.add_constraint(live, ComparisonOp::Ge, *min);
            rows += 1;
        }
        (pb, x, rows)
    }

    /// Value of a selection (indices into `opts`), each country once at its best factor.
    fn value(&self, sel: &[usize], best: &mut Vec<f64>) -> f64 {
        best.clear();
        best.resize(self.countries, 0.0);
        let mut total = 0.0;
        for &j in sel {
            for &(c, f, v) in &self.opts[j].covers {
                if f > best[c] {
                    total += v * (f - best[c]);
                    best[c] = f;
                }
            }
        }
        total
    }

    /// Whether a selection fits every row (one option per post, capacity, budget, groups).
    fn feasible(&self, sel: &[usize]) -> bool {
        let mut s = Staffing {
            police: 0,
            marechaussee: 0,
        };
        let mut cost = 0.0;
        let mut posts: Vec<usize> = Vec::with_capacity(sel.len());
        for &j in sel {
            let o = &self.opts[j];
            s.police += o.staffing.police;
            s.marechaussee += o.staffing.marechaussee;
            cost += o.cost;
            posts.push(o.choice.0);
        }
        posts.sort_unstable();
        if posts.windows(2).any(|w| w[0] == w[1]) || !self.resolved.fits(s, cost) {
            return false;
        }
        self.groups
            .iter()
            .all(|(members, min)| sel.iter().filter(|j| members.contains(j)).count() as f64 >= *min)
    }

    /// Greedy completion: add the option with the largest gain per euro (gain per liaison
    /// without a budget) while one fits; ties by option order.
    fn complete(&self, sel: &mut Vec<usize>, banned: Option<usize>, best: &mut Vec<f64>) {
        loop {
            self.value(sel, best);
            let mut top: Option<(f64, usize)> = None;
            for j in 0..self.opts.len() {
                if Some(j) == banned || sel.contains(&j) {
                    continue;
                }
                let post = self.opts[j].choice.0;
                if sel.iter().any(|&i| self.opts[i].choice.0 == post) {
                    continue;
                }
                let gain: f64 = self.opts[j]
                    .covers
                    .iter()
                    .map(|&(c, f, v)| v * (f - best[c]).max(0.0))
                    .sum();
                if gain <= 1e-9 {
                    continue;
                }
                sel.push(j);
                let ok = self.feasible_resources(sel);
                sel.pop();
                if !ok {
                    continue;
                }
                let price = if self.resolved.budget.is_finite() {
                    self.opts[j].cost
                } else {
                    f64::from(self.opts[j].staffing.total())
                };
                let ratio = gain / price.max(1e-9);
                if top.is_none_or(|(r, _)| ratio > r) {
                    top = Some((ratio, j));
                }
            }
            match top {
                Some((_, j)) => sel.push(j),
                None => return,
            }
        }
    }

    /// Capacity and budget only (groups are checked on complete plans).
    fn feasible_resources(&self, sel: &[usize]) -> bool {
        let mut s = Staffing {
            police: 0,
            marechaussee: 0,
        };
        let mut cost = 0.0;
        for &j in sel {
            s.police += self.opts[j].staffing.police;
            s.marechaussee += self.opts[j].staffing.marechaussee;
            cost += self.opts[j].cost;
        }
        self.resolved.fits(s, cost)
    }

    /// Local search from a feasible selection: best improving move among add, swap (one out,
    /// one in) and drop-and-refill, until none improves. Deterministic.
    fn improve(&self, mut sel: Vec<usize>, best: &mut Vec<f64>) -> Vec<usize> {
        sel.sort_unstable();
        let mut current = self.value(&sel, best);
        loop {
            let mut top: Option<(f64, Vec<usize>)> = None;
            let consider =
                |cand: Vec<usize>, top: &mut Option<(f64, Vec<usize>)>, best: &mut Vec<f64>| {
                    let v = self.value(&cand, best);
                    if v > current + 1e-9
                        && top.as_ref().is_none_or(|(t, _)| v > *t + 1e-12)
                        && self.feasible(&cand)
                    {
                        *top = Some((v, cand));
                    }
                };
            // Drop one, refill greedily (the dropped option banned).
            for k in 0..sel.len() {
                let mut cand = sel.clone();
                let out = cand.remove(k);
                self.complete(&mut cand, Some(out), best);
                consider(cand, &mut top, best);
            }
            // Swap one chosen option for one other (possibly another option of the same post).
            for k in 0..sel.len() {
                for j in 0..self.opts.len() {
                    if sel.contains(&j) {
                        continue;
                    }
                    let mut cand = sel.clone();
                    cand[k] = j;
                    consider(cand, &mut top, best);
                }
            }
            match top {
                Some((_, mut cand)) => {
                    self.complete(&mut cand, None, best);
                    cand.sort_unstable();
                    current = self.value(&cand, best);
                    sel = cand;
                }
                None => return sel,
            }
        }
    }
}

/// Solves the MIP to optimality.
///
/// # Errors
/// [`NetworkError::Infeasible`] (as [`Conflict::Joint`]) when the solver proves no plan exists
/// although no single pre-check failed; [`NetworkError::Solver`] on a solver failure.
pub fn solve_exact(
    instance: &Instance,
    resolved: &Resolved,
    warm: Option<&Plan>,
    options: ExactOptions,
) -> Result<ExactResult, NetworkError> {
    let start = Instant::now();
    let model = Model::new(instance, resolved);
    let n = model.opts.len();
    let infeasible = || NetworkError::Infeasible {
        conflicts: vec![Conflict::Joint {
            active: resolved.active(),
        }],
    };
    let solver_error = |e: LpError| match e {
        LpError::Infeasible => infeasible(),
        e => NetworkError::Solver {
            message: e.to_string(),
        },
    };
    let mut size = ModelSize {
        binaries: n,
        ..ModelSize::default()
    };
    let mut time_limit_hit = false;
    let done = |choices: Vec<Choice>,
                size: ModelSize,
                bound: f64,
                time_limit_hit: bool|
     -> Result<ExactResult, NetworkError> {
        let plan = instance.plan(&choices);
        if !resolved.is_feasible(instance, &plan.choices) {
            return Err(NetworkError::Solver {
                message: "the solver returned a plan that violates the constraints".to_string(),
            });
        }
        Ok(ExactResult {
            bound: if time_limit_hit {
                bound.max(plan.value)
            } else {
                plan.value
            },
            plan,
            time_limit_hit,
            size,
            millis: start.elapsed().as_secs_f64() * 1e3,
        })
    };
    let free = vec![None; n];
    let (lp, x, rows) = model.problem(false, &free);
    size.levels = model.levels.len();
    size.constraints = rows;
    let root = lp.solve().map_err(solver_error)?;
    let Some(root) = root.solution() else {
        return Err(NetworkError::Solver {
            message: "the root relaxation was interrupted".to_string(),
        });
    };
    let bound = root.objective();
    let values: Vec<f64> = x
        .iter()
        .map(|v| v.map_or(0.0, |v| root.var_value_raw(v)))
        .collect();
    let integral = |a: f64| !(1e-6..=1.0 - 1e-6).contains(&a);
    if values.iter().all(|&a| integral(a)) {
        let sel: Vec<usize> = (0..n).filter(|&j| values[j] > 0.5).collect();
        if model.feasible(&sel) {
            return done(
                sel.iter().map(|&j| model.opts[j].choice).collect(),
                size,
                bound,
                false,
            );
        }
    }
    let mut best = Vec::new();
    // The incumbent: greedy, and the root LP rounded down and completed; each improved.
    let mut incumbent: Option<(f64, Vec<usize>)> = None;
    if options.warm_start {
        let index: BTreeMap<Choice, usize> = model
            .opts
            .iter()
            .enumerate()
            .map(|(j, o)| (o.choice, j))
            .collect();
        let mut starts: Vec<Vec<usize>> = Vec::new();
        if let Some(plan) = warm {
            let sel: Option<Vec<usize>> =
                plan.choices.iter().map(|c| index.get(c).copied()).collect();
            if let Some(sel) = sel.filter(|s| model.feasible(s)) {
                starts.push(sel);
            }
        }
        let mut rounded: Vec<usize> = (0..n).filter(|&j| values[j] > 1.0 - 1e-6).collect();
        model.complete(&mut rounded, None, &mut best);
        if model.feasible(&rounded) {
            starts.push(rounded);
        }
        for s in starts {
            let s = model.improve(s, &mut best);
            if model.feasible(&s) {
                let v = model.value(&s, &mut best);
                if incumbent.as_ref().is_none_or(|(b, _)| v > *b + 1e-9) {
                    incumbent = Some((v, s));
                }
            }
        }
    }
    // Bound of each option's flip (reduction 5); an option integral in the root LP whose
    // flipped bound is below the incumbent is fixed.
    let mut flipped: Vec<Option<(f64, bool)>> = vec![None; n];
    if incumbent.is_some() {
        for j in 0..n {
            let (Some(var), a) = (x[j], values[j]) else {
                continue;
            };
            if !integral(a) {
                continue;
            }
            let flip = if a > 0.5 { 0.0 } else { 1.0 };
            let bound = match root.clone().fix_var(var, flip) {
                Ok(o) => match o.solution() {
                    Some(s) => s.objective(),
                    None => f64::INFINITY,
                },
                Err(LpError::Infeasible) => f64::NEG_INFINITY,
                Err(e) => return Err(solver_error(e)),
            };
            flipped[j] = Some((bound, a > 0.5));
        }
    }
    let deadline = options
        .time_limit
        .map(|t| start + std::time::Duration::from_secs_f64(t.max(0.0)));
    // Rounds: fix against the incumbent, search with a node budget; a better plan found tightens
    // the fixing for the next round; the last round has no node budget and proves optimality.
    let mut budget = Some(FIRST_ROUND_NODES);
    loop {
        let fixed: Vec<Option<bool>> = flipped
            .iter()
            .map(|f| {
                let (bound, at) = (*f)?;
                let (inc, _) = incumbent.as_ref()?;
                (bound < inc - 1e-7 * inc.abs().max(1.0)).then_some(at)
            })
            .collect();
        size.fixed = fixed.iter().flatten().count();
        let (mip, xs, _) = model.problem(true, &fixed);
        let mut solve = SolveOptions::default();
        solve.time_limit = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        solve.node_limit = budget;
        if let Some((_, sel)) = &incumbent {
            solve.warm_start = Some(
                (0..n)
                    .filter_map(|j| xs[j].map(|v| (v, if sel.contains(&j) { 1.0 } else { 0.0 })))
                    .collect(),
            );
        }
        let outcome = match mip.solve_with(solve) {
            Ok(o) => o,
            Err(LpError::Infeasible) if incumbent.is_some() => {
                // Cannot happen (the incumbent survives the fixing), but never lose it.
                break;
            }
            Err(e) => return Err(solver_error(e)),
        };
        let Some(solution) = outcome.solution() else {
            if incumbent.is_some() || budget.is_none() {
                time_limit_hit = true;
                break; // time limit: the incumbent, if any
            }
            budget = None;
            continue;
        };
        size.nodes += solution.stats().nodes_solved;
        let sel: Vec<usize> = (0..n)
            .filter(|&j| xs[j].is_some_and(|v| solution.var_value_raw(v) > 0.5))
            .collect();
        let proven = solution.termination_reason() == TerminationReason::ProvenOptimal;
        let found = model.value(&sel, &mut best);
        let better =
            model.feasible(&sel) && incumbent.as_ref().is_none_or(|(inc, _)| found > inc + 1e-9);
        if better {
            let improved = if options.warm_start {
                model.improve(sel, &mut best)
            } else {
                sel
            };
            let v = model.value(&improved, &mut best);
            incumbent = Some((v, improved));
        }
        if solution.termination_reason() == TerminationReason::TimeLimit {
            time_limit_hit = true;
            break;
        }
        if proven || budget.is_none() {
            break;
        }
        budget = if better { budget.map(|b| b * 2) } else { None };
    }
    match incumbent {
        Some((_, sel)) => done(
            sel.iter().map(|&j| model.opts[j].choice).collect(),
            size,
            bound,
            time_limit_hit,
        ),
        None => Err(NetworkError::Solver {
            message: "the time limit ran out before a plan was found".to_string(),
        }),
    }
}
