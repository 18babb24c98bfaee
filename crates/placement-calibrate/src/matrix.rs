//! A weighted sum over any matrix: the calibration problem of a normalised decision matrix and
//! documented decisions that name alternatives and thresholds by label. The `mcda` JSON
//! contract (`{"calibrate": …}`, docs/research.md) and the Python package's `calibrate` build
//! their problems here.

use serde::{Deserialize, Serialize};

use crate::error::{CalibrateError, InputProblem};
use crate::problem::{Decision, Group, Problem, Statement, Threshold};

/// A documented decision about the alternatives of a matrix, by label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Documented {
    /// `a` was preferred to `b`: its weighted sum is higher.
    Before {
        /// The preferred alternative.
        a: String,
        /// The other one.
        b: String,
    },
    /// The alternative's weighted sum reaches the threshold (it was selected, placed, …).
    AtLeast {
        /// The alternative.
        alternative: String,
        /// The threshold's name.
        threshold: String,
    },
    /// The alternative's weighted sum stays below the threshold (it was not selected).
    Below {
        /// The alternative.
        alternative: String,
        /// The threshold's name.
        threshold: String,
    },
}

/// A weighted-sum calibration problem over a matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixProblem<'a> {
    /// Title shown in every output.
    pub title: &'a str,
    /// Criterion labels, one per column.
    pub criteria: &'a [String],
    /// Alternative labels, one per row (distinct).
    pub alternatives: &'a [String],
    /// Normalised values in [0, 1], benefit direction (a cost criterion reversed), one row per
    /// alternative.
    pub values: &'a [Vec<f64>],
    /// Free thresholds on the score `100 × Σ w_j n_ij` (0–100).
    pub thresholds: &'a [Threshold],
    /// The documented decisions.
    pub decisions: &'a [Documented],
    /// The weights in use now (summing to 1), shown next to the calibrated ones.
    pub current_weights: Option<&'a [f64]>,
}

/// Builds the [`Problem`] of a weighted sum over a matrix: one group holding every criterion,
/// each decision labelled by what it says ("A before B", "A reaches t", "A below t") with its
/// position in the request as its source.
///
/// # Errors
/// [`CalibrateError::Invalid`] listing every problem at once: labels that name no alternative or
/// threshold, duplicate alternative labels, and everything [`Problem::validate`] finds.
///
/// ```
/// use placement_calibrate::matrix::{weighted_sum_problem, Documented, MatrixProblem};
/// use placement_calibrate::{calibrate, Options};
///
/// let labels = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
/// let (criteria, alternatives) = (labels(&["c1", "c2"]), labels(&["A", "B"]));
/// let values = vec![vec![0.8, 0.2], vec![0.3, 0.6]];
/// let decisions = [Documented::Before { a: "A".into(), b: "B".into() }];
/// let problem = weighted_sum_problem(&MatrixProblem {
///     title: "two alternatives",
///     criteria: &criteria,
///     alternatives: &alternatives,
///     values: &values,
///     thresholds: &[],
///     decisions: &decisions,
///     current_weights: None,
/// })?;
/// let c = calibrate(&problem, Options::default())?;
/// assert_eq!(c.decisions[0].label, "A before B");
/// assert!(c.weights[0].min > 0.44); // w1 ≥ (0.4 + 0.0001) / 0.9
/// # Ok::<(), placement_calibrate::CalibrateError>(())
/// ```
pub fn weighted_sum_problem(input: &MatrixProblem<'_>) -> Result<Problem, CalibrateError> {
    let mut problems = Vec::new();
    for (i, a) in input.alternatives.iter().enumerate() {
        if input.alternatives[..i].contains(a) {
            problems.push(InputProblem::DuplicateLabel {
                what: "alternative",
                label: a.clone(),
            });
        }
    }
    for (k, t) in input.thresholds.iter().enumerate() {
        if input.thresholds[..k].iter().any(|u| u.name == t.name) {
            problems.push(InputProblem::DuplicateLabel {
                what: "threshold",
                label: t.name.clone(),
            });
        }
    }
    let alternative = |label: &str, d: usize, problems: &mut Vec<InputProblem>| {
        let i = input.alternatives.iter().position(|a| a == label);
        if i.is_none() {
            problems.push(InputProblem::UnknownLabel {
                decision: d,
                what: "alternative",
                label: label.to_string(),
                known: known(input.alternatives.iter()),
            });
        }
        i
    };
    let threshold = |name: &str, d: usize, problems: &mut Vec<InputProblem>| {
        let k = input.thresholds.iter().position(|t| t.name == name);
        if k.is_none() {
            problems.push(InputProblem::UnknownLabel {
                decision: d,
                what: "threshold",
                label: name.to_string(),
                known: known(input.thresholds.iter().map(|t| &t.name)),
            });
        }
        k
    };
    let mut decisions = Vec::with_capacity(input.decisions.len());
    for (d, doc) in input.decisions.iter().enumerate() {
        let (label, statement) = match doc {
            Documented::Before { a, b } => {
                let (i, j) = (
                    alternative(a, d, &mut problems),
                    alternative(b, d, &mut problems),
                );
                let st = i.zip(j).map(|(a, b)| Statement::Before { a, b, group: 0 });
                (format!("{a} before {b}"), st)
            }
            Documented::AtLeast {
                alternative: a,
                threshold: t,
            }
            | Documented::Below {
                alternative: a,
                threshold: t,
            } => {
                let at_least = matches!(doc, Documented::AtLeast { .. });
                let i = alternative(a, d, &mut problems);
                let k = threshold(t, d, &mut problems);
                let st = i.zip(k).map(|(alternative, threshold)| {
                    if at_least {
                        Statement::AtLeast {
                            alternative,
                            group: 0,
                            threshold,
                            factor: 1.0,
                        }
                    } else {
                        Statement::Below {
                            alternative,
                            group: 0,
                            threshold,
                            factor: 1.0,
                        }
                    }
                });
                let verb = if at_least { "reaches" } else { "below" };
                (format!("{a} {verb} {t}"), st)
            }
        };
        if let Some(statement) = statement {
            decisions.push(Decision {
                label,
                label_nl: None,
                source: format!("decisions[{d}]"),
                statement,
            });
        }
    }
    let problem = Problem {
        title: input.title.to_string(),
        title_nl: None,
        criteria: input.criteria.to_vec(),
        alternatives: input.alternatives.to_vec(),
        values: input.values.to_vec(),
        groups: vec![Group {
            name: "score".into(),
            criteria: (0..input.criteria.len()).collect(),
        }],
        thresholds: input.thresholds.to_vec(),
        threshold_order: Vec::new(),
        current_weights: input.current_weights.map(<[f64]>::to_vec),
        decisions,
    };
    // Every problem at once: the labels' and the problem's own.
    match problem.validate() {
        Err(CalibrateError::Invalid { problems: more, .. }) => problems.extend(more),
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    if problems.is_empty() {
        Ok(problem)
    } else {
        Err(CalibrateError::Invalid {
            title: input.title.to_string(),
            problems,
        })
    }
}

/// The first few labels, for "use one of" hints.
fn known<'a>(labels: impl Iterator<Item = &'a String>) -> String {
    let all: Vec<&String> = labels.collect();
    let mut s = all
        .iter()
        .take(12)
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if all.len() > 12 {
        s.push_str(&format!(", … ({} in all)", all.len()));
    }
    s
}
