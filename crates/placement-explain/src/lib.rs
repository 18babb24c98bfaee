//! # placement-explain
//!
//! Turns a `placement-core` decision record into reasons a policy advisor can defend. It reads
//! records and rulebooks and never changes a score.
//!
//! ```
//! use placement_core::{AssessmentSet, Engine, Rulebook};
//! use placement_explain::reasons::{top_reasons, Lang};
//!
//! let rules = Rulebook::default_rulebook()?;
//! let evaluation = Engine::new(&rules).evaluate(&AssessmentSet::default_fixture()?)?;
//! let record = &evaluation.records[0];
//! let reasons = top_reasons(record, &rules, 3, Lang::En);
//! assert!(!reasons.is_empty() && reasons.len() <= 3);
//! # Ok::<(), placement_core::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod reasons;
