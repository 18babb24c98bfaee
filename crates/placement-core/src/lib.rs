//! # placement-core
//!
//! A rule-based, cited scoring engine that helps decide **where to place Dutch police liaison
//! officers abroad, with which instrument, and why**. It turns the placement model described in
//! five parliamentary documents (the *seeds*) into an engine that ranks candidate countries and
//! recommends for each a class, an instrument and an organisation, with a complete
//! [decision record](DecisionRecord).
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Instrument, Rulebook};
//!
//! let rules = Rulebook::default_rulebook()?;           // the current regime, p4-2019
//! let input = AssessmentSet::default_fixture()?;        // illustrative 2025 assessment
//! let evaluation = Engine::new(&rules).evaluate(&input)?;
//!
//! for record in evaluation.records.iter().take(3) {
//!     println!("{} {} {:?}", record.rank, record.country, record.instrument);
//! }
//! // Every record carries the hashes of its inputs and rulebook.
//! assert_eq!(evaluation.rulebook.hash, rules.hash());
//! # Ok::<(), placement_core::Error>(())
//! ```
//!
//! ## Map
//! - [`country`]: ISO codes and country facts (embedded reference table).
//! - [`criteria`]: the criterion catalogue, each with scale, direction, side and citation.
//! - [`phenomenon`]: the phenomenon approach and its aggregation into the crime relation.
//! - [`evidence`]: provenance of every value (source, date, confidence, marking).
//! - [`assessment`]: the input file format and its validation.
//! - [`rulebook`]: rules as data, one rulebook per policy regime.
//! - [`kernel`]: the one stage loop and condition evaluator every decision goes through.
//! - [`engine`]: the evaluation pipeline.
//! - [`record`]: the decision record and its stable JSON shape.
//! - [`criterion_map`]: the record's per-criterion map (one allocation, catalogue order).
//! - [`error`]: the error type and validation issues.
//! - [`io`]: reading inputs (regular files only, size cap) and writing outputs atomically,
//!   never over an input.
//!
//! Not public API: the canonical-JSON SHA-256 hashing behind [`Rulebook::hash`] and the
//! input hash of an [`Evaluation`] is a private module (`hash`); the hashes themselves are
//! part of the decision record.
//!
//! The core decides and records; it never formats prose for people (that is
//! `placement-explain`) and its scoring does no I/O (only loading and [`io`] touch files).
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(unreachable_pub)]

pub mod assessment;
pub mod citation;
pub mod country;
pub mod criteria;
pub mod criterion_map;
pub mod engine;
pub mod error;
pub mod evidence;
mod hash;
pub mod io;
pub mod kernel;
pub mod outcome;
mod par;
pub mod phenomenon;
pub mod record;
pub mod rulebook;
#[cfg(feature = "schema")]
pub mod schema;

pub use assessment::{AssessmentSet, CountryAssessment, DataSharingBasis};
pub use citation::Citation;
pub use country::{CountryCode, CountryFacts, Region};
pub use criteria::{Criterion, Side};
pub use engine::{Engine, Reevaluator};
pub use error::{Error, Issue, IssueCode};
pub use evidence::{Confidence, Evidence, Marking};
pub use outcome::{Class, Instrument, Organisation};
pub use phenomenon::Phenomenon;
pub use record::{DecisionRecord, Evaluation, Outcome};
pub use rulebook::Rulebook;

// Embedding tools share these between threads (one engine evaluating for many requests): a
// change that made one of them lose `Send` or `Sync` fails to compile here.
const _: fn() = || {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Engine<'static>>();
    send_sync::<Rulebook>();
    send_sync::<AssessmentSet>();
    send_sync::<Evaluation>();
};
