//! The capacity-aware plan next to each country's recommendation.

use std::collections::BTreeSet;

use placement_core::{CountryCode, Evaluation, Instrument, Organisation};
use placement_network::{
    analysis::solve, build_instance, Constraints, ExactOptions, Instance, Plan, ValueModel,
};
use serde::Serialize;

use crate::{ActualNetwork, ReconcileError};

/// Capacity, budget and value model of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanSettings {
    /// Liaisons in total; `None` = the actual network's number of host countries with a Dutch
    /// post (35 for the 2025 network: one liaison per host country).
    pub capacity: Option<u32>,
    /// Budget per year, EUR; `None` = capacity only.
    pub budget: Option<f64>,
    /// Countries where no post may be placed (default `RU`, seed 003: «LO Rusland
    /// teruggetrokken t.g.v. oorlog in Oekraïne.»).
    pub forbidden: Vec<String>,
    /// The network value model (placement-network, docs/network.md).
    pub value_model: ValueModel,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            capacity: None,
            budget: None,
            forbidden: Constraints::default().forbidden,
            value_model: ValueModel::default(),
        }
    }
}

impl PlanSettings {
    /// The defaults for comparing with `network` (its size as capacity).
    pub fn for_network(_network: &ActualNetwork) -> PlanSettings {
        PlanSettings::default()
    }
}

/// How the plan serves one country.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PlanRole {
    /// A chosen post is hosted in the country.
    Post {
        /// The post id (`"CO Bogotá"`, `"PK (candidate)"`).
        post: String,
        /// Its staffing (`NP`, `KMar`, `NP+KMar`, …).
        staffing: String,
    },
    /// Served by accreditation of the liaison at a chosen post in another country.
    Accredited {
        /// The post id.
        post: String,
        /// Its host country.
        host: CountryCode,
        /// Coverage factor φ (0–1).
        factor: f64,
    },
    /// No chosen post covers the country.
    NotCovered,
}

/// One country: the recommendation and the plan, side by side.
#[derive(Debug, Clone, Serialize)]
pub struct PlanLine {
    /// Rank of the recommendation.
    pub rank: usize,
    /// The country.
    pub country: CountryCode,
    /// English name.
    pub name_en: String,
    /// Dutch name.
    pub name_nl: String,
    /// The engine's instrument.
    pub instrument: Instrument,
    /// The engine's organisation.
    pub organisation: Option<Organisation>,
    /// The engine recommends a permanent liaison (one country at a time).
    pub deserves_post: bool,
    /// How the plan serves it.
    pub plan: PlanRole,
    /// Network value of the country (need × added value / 100 × channel factor).
    pub value: f64,
    /// An actual post is hosted in the country.
    pub actual_post: bool,
}

/// The plan at a capacity, next to the recommendation.
#[derive(Debug, Clone, Serialize)]
pub struct PlanOverview {
    /// The actual network's file.
    pub network: String,
    /// Capacity used for the plan (liaisons).
    pub capacity: u32,
    /// Budget, EUR per year.
    pub budget: Option<f64>,
    /// Liaisons the plan posts.
    pub liaisons: u32,
    /// Cost of the plan, EUR per year.
    pub cost: f64,
    /// Value the plan covers.
    pub value: f64,
    /// Host countries of the plan's posts.
    pub plan_hosts: Vec<CountryCode>,
    /// Host countries of the actual network's Dutch posts.
    pub actual_hosts: Vec<CountryCode>,
    /// Every assessed country, by rank.
    pub lines: Vec<PlanLine>,
    /// The instance the plan was solved on (not serialised).
    #[serde(skip)]
    pub(crate) instance: Instance,
    /// The plan (not serialised).
    #[serde(skip)]
    pub(crate) plan: Plan,
}

impl PlanOverview {
    /// Countries that deserve a permanent liaison but get no post in the plan.
    pub fn deserving_without_post(&self) -> Vec<CountryCode> {
        self.lines
            .iter()
            .filter(|l| l.deserves_post && !matches!(l.plan, PlanRole::Post { .. }))
            .map(|l| l.country)
            .collect()
    }

    /// Value the plan would gain by adding the best option of `country`'s post, and the value
    /// the weakest chosen post adds (each from the instance's own value function).
    pub(crate) fn capacity_numbers(&self, country: CountryCode) -> Option<(f64, f64, String)> {
        let inst = &self.instance;
        let base = inst.value_of(&self.plan.choices);
        let gain = inst
            .posts
            .iter()
            .enumerate()
            .filter(|(_, p)| p.host == country)
            .flat_map(|(pi, p)| (0..p.options.len()).map(move |oi| (pi, oi)))
            .filter(|(pi, _)| self.plan.choices.iter().all(|(q, _)| q != pi))
            .map(|c| {
                let mut with = self.plan.choices.clone();
                with.push(c);
                inst.value_of(&with) - base
            })
            .fold(None, |m: Option<f64>, g| Some(m.map_or(g, |m| m.max(g))))?;
        let weakest = self
            .plan
            .choices
            .iter()
            .map(|c| {
                let without: Vec<_> = self
                    .plan
                    .choices
                    .iter()
                    .filter(|d| *d != c)
                    .copied()
                    .collect();
                (base - inst.value_of(&without), inst.posts[c.0].id.clone())
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)))?;
        Some((gain, weakest.0, weakest.1))
    }
}

/// Solves the plan at the settings' capacity and budget and lines it up with the records.
///
/// # Errors
/// [`ReconcileError::Network`] when the network file is malformed or the constraints are
/// infeasible; [`ReconcileError::EmptyNetwork`] when it has no Dutch post.
pub fn overview(
    evaluation: &Evaluation,
    network: &ActualNetwork,
    settings: &PlanSettings,
) -> Result<PlanOverview, ReconcileError> {
    let instance = build_instance(
        evaluation,
        &network.origin,
        &network.json,
        &settings.value_model,
    )?;
    let actual: BTreeSet<CountryCode> = instance
        .posts
        .iter()
        .filter(|p| p.existing.is_some())
        .map(|p| p.host)
        .collect();
    if actual.is_empty() {
        return Err(ReconcileError::EmptyNetwork {
            origin: network.origin.clone(),
        });
    }
    let capacity = settings
        .capacity
        .unwrap_or(u32::try_from(actual.len()).unwrap_or(u32::MAX));
    let constraints = Constraints {
        capacity,
        budget: settings.budget,
        forbidden: settings.forbidden.clone(),
        ..Constraints::default()
    };
    let solution = solve(&instance, &constraints, ExactOptions::default())?;
    let plan = solution.exact;
    let plan_hosts: BTreeSet<CountryCode> = plan
        .choices
        .iter()
        .map(|(p, _)| instance.posts[*p].host)
        .collect();
    let lines = evaluation
        .records
        .iter()
        .map(|r| {
            let ci = instance.country_index(r.country);
            let own = plan
                .choices
                .iter()
                .find(|(p, _)| instance.posts[*p].host == r.country);
            let role = if let Some(&(p, o)) = own {
                PlanRole::Post {
                    post: instance.posts[p].id.clone(),
                    staffing: instance.posts[p].options[o].staffing.label(),
                }
            } else {
                // The best covering chosen option, ties by post id.
                let best = ci.and_then(|ci| {
                    plan.choices
                        .iter()
                        .filter_map(|&(p, o)| {
                            let f = instance.posts[p].options[o]
                                .covers
                                .iter()
                                .find(|c| c.country == ci)?
                                .factor;
                            (f > 0.0).then_some((f, p))
                        })
                        .max_by(|a, b| {
                            a.0.total_cmp(&b.0)
                                .then_with(|| instance.posts[b.1].id.cmp(&instance.posts[a.1].id))
                        })
                });
                match best {
                    Some((factor, p)) => PlanRole::Accredited {
                        post: instance.posts[p].id.clone(),
                        host: instance.posts[p].host,
                        factor,
                    },
                    None => PlanRole::NotCovered,
                }
            };
            PlanLine {
                rank: r.rank,
                country: r.country,
                name_en: r.name_en.clone(),
                name_nl: r.name_nl.clone(),
                instrument: r.instrument,
                organisation: r.organisation,
                deserves_post: r.instrument == Instrument::PermanentLiaison,
                plan: role,
                value: ci.map_or(0.0, |i| instance.countries[i].value),
                actual_post: actual.contains(&r.country),
            }
        })
        .collect();
    Ok(PlanOverview {
        network: network.origin.clone(),
        capacity,
        budget: settings.budget,
        liaisons: plan.staffing.total(),
        cost: plan.cost,
        value: plan.value,
        plan_hosts: plan_hosts.into_iter().collect(),
        actual_hosts: actual.into_iter().collect(),
        lines,
        instance,
        plan,
    })
}
