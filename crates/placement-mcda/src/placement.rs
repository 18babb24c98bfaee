//! The rule-based placement engine (`placement-core`) as one more method, on the same
//! decision matrix as the classical methods, so that researchers can compare them.
//!
//! ```
//! use placement_core::{AssessmentSet, Rulebook};
//! use placement_mcda::{methods::wsm::wsm, placement::PlacementProblem, Normalization};
//!
//! let set = AssessmentSet::default_fixture().map_err(|e| e.to_string())?;
//! let rules = Rulebook::default_rulebook().map_err(|e| e.to_string())?;
//! let p = PlacementProblem::evaluate(&set, &rules)?;
//! let engine = p.method();                       // rank 1 = the engine's first country
//! let classical = wsm(&p.matrix, &p.weights, &p.types, Normalization::MinMax)?;
//! let rho = placement_mcda::correlation::spearman(&engine.ranking, &classical.ranking)?;
//! assert!(rho > 0.5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The matrix
//! * Rows: the countries of the assessment set, sorted by ISO code ([`PlacementProblem::
//!   alternatives`]).
//! * Columns: the *weighed* criteria (need and added-value sides; the rule-only criteria
//!   `europol_channel` and `rule_of_law` are left out) in [`Criterion::ALL`] order, with their
//!   catalogue direction: `cooperation_quality` is a cost (good existing cooperation means a
//!   liaison adds little), every other one a benefit.
//! * Values: the values *as used by the engine* (`record.inputs`): derived values (the crime
//!   relation from phenomena, the springboard value from springboard links) and imputed
//!   missing values (the rulebook's missing-value policy) included.
//! * Weights: the rulebook's weights (they sum to 1 over the weighed criteria).
//!
//! # How the placement method differs from the classical ones
//! * **Fixed-scale normalisation.** The engine normalises each value on the fixed 0–10 scale
//!   (`v/10`, cost `(10 − v)/10`), not relative to the other countries (min-max, vector, sum):
//!   adding or removing a candidate never changes another country's normalised values.
//!   Without rules the score is `100 × Σ w_j r_ij` with these partial values, i.e. WSM on
//!   [`PlacementProblem::fixed_scale_utilities`] (tested).
//! * **Rules adjust the added value.** Adjust-stage rules scale the added-value score (e.g.
//!   the Europol discount for EU members), so the score is not additive in the criteria;
//!   [`PlacementProblem::base_scores`] holds the scores before adjustment.
//! * **Rules decide the instrument, class and organisation.** The engine's recommendation is
//!   more than an order: a high-ranked country can get no permanent liaison (no data-sharing
//!   basis, Europol route suffices). The "placement" method here uses the **score** only,
//!   which is what the engine ranks by (ties by country code in the engine; here, like every
//!   method of this crate, exactly equal scores share their average rank).
//!
//! With other weights ([`PlacementProblem::method_with_weights`]) the engine is run again
//! with the rulebook's weights replaced ([`Rulebook::set_weights`]), so the rules still apply.

use std::collections::BTreeMap;

use placement_core::criteria::{Direction as CoreDirection, Side};
use placement_core::{AssessmentSet, Criterion, Engine, Evaluation, Rulebook};

use crate::error::{McdaError, Result};
use crate::matrix::{normalize_weights, CriterionType, DecisionMatrix};
use crate::methods::MethodResult;
use crate::rank::Direction;

/// The weighed criteria (need and added-value sides) in [`Criterion::ALL`] order: the columns
/// of the placement decision matrix.
pub fn weighed_criteria() -> Vec<Criterion> {
    Criterion::ALL
        .into_iter()
        .filter(|c| c.side() != Side::RuleOnly)
        .collect()
}

/// The MCDA type of a criterion, from its catalogue direction.
pub fn criterion_type(criterion: Criterion) -> CriterionType {
    match criterion.info().direction {
        CoreDirection::Benefit => CriterionType::Benefit,
        CoreDirection::Cost => CriterionType::Cost,
    }
}

/// An evaluated assessment set as a decision problem.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacementProblem {
    /// Country codes, sorted: the rows.
    pub alternatives: Vec<String>,
    /// The weighed criteria: the columns.
    pub criteria: Vec<Criterion>,
    /// One type per column.
    pub types: Vec<CriterionType>,
    /// Values as used by the engine, 0–10.
    pub matrix: DecisionMatrix,
    /// The rulebook's weights, one per column, summing to 1.
    pub weights: Vec<f64>,
    /// The engine's scores (0–100), one per row.
    pub scores: Vec<f64>,
    /// The scores before the adjust-stage rules changed the added value.
    pub base_scores: Vec<f64>,
    set: AssessmentSet,
    rules: Rulebook,
}

impl PlacementProblem {
    /// Evaluates `set` under `rules` and builds the problem.
    ///
    /// # Errors
    /// [`McdaError::Engine`] when the engine refuses the input (e.g. missing values under a
    /// `reject` policy), and those of [`PlacementProblem::from_evaluation`].
    pub fn evaluate(set: &AssessmentSet, rules: &Rulebook) -> Result<Self> {
        let evaluation = Engine::new(rules)
            .evaluate(set)
            .map_err(|e| McdaError::Engine {
                message: e.to_string(),
            })?;
        Self::from_evaluation(set, rules, &evaluation)
    }

    /// Builds the problem from an existing evaluation of `set` under `rules`.
    ///
    /// # Errors
    /// [`McdaError::MismatchedEvaluation`] when the evaluation was made from another rulebook
    /// or assessment set (hashes differ); [`McdaError::EmptyMatrix`] for an empty set.
    pub fn from_evaluation(
        set: &AssessmentSet,
        rules: &Rulebook,
        evaluation: &Evaluation,
    ) -> Result<Self> {
        let rules_hash = rules.hash();
        if evaluation.rulebook.hash != rules_hash {
            return Err(McdaError::MismatchedEvaluation {
                what: "rulebook",
                expected: rules_hash,
                found: evaluation.rulebook.hash.clone(),
            });
        }
        let set_hash = set.fingerprint();
        if evaluation.input.hash != set_hash {
            return Err(McdaError::MismatchedEvaluation {
                what: "assessment set",
                expected: set_hash,
                found: evaluation.input.hash.clone(),
            });
        }
        let criteria = weighed_criteria();
        let mut records: Vec<_> = evaluation.records.iter().collect();
        records.sort_by(|a, b| a.country.as_str().cmp(b.country.as_str()));
        let mut data = Vec::with_capacity(records.len() * criteria.len());
        for r in &records {
            for c in &criteria {
                data.push(r.inputs.get(c).map_or(0.0, |i| i.value));
            }
        }
        let matrix = DecisionMatrix::from_row_major(records.len(), criteria.len(), data)?;
        let raw: Vec<f64> = criteria
            .iter()
            .map(|&c| rules.scoring().weight(c))
            .collect();
        let weights = normalize_weights(&raw, criteria.len())?;
        Ok(PlacementProblem {
            alternatives: records
                .iter()
                .map(|r| r.country.as_str().to_string())
                .collect(),
            types: criteria.iter().map(|&c| criterion_type(c)).collect(),
            criteria,
            matrix,
            weights,
            scores: records.iter().map(|r| r.score).collect(),
            base_scores: records
                .iter()
                .map(|r| r.score - r.adjustments.iter().map(|a| a.to_score).sum::<f64>())
                .collect(),
            set: set.clone(),
            rules: rules.clone(),
        })
    }

    /// The criterion ids, one per column.
    pub fn criterion_ids(&self) -> Vec<&'static str> {
        self.criteria.iter().map(|c| c.id()).collect()
    }

    /// The rulebook the problem was evaluated under.
    pub fn rulebook(&self) -> &Rulebook {
        &self.rules
    }

    /// The "placement" method under the rulebook's own weights: preferences are the engine's
    /// scores (higher is better), ranks average ties.
    pub fn method(&self) -> MethodResult {
        MethodResult::new(self.scores.clone(), Direction::HigherIsBetter)
    }

    /// The "placement" method with other weights (one per column, rescaled to sum 1): the
    /// engine is run again on the same assessment set with the rulebook's weights replaced,
    /// so every rule still applies.
    ///
    /// # Errors
    /// Weight validation errors ([`normalize_weights`]); [`McdaError::Engine`] when the
    /// rulebook refuses the weights (a side of the model with a zero total) or the engine
    /// refuses the input.
    pub fn method_with_weights(&self, weights: &[f64]) -> Result<MethodResult> {
        let w = normalize_weights(weights, self.criteria.len())?;
        let map: BTreeMap<Criterion, f64> = self.criteria.iter().copied().zip(w).collect();
        let mut rules = self.rules.clone();
        let engine_err = |e: placement_core::Error| McdaError::Engine {
            message: e.to_string(),
        };
        rules.set_weights(&map).map_err(engine_err)?;
        let evaluation = Engine::new(&rules)
            .evaluate(&self.set)
            .map_err(engine_err)?;
        let by_code: BTreeMap<&str, f64> = evaluation
            .records
            .iter()
            .map(|r| (r.country.as_str(), r.score))
            .collect();
        let scores = self
            .alternatives
            .iter()
            .map(|a| {
                by_code
                    .get(a.as_str())
                    .copied()
                    .unwrap_or(f64::NEG_INFINITY)
            })
            .collect();
        Ok(MethodResult::new(scores, Direction::HigherIsBetter))
    }

    /// The engine's partial values: each value normalised on the fixed 0–10 scale
    /// (`v/10`; cost criteria `(10 − v)/10`), in `[0, 1]`, higher is better.
    ///
    /// WSM on this matrix with [`PlacementProblem::weights`], times 100, equals
    /// [`PlacementProblem::base_scores`]. SMAA-2 in `weights_benchmark` uses it.
    pub fn fixed_scale_utilities(&self) -> DecisionMatrix {
        let n = self.criteria.len();
        let data: Vec<f64> = self
            .matrix
            .as_slice()
            .iter()
            .enumerate()
            .map(|(k, &v)| {
                self.criteria
                    .get(k % n)
                    .map_or(0.0, |&c| self.rules.scoring().normalise(c, v))
            })
            .collect();
        // The same shape as a validated matrix and finite values: cannot fail.
        DecisionMatrix::from_row_major(self.matrix.rows(), n, data)
            .unwrap_or_else(|_| self.matrix.clone())
    }
}
