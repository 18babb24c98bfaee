//! The crate's one error type, [`ScenarioError`], and the [`Problem`]s that validation collects.
//!
//! Resolution never stops at the first problem: every problem found in a scenario chain is
//! gathered, each with the file and line it is on, a stable [`ProblemCode`] and a message saying
//! what to do, and returned together in [`ScenarioError::Invalid`]. Nothing is written when there
//! is any problem.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// What kind of problem a [`Problem`] is. Stable: tools may match on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProblemCode {
    /// The file is not well-formed TOML, JSON or CSV, or a field has the wrong type.
    Malformed,
    /// More problems were found than are kept ([`MAX_KEPT`]); this last problem counts the
    /// rest. Fix the ones listed (often one cause, such as a wrong column) and run again.
    TooMany,
    /// A file named by the scenario (base, rulebook, CSV table) does not exist or cannot be read.
    MissingFile,
    /// Scenarios that build on each other in a circle.
    Cycle,
    /// A country code that is not ISO 3166-1 alpha-2, or a country not in the assessment set.
    UnknownCountry,
    /// A criterion id that is not in the catalogue, or does not apply to the country.
    UnknownCriterion,
    /// A phenomenon id that is not in the catalogue.
    UnknownPhenomenon,
    /// A rule id the rulebook does not define, or a threshold the rule does not compare.
    UnknownRule,
    /// Any other name (rulebook id, fact, region, data-sharing basis) not in its vocabulary.
    UnknownName,
    /// A value outside its scale (or not finite).
    OutOfRange,
    /// The same thing given twice (an override, an added country, a lock).
    Duplicate,
    /// A required field is absent.
    Missing,
    /// Two parts of the scenario that contradict each other.
    Contradiction,
    /// The core library rejected the resolved input (its issue is quoted).
    Rejected,
}

impl ProblemCode {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            ProblemCode::Malformed => "malformed",
            ProblemCode::TooMany => "too_many",
            ProblemCode::MissingFile => "missing_file",
            ProblemCode::Cycle => "cycle",
            ProblemCode::UnknownCountry => "unknown_country",
            ProblemCode::UnknownCriterion => "unknown_criterion",
            ProblemCode::UnknownPhenomenon => "unknown_phenomenon",
            ProblemCode::UnknownRule => "unknown_rule",
            ProblemCode::UnknownName => "unknown_name",
            ProblemCode::OutOfRange => "out_of_range",
            ProblemCode::Duplicate => "duplicate",
            ProblemCode::Missing => "missing",
            ProblemCode::Contradiction => "contradiction",
            ProblemCode::Rejected => "rejected",
        }
    }
}

/// One problem in a scenario file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// What kind of problem.
    pub code: ProblemCode,
    /// The file it is in (as given, or resolved relative to the scenario that names it).
    pub file: String,
    /// 1-based line of the offending key (0 when the problem concerns the whole file; for
    /// [`ProblemCode::TooMany`], how many problems were not kept).
    pub line: usize,
    /// The field path, e.g. `override[2].criterion`.
    pub field: String,
    /// What is wrong and what to do about it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: [{}] {}: {}",
            self.file,
            self.line,
            self.code.id(),
            self.field,
            self.message
        )
    }
}

/// The most problems kept in memory (the rest are only counted, in a last
/// [`ProblemCode::TooMany`] problem), so a huge bad input cannot exhaust memory.
pub const MAX_KEPT: usize = 1000;

/// One problem per line, at most `placement_core::error::MAX_LISTED`, then a count of the rest.
fn list(problems: &[Problem]) -> String {
    let max = placement_core::error::MAX_LISTED;
    let (counted, problems) = match problems.split_last() {
        Some((last, rest)) if last.code == ProblemCode::TooMany => (
            last.line, // the number of problems not kept
            rest,
        ),
        _ => (0, problems),
    };
    let mut out = String::new();
    for p in problems.iter().take(max) {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    let more = problems.len().saturating_sub(max) + counted;
    if more > 0 {
        out.push_str(&format!("\n  … and {more} more"));
    }
    out
}

/// Everything that can go wrong in `placement-scenario`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// One or more scenario files are invalid; every problem found is listed with its file and
    /// line. Fix them and run again; nothing was written.
    #[error("{} problem(s) found:{}", problems.len(), list(problems))]
    Invalid {
        /// Every problem, in the order found.
        problems: Vec<Problem>,
    },
    /// The engine refused to evaluate a resolved scenario (e.g. a `reject` missing-value policy
    /// with missing values). Its message lists what to change (the core error in words, through
    /// placement-text; not also chained as a `source`, so it is printed once).
    #[error("{scenario}: evaluation failed: {}", placement_text::Lang::En.error(.error))]
    Engine {
        /// The scenario's name.
        scenario: String,
        /// The core error.
        error: placement_core::Error,
    },
    /// An output path is also one of the inputs. Choose another output file.
    #[error("{}: refusing to write: this file is an input of the run; choose another --out file", path.display())]
    OutputIsInput {
        /// The refused path.
        path: PathBuf,
    },
    /// The output could not be written. Check the directory exists and is writable.
    #[error("{}: cannot write the output: {source}", path.display())]
    Write {
        /// The output path.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

impl ScenarioError {
    /// The problems of an [`ScenarioError::Invalid`], or an empty slice.
    pub fn problems(&self) -> &[Problem] {
        match self {
            ScenarioError::Invalid { problems } => problems,
            _ => &[],
        }
    }
}

/// Collects problems (at most [`MAX_KEPT`], the rest counted); turns into
/// [`ScenarioError::Invalid`] when there are any.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub(crate) Vec<Problem>, pub(crate) usize);

impl Problems {
    pub(crate) fn push(
        &mut self,
        code: ProblemCode,
        file: &str,
        line: usize,
        field: impl Into<String>,
        message: impl Into<String>,
    ) {
        if self.0.len() >= MAX_KEPT {
            self.1 += 1;
            return;
        }
        self.0.push(Problem {
            code,
            file: file.to_string(),
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn finish<T>(self, value: T) -> Result<T, ScenarioError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            let mut problems = self.0;
            if self.1 > 0 {
                problems.push(Problem {
                    code: ProblemCode::TooMany,
                    file: String::new(),
                    // For this code, `line` holds how many problems were not kept.
                    line: self.1,
                    field: String::new(),
                    message: format!(
                        "{} more problems were found; only the first {MAX_KEPT} are kept",
                        self.1
                    ),
                });
            }
            Err(ScenarioError::Invalid { problems })
        }
    }
}
