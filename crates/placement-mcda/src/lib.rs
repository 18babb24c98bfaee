//! Classical multi-criteria decision methods on plain decision matrices.
//!
//! ```
//! use placement_mcda::{methods::topsis::topsis, weights, CriterionType::*, DecisionMatrix};
//!
//! // Rows are alternatives, columns criteria (price: cost, quality: benefit).
//! let m = DecisionMatrix::new(vec![
//!     vec![250.0, 7.0],
//!     vec![200.0, 6.0],
//!     vec![300.0, 9.0],
//! ])?;
//! let w = weights::entropy(&m)?;
//! let r = topsis(&m, &w, &[Cost, Benefit])?;
//! assert_eq!(r.ranking.len(), 3);
//! assert!(r.preferences.iter().all(|p| (0.0..=1.0).contains(p)));
//! # Ok::<(), placement_mcda::McdaError>(())
//! ```
//!
//! # Map
//! * [`matrix`]: the validated [`DecisionMatrix`], [`CriterionType`], weight validation.
//! * [`normalize`]: min-max, vector, sum and linear normalisation (pymcdm conventions).
//! * [`weights`]: equal, ROC, RS, RR, entropy, CRITIC, standard deviation, SWARA;
//!   [`ahp`]: AHP eigenvector weights with the consistency ratio.
//! * [`methods`]: WSM, WPM, TOPSIS, VIKOR, PROMETHEE II, COPRAS, MOORA.
//! * [`rank`]: average ranks (1 = best); [`correlation`]: Spearman, Kendall τ_b, weighted
//!   Spearman, WS similarity, top-k overlap.
//! * [`smaa`]: SMAA-2 (rank acceptability, central weights, confidence factors), seeded and
//!   bit-reproducible whatever the thread count.
//! * [`sensitivity`]: weight intervals within which the top alternative / top-k set holds.
//! * [`placement`]: the rule-based placement engine as one more method on the same matrix.
//!
//! # Not public API: the `testing` feature
//! The example and test plumbing is compiled only with the **unstable** `testing` cargo
//! feature, which this workspace enables for its own examples, tests and benches. It is not
//! covered by semver and may change or go away; tools embedding the crate should not enable it.
//! * `benchmark`: every weighting scheme × every method on one problem, with its text, CSV
//!   and SVG renderings (the `weights_benchmark` example).
//! * `svg`: the small SVG writer for the benchmark's SMAA-2 chart.
//! * `request`: the JSON contract of the `mcda` example binary (its metric names are
//!   [`correlation::Metric`]).
//!
//! Formulas and citations are on each item and collected, with the verification table, in
//! `docs/research.md`.
//!
//! # Guarantees
//! No function panics on bad input or returns NaN: every problem is a typed [`McdaError`]
//! naming the offending row, column or value, and validation reports all problems at once.
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]
// `!(x > y)` is used on purpose: it also catches NaN, which `x <= y` would let through.
#![allow(clippy::neg_cmp_op_on_partial_ord)]

pub mod ahp;
#[cfg(feature = "testing")]
pub mod benchmark;
pub mod correlation;
pub mod error;
pub mod matrix;
pub mod methods;
pub mod normalize;
pub mod placement;
pub mod rank;
#[cfg(feature = "testing")]
pub mod request;
pub mod sensitivity;
pub mod smaa;
#[cfg(feature = "testing")]
pub mod svg;
pub mod weights;

pub use error::{McdaError, Result};
pub use matrix::{normalize_weights, validate_weights, CriterionType, DecisionMatrix};
pub use methods::MethodResult;
pub use normalize::{normalize, Normalization};
pub use rank::{rank, Direction};
