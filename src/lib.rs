//! `liaison-placement`: one name for the whole engine.
//!
//! This facade re-exports the workspace's library crates so that a tool embedding the engine
//! can depend on a single package. The real documentation lives in each crate:
//!
//! - [`core`] (`placement-core`): countries, criteria, evidence, rulebooks, scoring and the
//!   decision record. It decides and records.
//! - [`calibrate`] (`placement-calibrate`): which weightings reproduce documented decisions.
//! - [`explain`] (`placement-explain`): turns a decision record into reasons. It never changes a
//!   score.
//! - [`mcda`] (`placement-mcda`): classical multi-criteria methods for researchers.
//! - [`network`] (`placement-network`): choosing the posts of a whole network within capacity
//!   and budget.
//! - [`reconcile`] (`placement-reconcile`): the capacity-aware plan next to the per-country
//!   recommendation, and its reconciliation with an actual network.
//! - [`scenario`] (`placement-scenario`): named what-if scenarios compared with a baseline.
//! - [`text`] (`placement-text`): every label and sentence in English and Dutch.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

pub use placement_calibrate as calibrate;
pub use placement_core as core;
pub use placement_explain as explain;
pub use placement_mcda as mcda;
pub use placement_network as network;
pub use placement_reconcile as reconcile;
pub use placement_report as report;
pub use placement_scenario as scenario;
pub use placement_text as text;

/// The README's code examples, compiled and run as doctests so they cannot drift.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
