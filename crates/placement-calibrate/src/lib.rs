//! # placement-calibrate
//!
//! The inverse question: *which weightings and thresholds reproduce what was actually decided,
//! how much freedom is left, and which decisions no weighting can reproduce?* Preference
//! disaggregation by linear programming, in the spirit of UTA (Jacquet-Lagrèze & Siskos 1982)
//! and robust ordinal regression (Greco, Mousseau & Słowiński 2008, UTA-GMS), for weighted sums:
//! a [`Problem`] holds alternatives scored by weighted sums over groups of criteria (weights
//! in each group on the simplex), free thresholds, and documented decisions ("A before B",
//! "A reaches threshold t", "A stays below t"). [`calibrate`] returns the best fit, the central
//! (maximum-margin) weighting, every weight's and threshold's feasible interval, each decision's
//! verdict (necessary, possible, impossible) and, when not all can be reproduced, a minimal set
//! of conflicting decisions.
//!
//! [`engine`] builds problems from the placement engine: the 2015–2018 priority list under
//! p1-2015 (need side, priority threshold) and an actual network of posts under p4-2019 (need
//! and added-value sides, R-PLC-1's thresholds), saying which outcomes a rule, not a weight,
//! decides; [`patch`] writes the central weighting as a rulebook patch `advise --rules` accepts.
//!
//! ```
//! use placement_calibrate::{calibrate, Decision, Group, Options, Problem, Statement};
//!
//! // Two criteria; A is better on the first, B on the second; documented: A before B.
//! let problem = Problem {
//!     title: "two alternatives".into(),
//!     title_nl: None,
//!     criteria: vec!["c1".into(), "c2".into()],
//!     alternatives: vec!["A".into(), "B".into()],
//!     values: vec![vec![0.8, 0.2], vec![0.3, 0.6]],
//!     groups: vec![Group { name: "score".into(), criteria: vec![0, 1] }],
//!     thresholds: vec![],
//!     threshold_order: vec![],
//!     current_weights: None,
//!     decisions: vec![Decision {
//!         label: "A before B".into(),
//!         label_nl: None,
//!         source: "example".into(),
//!         statement: Statement::Before { a: 0, b: 1, group: 0 },
//!     }],
//! };
//! let c = calibrate(&problem, Options::default())?;
//! // 100 (0.8 w + 0.2 (1 − w)) ≥ 100 (0.3 w + 0.6 (1 − w)) + margin ⇔ w ≥ (0.4 + margin/100) / 0.9.
//! assert!((c.weights[0].min - (0.4 + 0.01 / 100.0) / 0.9).abs() < 1e-6);
//! assert!((c.weights[0].max - 1.0).abs() < 1e-9);
//! assert!(c.conflict.is_empty());
//! # Ok::<(), placement_calibrate::CalibrateError>(())
//! ```
//!
//! *Architecture*: reads decision records (for the engine problems) and never changes a score;
//! every LP is solved by the pure-Rust microlp simplex through good_lp; nothing depends on time
//! or randomness. The method is documented in `docs/research.md`, *Calibration*.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

mod calibrate;
pub mod engine;
mod error;
mod lp;
pub mod matrix;
mod page;
pub mod patch;
mod problem;
pub mod render;
mod sheet;

pub use calibrate::{
    calibrate, margin_of, Calibration, DecisionResult, Interval, Options, Verdict,
};
pub use error::{CalibrateError, InputProblem};

/// Version of the [`Report`] JSON (`calibrate --format json`; docs/schemas/calibration.schema.json).
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON document of an engine calibration (`calibrate --format json`): the calibration,
/// the decisions a rule decides (left out), and the rulebook it starts from.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The calibration.
    pub calibration: Calibration,
    /// Decisions left out because a rule, not a weight, decides them.
    pub decided_by_rule: Vec<engine::RuleDecided>,
    /// Id of the rulebook calibrated (the patch's base).
    pub base: String,
}
pub use problem::{Decision, Group, Problem, Statement, Threshold};
