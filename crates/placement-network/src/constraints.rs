//! Constraints on a plan, their validation against an instance, and the feasibility checks
//! that run before the solver so that an impossible request names the constraints in conflict.

use std::collections::{BTreeMap, BTreeSet};

use placement_core::{CountryCode, Region};
use serde::{Deserialize, Serialize};

use crate::error::{Conflict, InputProblem, NetworkError};
use crate::model::{Choice, Instance, Staffing};

/// What a plan must respect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Constraints {
    /// Liaisons in total (seed 000, R-CAP-1: 30 bilateral LOs).
    pub capacity: u32,
    /// Police (NP) liaisons at most; `None` = only the total applies.
    pub police_capacity: Option<u32>,
    /// Marechaussee (KMar) liaisons at most; `None` = only the total applies.
    pub marechaussee_capacity: Option<u32>,
    /// Budget per year, EUR; `None` = only capacity limits.
    pub budget: Option<f64>,
    /// Countries that must keep (or get) a post: ISO codes.
    pub locked: Vec<String>,
    /// Keep every post of the 2025 network (any of its options).
    pub lock_existing: bool,
    /// Countries where no post may be placed: ISO codes (e.g. `RU`, seed 003).
    pub forbidden: Vec<String>,
    /// Posts (by id, e.g. `CO Cartagena`) that must be chosen.
    #[serde(default)]
    pub locked_posts: Vec<String>,
    /// Posts (by id) that may not be chosen.
    #[serde(default)]
    pub forbidden_posts: Vec<String>,
    /// Least number of posts hosted in a region.
    #[serde(default)]
    pub region_min: BTreeMap<Region, u32>,
}

impl Default for Constraints {
    /// 30 liaisons (R-CAP-1), no budget, Russia forbidden (seed 003: «LO Rusland teruggetrokken
    /// t.g.v. oorlog in Oekraïne.»).
    fn default() -> Self {
        Constraints {
            capacity: 30,
            police_capacity: None,
            marechaussee_capacity: None,
            budget: None,
            locked: Vec::new(),
            lock_existing: false,
            forbidden: vec!["RU".to_string()],
            locked_posts: Vec::new(),
            forbidden_posts: Vec::new(),
            region_min: BTreeMap::new(),
        }
    }
}

/// A group of posts of which at least `min` must be chosen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    pub label: String,
    pub posts: Vec<usize>,
    pub min: u32,
}

/// Constraints compiled against an instance: which options are allowed, and the groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// `allowed[p][o]`: the option may be chosen.
    pub(crate) allowed: Vec<Vec<bool>>,
    pub(crate) locks: Vec<Group>,
    pub(crate) regions: Vec<Group>,
    pub(crate) capacity: u32,
    pub(crate) police: u32,
    pub(crate) marechaussee: u32,
    pub(crate) budget: f64,
}

impl Resolved {
    /// Validates the instance and the constraints (every problem at once), compiles them, and
    /// checks the locks and region minima against capacity and budget.
    ///
    /// # Errors
    /// [`NetworkError::InvalidInput`] listing every malformed value or unknown code;
    /// [`NetworkError::Infeasible`] listing every conflict found.
    pub fn new(instance: &Instance, c: &Constraints) -> Result<Resolved, NetworkError> {
        let mut problems = validate_instance(instance);
        if let Some(b) = c.budget {
            if !b.is_finite() || b < 0.0 {
                problems.push(InputProblem::InvalidBudget { budget: b });
            } else if b > limits::MAX_BUDGET_EUR {
                problems.push(InputProblem::AboveLimit {
                    what: "budget (EUR)".to_string(),
                    value: b,
                    limit: limits::MAX_BUDGET_EUR,
                });
            }
        }
        for (what, cap) in [
            ("capacity", Some(c.capacity)),
            ("police capacity", c.police_capacity),
            ("marechaussee capacity", c.marechaussee_capacity),
        ] {
            if let Some(cap) = cap.filter(|&n| n > limits::MAX_CAPACITY) {
                problems.push(InputProblem::AboveLimit {
                    what: what.to_string(),
                    value: f64::from(cap),
                    limit: f64::from(limits::MAX_CAPACITY),
                });
            }
        }
        let hosts: BTreeSet<CountryCode> = instance.posts.iter().map(|p| p.host).collect();
        let mut codes = |field: &str, list: &[String]| -> Vec<CountryCode> {
            let mut out = Vec::new();
            for text in list {
                match CountryCode::parse(text) {
                    Ok(code) if hosts.contains(&code) || instance.country_index(code).is_some() => {
                        out.push(code)
                    }
                    Ok(_) => problems.push(InputProblem::UnknownCountry {
                        field: field.to_string(),
                        code: text.clone(),
                        reason: "not a country of this instance".to_string(),
                    }),
                    Err(problem) => problems.push(InputProblem::UnknownCountry {
                        field: field.to_string(),
                        code: placement_core::error::excerpt(text),
                        reason: placement_text::Lang::En.code_problem(problem),
                    }),
                }
            }
            out.sort();
            out.dedup();
            out
        };
        let locked = codes("locked", &c.locked);
        let forbidden = codes("forbidden", &c.forbidden);
        let mut post_ids = |field: &str, list: &[String]| -> Vec<usize> {
            let mut out = Vec::new();
            for id in list {
                match instance.post_index(id) {
                    Some(i) => out.push(i),
                    None => problems.push(InputProblem::UnknownPost {
                        field: field.to_string(),
                        id: id.clone(),
                    }),
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        };
        let locked_posts = post_ids("locked_posts", &c.locked_posts);
        let forbidden_posts = post_ids("forbidden_posts", &c.forbidden_posts);
        if !problems.is_empty() {
            return Err(NetworkError::InvalidInput { problems });
        }
        let allowed: Vec<Vec<bool>> = instance
            .posts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ok = !forbidden.contains(&p.host) && !forbidden_posts.contains(&i);
                vec![ok; p.options.len()]
            })
            .collect();
        let allowed_post = |i: usize| allowed.get(i).is_some_and(|a| a.iter().any(|&b| b));
        let mut conflicts = Vec::new();
        let mut locks = Vec::new();
        for code in &locked {
            if forbidden.contains(code) {
                conflicts.push(Conflict::LockedAndForbidden {
                    country: code.to_string(),
                });
                continue;
            }
            let posts: Vec<usize> = (0..instance.posts.len())
                .filter(|&i| instance.posts[i].host == *code && allowed_post(i))
                .collect();
            if posts.is_empty() {
                conflicts.push(Conflict::LockWithoutPost {
                    country: code.to_string(),
                });
            }
            locks.push(Group {
                label: format!("lock {code}"),
                posts,
                min: 1,
            });
        }
        for &i in &locked_posts {
            let id = &instance.posts[i].id;
            if allowed_post(i) {
                locks.push(Group {
                    label: format!("lock {id}"),
                    posts: vec![i],
                    min: 1,
                });
            } else {
                conflicts.push(Conflict::LockedAndForbidden {
                    country: id.clone(),
                });
            }
        }
        if c.lock_existing {
            for (i, p) in instance.posts.iter().enumerate() {
                if p.existing.is_some() {
                    if allowed_post(i) {
                        locks.push(Group {
                            label: format!("keep {}", p.id),
                            posts: vec![i],
                            min: 1,
                        });
                    } else {
                        conflicts.push(Conflict::LockedAndForbidden {
                            country: p.id.clone(),
                        });
                    }
                }
            }
        }
        let mut regions = Vec::new();
        for (&region, &min) in &c.region_min {
            if min == 0 {
                continue;
            }
            let posts: Vec<usize> = (0..instance.posts.len())
                .filter(|&i| instance.posts[i].region == region && allowed_post(i))
                .collect();
            if (posts.len() as u32) < min {
                conflicts.push(Conflict::RegionMinimumImpossible {
                    region: region.id().to_string(),
                    minimum: min,
                    available: posts.len() as u32,
                });
            }
            regions.push(Group {
                label: format!("region {} ≥ {min}", region.id()),
                posts,
                min,
            });
        }
        let resolved = Resolved {
            allowed,
            locks,
            regions,
            capacity: c.capacity,
            police: c.police_capacity.unwrap_or(c.capacity),
            marechaussee: c.marechaussee_capacity.unwrap_or(c.capacity),
            budget: c.budget.unwrap_or(f64::INFINITY),
        };
        if conflicts.is_empty() {
            resolved.check_minima(instance, &mut conflicts);
        }
        if conflicts.is_empty() {
            Ok(resolved)
        } else {
            Err(NetworkError::Infeasible { conflicts })
        }
    }

    /// Lower bounds on what the locks (and then locks plus region minima) need, compared with
    /// capacity and budget. Uses pairwise-disjoint groups only, so the bounds are valid.
    fn check_minima(&self, instance: &Instance, conflicts: &mut Vec<Conflict>) {
        let min_of = |i: usize, f: &dyn Fn(Staffing, f64) -> f64| -> f64 {
            instance.posts[i]
                .options
                .iter()
                .zip(&self.allowed[i])
                .filter(|(_, &a)| a)
                .map(|(o, _)| f(o.staffing, o.cost))
                .fold(f64::INFINITY, f64::min)
        };
        let group_min = |g: &Group, f: &dyn Fn(Staffing, f64) -> f64| -> f64 {
            // At least `min` distinct posts: the sum of the `min` smallest post minima.
            let mut v: Vec<f64> = g.posts.iter().map(|&i| min_of(i, f)).collect();
            v.sort_by(f64::total_cmp);
            v.iter().take(g.min as usize).sum()
        };
        // Pairwise-disjoint locks, in order.
        let mut used: BTreeSet<usize> = BTreeSet::new();
        let mut disjoint: Vec<&Group> = Vec::new();
        for g in &self.locks {
            if g.posts.iter().all(|p| !used.contains(p)) {
                used.extend(g.posts.iter().copied());
                disjoint.push(g);
            }
        }
        let names = disjoint
            .iter()
            .map(|g| g.label.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let sum = |f: &dyn Fn(Staffing, f64) -> f64| -> f64 {
            disjoint.iter().map(|g| group_min(g, f)).sum()
        };
        let checks: [(&str, u32, f64); 3] = [
            ("total", self.capacity, sum(&|s, _| f64::from(s.total()))),
            ("police", self.police, sum(&|s, _| f64::from(s.police))),
            (
                "marechaussee",
                self.marechaussee,
                sum(&|s, _| f64::from(s.marechaussee)),
            ),
        ];
        for (resource, capacity, needed) in checks {
            if needed > f64::from(capacity) {
                conflicts.push(Conflict::CapacityBelowLocks {
                    resource: resource.to_string(),
                    capacity,
                    needed: needed as u32,
                    locks: names.clone(),
                });
            }
        }
        let cost = sum(&|_, c| c);
        if cost > self.budget + 1e-6 {
            conflicts.push(Conflict::BudgetBelowLocks {
                budget: self.budget,
                needed: cost,
                locks: names.clone(),
            });
        }
        if !conflicts.is_empty() || self.regions.is_empty() {
            return;
        }
        // Locks plus region minima: regions are disjoint by construction; count per region the
        // posts beyond those a disjoint lock group already forces there (a lock group lying wholly
        // inside the region forces one post in it).
        let mut slots = sum(&|s, _| f64::from(s.total()));
        let mut cost = sum(&|_, c| c);
        for g in &self.regions {
            let forced = disjoint
                .iter()
                .filter(|l| l.posts.iter().all(|p| g.posts.contains(p)))
                .count() as u32;
            let extra = g.min.saturating_sub(forced);
            if extra == 0 {
                continue;
            }
            let free = Group {
                label: g.label.clone(),
                posts: g
                    .posts
                    .iter()
                    .copied()
                    .filter(|p| !used.contains(p))
                    .collect(),
                min: extra,
            };
            slots += group_min(&free, &|s, _| f64::from(s.total()));
            cost += group_min(&free, &|_, c| c);
        }
        if slots > f64::from(self.capacity) {
            conflicts.push(Conflict::CapacityBelowMinima {
                capacity: self.capacity,
                needed: slots as u32,
            });
        }
        if cost > self.budget + 1e-6 {
            conflicts.push(Conflict::BudgetBelowMinima {
                budget: self.budget,
                needed: cost,
            });
        }
    }

    /// Whether the option may be chosen.
    pub fn is_allowed(&self, post: usize, option: usize) -> bool {
        self.allowed
            .get(post)
            .and_then(|a| a.get(option))
            .copied()
            .unwrap_or(false)
    }

    /// Whether a set of choices respects every constraint.
    pub fn is_feasible(&self, instance: &Instance, choices: &[Choice]) -> bool {
        let plan = instance.plan(choices);
        if plan.choices.len() != choices.len() {
            return false; // two options of one post
        }
        if choices.iter().any(|&(p, o)| !self.is_allowed(p, o)) {
            return false;
        }
        self.fits(plan.staffing, plan.cost) && self.groups_met(choices)
    }

    /// Whether staffing and cost fit capacity and budget.
    pub(crate) fn fits(&self, s: Staffing, cost: f64) -> bool {
        s.total() <= self.capacity
            && s.police <= self.police
            && s.marechaussee <= self.marechaussee
            && cost <= self.budget + 1e-6
    }

    /// Whether every lock and region minimum is met.
    pub(crate) fn groups_met(&self, choices: &[Choice]) -> bool {
        self.locks
            .iter()
            .chain(&self.regions)
            .all(|g| choices.iter().filter(|(p, _)| g.posts.contains(p)).count() as u32 >= g.min)
    }

    /// Labels of every active constraint, for reports.
    pub(crate) fn active(&self) -> Vec<String> {
        let mut v = vec![format!("capacity {}", self.capacity)];
        if self.police < self.capacity {
            v.push(format!("police capacity {}", self.police));
        }
        if self.marechaussee < self.capacity {
            v.push(format!("marechaussee capacity {}", self.marechaussee));
        }
        if self.budget.is_finite() {
            v.push(format!("budget EUR {:.0}", self.budget));
        }
        v.extend(
            self.locks
                .iter()
                .chain(&self.regions)
                .map(|g| g.label.clone()),
        );
        v
    }
}

/// Documented upper limits of the network's counts and amounts (docs/network.md). Inputs above
/// them are refused with [`InputProblem::AboveLimit`], so no count or sum can overflow.
pub mod limits {
    /// Most liaisons in total (and per organisation).
    pub const MAX_CAPACITY: u32 = 10_000;
    /// Largest budget per year, EUR.
    pub const MAX_BUDGET_EUR: f64 = 1e12;
    /// Largest cost of one post option per year, EUR.
    pub const MAX_COST_EUR: f64 = 1e10;
    /// Most liaisons of one organisation in one post option.
    pub const MAX_STAFFING: u32 = 100;
    /// Most candidate posts, and most countries, in an instance.
    pub const MAX_ITEMS: usize = 10_000;
}

fn validate_instance(instance: &Instance) -> Vec<InputProblem> {
    let mut problems = Vec::new();
    for (what, n) in [
        ("number of countries", instance.countries.len()),
        ("number of posts", instance.posts.len()),
    ] {
        if n > limits::MAX_ITEMS {
            problems.push(InputProblem::AboveLimit {
                what: what.to_string(),
                value: n as f64,
                limit: limits::MAX_ITEMS as f64,
            });
        }
    }
    for c in &instance.countries {
        if !c.value.is_finite() || c.value < 0.0 {
            problems.push(InputProblem::InvalidValue {
                what: format!("value of {}", c.code),
                value: c.value,
            });
        }
    }
    for p in &instance.posts {
        if let Some(existing) = p.existing.filter(|&e| e >= p.options.len()) {
            problems.push(InputProblem::InvalidExisting {
                post: p.id.clone(),
                existing,
                options: p.options.len(),
            });
        }
        for o in &p.options {
            for (org, n) in [
                ("police", o.staffing.police),
                ("marechaussee", o.staffing.marechaussee),
            ] {
                if n > limits::MAX_STAFFING {
                    problems.push(InputProblem::AboveLimit {
                        what: format!("{org} staffing of post {}", p.id),
                        value: f64::from(n),
                        limit: f64::from(limits::MAX_STAFFING),
                    });
                }
            }
            if o.cost.is_finite() && o.cost > limits::MAX_COST_EUR {
                problems.push(InputProblem::AboveLimit {
                    what: format!("cost of post {} ({}), EUR", p.id, o.staffing.label()),
                    value: o.cost,
                    limit: limits::MAX_COST_EUR,
                });
            }
            if !o.cost.is_finite() || o.cost < 0.0 {
                problems.push(InputProblem::InvalidCost {
                    post: p.id.clone(),
                    option: o.staffing.label(),
                    cost: o.cost,
                });
            }
            for cv in &o.covers {
                if !(0.0..=1.0).contains(&cv.factor) || cv.country >= instance.countries.len() {
                    problems.push(InputProblem::InvalidValue {
                        what: format!("coverage factor of post {} ({})", p.id, o.staffing.label()),
                        value: cv.factor,
                    });
                }
            }
        }
    }
    problems
}
