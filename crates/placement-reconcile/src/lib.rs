//! # placement-reconcile
//!
//! Two questions an advisor asks after the per-country recommendation:
//!
//! 1. **What does the network look like at the capacity we have?** [`overview`] solves the
//!    network plan (placement-network's exact MIP) at a capacity and budget and puts it next to
//!    each country's recommendation: which countries get a post, which are served by
//!    accreditation from which chosen post, which get a FILO, the Europol channel, a partner
//!    liaison or capacity building. *Deserves a permanent liaison* (the engine's instrument,
//!    one country at a time) and *gets a post in the plan* (the network under capacity) are
//!    kept apart.
//! 2. **Where do model and reality differ, and why?** [`reconcile`] compares the plan with an
//!    actual network (default: the 2025 network, seed 003): per country *agree*, *the model
//!    wants a post that does not exist*, or *a post exists that the model does not support*;
//!    each difference with the rule that decides it, that rule's margin, and the smallest
//!    change of the inputs the explainer found and the engine confirmed that would make model
//!    and reality agree (or, where capacity decides, the plan's own numbers). Summary:
//!    precision and recall of the plan's host countries against the actual ones.
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Rulebook};
//! use placement_reconcile::{actual_network, overview, reconcile, PlanSettings};
//!
//! let rules = Rulebook::default_rulebook()?;
//! let input = AssessmentSet::default_fixture()?;
//! let evaluation = Engine::new(&rules).evaluate(&input)?;
//! let network = actual_network("network-2025.json", placement_network::NETWORK_2025)?;
//! let settings = PlanSettings::for_network(&network);
//! let plan = overview(&evaluation, &network, &settings)?;
//! assert!(plan.liaisons <= plan.capacity);
//! let r = reconcile(&rules, &input, &evaluation, &network, &plan)?;
//! assert!(r.summary.recall > 0.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! *Architecture*: reads decision records, the network crate's plan and the explainer's
//! verified counterfactuals; it never changes a score or a plan. Rendering (EN/NL text,
//! Markdown, a self-contained HTML page, CSV and XLSX) is in [`render`]; the JSON shape is the serde form of [`Reconciliation`] and
//! [`PlanOverview`] (documented in `docs/reconcile.md`).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod error;
mod network;
mod page;
mod plan;
mod reconcile;
pub mod render;
mod sheet;

pub use error::ReconcileError;
pub use network::{actual_network, ActualNetwork};
pub use plan::{overview, PlanLine, PlanOverview, PlanRole, PlanSettings};
pub use reconcile::{
    reconcile, Agreement, Cause, CountryReconciliation, FoundChange, Reconciliation, Summary,
    WeightChange, SCHEMA_VERSION,
};
