//! The crate's one public error type.
//!
//! Every variant names the offending row, column, index or value so that a caller can point
//! at the cell of the decision problem that has to change. Validation functions collect every
//! problem they find and return them together as [`McdaError::Multiple`] rather than stopping
//! at the first one.

use thiserror::Error;

/// Everything that can go wrong in this crate.
///
/// Rows are alternatives and columns are criteria, both counted from 0.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum McdaError {
    /// The decision matrix has no rows or no columns.
    ///
    /// What to do: supply at least one alternative (row) and one criterion (column).
    #[error("decision matrix is empty ({rows} rows, {columns} columns); need at least 1 of each")]
    EmptyMatrix {
        /// Number of rows supplied.
        rows: usize,
        /// Number of columns supplied (of the first row, if any).
        columns: usize,
    },

    /// A row of the matrix has a different length from the first row.
    ///
    /// What to do: make the matrix rectangular.
    #[error("row {row} has {found} values, expected {expected} (the length of row 0)")]
    RaggedRow {
        /// Offending row.
        row: usize,
        /// Length of row 0.
        expected: usize,
        /// Length of this row.
        found: usize,
    },

    /// A cell of the matrix is NaN or infinite.
    ///
    /// What to do: replace the value by a finite number (or drop the alternative).
    #[error("value at row {row}, column {column} is not finite ({value})")]
    NonFiniteValue {
        /// Offending row.
        row: usize,
        /// Offending column.
        column: usize,
        /// The value found.
        value: f64,
    },

    /// Two inputs that must agree in length do not.
    ///
    /// What to do: give `what` exactly `expected` entries.
    #[error("{what}: expected {expected} entries, found {found}")]
    DimensionMismatch {
        /// Which input is wrong (e.g. `"weights"`, `"types"`, `"q"`).
        what: &'static str,
        /// Required length.
        expected: usize,
        /// Supplied length.
        found: usize,
    },

    /// A weight is NaN, infinite or negative.
    ///
    /// What to do: weights must be finite and `>= 0`.
    #[error("weight {index} is {value}; weights must be finite and >= 0")]
    InvalidWeight {
        /// Offending criterion.
        index: usize,
        /// The value found.
        value: f64,
    },

    /// The weights do not add up to a positive number, so they cannot be normalised.
    ///
    /// What to do: give at least one criterion a positive weight.
    #[error("weights sum to {sum}; need a positive, finite sum (give at least one criterion a positive weight; rescale very large weights)")]
    NonPositiveWeightSum {
        /// The sum found.
        sum: f64,
    },

    /// A criterion type code is neither `1` (benefit) nor `-1` (cost).
    ///
    /// What to do: use `1` for "more is better" and `-1` for "less is better".
    #[error("criterion type {index} is {value}; use 1 (benefit) or -1 (cost)")]
    InvalidCriterionType {
        /// Offending criterion.
        index: usize,
        /// The code found.
        value: i64,
    },

    /// A method that takes logarithms, ratios or shares met a zero or negative value.
    ///
    /// What to do: shift the criterion to strictly positive values, or pick a method or
    /// normalisation that accepts them (min-max or vector normalisation, TOPSIS, VIKOR,
    /// PROMETHEE II).
    #[error(
        "{method} needs strictly positive values, found {value} at row {row}, column {column}"
    )]
    ZeroOrNegativeNotAllowed {
        /// The method or normalisation that refused the value.
        method: &'static str,
        /// Offending row.
        row: usize,
        /// Offending column.
        column: usize,
        /// The value found.
        value: f64,
    },

    /// A method or weighting scheme that accepts zeros met a negative value.
    ///
    /// What to do: shift the criterion to values `>= 0`.
    #[error("{method} needs values >= 0 (zeros are allowed), found {value} at row {row}, column {column}")]
    NegativeNotAllowed {
        /// The method or scheme that refused the value.
        method: &'static str,
        /// Offending row.
        row: usize,
        /// Offending column.
        column: usize,
        /// The value found.
        value: f64,
    },

    /// A sum that a method divides by is not positive (COPRAS: a criterion's column sum, or
    /// an alternative's `S⁻`).
    ///
    /// What to do: as `requirement` says (typically: give the column, or the alternative's
    /// cost criteria, at least one positive value).
    #[error("{method}: {what} is {value}; {requirement}")]
    NonPositiveSum {
        /// The method.
        method: &'static str,
        /// Which sum, e.g. `column 2 sum` or `S- of row 3`.
        what: String,
        /// The value found.
        value: f64,
        /// What is required.
        requirement: &'static str,
    },

    /// A computation produced a value that is not finite; reported instead of writing NaN or
    /// infinity into a result.
    ///
    /// What to do: rescale the input (the message names the quantity); please report it, as
    /// every method is meant to be scale-safe.
    #[error("{method}: {what} is not finite ({value}); rescale the input")]
    NonFiniteResult {
        /// The method.
        method: &'static str,
        /// Which output.
        what: &'static str,
        /// The value found.
        value: f64,
    },

    /// A method cannot handle a criterion whose values are all equal.
    ///
    /// What to do: drop the criterion (it cannot discriminate) or use another method.
    #[error("{method} cannot use criterion {column}: all alternatives have the same value")]
    ConstantCriterion {
        /// The method that refused the column.
        method: &'static str,
        /// Offending column.
        column: usize,
    },

    /// A pairwise comparison matrix is not square.
    ///
    /// What to do: give an `n x n` matrix for `n` criteria.
    #[error("pairwise comparison matrix must be square; row {row} has {found} entries, expected {expected}")]
    NotSquare {
        /// Offending row.
        row: usize,
        /// Required length.
        expected: usize,
        /// Supplied length.
        found: usize,
    },

    /// A pairwise comparison entry is not a finite positive number.
    ///
    /// What to do: use Saaty's scale values 1/9 … 9 (any positive finite value is accepted).
    #[error("pairwise comparison a[{i}][{j}] = {value} must be finite and > 0")]
    InvalidComparison {
        /// Row of the entry.
        i: usize,
        /// Column of the entry.
        j: usize,
        /// The value found.
        value: f64,
    },

    /// A pairwise comparison matrix violates `a_ij * a_ji = 1` (relative tolerance 1e-6),
    /// or has a diagonal entry other than 1.
    ///
    /// What to do: set `a_ji = 1 / a_ij`.
    #[error(
        "pairwise comparison matrix is not reciprocal: a[{i}][{j}] = {a_ij}, a[{j}][{i}] = {a_ji}"
    )]
    NotReciprocal {
        /// Row of the first entry.
        i: usize,
        /// Column of the first entry.
        j: usize,
        /// `a[i][j]`.
        a_ij: f64,
        /// `a[j][i]`.
        a_ji: f64,
    },

    /// The AHP consistency ratio exceeds the threshold the caller asked for.
    ///
    /// What to do: revise the most inconsistent judgements and ask again, or accept the
    /// weights knowingly through [`crate::ahp::AhpWeights`] (which always carries the CR).
    #[error("AHP judgements are inconsistent: CR = {cr:.4} exceeds {threshold}")]
    InconsistentAhp {
        /// Saaty's consistency ratio.
        cr: f64,
        /// The threshold that was exceeded (Saaty: 0.1).
        threshold: f64,
    },

    /// A numeric parameter is out of its allowed range.
    ///
    /// What to do: pick a value inside `expected`.
    #[error("parameter `{name}` = {value} is invalid; expected {expected}")]
    InvalidParameter {
        /// Parameter name as used in the API and JSON contract.
        name: &'static str,
        /// The value found.
        value: f64,
        /// Human-readable allowed range.
        expected: &'static str,
    },

    /// A parameter the chosen variant needs was not given.
    ///
    /// What to do: supply `name`.
    #[error("parameter `{name}` is required by {needed_by}")]
    MissingParameter {
        /// Parameter name as used in the API and JSON contract.
        name: &'static str,
        /// The method or option that needs it.
        needed_by: &'static str,
    },

    /// A rank vector is not usable (non-finite, below 1, or above the number of items).
    ///
    /// What to do: pass ranks in `1..=n` (ties may share an average rank such as 2.5).
    #[error("rank {index} is {value}; ranks must be finite and within 1..={n}")]
    InvalidRank {
        /// Offending position.
        index: usize,
        /// The value found.
        value: f64,
        /// Number of ranked items.
        n: usize,
    },

    /// A ranking of criteria (for ROC, RS, RR or ordinal SMAA) is not a permutation of `1..=n`.
    ///
    /// What to do: give every criterion a distinct rank from 1 (most important) to n.
    #[error("criteria ranking is not a permutation of 1..={n}: {detail}")]
    NotAPermutation {
        /// Number of criteria.
        n: usize,
        /// What is wrong.
        detail: String,
    },

    /// Too few alternatives or items for the computation.
    ///
    /// What to do: supply at least `needed`.
    #[error("{what} needs at least {needed} items, found {found}")]
    TooFew {
        /// What needed them.
        what: &'static str,
        /// Minimum count.
        needed: usize,
        /// Count supplied.
        found: usize,
    },

    /// Rejection sampling of weights from intervals accepted nothing within its budget.
    ///
    /// What to do: widen the intervals so that they intersect the simplex in a set of
    /// non-negligible volume (the bounds must satisfy `sum(lower) <= 1 <= sum(upper)`).
    #[error(
        "weight intervals leave too little of the simplex: {accepted} of {tried} draws accepted"
    )]
    SamplingFailed {
        /// Draws accepted.
        accepted: u64,
        /// Draws tried.
        tried: u64,
    },

    /// A JSON request could not be understood.
    ///
    /// What to do: fix `field` as `reason` says (it lists the accepted values).
    #[error("invalid request field `{field}`: {reason}")]
    InvalidRequest {
        /// JSON path of the field (e.g. `params.preference_function`).
        field: String,
        /// What is wrong and what is accepted.
        reason: String,
    },

    /// The calibration's linear programs failed on a problem that should be solvable (a
    /// defect; please report it with the request).
    #[error("calibration failed: {0}")]
    Calibration(String),

    /// The placement engine refused the assessment set or rulebook it was given by
    /// [`crate::placement`] (for example weights that leave one side of the model with a
    /// zero total, or missing values under a `reject` policy).
    ///
    /// What to do: fix the input or rulebook as the engine's message says.
    #[error("placement engine: {message}")]
    Engine {
        /// The engine's own error message (it names the file, field and problem).
        message: String,
    },

    /// An [`placement_core::Evaluation`] does not belong to the assessment set or rulebook it
    /// was passed with (their hashes differ).
    ///
    /// What to do: evaluate the assessment set again under this rulebook.
    #[error("the evaluation was made from another {what}: hash {found}, expected {expected}")]
    MismatchedEvaluation {
        /// `"rulebook"` or `"assessment set"`.
        what: &'static str,
        /// Hash of the one passed in.
        expected: String,
        /// Hash recorded in the evaluation.
        found: String,
    },

    /// Several problems found by one validation pass.
    ///
    /// What to do: fix each listed problem.
    #[error("{} problems: {}", issues.len(), join(issues))]
    Multiple {
        /// Every problem found, in row-major order.
        issues: Vec<McdaError>,
    },
}

fn join(issues: &[McdaError]) -> String {
    issues
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl McdaError {
    /// Folds a list of problems into one error: `Ok(())` when empty, the problem itself when
    /// there is one, [`McdaError::Multiple`] otherwise.
    ///
    /// # Errors
    /// Returns the collected problems when `issues` is not empty.
    pub fn from_issues(mut issues: Vec<McdaError>) -> Result<(), McdaError> {
        match issues.len() {
            0 => Ok(()),
            1 => Err(issues.remove(0)),
            _ => Err(McdaError::Multiple { issues }),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = McdaError> = std::result::Result<T, E>;
