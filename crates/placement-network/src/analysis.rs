//! The explained plan: the exact optimum and the greedy plan, which constraints bind, what each
//! chosen post adds, the best post left out, the value curve over capacity, and the comparison
//! with the 2025 network. All of it is data; [`crate::render`] turns it into text.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::constraints::{Constraints, Resolved};
use crate::error::NetworkError;
use crate::exact::{solve_exact, ExactOptions, ModelSize};
use crate::graph::{uncovered, RegionCoverage};
use crate::greedy::greedy;
use crate::model::{Choice, Instance, Plan};

/// What to compute besides the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Capacities of the value curve (exact and greedy at each).
    pub curve: Vec<u32>,
    /// Re-solve without each chosen post to get its re-optimised marginal value (one solve per
    /// post); the drop loss (keep the rest) is always computed.
    pub resolve_marginals: bool,
    /// Compare with the 2025 network (the instance's existing posts).
    pub compare_2025: bool,
    /// Solver settings.
    pub exact: ExactOptions,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            curve: (10..=60).step_by(5).collect(),
            resolve_marginals: true,
            compare_2025: true,
            exact: ExactOptions::default(),
        }
    }
}

/// The exact and greedy plans for one set of constraints.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Solution {
    /// The exact optimum.
    pub exact: Plan,
    /// The greedy plan (`None` when greedy cannot meet the locks and minima).
    pub greedy: Option<Plan>,
    /// Relative optimality gap of greedy, `(exact − greedy) / exact` (0 when exact is 0).
    pub gap: Option<f64>,
    /// MIP size.
    pub size: ModelSize,
    /// The time limit of each exact solve, seconds (`None`: none).
    pub time_limit_s: Option<f64>,
    /// Whether the time limit stopped the exact search: then `exact` is the best plan found,
    /// not a proven optimum, and `proven_gap` bounds how far from the optimum it can be.
    pub time_limit_hit: bool,
    /// `(bound − value) / bound` of the exact plan against a proven upper bound (0 when
    /// optimality was proven).
    pub proven_gap: f64,
    /// Exact solve time, ms (varies between runs).
    #[serde(skip)]
    pub exact_millis: f64,
    /// Greedy time, ms (varies between runs).
    #[serde(skip)]
    pub greedy_millis: f64,
}

/// Solves exactly (warm-started from greedy) and greedily.
///
/// # Errors
/// As [`Resolved::new`] and [`solve_exact`].
pub fn solve(
    instance: &Instance,
    constraints: &Constraints,
    options: ExactOptions,
) -> Result<Solution, NetworkError> {
    let resolved = Resolved::new(instance, constraints)?;
    solve_resolved(instance, &resolved, options)
}

fn solve_resolved(
    instance: &Instance,
    resolved: &Resolved,
    options: ExactOptions,
) -> Result<Solution, NetworkError> {
    let t = std::time::Instant::now();
    let g = greedy(instance, resolved);
    let greedy_millis = t.elapsed().as_secs_f64() * 1e3;
    let e = solve_exact(instance, resolved, g.as_ref(), options)?;
    let gap = g.as_ref().map(|g| {
        if e.plan.value > 0.0 {
            ((e.plan.value - g.value) / e.plan.value).max(0.0)
        } else {
            0.0
        }
    });
    let proven_gap = if e.time_limit_hit && e.bound > 0.0 {
        ((e.bound - e.plan.value) / e.bound).max(0.0)
    } else {
        0.0
    };
    Ok(Solution {
        time_limit_s: options.time_limit,
        time_limit_hit: e.time_limit_hit,
        proven_gap,
        exact: e.plan,
        greedy: g,
        gap,
        size: e.size,
        exact_millis: e.millis,
        greedy_millis,
    })
}

/// A limit of the plan, typed (renderers name it in the reader's language).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Limit {
    /// Liaisons in total.
    Capacity {
        /// The number of liaisons.
        liaisons: u32,
    },
    /// Police (NP) liaisons.
    PoliceCapacity {
        /// The number of liaisons.
        liaisons: u32,
    },
    /// Marechaussee (KMar) liaisons.
    MarechausseeCapacity {
        /// The number of liaisons.
        liaisons: u32,
    },
    /// Budget per year.
    Budget {
        /// EUR.
        eur: f64,
    },
    /// Posts locked in.
    Locks {
        /// How many.
        count: usize,
    },
    /// Minimum numbers of posts per region.
    RegionMinima {
        /// How many regions.
        count: usize,
    },
}

/// Why a post differs between the 2025 network and the plan, typed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Why {
    /// A new post: adds `value` that no 2025 post covers as well.
    Covers {
        /// Value added in the plan.
        value: f64,
    },
    /// A dropped post that added nothing in 2025 (others cover its countries as well).
    Redundant,
    /// A dropped post that added only `value` for `liaisons` in 2025.
    LowValue {
        /// Value it added in 2025.
        value: f64,
        /// Its liaisons in 2025.
        liaisons: u32,
    },
    /// Restaffed with fewer liaisons: frees `liaisons` at a loss of `loss`.
    Frees {
        /// Liaisons freed.
        liaisons: u32,
        /// Value lost at the post.
        loss: f64,
    },
    /// Restaffed: the new staffing adds `value` within the plan.
    Restaffed {
        /// Value added.
        value: f64,
    },
}

/// A constraint at the optimum.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Binding {
    /// The constraint.
    pub constraint: String,
    /// The constraint, typed.
    pub limit_kind: Limit,
    /// Used at the optimum.
    pub used: f64,
    /// The limit (for locks and minima: the value with the constraint, see `shadow`).
    pub limit: f64,
    /// No further option fits (capacity, budget), or relaxing it would raise the optimum.
    pub binding: bool,
    /// Value gained by relaxing it: one more liaison (capacity), one more liaison's cost
    /// (budget), or dropping the locks / minima altogether. Exact, by re-solving.
    pub shadow: Option<f64>,
}

/// A chosen post and what it contributes.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChosenPost {
    /// Post id.
    pub post: String,
    /// Staffing label.
    pub staffing: String,
    /// Cost per year, EUR.
    pub cost: f64,
    /// Whether the post exists in 2025, and with which staffing.
    pub existing: Option<String>,
    /// Countries covered (code, factor), host first.
    pub covers: Vec<(String, f64)>,
    /// Value lost if the post were closed and nothing else changed (exact).
    pub drop_loss: f64,
    /// Value lost if the post were forbidden and the rest re-optimised (exact, re-solved).
    pub resolve_loss: Option<f64>,
}

/// The most valuable post the plan leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Excluded {
    /// Post id.
    pub post: String,
    /// Its best option's staffing.
    pub staffing: String,
    /// Value it would add on top of the plan.
    pub gain_if_added: f64,
    /// Optimum lost by forcing it in (re-solved with the post locked); `None` if that is infeasible.
    pub forced_loss: Option<f64>,
    /// The constraints adding it on top would break.
    pub blocked_by: Vec<String>,
    /// The same, typed.
    pub blocked: Vec<Limit>,
    /// The chosen post with the smallest drop loss (the one it would compete with) and that loss.
    pub weakest_chosen: Option<(String, f64)>,
}

/// One point of the value curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CurvePoint {
    /// Capacity (liaisons).
    pub capacity: u32,
    /// Exact optimum (`None` if infeasible at this capacity).
    pub exact: Option<f64>,
    /// Greedy value.
    pub greedy: Option<f64>,
}

/// A difference between the 2025 network and a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Change {
    /// Post id.
    pub post: String,
    /// Staffing in 2025 (`None` for a new post).
    pub before: Option<String>,
    /// Staffing in the plan (`None` for a dropped post).
    pub after: Option<String>,
    /// For an added or restaffed post: value it adds in the plan; for a dropped post: value it
    /// added to the 2025 network (its drop loss there).
    pub value: f64,
    /// Countries it covers (the option in question).
    pub countries: Vec<String>,
    /// Why, in one line.
    pub reason: String,
    /// Why, typed.
    pub why: Why,
}

/// The plan next to the 2025 network.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// What the plan is: `capacity N` or `equal size (N)`.
    pub label: String,
    /// The plan's liaisons limit, and whether it is the 2025 network's size (no budget).
    pub size: (u32, bool),
    /// Value of the 2025 network under this model.
    pub value_2025: f64,
    /// Liaisons in 2025.
    pub liaisons_2025: u32,
    /// Cost of the 2025 network, EUR.
    pub cost_2025: f64,
    /// Value of the plan.
    pub value_plan: f64,
    /// Liaisons in the plan.
    pub liaisons_plan: u32,
    /// Posts kept unchanged.
    pub kept: usize,
    /// New posts.
    pub added: Vec<Change>,
    /// 2025 posts closed.
    pub dropped: Vec<Change>,
    /// 2025 posts with another staffing.
    pub restaffed: Vec<Change>,
}

/// Version of the report's JSON shape (`network --format json`, docs/schemas/network-report.schema.json).
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the report says.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    /// [`SCHEMA_VERSION`]: readers reject versions they do not know.
    pub schema_version: u32,
    /// Instance title.
    pub title: String,
    /// Illustrative input.
    pub illustrative: bool,
    /// The constraints.
    pub constraints: Constraints,
    /// Exact and greedy plans.
    pub solution: Solution,
    /// Chosen posts, by drop loss descending then id.
    pub posts: Vec<ChosenPost>,
    /// Constraints at the optimum.
    pub binding: Vec<Binding>,
    /// The best post left out.
    pub best_excluded: Option<Excluded>,
    /// Uncovered countries with value, highest first: (code, name, value).
    pub uncovered: Vec<(String, String, f64)>,
    /// Coverage per region.
    pub regions: Vec<RegionCoverage>,
    /// Value curve.
    pub curve: Vec<CurvePoint>,
    /// The plan against 2025, and an equal-size plan against 2025.
    pub comparisons: Vec<Comparison>,
    /// How many of the secondary solves (value curve, shadow prices, re-solves, the best
    /// post left out, the equal-size comparison) stopped at their time limit of
    /// [`SECONDARY_TIME_LIMIT_S`] (at most): their values are the best found, not proven.
    pub secondary_time_limit_hits: usize,
}

/// The time limit of each secondary solve of a [`report`], seconds (or the main limit when
/// that is shorter).
pub const SECONDARY_TIME_LIMIT_S: f64 = 2.0;

/// Solves and explains.
///
/// # Errors
/// As [`solve`]: invalid input and infeasible constraints are reported before any solve.
pub fn report(
    instance: &Instance,
    constraints: &Constraints,
    options: &ReportOptions,
) -> Result<Report, NetworkError> {
    let resolved = Resolved::new(instance, constraints)?;
    let solution = solve_resolved(instance, &resolved, options.exact)?;
    let plan = &solution.exact;
    let secondary = ExactOptions {
        time_limit: options
            .exact
            .time_limit
            .map(|t| t.min(SECONDARY_TIME_LIMIT_S)),
        ..options.exact
    };
    let hits = std::cell::Cell::new(0usize);
    let solve = |instance: &Instance, c: &Constraints, _: ExactOptions| {
        let s = solve(instance, c, secondary);
        if s.as_ref().is_ok_and(|s| s.time_limit_hit) {
            hits.set(hits.get() + 1);
        }
        s
    };
    let optimum = |c: &Constraints| -> Option<f64> {
        solve(instance, c, options.exact)
            .ok()
            .map(|s| s.exact.value)
    };
    let posts = chosen_posts(instance, constraints, plan, options, &optimum);
    let binding = binding(instance, constraints, &resolved, plan, &optimum);
    let best_excluded = best_excluded(instance, constraints, &resolved, plan, &posts, &optimum);
    let (missing, regions) = uncovered(instance, &plan.choices);
    let uncovered = missing
        .iter()
        .map(|&c| {
            let k = &instance.countries[c];
            (k.code.to_string(), k.name.clone(), k.value)
        })
        .collect();
    let curve = options
        .curve
        .iter()
        .map(|&capacity| {
            let c = Constraints {
                capacity,
                ..constraints.clone()
            };
            match solve(instance, &c, options.exact) {
                Ok(s) => CurvePoint {
                    capacity,
                    exact: Some(s.exact.value),
                    greedy: s.greedy.map(|g| g.value),
                },
                Err(_) => CurvePoint {
                    capacity,
                    exact: None,
                    greedy: None,
                },
            }
        })
        .collect();
    let mut comparisons = Vec::new();
    let base = instance.existing_choices();
    if options.compare_2025 && !base.is_empty() {
        comparisons.push(compare(
            instance,
            &base,
            plan,
            (constraints.capacity, false),
        ));
        let n = instance.plan(&base).staffing.total();
        let equal = Constraints {
            capacity: n,
            police_capacity: None,
            marechaussee_capacity: None,
            budget: None,
            ..constraints.clone()
        };
        if let Ok(s) = solve(instance, &equal, options.exact) {
            comparisons.push(compare(instance, &base, &s.exact, (n, true)));
        }
    }
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        title: instance.title.clone(),
        illustrative: instance.illustrative,
        constraints: constraints.clone(),
        solution,
        posts,
        binding,
        best_excluded,
        uncovered,
        regions,
        curve,
        comparisons,
        secondary_time_limit_hits: hits.get(),
    })
}

fn without(choices: &[Choice], post: usize) -> Vec<Choice> {
    choices.iter().copied().filter(|c| c.0 != post).collect()
}

fn chosen_posts(
    instance: &Instance,
    constraints: &Constraints,
    plan: &Plan,
    options: &ReportOptions,
    optimum: &dyn Fn(&Constraints) -> Option<f64>,
) -> Vec<ChosenPost> {
    let mut out: Vec<ChosenPost> = plan
        .choices
        .iter()
        .map(|&(p, o)| {
            let post = &instance.posts[p];
            let opt = &post.options[o];
            let mut covers: Vec<(String, f64)> = opt
                .covers
                .iter()
                .map(|cv| (instance.countries[cv.country].code.to_string(), cv.factor))
                .collect();
            covers.sort_by(|a, b| {
                (a.0 != post.host.as_str(), &a.0).cmp(&(b.0 != post.host.as_str(), &b.0))
            });
            let resolve_loss = options.resolve_marginals.then(|| {
                let mut c = constraints.clone();
                c.forbidden_posts.push(post.id.clone());
                c.locked_posts.retain(|l| l != &post.id);
                if c.lock_existing {
                    c.lock_existing = false;
                    c.locked_posts.extend(
                        instance
                            .posts
                            .iter()
                            .filter(|q| q.existing.is_some() && q.id != post.id)
                            .map(|q| q.id.clone()),
                    );
                }
                optimum(&c).map(|v| plan.value - v)
            });
            ChosenPost {
                post: post.id.clone(),
                staffing: opt.staffing.label(),
                cost: opt.cost,
                existing: post
                    .existing
                    .and_then(|e| post.options.get(e))
                    .map(|o| o.staffing.label()),
                covers,
                drop_loss: plan.value - instance.value_of(&without(&plan.choices, p)),
                resolve_loss: resolve_loss.flatten(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.drop_loss
            .total_cmp(&a.drop_loss)
            .then(a.post.cmp(&b.post))
    });
    out
}

fn binding(
    instance: &Instance,
    constraints: &Constraints,
    resolved: &Resolved,
    plan: &Plan,
    optimum: &dyn Fn(&Constraints) -> Option<f64>,
) -> Vec<Binding> {
    let min_extra = |f: &dyn Fn(&crate::model::PostOption) -> f64| {
        let chosen: BTreeSet<usize> = plan.choices.iter().map(|c| c.0).collect();
        instance
            .posts
            .iter()
            .enumerate()
            .filter(|(p, _)| !chosen.contains(p))
            .flat_map(|(p, post)| {
                post.options
                    .iter()
                    .enumerate()
                    .map(move |(o, opt)| (p, o, opt))
            })
            .filter(|(p, o, _)| resolved.is_allowed(*p, *o))
            .map(|(_, _, opt)| f(opt))
            .fold(f64::INFINITY, f64::min)
    };
    let gain = |c: Constraints| optimum(&c).map(|v| (v - plan.value).max(0.0));
    let mut out = Vec::new();
    let used = f64::from(plan.staffing.total());
    out.push(Binding {
        constraint: format!("capacity {} liaisons", constraints.capacity),
        limit_kind: Limit::Capacity {
            liaisons: constraints.capacity,
        },
        used,
        limit: f64::from(resolved.capacity),
        binding: used + min_extra(&|o| f64::from(o.staffing.total()))
            > f64::from(resolved.capacity),
        shadow: gain(Constraints {
            capacity: constraints.capacity.saturating_add(1),
            ..constraints.clone()
        }),
    });
    for (name, cap, used) in [
        ("police", constraints.police_capacity, plan.staffing.police),
        (
            "marechaussee",
            constraints.marechaussee_capacity,
            plan.staffing.marechaussee,
        ),
    ] {
        if let Some(cap) = cap {
            let mut c = constraints.clone();
            if name == "police" {
                c.police_capacity = Some(cap.saturating_add(1));
            } else {
                c.marechaussee_capacity = Some(cap.saturating_add(1));
            }
            out.push(Binding {
                constraint: format!("{name} capacity {cap}"),
                limit_kind: if name == "police" {
                    Limit::PoliceCapacity { liaisons: cap }
                } else {
                    Limit::MarechausseeCapacity { liaisons: cap }
                },
                used: f64::from(used),
                limit: f64::from(cap),
                binding: used >= cap,
                shadow: gain(c),
            });
        }
    }
    if let Some(budget) = constraints.budget {
        let step = crate::model::DEFAULT_COST_EUR;
        out.push(Binding {
            constraint: format!("budget EUR {budget:.0}"),
            limit_kind: Limit::Budget { eur: budget },
            used: plan.cost,
            limit: budget,
            binding: plan.cost + min_extra(&|o| o.cost) > budget + 1e-6,
            shadow: gain(Constraints {
                budget: Some(budget + step),
                ..constraints.clone()
            }),
        });
    }
    if !resolved.locks.is_empty() {
        let g = gain(Constraints {
            locked: Vec::new(),
            lock_existing: false,
            ..constraints.clone()
        });
        out.push(Binding {
            constraint: format!("{} locks", resolved.locks.len()),
            limit_kind: Limit::Locks {
                count: resolved.locks.len(),
            },
            used: resolved.locks.len() as f64,
            limit: resolved.locks.len() as f64,
            binding: g.is_some_and(|g| g > 1e-9),
            shadow: g,
        });
    }
    if !resolved.regions.is_empty() {
        let g = gain(Constraints {
            region_min: Default::default(),
            ..constraints.clone()
        });
        out.push(Binding {
            constraint: format!("{} region minima", resolved.regions.len()),
            limit_kind: Limit::RegionMinima {
                count: resolved.regions.len(),
            },
            used: resolved.regions.len() as f64,
            limit: resolved.regions.len() as f64,
            binding: g.is_some_and(|g| g > 1e-9),
            shadow: g,
        });
    }
    out
}

fn best_excluded(
    instance: &Instance,
    constraints: &Constraints,
    resolved: &Resolved,
    plan: &Plan,
    posts: &[ChosenPost],
    optimum: &dyn Fn(&Constraints) -> Option<f64>,
) -> Option<Excluded> {
    let chosen: BTreeSet<usize> = plan.choices.iter().map(|c| c.0).collect();
    let mut best: Option<(f64, usize, usize)> = None;
    for (p, post) in instance.posts.iter().enumerate() {
        if chosen.contains(&p) {
            continue;
        }
        for o in 0..post.options.len() {
            if !resolved.is_allowed(p, o) {
                continue;
            }
            let mut with = plan.choices.clone();
            with.push((p, o));
            let g = instance.value_of(&with) - plan.value;
            let better = best.is_none_or(|(bg, bp, _)| {
                g > bg + 1e-9
                    || ((g - bg).abs() <= 1e-9 && instance.posts[p].id < instance.posts[bp].id)
            });
            if better {
                best = Some((g, p, o));
            }
        }
    }
    let (gain, p, o) = best?;
    let post = &instance.posts[p];
    let opt = &post.options[o];
    let mut blocked_by = Vec::new();
    let mut blocked = Vec::new();
    let s = plan.staffing;
    if s.total().saturating_add(opt.staffing.total()) > resolved.capacity {
        blocked_by.push(format!("capacity {}", resolved.capacity));
        blocked.push(Limit::Capacity {
            liaisons: resolved.capacity,
        });
    }
    if s.police.saturating_add(opt.staffing.police) > resolved.police {
        blocked_by.push(format!("police capacity {}", resolved.police));
        blocked.push(Limit::PoliceCapacity {
            liaisons: resolved.police,
        });
    }
    if s.marechaussee.saturating_add(opt.staffing.marechaussee) > resolved.marechaussee {
        blocked_by.push(format!("marechaussee capacity {}", resolved.marechaussee));
        blocked.push(Limit::MarechausseeCapacity {
            liaisons: resolved.marechaussee,
        });
    }
    if plan.cost + opt.cost > resolved.budget + 1e-6 {
        blocked_by.push(format!("budget EUR {:.0}", resolved.budget));
        blocked.push(Limit::Budget {
            eur: resolved.budget,
        });
    }
    let forced_loss = {
        let mut c = constraints.clone();
        c.locked_posts.push(post.id.clone());
        optimum(&c).map(|v| (plan.value - v).max(0.0))
    };
    let weakest_chosen = posts
        .iter()
        .min_by(|a, b| {
            a.drop_loss
                .total_cmp(&b.drop_loss)
                .then(a.post.cmp(&b.post))
        })
        .map(|c| (c.post.clone(), c.drop_loss));
    Some(Excluded {
        post: post.id.clone(),
        staffing: opt.staffing.label(),
        gain_if_added: gain,
        forced_loss,
        blocked_by,
        blocked,
        weakest_chosen,
    })
}

/// Differences between the 2025 choices and a plan, each explained.
/// `size` is the plan's liaisons limit and whether it is the 2025 network's size planned
/// without a budget.
pub fn compare(instance: &Instance, base: &[Choice], plan: &Plan, size: (u32, bool)) -> Comparison {
    let label = if size.1 {
        format!("equal size ({} liaisons, no budget)", size.0)
    } else {
        format!("capacity {}", size.0)
    };
    // Only choices that name an option of the instance (never an index out of range).
    let valid = |cs: &[Choice]| -> Vec<Choice> {
        cs.iter()
            .copied()
            .filter(|&(p, o)| instance.option(p, o).is_some())
            .collect()
    };
    let base = &valid(base)[..];
    let plan = &instance.plan(&valid(&plan.choices));
    let before = instance.plan(base);
    let lookup = |cs: &[Choice], p: usize| cs.iter().find(|c| c.0 == p).map(|c| c.1);
    let countries = |p: usize, o: usize| -> Vec<String> {
        instance
            .option(p, o)
            .map(|opt| opt.covers.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|cv| instance.countries.get(cv.country))
            .map(|c| c.code.to_string())
            .collect()
    };
    let staff = |p: usize, o: usize| {
        instance
            .option(p, o)
            .map(|opt| opt.staffing.label())
            .unwrap_or_default()
    };
    let (mut added, mut dropped, mut restaffed, mut kept) = (Vec::new(), Vec::new(), Vec::new(), 0);
    for p in 0..instance.posts.len() {
        match (lookup(base, p), lookup(&plan.choices, p)) {
            (None, Some(o)) => {
                let v = plan.value - instance.value_of(&without(&plan.choices, p));
                added.push(Change {
                    post: instance.posts[p].id.clone(),
                    before: None,
                    after: Some(staff(p, o)),
                    value: v,
                    countries: countries(p, o),
                    reason: format!("adds {v:.1} in the plan that no 2025 post covers as well"),
                    why: Why::Covers { value: v },
                });
            }
            (Some(o), None) => {
                let v = before.value - instance.value_of(&without(base, p));
                let n = instance.posts[p].options[o].staffing.total();
                dropped.push(Change {
                    post: instance.posts[p].id.clone(),
                    before: Some(staff(p, o)),
                    after: None,
                    value: v,
                    countries: countries(p, o),
                    why: if v <= 1e-9 {
                        Why::Redundant
                    } else {
                        Why::LowValue {
                            value: v,
                            liaisons: n,
                        }
                    },
                    reason: if v <= 1e-9 {
                        "adds nothing in 2025: other posts already cover its countries as well".to_string()
                    } else {
                        format!("adds only {v:.1} for {n} liaison(s) in 2025; under the capacity the place serves more elsewhere")
                    },
                });
            }
            (Some(a), Some(b)) if a != b => {
                let mut alt = plan.choices.clone();
                for c in &mut alt {
                    if c.0 == p {
                        c.1 = a;
                    }
                }
                let v = plan.value - instance.value_of(&alt);
                let (na, nb) = (
                    instance.posts[p].options[a].staffing.total(),
                    instance.posts[p].options[b].staffing.total(),
                );
                let why = if nb < na {
                    Why::Frees {
                        liaisons: na - nb,
                        loss: -v,
                    }
                } else {
                    Why::Restaffed { value: v }
                };
                let reason = if nb < na {
                    format!("frees {} liaison(s) at a loss of {:.1}, less than the place serves elsewhere", na - nb, -v)
                } else {
                    format!("the new staffing adds {v:.1} within the plan")
                };
                restaffed.push(Change {
                    post: instance.posts[p].id.clone(),
                    before: Some(staff(p, a)),
                    after: Some(staff(p, b)),
                    value: v,
                    countries: countries(p, b),
                    reason,
                    why,
                });
            }
            (Some(_), Some(_)) => kept += 1,
            (None, None) => {}
        }
    }
    let by_value = |a: &Change, b: &Change| b.value.total_cmp(&a.value).then(a.post.cmp(&b.post));
    added.sort_by(by_value);
    dropped.sort_by(|a, b| a.value.total_cmp(&b.value).then(a.post.cmp(&b.post)));
    restaffed.sort_by(by_value);
    Comparison {
        label,
        size,
        value_2025: before.value,
        liaisons_2025: before.staffing.total(),
        cost_2025: before.cost,
        value_plan: plan.value,
        liaisons_plan: plan.staffing.total(),
        kept,
        added,
        dropped,
        restaffed,
    }
}
