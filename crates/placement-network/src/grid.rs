//! The solver's measurement grid (issue 14): capacities 10–60 × budgets over the binding range
//! of the real costs, on the shipped 2025 network and the embedded assessment fixture.
//! Compiled with the unstable `testing` feature only; used by `tests/grid.rs` (which prints the
//! distribution published in `docs/network.md`) and `benches/network.rs` (hard grid points).

use placement_core::{AssessmentSet, Engine, Rulebook};

use crate::build::{build_instance, ValueModel, NETWORK_2025};
use crate::constraints::Constraints;
use crate::error::NetworkError;
use crate::model::Instance;

/// Capacities of the grid: 10, 15, …, 60 liaisons.
pub fn capacities() -> Vec<u32> {
    (10..=60).step_by(5).collect()
}

/// Budgets of the grid, EUR: 3.04 m to 17.04 m in steps of 1 m. A liaison costs 280,000 in
/// the fixture, so these span 10.9 to 60.9 liaisons' worth — from binding at every capacity to
/// binding at none — and include the 2025 network's cost (12.04 m, 43 liaisons) and the case
/// found by fuzzing (10.04 m at capacity 43).
pub fn budgets() -> Vec<f64> {
    (0..15)
        .map(|k| 3_040_000.0 + 1_000_000.0 * f64::from(k))
        .collect()
}

/// The grid's constraints at one point: the CLI's defaults (Russia forbidden, seed 003) with
/// this capacity and budget.
pub fn constraints(capacity: u32, budget: f64) -> Constraints {
    Constraints {
        capacity,
        budget: Some(budget),
        forbidden: vec!["RU".to_string()],
        ..Constraints::default()
    }
}

/// The instance the grid is measured on: the embedded assessment fixture under the default
/// rulebook, on the embedded 2025 network, with the default value model.
///
/// # Errors
/// When the embedded fixtures do not load (a build error, not an input error).
pub fn fixture_instance() -> Result<Instance, NetworkError> {
    let rules = Rulebook::default_rulebook()?;
    let evaluation = Engine::new(&rules).evaluate(&AssessmentSet::default_fixture()?)?;
    build_instance(
        &evaluation,
        "fixtures/network-2025.json",
        NETWORK_2025,
        &ValueModel::default(),
    )
}

/// A stress variant of [`fixture_instance`], not real data: every post's option costs scaled
/// by a deterministic factor in [0.8, 1.2) (as in the synthetic benchmark) and rounded to whole
/// euros, so the budget no longer reduces to a number of liaisons and the branch and bound has
/// to close a knapsack gap.
///
/// # Errors
/// As [`fixture_instance`].
pub fn varied_cost_instance() -> Result<Instance, NetworkError> {
    let mut instance = fixture_instance()?;
    for (p, post) in instance.posts.iter_mut().enumerate() {
        let factor = 0.8 + 0.4 * ((p as u64).wrapping_mul(2_654_435_761) % 1000) as f64 / 1000.0;
        for option in &mut post.options {
            option.cost = (option.cost * factor).round();
        }
    }
    Ok(instance)
}
