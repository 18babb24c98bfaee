//! The calibration problem: alternatives scored by weighted sums over groups of criteria, free
//! thresholds, and documented decisions to reproduce.

use serde::Serialize;

use crate::error::{CalibrateError, InputProblem};

/// A group of criteria whose weights sum to 1 (a weighted sum of its own): the whole matrix for
/// a plain weighted sum; the need side and the added-value side for the placement engine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// Name (`score`, `need`, `added_value`).
    pub name: String,
    /// Indices into [`Problem::criteria`].
    pub criteria: Vec<usize>,
}

/// A threshold on a group's score (0–100) that the calibration may move within bounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Threshold {
    /// Name: a rule id and a metric id (`R-CLS-PRIO need`), or any text.
    pub name: String,
    /// Lowest allowed value.
    pub min: f64,
    /// Highest allowed value.
    pub max: f64,
    /// The value in the rulebook now, if any (shown next to the calibrated one).
    pub current: Option<f64>,
}

/// What a documented decision says. Scores are `100 × factor × Σ w_j n_ij` over the group's
/// criteria (`factor` carries the engine's fixed adjustments, 1 for a plain weighted sum).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Statement {
    /// Alternative `a` scores above `b` in `group`.
    Before {
        /// The better one.
        a: usize,
        /// The worse one.
        b: usize,
        /// The group.
        group: usize,
    },
    /// The alternative's score in `group` reaches the threshold.
    AtLeast {
        /// The alternative.
        alternative: usize,
        /// The group.
        group: usize,
        /// The threshold.
        threshold: usize,
        /// Fixed factor on the score.
        factor: f64,
    },
    /// The alternative's score in `group` stays below the threshold.
    Below {
        /// The alternative.
        alternative: usize,
        /// The group.
        group: usize,
        /// The threshold.
        threshold: usize,
        /// Fixed factor on the score.
        factor: f64,
    },
}

/// One documented decision: what it says, its name and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// Short name (`AU priority`, `GB post`, `CO before PE`).
    pub label: String,
    /// The same in Dutch (`None`: the label serves both languages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_nl: Option<String>,
    /// Where it is documented (seed file and quote, or a fixture).
    pub source: String,
    /// The statement.
    pub statement: Statement,
}

/// A calibration problem.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Title (shown in every output).
    pub title: String,
    /// The same in Dutch (`None`: the title serves both languages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_nl: Option<String>,
    /// Criterion ids.
    pub criteria: Vec<String>,
    /// Alternative labels (country codes).
    pub alternatives: Vec<String>,
    /// `values[i][j]`: alternative i's normalised value of criterion j, in [0, 1], benefit
    /// direction (a cost criterion is given reversed).
    pub values: Vec<Vec<f64>>,
    /// Groups (each criterion in exactly one).
    pub groups: Vec<Group>,
    /// Free thresholds.
    pub thresholds: Vec<Threshold>,
    /// `(a, b)`: threshold a stays at least threshold b (the priority threshold above the
    /// sub-priority one).
    pub threshold_order: Vec<(usize, usize)>,
    /// The weights in use now (by criterion, within each group summing to 1), if any.
    pub current_weights: Option<Vec<f64>>,
    /// The documented decisions.
    pub decisions: Vec<Decision>,
}

impl Problem {
    /// Checks the problem and reports every problem at once.
    ///
    /// # Errors
    /// [`CalibrateError::Invalid`] listing each problem.
    pub fn validate(&self) -> Result<(), CalibrateError> {
        let mut p = Vec::new();
        let n = self.alternatives.len();
        let m = self.criteria.len();
        if n == 0 {
            p.push(InputProblem::Empty {
                what: "alternatives",
            });
        }
        if self.decisions.is_empty() {
            p.push(InputProblem::Empty { what: "decisions" });
        }
        if self.values.len() != n {
            p.push(InputProblem::Shape {
                what: "values rows".into(),
                expected: n,
                found: self.values.len(),
            });
        }
        for (i, row) in self.values.iter().enumerate() {
            if row.len() != m {
                p.push(InputProblem::Shape {
                    what: format!("values row of {}", self.label(i)),
                    expected: m,
                    found: row.len(),
                });
            }
            for (j, v) in row.iter().enumerate() {
                if !v.is_finite() || !(0.0..=1.0).contains(v) {
                    p.push(InputProblem::BadValue {
                        alternative: self.label(i),
                        criterion: self.criteria.get(j).cloned().unwrap_or_default(),
                        value: *v,
                    });
                }
            }
        }
        if let Some(w) = &self.current_weights {
            if w.len() != m {
                p.push(InputProblem::BadCurrentWeights {
                    reason: format!("{} given for {m} criteria; give one per criterion", w.len()),
                });
            } else if let Some((j, v)) = w
                .iter()
                .enumerate()
                .find(|(_, v)| !v.is_finite() || **v < 0.0)
            {
                p.push(InputProblem::BadCurrentWeights {
                    reason: format!(
                        "{} = {v}: weights must be finite and at least 0",
                        self.criteria[j]
                    ),
                });
            }
        }
        let mut seen = vec![0usize; m];
        for g in &self.groups {
            if g.criteria.is_empty() {
                p.push(InputProblem::EmptyGroup {
                    group: g.name.clone(),
                });
            }
            for &j in &g.criteria {
                if j < m {
                    seen[j] += 1;
                }
            }
        }
        for (j, s) in seen.iter().enumerate() {
            if *s != 1 {
                p.push(InputProblem::Grouping {
                    criterion: self.criteria[j].clone(),
                    groups: *s,
                });
            }
        }
        for t in &self.thresholds {
            if !(t.min.is_finite() && t.max.is_finite() && t.min <= t.max) {
                p.push(InputProblem::BadThreshold {
                    threshold: t.name.clone(),
                    min: t.min,
                    max: t.max,
                });
            }
        }
        let nt = self.thresholds.len();
        let ng = self.groups.len();
        let ok_alt = |i: usize| i < n;
        for d in &self.decisions {
            let bad = match d.statement {
                Statement::Before { a, b, group } => {
                    if a == b {
                        p.push(InputProblem::SelfComparison {
                            decision: d.label.clone(),
                        });
                    }
                    !ok_alt(a) || !ok_alt(b) || group >= ng
                }
                Statement::AtLeast {
                    alternative,
                    group,
                    threshold,
                    factor,
                }
                | Statement::Below {
                    alternative,
                    group,
                    threshold,
                    factor,
                } => {
                    !ok_alt(alternative)
                        || group >= ng
                        || threshold >= nt
                        || !factor.is_finite()
                        || factor < 0.0
                }
            };
            if bad {
                p.push(InputProblem::BadReference {
                    decision: d.label.clone(),
                });
            }
        }
        // "A before B" and "B before A" in the same group contradict each other outright.
        for (x, d) in self.decisions.iter().enumerate() {
            for e in &self.decisions[x + 1..] {
                if let (
                    Statement::Before { a, b, group },
                    Statement::Before {
                        a: a2,
                        b: b2,
                        group: g2,
                    },
                ) = (&d.statement, &e.statement)
                {
                    if a == b2 && b == a2 && group == g2 {
                        p.push(InputProblem::Contradiction {
                            first: d.label.clone(),
                            second: e.label.clone(),
                        });
                    }
                }
            }
        }
        if p.is_empty() {
            Ok(())
        } else {
            Err(CalibrateError::Invalid {
                title: self.title.clone(),
                problems: p,
            })
        }
    }

    fn label(&self, i: usize) -> String {
        self.alternatives
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("#{i}"))
    }
}
