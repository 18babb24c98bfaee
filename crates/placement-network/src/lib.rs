//! # placement-network
//!
//! Network planning for Dutch police liaison officers: choose the **posts, their staffing and
//! their work areas** that serve the most need within capacity and budget — exactly, through a
//! mixed-integer program, next to a fast greedy heuristic, and explained: which constraints
//! bind, what each post adds, the best post left out, the value curve over capacity and the
//! comparison with the 2025 network.
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Rulebook};
//! use placement_network::{analysis::solve, build_instance, Constraints, ExactOptions, ValueModel, NETWORK_2025};
//!
//! let rules = Rulebook::default_rulebook()?;
//! let evaluation = Engine::new(&rules).evaluate(&AssessmentSet::default_fixture()?)?;
//! let instance = build_instance(&evaluation, "network-2025.json", NETWORK_2025, &ValueModel::default())?;
//! let solution = solve(&instance, &Constraints::default(), ExactOptions::default())?;
//! assert!(solution.exact.staffing.total() <= 30);
//! // The exact optimum is never below the greedy plan.
//! assert!(solution.exact.value + 1e-9 >= solution.greedy.as_ref().map_or(0.0, |g| g.value));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Map
//! - [`model`]: countries with values, candidate posts with staffing options, plans.
//! - [`build`]: the instance from the core engine's evaluation and the 2025 network fixture.
//! - [`constraints`]: capacity, budget, locks, forbids, region minima; validation and the
//!   pre-solve feasibility checks that name conflicting constraints.
//! - [`exact`]: the MIP, reduced (level aggregation, bound fixing against a local-search
//!   incumbent) and solved by the pure-Rust microlp branch and bound.
//! - [`greedy`]: marginal value per euro, deterministic tie-break by country code.
//! - [`analysis`]: the explained report (data only); [`render`] (text, Markdown), [`page`]
//!   (a self-contained HTML page), [`sheet`] (CSV, XLSX) and [`svg`] (the value curve) format it.
//! - [`scenario`]: the planner's inputs from a resolved what-if scenario (placement-scenario).
//! - [`graph`]: the post–country coverage graph (petgraph) and what it leaves uncovered.
//!
//! ## Not public API: the `testing` feature
//! The test oracles are compiled only with the **unstable** `testing` cargo feature, which
//! this workspace enables for its own tests and benches (it also pulls in `good_lp`). They
//! are not covered by semver and may change or go away; embedding tools should not enable it.
//! - `brute`: exhaustive search, the reference for tests.
//! - `reference`: the plain MIP through good_lp, the reference for tests on larger instances.
//! - `synthetic`: deterministic synthetic instances for benchmarks and tests.
//! - `grid`: the capacity × budget grid the solver is measured on (docs/network.md).
//!
//! *Architecture invariants*: the crate never changes a core score (it reads decision records);
//! the analysis computes, the renderers only format; nothing depends on time or randomness, so
//! the same input gives the same plan. The model is documented in `docs/network.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

pub mod analysis;
#[cfg(feature = "testing")]
pub mod brute;
pub mod build;
pub mod constraints;
pub mod error;
pub mod exact;
pub mod graph;
pub mod greedy;
#[cfg(feature = "testing")]
pub mod grid;
pub mod model;
pub mod page;
#[cfg(feature = "testing")]
pub mod reference;
pub mod render;
pub mod scenario;
pub mod sheet;
pub mod svg;
#[cfg(feature = "testing")]
pub mod synthetic;
mod words;

pub use build::{build_instance, AccreditationRule, ValueModel, NETWORK_2025};
pub use constraints::{Constraints, Resolved};
pub use error::{Conflict, InputProblem, NetworkError};
pub use exact::{solve_exact, ExactOptions, ExactResult, DEFAULT_TIME_LIMIT_S};
pub use greedy::greedy;
pub use model::{CandidatePost, Choice, CountryValue, Cover, Instance, Plan, PostOption, Staffing};
