//! Errors of calibration: typed, naming the decision, alternative or criterion, and all at once.

use thiserror::Error;

/// One problem with a calibration problem or its decisions.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum InputProblem {
    /// Nothing to calibrate on.
    #[error("no {what}: give at least one")]
    Empty {
        /// `alternatives` or `decisions`.
        what: &'static str,
    },
    /// A table of the wrong size.
    #[error("{what}: expected {expected} entries, found {found}")]
    Shape {
        /// Which table.
        what: String,
        /// Expected length.
        expected: usize,
        /// Found length.
        found: usize,
    },
    /// A normalised value outside [0, 1] or not finite.
    #[error("{alternative} {criterion} = {value}: normalised values must be finite and in [0, 1]")]
    BadValue {
        /// The alternative.
        alternative: String,
        /// The criterion.
        criterion: String,
        /// The value.
        value: f64,
    },
    /// A group without criteria.
    #[error("group {group} has no criteria")]
    EmptyGroup {
        /// The group.
        group: String,
    },
    /// A criterion in no group or in several.
    #[error("criterion {criterion} is in {groups} groups; put it in exactly one")]
    Grouping {
        /// The criterion.
        criterion: String,
        /// In how many groups.
        groups: usize,
    },
    /// Threshold bounds that are not finite or not ordered.
    #[error("threshold {threshold}: bounds [{min}, {max}] must be finite with min ≤ max")]
    BadThreshold {
        /// The threshold.
        threshold: String,
        /// Lower bound.
        min: f64,
        /// Upper bound.
        max: f64,
    },
    /// A decision that names an alternative, group or threshold that does not exist, or a
    /// negative factor.
    #[error("decision {decision:?} refers to something that does not exist (alternative, group or threshold), or has a negative factor")]
    BadReference {
        /// The decision.
        decision: String,
    },
    /// "A before A".
    #[error("decision {decision:?} compares an alternative with itself")]
    SelfComparison {
        /// The decision.
        decision: String,
    },
    /// "A before B" and "B before A".
    #[error("decisions {first:?} and {second:?} contradict each other (A before B and B before A); drop one")]
    Contradiction {
        /// One.
        first: String,
        /// The other.
        second: String,
    },
    /// A label given twice.
    #[error("{what} {label:?} is given twice; labels must be distinct")]
    DuplicateLabel {
        /// `alternative` or `threshold`.
        what: &'static str,
        /// The label.
        label: String,
    },
    /// A decision naming an alternative or threshold that does not exist.
    #[error("decisions[{decision}]: no {what} is called {label:?}; use one of: {known}")]
    UnknownLabel {
        /// Position of the decision in the request.
        decision: usize,
        /// `alternative` or `threshold`.
        what: &'static str,
        /// The label as given.
        label: String,
        /// The labels that exist (the first few).
        known: String,
    },
    /// Current weights of the wrong length, negative or not finite.
    #[error("current weights: {reason}")]
    BadCurrentWeights {
        /// What is wrong.
        reason: String,
    },
    /// A decision about a country the assessment set does not contain.
    #[error("decision about {code}: the country is not in the assessment set; add it or drop the decision")]
    UnknownCountry {
        /// The code as given.
        code: String,
    },
}

/// Why a calibration could not be made.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CalibrateError {
    /// The problem is malformed; every problem is listed.
    #[error("{title}: {} problem(s): {}", problems.len(), problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// The problem's title.
        title: String,
        /// Every problem.
        problems: Vec<InputProblem>,
    },
    /// The LP solver failed on a problem that should be feasible (a defect; please report it).
    #[error("the LP solver failed: {0}")]
    Solver(String),
    /// The engine could not evaluate the input.
    #[error(transparent)]
    Engine(#[from] placement_core::Error),
}
