//! Network inputs from a resolved what-if scenario (`placement-scenario`): its assessment set
//! and rulebook give the evaluation and so the country values; its capacity, budget and
//! placement costs give the resources; its posts locked in and ruled out become locks and
//! forbids.
//!
//! ```no_run
//! use placement_network::analysis::solve;
//! use placement_network::scenario::from_scenario;
//! use placement_network::{Constraints, ExactOptions, ValueModel, NETWORK_2025};
//! use placement_scenario::Scenario;
//!
//! let s = Scenario::load("fixtures/scenarios/russia-withdrawal-2022.toml".as_ref())?;
//! let net = from_scenario(&s.state, "network-2025.json", NETWORK_2025, &ValueModel::default(), &Constraints::default())?;
//! let plan = solve(&net.instance, &net.constraints, ExactOptions::default())?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use placement_core::{CountryCode, Engine, Evaluation};
use placement_scenario::State;

use crate::build::{build_instance, ValueModel};
use crate::constraints::Constraints;
use crate::error::{InputProblem, NetworkError};
use crate::model::Instance;

/// What the planner needs from a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioNetwork {
    /// The scenario's evaluation (its assessment set under its rulebook).
    pub evaluation: Evaluation,
    /// The instance built from it, with the scenario's placement costs.
    pub instance: Instance,
    /// The constraints: `base` with the scenario's capacity, budget, locks and forbids.
    pub constraints: Constraints,
}

/// Maps a resolved scenario state onto the planner's inputs.
///
/// * **Values**: the scenario's assessment set evaluated under its rulebook.
/// * **Costs**: `cost_per_placement_eur` replaces [`ValueModel::cost_per_liaison`];
///   `cost_by_country` applies to every post hosted in that country (per liaison).
/// * **Capacity**: police and KMar capacities become `police_capacity` and
///   `marechaussee_capacity` where the scenario sets them; the total is their sum when both
///   are set, else the one that is set (the scenario's default, police 30, is seed 000's "30
///   liaison officers", which the planner has always read as the total, R-CAP-1). Without
///   either, `base.capacity` stays.
/// * **Budget**: `total_eur` where the scenario sets one, else `base.budget`.
/// * **Posts**: `lock_in` countries are added to `locked`, `rule_out` countries to
///   `forbidden` (next to those `base` already has).
///
/// # Errors
/// [`NetworkError::Core`] when the engine rejects the scenario's assessment set;
/// [`NetworkError::Fixture`] as [`build_instance`]; [`NetworkError::InvalidInput`] listing
/// every locked-in or ruled-out country that hosts no candidate post of the network.
pub fn from_scenario(
    state: &State,
    network_origin: &str,
    network_json: &str,
    model: &ValueModel,
    base: &Constraints,
) -> Result<ScenarioNetwork, NetworkError> {
    let evaluation = Engine::new(&state.rulebook).evaluate(&state.assessment)?;
    let mut model = model.clone();
    model.cost_per_liaison = state.budget.cost_per_placement_eur as f64;
    let mut instance = build_instance(&evaluation, network_origin, network_json, &model)?;
    if !state.budget.cost_by_country.is_empty() {
        for post in &instance.posts {
            if let Some(&cost) = state.budget.cost_by_country.get(&post.host) {
                model.cost_overrides.insert(post.id.clone(), cost as f64);
            }
        }
        instance = build_instance(&evaluation, network_origin, network_json, &model)?;
    }
    let hosts = |code: &CountryCode| instance.posts.iter().any(|p| p.host == *code);
    let mut problems = Vec::new();
    for (field, codes) in [
        ("scenario [posts] lock_in", &state.posts.locked_in),
        ("scenario [posts] rule_out", &state.posts.ruled_out),
    ] {
        for code in codes.iter().filter(|c| !hosts(c)) {
            problems.push(InputProblem::UnknownPost {
                field: field.to_string(),
                id: format!("{code} (no candidate post of the network is hosted there)"),
            });
        }
    }
    if !problems.is_empty() {
        return Err(NetworkError::InvalidInput { problems });
    }
    let mut c = base.clone();
    let cap = state.capacity;
    if cap.police.is_some() || cap.marechaussee.is_some() {
        c.capacity = cap.known_total();
        c.police_capacity = cap.police;
        c.marechaussee_capacity = cap.marechaussee;
    }
    if let Some(total) = state.budget.total_eur {
        c.budget = Some(total as f64);
    }
    let add = |list: &mut Vec<String>, codes: &std::collections::BTreeSet<CountryCode>| {
        for code in codes {
            if !list.iter().any(|l| l.eq_ignore_ascii_case(code.as_str())) {
                list.push(code.to_string());
            }
        }
    };
    add(&mut c.locked, &state.posts.locked_in);
    add(&mut c.forbidden, &state.posts.ruled_out);
    Ok(ScenarioNetwork {
        evaluation,
        instance,
        constraints: c,
    })
}
