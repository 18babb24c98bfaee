//! # placement-explain
//!
//! Turns a `placement-core` decision record into an explanation a policy advisor can defend:
//! why a country got its class, instrument and organisation, what would have to change for
//! another outcome, and where every input came from. It reads records and rulebooks and
//! **never changes a score**; to verify a counterfactual it re-runs the engine on changed
//! inputs (`Engine::reevaluator`, every other country held fixed).
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Rulebook};
//! use placement_explain::{render, Explainer, Lang, Options};
//!
//! let rules = Rulebook::default_rulebook()?;
//! let input = AssessmentSet::default_fixture()?;
//! let evaluation = Engine::new(&rules).evaluate(&input)?;
//! let explainer = Explainer::new(&rules, &input, &evaluation, Options::default())?;
//!
//! let e = explainer.explain_code("CO")?;
//! // Contributions add up to the score, rule adjustments included.
//! assert!((e.contributions.score_total() - e.recommendation.score).abs() < 1e-9);
//! let text = render::text(&e, Lang::Nl);
//! assert!(text.contains("Colombia"));
//! let json = render::json(&e);
//! assert!(json.contains("\"schema_version\": 2"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Map
//! - [`Explainer`] / [`Explanation`] ([`explainer`]): the entry point and the structured result.
//! - [`contributions`]: each criterion's and adjustment's part of score, need and added value.
//! - [`rules`]: rules that fired, were overruled, or nearly fired (near misses measured by
//!   the core condition evaluator over a distance truth, see `near_miss`).
//! - [`margins`]: distances to class boundaries, instrument thresholds and ranking neighbours.
//! - [`counterfactual`]: the smallest verified changes that change the outcome.
//! - [`compare`]: why A ranks above B.
//! - [`stability`]: weight intervals within which the outcome holds.
//! - [`provenance`]: sources, dates, confidence, missing and stale inputs, marking.
//! - [`render`]: plain text (English, Dutch), Markdown and JSON; [`render::ranking`]: the
//!   ranked table of a whole evaluation (`advise`).
//! - [`i18n`]: every phrase and label in both languages.
//! - [`error`]: the error type, [`ExplainError`].
//! - [`reasons`]: one-line reasons for tables (`advise`).
//!
//! Public API narrowing (`#![warn(unreachable_pub)]`): the private `probe` module (the fast
//! replay behind the searches) has only crate-visible items; nothing public was removed.
//!
//! The JSON schema and the limits of the searches are documented in `docs/explain.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod bounds;
pub mod compare;
pub mod contributions;
pub mod counterfactual;
pub mod error;
pub mod explainer;
pub mod i18n;
pub mod margins;
mod near_miss;
mod probe;
pub mod provenance;
pub mod reasons;
pub mod render;
pub mod rules;
pub mod stability;

pub use compare::Comparison;
pub use error::{parse_evaluation, ExplainError};
pub use explainer::{Explainer, Explanation, Options, SCHEMA_VERSION};
pub use i18n::Lang;

// An embedding tool may explain from several threads at once: a change that made these lose
// `Send` or `Sync` fails to compile here.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Explainer<'static>>();
    send_sync::<Explanation>();
    send_sync::<Comparison>();
};
